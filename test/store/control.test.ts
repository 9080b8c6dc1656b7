// Store queries of issue 18 on every backend: archived scenarios apart, deletion with
// everything of a scenario, run counts per user and status, interrupting the server's runs
// (not the command line's), and (SQLite) a failed transaction reports its real error.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyStore, User } from '../../src/store/index.js';
import { BACKENDS } from '../helpers/store-backends.js';

describe.each(BACKENDS)('store control on $name', (backend) => {
  let store: KyselyStore;
  let alice: User;
  let bob: User;
  beforeAll(async () => {
    store = await backend.open();
    alice = await store.createUser({ name: 'alice', password_hash: 'x', role: 'editor' });
    bob = await store.createUser({ name: 'bob', password_hash: 'x', role: 'editor' });
  });
  afterAll(async () => {
    await backend.dispose(store);
  });

  const newScenario = (owner: User, visibility: 'private' | 'shared') =>
    store.createScenario({
      owner_id: owner.id,
      name: 's',
      visibility,
      text: 'a: 1\n',
      message: '',
    });

  it('keeps archived scenarios out of the list and lists the own archived ones', async () => {
    const shared = await newScenario(alice, 'shared');
    expect(shared.scenario.archived_at).toBeNull();
    const archived = await store.updateScenario(shared.scenario.id, { archived: true });
    expect(archived?.archived_at).toEqual(expect.any(String));
    const ids = async (u: User, archivedOnly?: boolean) =>
      (await store.listScenariosVisibleTo(u.id, archivedOnly ? { archived: true } : {})).map(
        (s) => s.id,
      );
    expect(await ids(alice)).not.toContain(shared.scenario.id);
    expect(await ids(bob)).not.toContain(shared.scenario.id);
    expect(await ids(alice, true)).toEqual([shared.scenario.id]);
    expect(await ids(bob, true)).toEqual([]);
  });

  it('deletes a scenario with its versions, appraisals, runs and chunks', async () => {
    const { scenario, version } = await newScenario(alice, 'private');
    await store.saveAppraisalJson(version.id, 'test', '{"x":1}');
    const run = await store.createMcRun({
      scenario_version_id: version.id,
      created_by: alice.id,
      method: 'mc',
      samples: 2,
      seed: 1,
    });
    await store.putMcChunk({
      run_id: run.id,
      chunk_index: 0,
      first_sample: 0,
      sample_count: 2,
      results: {},
    });
    expect(await store.scenarioMcRunIds(scenario.id, ['queued'])).toEqual([run.id]);
    expect(await store.listScenarioMcRuns(scenario.id, alice.id)).toHaveLength(1);
    expect(await store.listScenarioMcRuns(scenario.id, bob.id)).toHaveLength(0);
    expect(await store.deleteScenario(scenario.id)).toBe(true);
    expect(await store.getScenario(scenario.id)).toBeUndefined();
    expect(await store.latestAppraisal(version.id)).toBeUndefined();
    expect(await store.getMcRun(run.id)).toBeUndefined();
    expect(await store.listMcChunks(run.id)).toEqual([]);
    expect(await store.deleteScenario(scenario.id)).toBe(false);
  });

  it('counts active runs per user and interrupts only the server’s', async () => {
    const { version } = await newScenario(bob, 'private');
    const mk = (by: string | null) =>
      store.createMcRun({
        scenario_version_id: by ? version.id : null,
        created_by: by,
        method: 'mc',
        samples: 1,
        seed: 0,
      });
    const a = await mk(bob.id);
    const b = await mk(bob.id);
    const cli = await mk(null);
    await store.updateMcRun(b.id, { status: 'running' });
    await store.updateMcRun(cli.id, { status: 'running' });
    expect(await store.countMcRuns(bob.id, ['queued', 'running'])).toBe(2);
    expect((await store.interruptActiveMcRuns()).sort()).toEqual([a.id, b.id].sort());
    expect((await store.getMcRun(a.id))?.status).toBe('interrupted');
    expect((await store.getMcRun(cli.id))?.status).toBe('running');
    expect(await store.countMcRuns(bob.id, ['queued', 'running'])).toBe(0);
  });
});

// SQLite's own failure (a full disk, simulated by max_page_count): PostgreSQL reports its
// disk errors differently (store.noteFailure), so this runs on SQLite alone — once, not
// skipped per backend.
describe('store control on SQLite: a full disk', () => {
  const sqlite = BACKENDS.find((b) => b.name === 'sqlite');
  if (!sqlite) throw new Error('the SQLite backend is always present');
  let store: KyselyStore;
  let alice: User;
  beforeAll(async () => {
    store = await sqlite.open();
    alice = await store.createUser({ name: 'alice', password_hash: 'x', role: 'editor' });
  });
  afterAll(async () => {
    await sqlite.dispose(store);
  });

  it('reports the real error of a transaction on a full disk', async () => {
    const { scenario } = await store.createScenario({
      owner_id: alice.id,
      name: 's',
      visibility: 'private',
      text: 'a: 1\n',
      message: '',
    });
    const pages = await sql<{ page_count: number }>`pragma page_count`.execute(store.db);
    await sql.raw(`pragma max_page_count = ${pages.rows[0]?.page_count ?? 1}`).execute(store.db);
    const saving = store.saveVersion(scenario.id, {
      author_id: alice.id,
      text: 'x'.repeat(100_000),
      message: '',
    });
    await expect(saving).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(store.noteFailure(await saving.catch((e: unknown) => e))?.kind).toBe('full');
    expect((await store.writable()).writable).toBe(false);
    await sql.raw('pragma max_page_count = 1073741823').execute(store.db);
  });
});
