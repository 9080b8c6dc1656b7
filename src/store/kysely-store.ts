/**
 * The {@link Store} over kysely. One implementation for both dialects: the SQL is built by
 * kysely's query builder (values are always bound parameters, never concatenated), the schema
 * uses portable types, and the few dialect differences (row locks) are switched on `dialect`.
 */
import { randomUUID } from 'node:crypto';
import { accessSync, constants, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { Migrator, sql, type Kysely, type Selectable } from 'kysely';
import { migrationProvider } from './migrations.js';
import { classifyStoreError, type StoreFailure } from './store-errors.js';
import {
  ACTIVE_MC_STATUSES,
  ConflictError,
  type McChunk,
  type McRun,
  type McRunPatch,
  type McRunStatus,
  type NewMcRun,
  type NewScenario,
  type NewUser,
  type NewVersion,
  type ScenarioMeta,
  type ScenarioPatch,
  type ScenarioVersion,
  type Session,
  type Store,
  type StoredAppraisal,
  type StoredAppraisalMeta,
  type User,
  type UserPatch,
  type UserWithHash,
  type VersionMeta,
} from './repository.js';
import type { Database, McRunsTable, ScenariosTable, UsersTable } from './schema.js';

export interface KyselyStoreOptions {
  /** Clock for created/updated times (tests pass a fixed one). */
  now?: () => Date;
  /** Called once by {@link KyselyStore.close} after kysely is destroyed. */
  onClose?: () => void;
  /**
   * PostgreSQL schema holding kysely's migration tables (the connection's current schema).
   * Without it kysely would take such tables found in any other schema for its own.
   */
  migrationSchema?: string;
  /** The SQLite file (absent in memory and for PostgreSQL): its disk is checked by `writable`. */
  file?: string;
}

/** Free space below which an SQLite database counts as full [bytes]. */
const MIN_FREE_BYTES = 1024 * 1024;
/** How long a failed write (disk full, read-only) marks the database unwritable [ms]. */
const FAILURE_MEMORY_MS = 60_000;

export class KyselyStore implements Store {
  private readonly now: () => Date;
  private lastFailure: { failure: StoreFailure; at: number } | undefined;

  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: 'sqlite' | 'postgres',
    private readonly options: KyselyStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  async migrate(): Promise<string[]> {
    const schema = this.options.migrationSchema;
    const migrator = new Migrator({
      db: this.db,
      provider: migrationProvider,
      ...(schema !== undefined ? { migrationTableSchema: schema } : {}),
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error !== undefined)
      throw error instanceof Error
        ? error
        : new Error(`migration failed: ${JSON.stringify(error)}`);
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
    this.options.onClose?.();
  }

  /**
   * Remembers a write that failed because the disk is full or the database read-only, so that
   * {@link writable} reports it; other errors are ignored. Returns the classified failure.
   */
  noteFailure(error: unknown): StoreFailure | undefined {
    const failure = classifyStoreError(error);
    if (failure?.kind === 'full' || failure?.kind === 'read_only')
      this.lastFailure = { failure, at: Date.now() };
    return failure;
  }

  async writable(): Promise<{ writable: boolean; reason?: string }> {
    const recent = this.lastFailure;
    if (recent !== undefined && Date.now() - recent.at < FAILURE_MEMORY_MS)
      return { writable: false, reason: `${recent.failure.message} (${recent.failure.code})` };
    const file = this.options.file;
    if (this.dialect === 'sqlite' && file !== undefined) {
      try {
        accessSync(file, constants.W_OK);
        accessSync(dirname(file), constants.W_OK);
      } catch (error) {
        return { writable: false, reason: `the database file is not writable: ${String(error)}` };
      }
      const fs = statfsSync(dirname(file));
      const free = fs.bavail * fs.bsize;
      if (free < MIN_FREE_BYTES)
        return { writable: false, reason: `only ${free} bytes free on the database's disk` };
    }
    if (this.dialect === 'postgres') {
      const r = await sql<{
        ro: string;
      }>`select current_setting('transaction_read_only') as ro`.execute(this.db);
      if (r.rows[0]?.ro === 'on') return { writable: false, reason: 'the database is read-only' };
    }
    return { writable: true };
  }

  /**
   * A transaction on one connection. Unlike kysely's, a failing ROLLBACK never hides the error
   * that caused it: SQLite rolls a transaction back by itself after SQLITE_FULL or an I/O
   * error, and kysely's own ROLLBACK then fails with "cannot rollback - no transaction is
   * active", which would replace the real error.
   */
  private async transact<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.db.connection().execute(async (conn) => {
      await sql`begin`.execute(conn);
      let result: T;
      try {
        result = await work(conn);
        await sql`commit`.execute(conn);
      } catch (error) {
        try {
          await sql`rollback`.execute(conn);
        } catch {
          // Already rolled back by the database; the original error is the one to report.
        }
        throw error;
      }
      return result;
    });
  }

  // ── users ──────────────────────────────────────────────────────────────────────────────

  async countUsers(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async createUser(user: NewUser): Promise<User> {
    const row: Selectable<UsersTable> = {
      id: randomUUID(),
      name: user.name.toLowerCase(),
      email: user.email === undefined || user.email === null ? null : user.email.toLowerCase(),
      password_hash: user.password_hash,
      role: user.role,
      must_change_password: user.must_change_password === true ? 1 : 0,
      created_at: this.stamp(),
    };
    if (await this.findUserForLogin(row.name)) throw new ConflictError('name', user.name);
    if (row.email !== null && (await this.findUserForLogin(row.email)))
      throw new ConflictError('email', user.email);
    try {
      await this.db.insertInto('users').values(row).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('name', user.name);
      throw error;
    }
    return toUser(row);
  }

  async getUser(id: string): Promise<User | undefined> {
    const row = await this.getUserWithHash(id);
    return row ? stripHash(row) : undefined;
  }

  async getUserWithHash(id: string): Promise<UserWithHash | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? { ...toUser(row), password_hash: row.password_hash } : undefined;
  }

  async findUserForLogin(nameOrEmail: string): Promise<UserWithHash | undefined> {
    const key = nameOrEmail.toLowerCase();
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb.or([eb('name', '=', key), eb('email', '=', key)]))
      .orderBy('created_at')
      .executeTakeFirst();
    return row ? { ...toUser(row), password_hash: row.password_hash } : undefined;
  }

  async listUsers(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('name').execute();
    return rows.map(toUser);
  }

  async updateUser(id: string, patch: UserPatch): Promise<User | undefined> {
    const set: Partial<Selectable<UsersTable>> = {};
    if (patch.role !== undefined) set.role = patch.role;
    if (patch.password_hash !== undefined) set.password_hash = patch.password_hash;
    if (patch.must_change_password !== undefined)
      set.must_change_password = patch.must_change_password ? 1 : 0;
    if (Object.keys(set).length > 0)
      await this.db.updateTable('users').set(set).where('id', '=', id).execute();
    return this.getUser(id);
  }

  // ── sessions ───────────────────────────────────────────────────────────────────────────

  async createSession(tokenHash: string, userId: string, expiresAt: string): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: tokenHash,
        user_id: userId,
        created_at: this.stamp(),
        expires_at: expiresAt,
      })
      .execute();
  }

  async getSession(tokenHash: string, now: string): Promise<Session | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select('sessions.expires_at')
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', now)
      .executeTakeFirst();
    if (!row) return undefined;
    const { expires_at, ...user } = row;
    return { user: toUser(user), expires_at };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    const r = await this.db
      .deleteFrom('sessions')
      .where('expires_at', '<=', now)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  // ── scenarios and versions ─────────────────────────────────────────────────────────────

  private scenarioQuery(db: Kysely<Database> = this.db) {
    return db
      .selectFrom('scenarios')
      .innerJoin('users', 'users.id', 'scenarios.owner_id')
      .selectAll('scenarios')
      .select('users.name as owner_name');
  }

  private versionMetaQuery(db: Kysely<Database> = this.db) {
    return db
      .selectFrom('scenario_versions as v')
      .innerJoin('users', 'users.id', 'v.author_id')
      .select([
        'v.id',
        'v.scenario_id',
        'v.version',
        'v.author_id',
        'users.name as author_name',
        'v.created_at',
        'v.message',
      ]);
  }

  async createScenario(
    s: NewScenario,
  ): Promise<{ scenario: ScenarioMeta; version: ScenarioVersion }> {
    const id = randomUUID();
    const versionId = randomUUID();
    const at = this.stamp();
    await this.transact(async (trx) => {
      await trx
        .insertInto('scenarios')
        .values({
          id,
          owner_id: s.owner_id,
          name: s.name,
          visibility: s.visibility,
          created_at: at,
          updated_at: at,
          latest_version: 1,
        })
        .execute();
      await trx
        .insertInto('scenario_versions')
        .values({
          id: versionId,
          scenario_id: id,
          version: 1,
          author_id: s.owner_id,
          created_at: at,
          message: s.message,
          text: s.text,
        })
        .execute();
    });
    const scenario = await this.getScenario(id);
    const version = await this.getVersion(id, 1);
    if (!scenario || !version) throw new Error(`scenario ${id} vanished after creation`);
    return { scenario, version };
  }

  async getScenario(id: string): Promise<ScenarioMeta | undefined> {
    return this.scenarioQuery().where('scenarios.id', '=', id).executeTakeFirst();
  }

  async listScenariosVisibleTo(
    userId: string,
    options: { archived?: boolean } = {},
  ): Promise<ScenarioMeta[]> {
    const q = this.scenarioQuery();
    const filtered =
      options.archived === true
        ? q.where('scenarios.owner_id', '=', userId).where('scenarios.archived_at', 'is not', null)
        : q
            .where((eb) =>
              eb.or([
                eb('scenarios.owner_id', '=', userId),
                eb('scenarios.visibility', '=', 'shared'),
              ]),
            )
            .where('scenarios.archived_at', 'is', null);
    return filtered.orderBy('scenarios.updated_at', 'desc').orderBy('scenarios.name').execute();
  }

  async listAllScenarios(): Promise<ScenarioMeta[]> {
    return this.scenarioQuery()
      .orderBy('scenarios.updated_at', 'desc')
      .orderBy('scenarios.name')
      .execute();
  }

  async updateScenario(id: string, patch: ScenarioPatch): Promise<ScenarioMeta | undefined> {
    const at = this.stamp();
    const set: Partial<Selectable<ScenariosTable>> = { updated_at: at };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.visibility !== undefined) set.visibility = patch.visibility;
    if (patch.archived !== undefined) set.archived_at = patch.archived ? at : null;
    await this.db.updateTable('scenarios').set(set).where('id', '=', id).execute();
    return this.getScenario(id);
  }

  async deleteScenario(id: string): Promise<boolean> {
    return this.transact(async (trx) => {
      const versions = trx
        .selectFrom('scenario_versions')
        .select('id')
        .where('scenario_id', '=', id);
      const runs = trx
        .selectFrom('mc_runs')
        .select('id')
        .where('scenario_version_id', 'in', versions);
      await trx.deleteFrom('mc_run_chunks').where('run_id', 'in', runs).execute();
      await trx.deleteFrom('mc_runs').where('scenario_version_id', 'in', versions).execute();
      await trx.deleteFrom('appraisals').where('scenario_version_id', 'in', versions).execute();
      await trx.deleteFrom('scenario_versions').where('scenario_id', '=', id).execute();
      const r = await trx.deleteFrom('scenarios').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    });
  }

  async saveVersion(scenarioId: string, v: NewVersion): Promise<ScenarioVersion> {
    // Two writers racing for the same number: one wins the unique (scenario_id, version)
    // constraint (PostgreSQL also locks the scenario row); the loser retries with the next.
    for (let attempt = 0; ; attempt++) {
      try {
        const number = await this.transact(async (trx) => {
          const current = await trx
            .selectFrom('scenarios')
            .select('latest_version')
            .where('id', '=', scenarioId)
            .$if(this.dialect === 'postgres', (qb) => qb.forUpdate())
            .executeTakeFirst();
          if (!current) return undefined;
          const next = current.latest_version + 1;
          const at = this.stamp();
          await trx
            .insertInto('scenario_versions')
            .values({
              id: randomUUID(),
              scenario_id: scenarioId,
              version: next,
              author_id: v.author_id,
              created_at: at,
              message: v.message,
              text: v.text,
            })
            .execute();
          await trx
            .updateTable('scenarios')
            .set({ latest_version: next, updated_at: at })
            .where('id', '=', scenarioId)
            .execute();
          return next;
        });
        if (number === undefined) throw new Error(`no scenario ${scenarioId}`);
        const saved = await this.getVersion(scenarioId, number);
        if (!saved) throw new Error(`version ${number} of ${scenarioId} vanished after saving`);
        return saved;
      } catch (error) {
        if (attempt < 5 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }

  async getVersion(
    scenarioId: string,
    version: number | 'latest',
  ): Promise<ScenarioVersion | undefined> {
    let q = this.versionMetaQuery().select('v.text').where('v.scenario_id', '=', scenarioId);
    q =
      version === 'latest'
        ? q.orderBy('v.version', 'desc').limit(1)
        : q.where('v.version', '=', version);
    return q.executeTakeFirst();
  }

  async listVersions(scenarioId: string): Promise<VersionMeta[]> {
    return this.versionMetaQuery()
      .where('v.scenario_id', '=', scenarioId)
      .orderBy('v.version', 'desc')
      .execute();
  }

  // ── appraisals ─────────────────────────────────────────────────────────────────────────

  async saveAppraisal(
    scenarioVersionId: string,
    chromflowVersion: string,
    result: unknown,
  ): Promise<StoredAppraisal> {
    const row = {
      id: randomUUID(),
      scenario_version_id: scenarioVersionId,
      created_at: this.stamp(),
      chromflow_version: chromflowVersion,
      result_json: JSON.stringify(result),
    };
    await this.db.insertInto('appraisals').values(row).execute();
    const { result_json, ...meta } = row;
    return { ...meta, result: JSON.parse(result_json) as unknown };
  }

  async saveAppraisalJson(
    scenarioVersionId: string,
    chromflowVersion: string,
    json: string,
  ): Promise<StoredAppraisalMeta> {
    const row = {
      id: randomUUID(),
      scenario_version_id: scenarioVersionId,
      created_at: this.stamp(),
      chromflow_version: chromflowVersion,
      result_json: json,
    };
    await this.db.insertInto('appraisals').values(row).execute();
    const { result_json: _json, ...meta } = row;
    return meta;
  }

  async latestAppraisal(scenarioVersionId: string): Promise<StoredAppraisal | undefined> {
    const row = await this.db
      .selectFrom('appraisals')
      .selectAll()
      .where('scenario_version_id', '=', scenarioVersionId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .executeTakeFirst();
    if (!row) return undefined;
    const { result_json, ...meta } = row;
    return { ...meta, result: JSON.parse(result_json) as unknown };
  }

  // ── Monte Carlo runs ───────────────────────────────────────────────────────────────────

  async createMcRun(run: NewMcRun): Promise<McRun> {
    const at = this.stamp();
    const row: Selectable<McRunsTable> = {
      id: randomUUID(),
      scenario_version_id: run.scenario_version_id,
      created_by: run.created_by,
      created_at: at,
      updated_at: at,
      status: 'queued',
      method: run.method,
      samples: run.samples,
      seed: run.seed,
      completed_samples: 0,
      meta_json: JSON.stringify(run.meta ?? {}),
      error: null,
    };
    await this.db.insertInto('mc_runs').values(row).execute();
    return toMcRun(row);
  }

  async getMcRun(id: string): Promise<McRun | undefined> {
    const row = await this.db
      .selectFrom('mc_runs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toMcRun(row) : undefined;
  }

  async listMcRuns(scenarioVersionId: string): Promise<McRun[]> {
    const rows = await this.db
      .selectFrom('mc_runs')
      .selectAll()
      .where('scenario_version_id', '=', scenarioVersionId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toMcRun);
  }

  async listScenarioMcRuns(scenarioId: string, createdBy?: string): Promise<McRun[]> {
    const rows = await this.db
      .selectFrom('mc_runs')
      .innerJoin('scenario_versions as v', 'v.id', 'mc_runs.scenario_version_id')
      .selectAll('mc_runs')
      .where('v.scenario_id', '=', scenarioId)
      .$if(createdBy !== undefined, (qb) => qb.where('mc_runs.created_by', '=', createdBy ?? ''))
      .orderBy('mc_runs.created_at', 'desc')
      .orderBy('mc_runs.id')
      .execute();
    return rows.map(toMcRun);
  }

  async scenarioMcRunIds(scenarioId: string, statuses: readonly McRunStatus[]): Promise<string[]> {
    const rows = await this.db
      .selectFrom('mc_runs')
      .innerJoin('scenario_versions as v', 'v.id', 'mc_runs.scenario_version_id')
      .select('mc_runs.id')
      .where('v.scenario_id', '=', scenarioId)
      .where('mc_runs.status', 'in', [...statuses])
      .execute();
    return rows.map((r) => r.id);
  }

  async countMcRuns(createdBy: string, statuses: readonly McRunStatus[]): Promise<number> {
    const row = await this.db
      .selectFrom('mc_runs')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('created_by', '=', createdBy)
      .where('status', 'in', [...statuses])
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async interruptActiveMcRuns(): Promise<string[]> {
    const active = await this.db
      .selectFrom('mc_runs')
      .select('id')
      .where('created_by', 'is not', null)
      .where('status', 'in', [...ACTIVE_MC_STATUSES])
      .execute();
    const ids = active.map((r) => r.id);
    if (ids.length > 0)
      await this.db
        .updateTable('mc_runs')
        .set({ status: 'interrupted', updated_at: this.stamp() })
        .where('id', 'in', ids)
        .where('status', 'in', [...ACTIVE_MC_STATUSES])
        .execute();
    return ids;
  }

  async updateMcRun(id: string, patch: McRunPatch): Promise<McRun | undefined> {
    const set: Partial<Selectable<McRunsTable>> = { updated_at: this.stamp() };
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.completed_samples !== undefined) set.completed_samples = patch.completed_samples;
    if (patch.meta !== undefined) set.meta_json = JSON.stringify(patch.meta);
    if (patch.error !== undefined) set.error = patch.error;
    await this.db.updateTable('mc_runs').set(set).where('id', '=', id).execute();
    return this.getMcRun(id);
  }

  async putMcChunk(chunk: McChunk): Promise<void> {
    try {
      await this.db
        .insertInto('mc_run_chunks')
        .values({
          run_id: chunk.run_id,
          chunk_index: chunk.chunk_index,
          first_sample: chunk.first_sample,
          sample_count: chunk.sample_count,
          results_json: JSON.stringify(chunk.results),
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError(`mc_run_chunks[${chunk.run_id}].chunk_index`, chunk.chunk_index);
      throw error;
    }
  }

  async listMcChunks(runId: string, fromIndex = 0, limit?: number): Promise<McChunk[]> {
    const rows = await this.db
      .selectFrom('mc_run_chunks')
      .selectAll()
      .where('run_id', '=', runId)
      .where('chunk_index', '>=', fromIndex)
      .orderBy('chunk_index')
      .$if(limit !== undefined, (qb) => qb.limit(limit ?? 0))
      .execute();
    return rows.map(({ results_json, ...r }) => ({
      ...r,
      results: JSON.parse(results_json) as unknown,
    }));
  }
}

function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    must_change_password: row.must_change_password === 1,
    created_at: row.created_at,
  };
}

function stripHash(u: UserWithHash): User {
  const { password_hash: _hash, ...user } = u;
  return user;
}

function toMcRun(row: Selectable<McRunsTable>): McRun {
  const { meta_json, ...rest } = row;
  return { ...rest, meta: JSON.parse(meta_json) as unknown };
}

/** SQLite `SQLITE_CONSTRAINT_UNIQUE`/`_PRIMARYKEY`, PostgreSQL SQLSTATE 23505. */
function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = error.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
