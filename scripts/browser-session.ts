// The start-up the browser measurements share (scripts/measure-first-load.ts,
// scripts/measure-whatif.ts): a real server on a free port with a temporary SQLite file and an
// already built web app (so an older build can be served to compare), Debian's Chromium driven by
// playwright-core, the seeded admin's one-time password, and the machine's load. Unlike the e2e
// tests' start-up (test/helpers/e2e-page.ts) it does not build the app: a measurement must time
// the build it is given.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type Started } from '../src/server/start.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface BrowserSession {
  /** The directory served: `STATIC_DIR` or the repository's dist-web/. */
  staticDir: string;
  server: Started;
  browser: Browser;
  /** The one-time password of the seeded admin, as the server logged it at its first start. */
  adminPassword: string;
  /** Stops Chromium and the server and removes the temporary directory. */
  close: () => Promise<void>;
}

/** Starts the server on the built web app and Chromium; stops what started if a step fails. */
export async function startBrowserSession(tmpPrefix: string): Promise<BrowserSession> {
  const staticDir = process.env.STATIC_DIR ?? join(ROOT, 'dist-web');
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error('run `npm run build:web` first');
  const dir = mkdtempSync(join(tmpdir(), tmpPrefix));
  const lines: string[] = [];
  let server: Started | undefined;
  try {
    server = await startServer({
      port: 0,
      dbFile: join(dir, 'db.sqlite'),
      staticDir,
      passwordLog2N: 10,
      log: (line) => lines.push(line),
    });
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless'],
    });
    const adminPassword = lines[lines.findIndex((l) => l.includes('one-time password')) + 1];
    const started = server;
    const close = async (): Promise<void> => {
      await browser.close();
      await started.close();
      rmSync(dir, { recursive: true, force: true });
    };
    return { staticDir, server, browser, adminPassword: adminPassword?.trim() ?? '', close };
  } catch (e) {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** The median of `xs` (NaN for none). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return Number.NaN;
  return n % 2 === 1 ? (s[(n - 1) / 2] ?? Number.NaN) : ((s[n / 2 - 1] ?? 0) + (s[n / 2] ?? 0)) / 2;
}

/** The machine's load as `uptime` prints it (a measurement on a shared machine states it). */
export function machineLoad(): string {
  return execFileSync('uptime').toString().trim();
}
