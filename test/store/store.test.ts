// The store contract, run unchanged on every backend (SQLite always; PostgreSQL when
// DATABASE_URL is set): migrations, users, sessions, immutable scenario versions, visibility,
// appraisals and chunked Monte Carlo results.
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '../helpers/required-tool.js';
import {
  ConflictError,
  MIGRATIONS,
  openSqliteStore,
  openStore,
  type KyselyStore,
  type User,
} from '../../src/store/index.js';
import { BACKENDS } from '../helpers/store-backends.js';

requireTool(
  'PostgreSQL (DATABASE_URL)',
  Boolean(process.env.DATABASE_URL),
  'DATABASE_URL="$(bash scripts/start-postgres.sh)"',
);

describe.each(BACKENDS)('store on $name', (backend) => {
  let store: KyselyStore;
  let alice: User;
  let bob: User;

  beforeAll(async () => {
    store = await backend.open();
    alice = await store.createUser({
      name: 'Alice',
      email: 'Alice@Example.org',
      password_hash: 'h1',
      role: 'editor',
    });
    bob = await store.createUser({
      name: 'bob',
      password_hash: 'h2',
      role: 'viewer',
      must_change_password: true,
    });
  });
  afterAll(async () => {
    await backend.dispose(store);
  });

  it('has applied the migrations once; a second run applies none', async () => {
    expect(await store.migrate()).toEqual([]);
    await store.ping();
    expect(store.dialect).toBe(backend.name);
  });

  it('migrates a second, empty store although another schema already has migration tables', async () => {
    const other = await backend.open();
    try {
      expect(await other.migrate()).toEqual([]);
      expect(await other.countUsers()).toBe(0);
    } finally {
      await backend.dispose(other);
    }
  });

  it('stores users with lower-case unique names and e-mails', async () => {
    expect(alice.name).toBe('alice');
    expect(alice.email).toBe('alice@example.org');
    expect(alice.must_change_password).toBe(false);
    expect(bob.must_change_password).toBe(true);
    expect(await store.countUsers()).toBe(2);
    await expect(
      store.createUser({ name: 'ALICE', password_hash: 'x', role: 'viewer' }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      store.createUser({
        name: 'carol',
        email: 'alice@example.org',
        password_hash: 'x',
        role: 'viewer',
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    const found = await store.findUserForLogin('ALICE@example.org');
    expect(found?.id).toBe(alice.id);
    expect(found?.password_hash).toBe('h1');
    expect(await store.findUserForLogin('nobody')).toBeUndefined();
    expect((await store.getUser(alice.id)) as unknown).not.toHaveProperty('password_hash');
    const updated = await store.updateUser(bob.id, {
      role: 'editor',
      password_hash: 'h3',
      must_change_password: false,
    });
    expect(updated).toMatchObject({ role: 'editor', must_change_password: false });
    expect((await store.getUserWithHash(bob.id))?.password_hash).toBe('h3');
    await store.updateUser(bob.id, { role: 'viewer' });
    expect((await store.listUsers()).map((u) => u.name)).toEqual(['alice', 'bob']);
  });

  it('returns a session only before it expires, and deletes it', async () => {
    await store.createSession('tok-a', alice.id, '2100-01-01T00:00:00.000Z');
    await store.createSession('tok-old', alice.id, '2000-01-01T00:00:00.000Z');
    const now = new Date().toISOString();
    expect((await store.getSession('tok-a', now))?.user.id).toBe(alice.id);
    expect(await store.getSession('tok-old', now)).toBeUndefined();
    expect(await store.getSession('nope', now)).toBeUndefined();
    expect(await store.deleteExpiredSessions(now)).toBe(1);
    await store.deleteSession('tok-a');
    expect(await store.getSession('tok-a', now)).toBeUndefined();
    await store.createSession('tok-b', alice.id, '2100-01-01T00:00:00.000Z');
    await store.deleteUserSessions(alice.id);
    expect(await store.getSession('tok-b', now)).toBeUndefined();
  });

  it('keeps every saved version unchanged and numbers them 1, 2, 3', async () => {
    const { scenario, version } = await store.createScenario({
      owner_id: alice.id,
      name: 'A',
      visibility: 'private',
      text: 'name: one\n',
      message: 'first',
    });
    expect(scenario).toMatchObject({
      owner_name: 'alice',
      latest_version: 1,
      visibility: 'private',
    });
    expect(version).toMatchObject({
      version: 1,
      text: 'name: one\n',
      message: 'first',
      author_name: 'alice',
    });
    const v2 = await store.saveVersion(scenario.id, {
      author_id: bob.id,
      text: 'name: two\n',
      message: 'second',
    });
    const v3 = await store.saveVersion(scenario.id, {
      author_id: alice.id,
      text: 'name: three\n',
      message: 'third',
    });
    expect([v2.version, v3.version]).toEqual([2, 3]);
    expect(v2.author_name).toBe('bob');
    expect((await store.getVersion(scenario.id, 1))?.text).toBe('name: one\n');
    expect((await store.getVersion(scenario.id, 'latest'))?.text).toBe('name: three\n');
    expect(await store.getVersion(scenario.id, 9)).toBeUndefined();
    const versions = await store.listVersions(scenario.id);
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(versions[0]).not.toHaveProperty('text');
    expect((await store.getScenario(scenario.id))?.latest_version).toBe(3);
  });

  it('numbers concurrent saves without gaps or duplicates', async () => {
    const { scenario } = await store.createScenario({
      owner_id: alice.id,
      name: 'race',
      visibility: 'private',
      text: 'x: 0\n',
      message: 'v1',
    });
    const saved = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        store.saveVersion(scenario.id, {
          author_id: alice.id,
          text: `x: ${i}\n`,
          message: `m${i}`,
        }),
      ),
    );
    expect(saved.map((v) => v.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6]);
    await expect(
      store.saveVersion('no-such-id', { author_id: alice.id, text: '', message: '' }),
    ).rejects.toThrow();
  });

  it('lists own and shared scenarios, never another user’s private one', async () => {
    const priv = await store.createScenario({
      owner_id: alice.id,
      name: 'secret',
      visibility: 'private',
      text: 'a: 1\n',
      message: '',
    });
    const shared = await store.createScenario({
      owner_id: alice.id,
      name: 'open',
      visibility: 'shared',
      text: 'a: 1\n',
      message: '',
    });
    const own = await store.createScenario({
      owner_id: bob.id,
      name: 'bobs',
      visibility: 'private',
      text: 'a: 1\n',
      message: '',
    });
    const forBob = (await store.listScenariosVisibleTo(bob.id)).map((s) => s.id);
    expect(forBob).toContain(shared.scenario.id);
    expect(forBob).toContain(own.scenario.id);
    expect(forBob).not.toContain(priv.scenario.id);
    const forAlice = (await store.listScenariosVisibleTo(alice.id)).map((s) => s.id);
    expect(forAlice).toContain(priv.scenario.id);
    expect(forAlice).not.toContain(own.scenario.id);
    const all = (await store.listAllScenarios()).map((s) => s.id);
    expect(all).toEqual(
      expect.arrayContaining([priv.scenario.id, shared.scenario.id, own.scenario.id]),
    );
    const renamed = await store.updateScenario(priv.scenario.id, {
      name: 'renamed',
      visibility: 'shared',
    });
    expect(renamed).toMatchObject({ name: 'renamed', visibility: 'shared', latest_version: 1 });
  });

  it('stores appraisals as opaque JSON linked to a version', async () => {
    const { version } = await store.createScenario({
      owner_id: alice.id,
      name: 'ap',
      visibility: 'private',
      text: 'a: 1\n',
      message: '',
    });
    const result = {
      metrics: { npv_usd: -1.5e7 },
      stages: [{ id: 's', capex_usd: null }],
      text: 'ü ₸',
    };
    const saved = await store.saveAppraisal(version.id, '0.1.0', result);
    expect(saved.result).toEqual(result);
    const latest = await store.latestAppraisal(version.id);
    expect(latest).toMatchObject({
      id: saved.id,
      chromflow_version: '0.1.0',
      scenario_version_id: version.id,
    });
    expect(latest?.result).toEqual(result);
    expect(await store.latestAppraisal('none')).toBeUndefined();
  });

  it('stores Monte Carlo runs with chunked results, read back in order', async () => {
    const { version } = await store.createScenario({
      owner_id: alice.id,
      name: 'mc',
      visibility: 'private',
      text: 'a: 1\n',
      message: '',
    });
    const run = await store.createMcRun({
      scenario_version_id: version.id,
      created_by: alice.id,
      method: 'lhs',
      samples: 300,
      seed: 42,
      meta: { paths: ['x'] },
    });
    expect(run).toMatchObject({
      status: 'queued',
      completed_samples: 0,
      meta: { paths: ['x'] },
      error: null,
    });
    for (const k of [2, 0, 1])
      await store.putMcChunk({
        run_id: run.id,
        chunk_index: k,
        first_sample: k * 100,
        sample_count: 100,
        results: { npv: [k, k + 0.5] },
      });
    await expect(
      store.putMcChunk({
        run_id: run.id,
        chunk_index: 1,
        first_sample: 100,
        sample_count: 100,
        results: {},
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    const chunks = await store.listMcChunks(run.id);
    expect(chunks.map((c) => c.chunk_index)).toEqual([0, 1, 2]);
    expect(chunks[2]?.results).toEqual({ npv: [2, 2.5] });
    expect((await store.listMcChunks(run.id, 2)).map((c) => c.first_sample)).toEqual([200]);
    const done = await store.updateMcRun(run.id, {
      status: 'done',
      completed_samples: 300,
      meta: { p50: 1 },
    });
    expect(done).toMatchObject({ status: 'done', completed_samples: 300, meta: { p50: 1 } });
    expect((await store.listMcRuns(version.id)).map((r) => r.id)).toEqual([run.id]);
  });

  it('stores a Monte Carlo run of a file (no scenario version, no user)', async () => {
    const run = await store.createMcRun({
      scenario_version_id: null,
      created_by: null,
      method: 'mc',
      samples: 10,
      seed: 1,
    });
    await store.putMcChunk({
      run_id: run.id,
      chunk_index: 0,
      first_sample: 0,
      sample_count: 10,
      results: { x: 'AAAA' },
    });
    expect(await store.getMcRun(run.id)).toMatchObject({
      scenario_version_id: null,
      created_by: null,
      status: 'queued',
    });
    expect((await store.listMcChunks(run.id)).map((c) => c.chunk_index)).toEqual([0]);
  });

  it('rejects rows that break foreign keys', async () => {
    await expect(
      store.createSession('orphan', 'no-such-user', '2100-01-01T00:00:00Z'),
    ).rejects.toThrow();
  });
});

describe('SQLite file store', () => {
  it('creates the directory on first start and uses WAL', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'chromflow-store-')), 'nested', 'var');
    const file = join(dir, 'chromflow.sqlite');
    const store = openSqliteStore(file);
    expect(await store.migrate()).toEqual(Object.keys(MIGRATIONS).sort());
    expect(existsSync(file)).toBe(true);
    const { sql } = await import('kysely');
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    await store.close();
    const again = openSqliteStore(file);
    expect(await again.migrate()).toEqual([]);
    await again.close();
  });
});

describe('openStore', () => {
  it('accepts only PostgreSQL URLs', async () => {
    await expect(openStore({ databaseUrl: 'mysql://u@h/db' })).rejects.toThrow(/postgres:\/\//);
  });
});
