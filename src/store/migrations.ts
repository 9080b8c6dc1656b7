/**
 * Schema migrations, shared by SQLite and PostgreSQL (portable column types only: text,
 * integer). Applied in name order by kysely's Migrator; never edit a released migration — add
 * a new one.
 */
import {
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

/** All migrations by name; names sort in application order. */
export const MIGRATIONS: Record<string, Migration> = { '0001_initial': m0001 };

/** Kysely migration provider over {@link MIGRATIONS} (no file-system lookup, so it bundles). */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};

/** `column IN ('a', 'b')` for CHECK constraints; the values are constants of this file. */
function sqlIn(column: string, values: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
