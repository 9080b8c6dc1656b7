/**
 * Opening a store: embedded SQLite (default, a file under ./var/) or PostgreSQL (DATABASE_URL).
 * Neither opener migrates; call `store.migrate()` (the server's start does).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { KyselyStore, type KyselyStoreOptions } from './kysely-store.js';
import type { Database } from './schema.js';

import { DEFAULT_SQLITE_FILE } from './default-file.js';

export { DEFAULT_SQLITE_FILE };

/**
 * Opens (creating the file and its directory when missing) an embedded SQLite store in WAL mode
 * with foreign keys enforced. `':memory:'` gives a private in-memory database (tests).
 */
export function openSqliteStore(
  file: string = DEFAULT_SQLITE_FILE,
  options: KyselyStoreOptions = {},
): KyselyStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new BetterSqlite3(file);
  if (file !== ':memory:') database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return new KyselyStore(db, 'sqlite', {
    ...options,
    ...(file !== ':memory:' ? { file } : {}),
  });
}

export interface PostgresOptions extends KyselyStoreOptions {
  /**
   * Schema to use (created if missing) instead of `public`, e.g. one per test run. Must match
   * `[a-z_][a-z0-9_]*`.
   */
  schema?: string;
  /** Pool size (default 10). */
  max?: number;
}

/** Opens a PostgreSQL store from a `postgres://user:pass@host:port/db` URL. */
export async function openPostgresStore(
  url: string,
  options: PostgresOptions = {},
): Promise<KyselyStore> {
  const { schema, max = 10, ...storeOptions } = options;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`schema: found ${JSON.stringify(schema)}, expected [a-z_][a-z0-9_]*`);
  const pool = new pg.Pool({
    connectionString: url,
    max,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its connection (database restart) must not crash the process; the
  // pool replaces it and the next query reports any lasting problem.
  pool.on('error', (error) => {
    process.stderr.write(`database: idle connection error: ${error.message}\n`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (schema !== undefined) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  const current = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
    db,
  );
  const migrationSchema = current.rows[0]?.schema ?? schema ?? 'public';
  return new KyselyStore(db, 'postgres', { ...storeOptions, migrationSchema });
}

export interface OpenStoreOptions {
  /** SQLite file (default {@link DEFAULT_SQLITE_FILE}); ignored when `databaseUrl` is given. */
  dbFile?: string;
  /** `postgres://…` selects PostgreSQL. */
  databaseUrl?: string;
}

/** PostgreSQL when a database URL is given, else embedded SQLite. */
export async function openStore(options: OpenStoreOptions = {}): Promise<KyselyStore> {
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl))
      throw new Error(
        'database URL: expected postgres://user:password@host:port/database (only PostgreSQL is supported)',
      );
    return openPostgresStore(options.databaseUrl);
  }
  return openSqliteStore(options.dbFile ?? DEFAULT_SQLITE_FILE);
}
