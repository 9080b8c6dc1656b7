/**
 * The store's contract: what the server (and later the Monte Carlo workers) may ask of the
 * persistence layer. Implemented once over kysely ({@link KyselyStore}) for SQLite and PostgreSQL.
 * Access control is not the store's job: the server decides who may read what; the store offers
 * the queries that make those decisions cheap (e.g. {@link Store.listScenariosVisibleTo}).
 */

import type { StoreFailure } from './store-errors.js';

export type Role = 'viewer' | 'editor' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];
export type Visibility = 'private' | 'shared';
export type McRunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';
/** Statuses of a run being evaluated (or waiting to be). */
export const ACTIVE_MC_STATUSES: readonly McRunStatus[] = ['queued', 'running'];

export interface User {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  must_change_password: boolean;
  /** ISO 8601 UTC. */
  created_at: string;
}

export interface UserWithHash extends User {
  password_hash: string;
}

export interface NewUser {
  name: string;
  email?: string | null;
  password_hash: string;
  role: Role;
  must_change_password?: boolean;
}

export interface UserPatch {
  role?: Role;
  password_hash?: string;
  must_change_password?: boolean;
}

export interface Session {
  user: User;
  expires_at: string;
}

export interface ScenarioMeta {
  id: string;
  owner_id: string;
  /** Login name of the owner, for display. */
  owner_name: string;
  name: string;
  visibility: Visibility;
  created_at: string;
  updated_at: string;
  latest_version: number;
  /** When the owner archived it (hidden from the default list), or null. */
  archived_at: string | null;
}

/** What `updateScenario` may change. */
export interface ScenarioPatch {
  name?: string;
  visibility?: Visibility;
  /** true archives (sets `archived_at` now), false restores. */
  archived?: boolean;
}

export interface VersionMeta {
  id: string;
  scenario_id: string;
  version: number;
  author_id: string;
  author_name: string;
  created_at: string;
  message: string;
}

export interface ScenarioVersion extends VersionMeta {
  text: string;
}

export interface NewScenario {
  owner_id: string;
  name: string;
  visibility: Visibility;
  text: string;
  message: string;
}

export interface NewVersion {
  author_id: string;
  text: string;
  message: string;
}

/** A stored appraisal without its result (the answer to saving one as JSON text). */
export interface StoredAppraisalMeta {
  id: string;
  scenario_version_id: string;
  created_at: string;
  chromflow_version: string;
}

export interface StoredAppraisal {
  id: string;
  scenario_version_id: string;
  created_at: string;
  chromflow_version: string;
  /** The Appraisal object (opaque JSON). */
  result: unknown;
}

export interface McRun {
  id: string;
  /** The stored scenario version run, or null for a run of a file (`chromflow mc`). */
  scenario_version_id: string | null;
  /** The user who started it, or null for a command-line run. */
  created_by: string | null;
  created_at: string;
  updated_at: string;
  status: McRunStatus;
  method: string;
  samples: number;
  seed: number;
  completed_samples: number;
  meta: unknown;
  error: string | null;
}

export interface NewMcRun {
  scenario_version_id: string | null;
  created_by: string | null;
  method: string;
  samples: number;
  seed: number;
  meta?: unknown;
}

export interface McRunPatch {
  status?: McRunStatus;
  completed_samples?: number;
  meta?: unknown;
  error?: string | null;
}

export interface McChunk {
  run_id: string;
  chunk_index: number;
  first_sample: number;
  sample_count: number;
  results: unknown;
}

