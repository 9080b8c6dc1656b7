// Migrations 0002 and 0003 rebuild mc_runs on SQLite (nullable scenario version and user; the
// status `interrupted`): existing runs and their chunks survive, and the foreign keys (cascade
// from versions to runs to chunks) still hold afterwards.
import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationProvider, openSqliteStore } from '../../src/store/index.js';

describe('migrations 0002 and 0003 on SQLite', () => {
  it('keeps existing runs and chunks and the cascades', async () => {
    const store = openSqliteStore(':memory:');
    const migrator = new Migrator({ db: store.db, provider: migrationProvider });
    const first = await migrator.migrateTo('0001_initial');
    expect(first.error).toBeUndefined();
    const user = await store.createUser({ name: 'u', password_hash: 'x', role: 'editor' });
    const { scenario, version } = await store.createScenario({
      owner_id: user.id,
      name: 's',
      visibility: 'private',
      text: 'a: 1\n',
      message: '',
    });
    const run = await store.createMcRun({
      scenario_version_id: version.id,
      created_by: user.id,
      method: 'lhs',
      samples: 5,
      seed: 7,
      meta: { m: 1 },
    });
    await store.putMcChunk({
      run_id: run.id,
      chunk_index: 0,
      first_sample: 0,
      sample_count: 5,
      results: [1, 2],
    });
    expect(await store.migrate()).toEqual([
      '0002_mc_runs_from_files',
      '0003_archive_and_interrupted',
    ]);
    expect(await store.getMcRun(run.id)).toEqual(run);
    // 0003: the new status and the archive column.
    expect((await store.updateMcRun(run.id, { status: 'interrupted' }))?.status).toBe(
      'interrupted',
    );
    expect((await store.getScenario(scenario.id))?.archived_at).toBeNull();
    expect((await store.listMcChunks(run.id))[0]?.results).toEqual([1, 2]);
    // Nullable now.
    await store.createMcRun({
      scenario_version_id: null,
      created_by: null,
      method: 'mc',
      samples: 1,
      seed: 0,
    });
    // Foreign keys are on again and still cascade: deleting the scenario removes run and chunks.
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    await sql`delete from scenarios where id = ${scenario.id}`.execute(store.db);
    expect(await store.getMcRun(run.id)).toBeUndefined();
    expect(await store.listMcChunks(run.id)).toEqual([]);
    await expect(
      store.createMcRun({
        scenario_version_id: 'no-such-version',
        created_by: null,
        method: 'mc',
        samples: 1,
        seed: 0,
      }),
    ).rejects.toThrow();
    await store.close();
  });
});
