/**
 * Table shapes of the chromflow store, as kysely sees them. Portable across SQLite and
 * PostgreSQL: ids are application-generated UUID text, times are ISO 8601 UTC text, booleans are
 * 0/1 integers and JSON documents are text, so the same queries and migrations serve both.
 */
export interface UsersTable {
  id: string;
  /** Login name, stored lower-case, unique. */
  name: string;
  /** Optional e-mail, stored lower-case, unique when present. */
  email: string | null;
  /** `scrypt$N$r$p$salt$hash` (see src/server/password.ts). */
  password_hash: string;
  role: 'viewer' | 'editor' | 'admin';
  /** 1 when the password was set by someone else (seeded admin, reset) and must be changed. */
  must_change_password: number;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the session token; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ScenariosTable {
  id: string;
  owner_id: string;
  name: string;
  visibility: 'private' | 'shared';
  created_at: string;
  updated_at: string;
  /** Number of the newest version (1-based). */
  latest_version: number;
  /** ISO time the owner archived it, or null (migration 0003). */
  archived_at: string | null;
}

export interface ScenarioVersionsTable {
  id: string;
  scenario_id: string;
  /** 1, 2, 3, … per scenario; unique with scenario_id. Rows are never updated. */
  version: number;
  author_id: string;
  created_at: string;
  message: string;
  /** The scenario text exactly as saved (YAML, or JSON as its subset). */
  text: string;
}

export interface AppraisalsTable {
  id: string;
  scenario_version_id: string;
  created_at: string;
  /** chromflow version that computed it. */
  chromflow_version: string;
  /** The Appraisal object (src/appraisal.ts) as JSON text; opaque to the store. */
  result_json: string;
}

export interface McRunsTable {
  id: string;
  /** Null for a run of a scenario file from the command line (migration 0002). */
  scenario_version_id: string | null;
  /** Null for a command-line run (migration 0002). */
  created_by: string | null;
  created_at: string;
  updated_at: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';
  method: string;
  samples: number;
  seed: number;
  /** Samples finished so far. */
  completed_samples: number;
  /** Run settings and summary (JSON text), opaque to the store. */
  meta_json: string;
  error: string | null;
}

export interface McRunChunksTable {
  run_id: string;
  chunk_index: number;
  first_sample: number;
  sample_count: number;
  /** The chunk's results (JSON text), opaque to the store. */
  results_json: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  scenarios: ScenariosTable;
  scenario_versions: ScenarioVersionsTable;
  appraisals: AppraisalsTable;
  mc_runs: McRunsTable;
  mc_run_chunks: McRunChunksTable;
}
