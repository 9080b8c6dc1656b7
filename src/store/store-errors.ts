/**
 * Database errors a user or an operator can act on, recognised by their codes: SQLite's result
 * codes (better-sqlite3 `error.code`, e.g. `SQLITE_FULL`, `SQLITE_READONLY_DBMOVED`) and
 * PostgreSQL's SQLSTATE (`53100` disk_full, `25006` read_only_sql_transaction, class 08
 * connection exceptions). The server answers them as 507/503 with a clear message instead of a
 * generic 500, and `/api/health` reports a database that cannot take writes.
 */

export type StoreFailureKind = 'full' | 'read_only' | 'busy' | 'unavailable';

export interface StoreFailure {
  kind: StoreFailureKind;
  /** One line for users and the log. */
  message: string;
  /** The database's own code (SQLITE_FULL, 53100, …). */
  code: string;
}

const MESSAGES: Record<StoreFailureKind, string> = {
  full: 'the database is full (no space left on its disk); nothing was saved',
  read_only: 'the database is read-only; nothing was saved',
  busy: 'the database is busy; try again in a moment',
  unavailable: 'the database cannot be reached or read',
};

function kindOf(code: string): StoreFailureKind | undefined {
  if (code === 'SQLITE_FULL' || code === '53100' || code === 'ENOSPC') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === '25006' || code === 'EROFS')
    return 'read_only';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === '55P03')
    return 'busy';
  if (
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code === 'SQLITE_CORRUPT' ||
    code === 'SQLITE_NOTADB' ||
    code.startsWith('08') ||
    code === '57P01' ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET'
  )
    return 'unavailable';
  return undefined;
}

/** The failure an error stands for, or undefined for any other error (a bug, a constraint). */
export function classifyStoreError(error: unknown): StoreFailure | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = typeof error.code === 'string' ? error.code : '';
  const kind = kindOf(code);
  return kind === undefined ? undefined : { kind, code, message: MESSAGES[kind] };
}
