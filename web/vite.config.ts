// Vite build of the chromflow web UI: `npm run build:web` writes ../dist-web, which
// `chromflow serve` serves at `/`. The pure core (../src) is bundled into a Web Worker for the
// live what-if. The output must satisfy the server's CSP (script-src 'self', style-src 'self'):
// no inline scripts or styles, so assets are never inlined and the worker is a separate file.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
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