/** Thrown for a broken uniqueness rule (e.g. a user name taken); the server answers 409. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  readonly code = 'conflict';
  constructor(
    readonly field: string,
    readonly value: unknown,
  ) {
    super(`${field}: ${JSON.stringify(value)} is already taken`);
  }
}

export interface Store {
  /** `sqlite` or `postgres`. */
  readonly dialect: 'sqlite' | 'postgres';
  /** Applies pending migrations; returns the names applied now. */
  migrate(): Promise<string[]>;
  /** A cheap round trip to the database (health checks). */
  ping(): Promise<void>;
  /**
   * Whether the database can take writes now: not read-only, disk not full (SQLite: the file
   * and its folder writable, at least 1 MiB free), and no write failed for either reason in the
   * last minute. `reason` says why not.
   */
  writable(): Promise<{ writable: boolean; reason?: string }>;
  /**
   * Remembers a failed write when the disk is full or the database read-only (for
   * {@link Store.writable}); returns the failure the error stands for, if any.
   */
  noteFailure(error: unknown): StoreFailure | undefined;
  close(): Promise<void>;

  countUsers(): Promise<number>;
  createUser(user: NewUser): Promise<User>;
  getUser(id: string): Promise<User | undefined>;
  /** By login name or e-mail (case-insensitive), with the password hash, for logging in. */
  findUserForLogin(nameOrEmail: string): Promise<UserWithHash | undefined>;
  getUserWithHash(id: string): Promise<UserWithHash | undefined>;
  listUsers(): Promise<User[]>;
  updateUser(id: string, patch: UserPatch): Promise<User | undefined>;

  createSession(tokenHash: string, userId: string, expiresAt: string): Promise<void>;
  /** The session and its user, when it exists and has not expired at `now`. */
  getSession(tokenHash: string, now: string): Promise<Session | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteUserSessions(userId: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<number>;

  /** Creates a scenario with its version 1. */
  createScenario(s: NewScenario): Promise<{ scenario: ScenarioMeta; version: ScenarioVersion }>;
  getScenario(id: string): Promise<ScenarioMeta | undefined>;
  /**
   * Scenarios owned by the user plus every shared one, newest change first, without archived
   * ones; with `archived: true`, the user's own archived scenarios instead.
   */
  listScenariosVisibleTo(userId: string, options?: { archived?: boolean }): Promise<ScenarioMeta[]>;
  /** Every scenario (administration). */
  listAllScenarios(): Promise<ScenarioMeta[]>;
  updateScenario(id: string, patch: ScenarioPatch): Promise<ScenarioMeta | undefined>;
  /**
   * Deletes a scenario with its versions, stored appraisals and Monte Carlo runs (and their
   * chunks), in one transaction. Stop its running runs first. Returns whether it existed.
   */
  deleteScenario(id: string): Promise<boolean>;
  /** Appends version latest+1 (never changes an existing version). */
  saveVersion(scenarioId: string, v: NewVersion): Promise<ScenarioVersion>;
  /** A version by number, or the newest with `'latest'`. */
  getVersion(scenarioId: string, version: number | 'latest'): Promise<ScenarioVersion | undefined>;
  listVersions(scenarioId: string): Promise<VersionMeta[]>;

  saveAppraisal(
    scenarioVersionId: string,
    chromflowVersion: string,
    result: unknown,
  ): Promise<StoredAppraisal>;
  /** Stores an appraisal given as JSON text (serialised elsewhere, e.g. in a worker thread). */
  saveAppraisalJson(
    scenarioVersionId: string,
    chromflowVersion: string,
    json: string,
  ): Promise<StoredAppraisalMeta>;
  /** The newest stored appraisal of a version. */
  latestAppraisal(scenarioVersionId: string): Promise<StoredAppraisal | undefined>;

  createMcRun(run: NewMcRun): Promise<McRun>;
  getMcRun(id: string): Promise<McRun | undefined>;
  listMcRuns(scenarioVersionId: string): Promise<McRun[]>;
  /** Runs of any version of a scenario, newest first; only those of `createdBy` when given. */
  listScenarioMcRuns(scenarioId: string, createdBy?: string): Promise<McRun[]>;
  /** Ids of the runs of any version of a scenario in one of `statuses`. */
  scenarioMcRunIds(scenarioId: string, statuses: readonly McRunStatus[]): Promise<string[]>;
  /** Number of runs of a user in one of the statuses. */
  countMcRuns(createdBy: string, statuses: readonly McRunStatus[]): Promise<number>;
  /**
   * Marks the server's runs (those with a creator) that are queued or running as `interrupted`:
   * at start, no process evaluates them any more. Returns their ids.
   */
  interruptActiveMcRuns(): Promise<string[]>;
  updateMcRun(id: string, patch: McRunPatch): Promise<McRun | undefined>;
  /** Stores one chunk of results; a chunk index is written once. */
  putMcChunk(chunk: McChunk): Promise<void>;
  /**
   * Chunks in index order, optionally from `fromIndex` on and at most `limit` of them (for
   * incremental readers).
   */
  listMcChunks(runId: string, fromIndex?: number, limit?: number): Promise<McChunk[]>;
}
