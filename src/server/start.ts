/**
 * Starting the server: open the store (SQLite file or PostgreSQL URL), migrate, seed an empty
 * database, listen. Used by `chromflow serve` and `src/server/main.ts`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { openStore, type Store } from '../store/index.js';
import { createApp, DEFAULT_STATIC_DIR, drainApp } from './app.js';
import type { AppOptions } from './context.js';
import { seedIfEmpty } from './seed.js';
import { AppraisalCache } from './appraisal-cache.js';
import { McService } from '../workers/mc-service.js';
import { defaultWorkers, WorkerPool } from '../workers/pool.js';

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
    // Runs this database says are running have no process any more: a server stopped (or
    // crashed) while evaluating them. They are marked interrupted (resumable), so their event
    // streams end.
    const interrupted = await store.interruptActiveMcRuns();
    if (interrupted.length > 0)
      log(
        `Monte Carlo: ${interrupted.length} run(s) left running by a stopped server marked interrupted (resume them with POST /api/mc-runs/<id>/resume)`,
      );
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
  // One worker pool for the whole process: appraisals, validation, reports and Monte Carlo.
  const pool = options.pool ?? new WorkerPool(options.workers ?? defaultWorkers());
  // Load the model in every thread now, not in the first user's request.
  for (let i = 0; i < pool.threads; i++)
    void pool.parse({ text: 'chromflow: 1\n', file: '<warm-up>' }).catch(() => undefined);
  const mc = options.mc ?? new McService(store, { pool });
  const appraisals =
    options.appraisals ??
    new AppraisalCache(store, (text) => pool.appraise({ text, file: 'stored version' }));
  const app = createApp(store, { ...options, pool, mc, appraisals });
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
    if (options.pool === undefined) await pool.close();
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
      // Running Monte Carlo runs stop at once (their running chunks are ended; finished ones
      // are stored) and are marked interrupted, resumable; their event streams end with a
      // `done` event, so the server can close.
      if (options.mc === undefined) await mc.close();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      // Requests already accepted get their answers before the worker threads end.
      await drainApp(app);
      if (options.pool === undefined) await pool.close();
      await store.close();
    },
  };
}
