// The persistence edge: repository contract, kysely implementation, openers, version diffs.
export * from './repository.js';
export { KyselyStore, type KyselyStoreOptions } from './kysely-store.js';
export {
  openStore,
  openSqliteStore,
  openPostgresStore,
  DEFAULT_SQLITE_FILE,
  type OpenStoreOptions,
  type PostgresOptions,
} from './open.js';
export { MIGRATIONS, migrationProvider } from './migrations.js';
export {
  diffScenarioTexts,
  diffValues,
  unifiedDiff,
  lineEdits,
  type FieldChange,
  type VersionDiff,
} from './diff.js';
export type { Database } from './schema.js';
export { classifyStoreError, type StoreFailure, type StoreFailureKind } from './store-errors.js';
