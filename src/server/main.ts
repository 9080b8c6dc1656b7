#!/usr/bin/env node
// Starts the chromflow server: PORT (8080), HOST (127.0.0.1), DATABASE_URL (PostgreSQL) or
// CHROMFLOW_DB (SQLite file, default ./var/chromflow.sqlite). `chromflow serve` does the same.
import { startServer } from './start.js';

const env = process.env;
const started = await startServer({
  port: env.PORT !== undefined ? Number(env.PORT) : 8080,
  host: env.HOST ?? '127.0.0.1',
  ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
  ...(env.CHROMFLOW_DB ? { dbFile: env.CHROMFLOW_DB } : {}),
  trustProxy: env.TRUST_PROXY === '1',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void started.close().then(() => process.exit(0));
  });
