// Vite build of the chromflow web UI: `npm run build:web` writes ../dist-web, which
// `chromflow serve` serves at `/`. The pure core (../src) is bundled into a Web Worker for the
// live what-if. The output must satisfy the server's CSP (script-src 'self', style-src 'self'):
// no inline scripts or styles, so assets are never inlined and the worker is a separate file.
// The charts (ECharts), the flowsheet layout (elkjs, in its own worker) and the editor are
// separate chunks loaded when first shown. Every text asset is also written precompressed
// (.br, .gz) for the server to send to browsers that accept it.
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;

/** Writes `<file>.br` and `<file>.gz` next to every compressible file of the build. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'chromflow-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((f) => {
          const p = join(dir, f);
          return statSync(p).isDirectory() ? walk(p) : [p];
        });
      for (const file of walk(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const raw = readFileSync(file);
        if (raw.length < 512) continue;
        writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          }),
        );
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('../dist-web', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 4000,
    target: 'es2022',
  },
  worker: { format: 'es' },
  server: {
    // `npx vite web` during development: the API comes from a running `chromflow serve`.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
