/**
 * Starting the server: open the store (SQLite file or PostgreSQL URL), migrate, seed an empty
 * database, listen. Used by `chromflow serve` and `src/server/main.ts`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { openStore, type Store } from '../store/index.js';
import { createApp, DEFAULT_STATIC_DIR } from './app.js';
import type { AppOptions } from './context.js';
import { seedIfEmpty } from './seed.js';
import { AppraisalCache } from './appraisal-cache.js';
import { McService } from '../workers/mc-service.js';
import { defaultWorkers } from '../workers/pool.js';

export interface StartOptions extends AppOptions {
  /** TCP port; 0 picks a free one. Default 8080. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** SQLite file (default ./var/chromflow.sqlite). */
  dbFile?: string;
  /** PostgreSQL URL; wins over `dbFile`. */
  databaseUrl?: string;
  /** Where messages go (default stdout). */
  log?: (line: string) => void;
}

export interface Started {
  url: string;
  store: Store;
  server: ServerType;
  /** Stops listening and closes the store. */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<Started> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const store = await openStore({
    ...(options.dbFile !== undefined ? { dbFile: options.dbFile } : {}),
    ...(options.databaseUrl !== undefined ? { databaseUrl: options.databaseUrl } : {}),
  });
  try {
    const applied = await store.migrate();
    if (applied.length > 0) log(`database: applied migrations ${applied.join(', ')}`);
    const seeded = await seedIfEmpty(store, undefined, options.passwordLog2N);
    if (seeded) {
      log('First start: created the account "admin" with the one-time password');
      log(`    ${seeded.adminPassword}`);
      log('  (shown only now; it must be changed at the first login)');
      log(`  and the shared reference scenarios: ${seeded.scenarios.join('; ')}`);
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  const mc = options.mc ?? new McService(store, { workers: options.mcWorkers ?? defaultWorkers() });
  const appraisals = options.appraisals ?? new AppraisalCache(store);
  const app = createApp(store, { ...options, mc, appraisals });
  const host = options.host ?? '127.0.0.1';
  let server: ServerType;
  try {
    server = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, () => {
        resolve(s);
      });
      s.once('error', reject);
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  log(`chromflow is serving on ${url} (database: ${store.dialect})`);
  // The stored scenarios' dashboards open at once (web UI): appraise them in the background.
  appraisals.warmAll();
  const staticDir = options.staticDir ?? DEFAULT_STATIC_DIR;
  if (!existsSync(join(staticDir, 'index.html')))
    log(`  web UI not built (${staticDir} is missing; run "npm run build:web"): API only`);
  return {
    url,
    store,
    server,
    close: async () => {
      // Running Monte Carlo jobs stop after their current chunks (they stay resumable); their
      // event streams end with a `done` event (status cancelled), so the server can close.
      if (options.mc === undefined) await mc.close();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      await store.close();
    },
  };
}
