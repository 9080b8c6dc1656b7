/**
 * Schema migrations, shared by SQLite and PostgreSQL (portable column types only: text,
 * integer). Applied in name order by kysely's Migrator; never edit a released migration — add
 * a new one.
 */
import {
  SqliteAdapter,
  sql,
  type Expression,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type SqlBool,
} from 'kysely';

const m0001: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('email', 'text', (c) => c.unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) =>
        c.notNull().check(sqlIn('role', ['viewer', 'editor', 'admin'])),
      )
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('scenarios')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('visibility', 'text', (c) =>
        c.notNull().check(sqlIn('visibility', ['private', 'shared'])),
      )
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('latest_version', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('scenarios_owner').on('scenarios').column('owner_id').execute();
    await db.schema
      .createIndex('scenarios_visibility')
      .on('scenarios')
      .column('visibility')
      .execute();

    await db.schema
      .createTable('scenario_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scenario_id', 'text', (c) =>
        c.notNull().references('scenarios.id').onDelete('cascade'),
      )
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addUniqueConstraint('scenario_versions_scenario_version', ['scenario_id', 'version'])
      .execute();

    await db.schema
      .createTable('appraisals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scenario_version_id', 'text', (c) =>
        c.notNull().references('scenario_versions.id').onDelete('cascade'),
      )
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('chromflow_version', 'text', (c) => c.notNull())
      .addColumn('result_json', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('appraisals_version')
      .on('appraisals')
      .column('scenario_version_id')
      .execute();

    await db.schema
      .createTable('mc_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scenario_version_id', 'text', (c) =>
        c.notNull().references('scenario_versions.id').onDelete('cascade'),
      )
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sqlIn('status', ['queued', 'running', 'done', 'failed', 'cancelled'])),
      )
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('samples', 'integer', (c) => c.notNull())
      .addColumn('seed', 'integer', (c) => c.notNull())
      .addColumn('completed_samples', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('meta_json', 'text', (c) => c.notNull())
      .addColumn('error', 'text')
      .execute();
    await db.schema
      .createIndex('mc_runs_version')
      .on('mc_runs')
      .column('scenario_version_id')
      .execute();

    await db.schema
      .createTable('mc_run_chunks')
      .addColumn('run_id', 'text', (c) => c.notNull().references('mc_runs.id').onDelete('cascade'))
      .addColumn('chunk_index', 'integer', (c) => c.notNull())
      .addColumn('first_sample', 'integer', (c) => c.notNull())
      .addColumn('sample_count', 'integer', (c) => c.notNull())
      .addColumn('results_json', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('mc_run_chunks_pk', ['run_id', 'chunk_index'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const t of [
      'mc_run_chunks',
      'mc_runs',
      'appraisals',
      'scenario_versions',
      'scenarios',
      'sessions',
      'users',
    ])
      await db.schema.dropTable(t).execute();
  },
};

/**
 * Monte Carlo runs of a scenario file (command line): `mc_runs.scenario_version_id` and
 * `created_by` become nullable. PostgreSQL drops the NOT NULL constraints; SQLite cannot alter
 * a column, so the table is rebuilt (SQLite's documented 12-step procedure: foreign keys off,
 * new table, copy, drop, rename, check, foreign keys on). Kysely runs SQLite migrations
 * outside a transaction, which is what lets `PRAGMA foreign_keys` take effect here.
 */
const m0002: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
      await sql`alter table mc_runs alter column scenario_version_id drop not null`.execute(db);
      await sql`alter table mc_runs alter column created_by drop not null`.execute(db);
      return;
    }
    await rebuildMcRunsSqlite(db, ['queued', 'running', 'done', 'failed', 'cancelled']);
  },
  async down(): Promise<void> {
    // Restoring NOT NULL would have to delete command-line runs; not supported.
    return Promise.reject(new Error('migration 0002_mc_runs_from_files cannot be undone'));
  },
};

/**
 * Issue 18: scenarios can be archived (`archived_at`, null while active); Monte Carlo runs get
 * the status `interrupted` (left running by a server that stopped; resumable) and an index on
 * their creator (per-user quotas). PostgreSQL swaps the CHECK constraint; SQLite rebuilds
 * `mc_runs` the documented 12-step way, as 0002 did.
 */
const m0003: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('scenarios').addColumn('archived_at', 'text').execute();
    const statuses = ['queued', 'running', 'done', 'failed', 'cancelled', 'interrupted'];
    if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
      await sql`alter table mc_runs drop constraint if exists mc_runs_status_check`.execute(db);
      await sql`alter table mc_runs add constraint mc_runs_status_check check (${sqlIn('status', statuses)})`.execute(
        db,
      );
    } else {
      await rebuildMcRunsSqlite(db, statuses);
    }
    await db.schema
      .createIndex('mc_runs_creator_status')
      .on('mc_runs')
      .columns(['created_by', 'status'])
      .execute();
  },
  async down(): Promise<void> {
    return Promise.reject(new Error('migration 0003_archive_and_interrupted cannot be undone'));
  },
};

/**
 * Rebuilds `mc_runs` on SQLite with nullable version and creator and the given statuses
 * (SQLite cannot alter a column or a CHECK): foreign keys off, new table, copy, drop, rename,
 * index, `foreign_key_check`, foreign keys on. Kysely runs SQLite migrations outside a
 * transaction, which is what lets `PRAGMA foreign_keys` take effect.
 */
async function rebuildMcRunsSqlite(
  db: Kysely<unknown>,
  statuses: readonly string[],
): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.schema
      .createTable('mc_runs_new')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scenario_version_id', 'text', (c) =>
        c.references('scenario_versions.id').onDelete('cascade'),
      )
      .addColumn('created_by', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', statuses)))
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('samples', 'integer', (c) => c.notNull())
      .addColumn('seed', 'integer', (c) => c.notNull())
      .addColumn('completed_samples', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('meta_json', 'text', (c) => c.notNull())
      .addColumn('error', 'text')
      .execute();
    await sql`insert into mc_runs_new select id, scenario_version_id, created_by, created_at, updated_at, status, method, samples, seed, completed_samples, meta_json, error from mc_runs`.execute(
      db,
    );
    await db.schema.dropTable('mc_runs').execute();
    await db.schema.alterTable('mc_runs_new').renameTo('mc_runs').execute();
    await db.schema
      .createIndex('mc_runs_version')
      .on('mc_runs')
      .column('scenario_version_id')
      .execute();
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length > 0)
      throw new Error(
        `foreign key check failed after rebuilding mc_runs: ${JSON.stringify(broken.rows)}`,
      );
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

/** All migrations by name; names sort in application order. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_mc_runs_from_files': m0002,
  '0003_archive_and_interrupted': m0003,
};

/** Kysely migration provider over {@link MIGRATIONS} (no file-system lookup, so it bundles). */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};

/** `column IN ('a', 'b')` for CHECK constraints; the values are constants of this file. */
function sqlIn(column: string, values: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
