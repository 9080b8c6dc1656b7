/**
 * The {@link Store} over kysely. One implementation for both dialects: the SQL is built by
 * kysely's query builder (values are always bound parameters, never concatenated), the schema
 * uses portable types, and the few dialect differences (row locks) are switched on `dialect`.
 */
import { randomUUID } from 'node:crypto';
import { Migrator, sql, type Kysely, type Selectable } from 'kysely';
import { migrationProvider } from './migrations.js';
import {
  ConflictError,
  type McChunk,
  type McRun,
  type McRunPatch,
  type NewMcRun,
  type NewScenario,
  type NewUser,
  type NewVersion,
  type ScenarioMeta,
  type ScenarioVersion,
  type Session,
  type Store,
  type StoredAppraisal,
  type User,
  type UserPatch,
  type UserWithHash,
  type VersionMeta,
  type Visibility,
} from './repository.js';
import type { Database, McRunsTable, UsersTable } from './schema.js';

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
}

export class KyselyStore implements Store {
  private readonly now: () => Date;

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
    await this.db.transaction().execute(async (trx) => {
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

  async listScenariosVisibleTo(userId: string): Promise<ScenarioMeta[]> {
    return this.scenarioQuery()
      .where((eb) =>
        eb.or([eb('scenarios.owner_id', '=', userId), eb('scenarios.visibility', '=', 'shared')]),
      )
      .orderBy('scenarios.updated_at', 'desc')
      .orderBy('scenarios.name')
      .execute();
  }

  async listAllScenarios(): Promise<ScenarioMeta[]> {
    return this.scenarioQuery()
      .orderBy('scenarios.updated_at', 'desc')
      .orderBy('scenarios.name')
      .execute();
  }

  async updateScenario(
    id: string,
    patch: { name?: string; visibility?: Visibility },
  ): Promise<ScenarioMeta | undefined> {
    const set: { name?: string; visibility?: Visibility; updated_at: string } = {
      updated_at: this.stamp(),
    };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.visibility !== undefined) set.visibility = patch.visibility;
    await this.db.updateTable('scenarios').set(set).where('id', '=', id).execute();
    return this.getScenario(id);
  }

  async saveVersion(scenarioId: string, v: NewVersion): Promise<ScenarioVersion> {
    // Two writers racing for the same number: one wins the unique (scenario_id, version)
    // constraint (PostgreSQL also locks the scenario row); the loser retries with the next.
    for (let attempt = 0; ; attempt++) {
      try {
        const number = await this.db.transaction().execute(async (trx) => {
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

  async listMcChunks(runId: string, fromIndex = 0): Promise<McChunk[]> {
    const rows = await this.db
      .selectFrom('mc_run_chunks')
      .selectAll()
      .where('run_id', '=', runId)
      .where('chunk_index', '>=', fromIndex)
      .orderBy('chunk_index')
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
