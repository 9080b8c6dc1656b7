// The backends every store and API test runs on: SQLite always, PostgreSQL when DATABASE_URL is
// set (scripts/start-postgres.sh starts a throwaway one). Each PostgreSQL store gets its own
// schema, dropped on cleanup, so test files do not see each other's rows.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openPostgresStore, openSqliteStore, type KyselyStore } from '../../src/store/index.js';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A fresh, migrated, empty store. */
  open(): Promise<KyselyStore>;
  /** Closes the store and deletes what it created. */
  dispose(store: KyselyStore): Promise<void>;
}

const schemas = new WeakMap<KyselyStore, string>();

export const BACKENDS: Backend[] = [
  {
    name: 'sqlite',
    async open() {
      const store = openSqliteStore(':memory:');
      await store.migrate();
      return store;
    },
    async dispose(store) {
      await store.close();
    },
  },
];

const url = process.env.DATABASE_URL;
if (url !== undefined && url !== '') {
  BACKENDS.push({
    name: 'postgres',
    async open() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const store = await openPostgresStore(url, { schema, max: 4 });
      schemas.set(store, schema);
      try {
        await store.migrate();
      } catch (error) {
        await this.dispose(store);
        throw error;
      }
      return store;
    },
    async dispose(store) {
      const schema = schemas.get(store);
      if (schema !== undefined)
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
      await store.close();
    },
  });
}
