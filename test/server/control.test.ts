// Control of scenarios and Monte Carlo runs through the API (every store backend): archive and
// delete with their authorisation; run limits, per-user quota, cancel, resume, the per-scenario
// list, the CSV export, runs left by a stopped server marked interrupted (their event streams
// end), and admins seeing other users' runs as metadata only.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApp, createApp } from '../../src/server/index.js';
import type { KyselyStore } from '../../src/store/index.js';
import { McService } from '../../src/workers/mc-service.js';
import { WorkerPool } from '../../src/workers/pool.js';
import { at, Client } from '../helpers/api-client.js';
import { BACKENDS } from '../helpers/store-backends.js';
import { LOG2N, testServer, type TestServer } from '../helpers/test-server.js';
import { FIXTURE } from '../workers/helpers.js';

const TEXT = readFileSync(FIXTURE, 'utf8');

/** A record of an RFC 4180 CSV text (no quoted line breaks in these files). */
function csvRecords(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((l) => l.split(','));
}

describe.each(BACKENDS)('scenario and run control on $name', (backend) => {
  let store: KyselyStore;
  let pool: WorkerPool;
  let mc: McService;
  let server: TestServer;
  let owner: Client;
  let reader: Client;
  let other: Client;

  beforeAll(async () => {
    store = await backend.open();
    pool = new WorkerPool(2);
    mc = new McService(store, { pool });
    server = await testServer(store, {
      pool,
      mc,
      mcLimits: { max_samples: 5000, max_concurrent_runs_per_user: 1, min_chunk_size: 10 },
    });
    owner = await server.register('ctl.owner', 'editor');
    reader = await server.register('ctl.reader', 'editor');
    other = await server.register('ctl.other', 'editor');
  });
  afterAll(async () => {
    await closeApp(server.app);
    await mc.close();
    await pool.close();
    await backend.dispose(store);
  });

  async function scenario(visibility: 'private' | 'shared'): Promise<string> {
    const r = await owner.post('/api/scenarios', { text: TEXT, visibility });
    expect(r.status, r.text).toBe(201);
    return at(r.body, 'scenario', 'id') as string;
  }

  it('archives: hidden from the list, listed with ?archived=true, restored; owner only', async () => {
    const id = await scenario('shared');
    expect((await reader.patch(`/api/scenarios/${id}`, { archived: true })).status).toBe(403);
    const archived = await owner.patch(`/api/scenarios/${id}`, { archived: true });
    expect(archived.status).toBe(200);
    expect(at(archived.body, 'scenario', 'archived_at')).toEqual(expect.any(String));
    const ids = async (c: Client, q = '') =>
      (at((await c.get(`/api/scenarios${q}`)).body, 'scenarios') as { id: string }[]).map(
        (s) => s.id,
      );
    expect(await ids(owner)).not.toContain(id);
    expect(await ids(reader)).not.toContain(id);
    expect(await ids(owner, '?archived=true')).toContain(id);
    expect(await ids(reader, '?archived=true')).not.toContain(id);
    expect((await owner.get(`/api/scenarios/${id}`)).status).toBe(200);
    await owner.patch(`/api/scenarios/${id}`, { archived: false });
    expect(await ids(owner)).toContain(id);
    expect(
      at((await owner.get(`/api/scenarios/${id}`)).body, 'scenario', 'archived_at'),
    ).toBeNull();
  });

  it('deletes with everything of it: 404 for non-readers, 403 for readers, 204 for the owner', async () => {
    const hidden = await scenario('private');
    expect((await other.delete(`/api/scenarios/${hidden}`)).status).toBe(404);
    const id = await scenario('shared');
    expect((await reader.delete(`/api/scenarios/${id}`)).status).toBe(403);
    expect((await owner.post(`/api/scenarios/${id}/versions/1/appraisal`)).status).toBe(201);
    const run = await owner.post('/api/mc-runs', { scenario_id: id, samples: 40, chunk_size: 10 });
    expect(run.status, run.text).toBe(202);
    const runId = at(run.body, 'id') as string;
    const deleted = await owner.delete(`/api/scenarios/${id}`);
    expect(deleted.status).toBe(204);
    expect((await owner.get(`/api/scenarios/${id}`)).status).toBe(404);
    expect(await store.getMcRun(runId)).toBeUndefined();
    expect(await store.listMcChunks(runId)).toEqual([]);
    expect(await store.getVersion(id, 1)).toBeUndefined();
    expect(mc.isActive(runId)).toBe(false);
  });

  it('publishes the run limits and refuses runs outside them, naming the field', async () => {
    const limits = await owner.get('/api/mc-runs/limits');
    expect(limits.body).toEqual({
      max_samples: 5000,
      max_concurrent_runs_per_user: 1,
      min_chunk_size: 10,
      max_chunk_size: 10_000,
    });
    for (const [body, path] of [
      [{ text: TEXT, samples: 5001 }, 'samples'],
      [{ text: TEXT, samples: 100, chunk_size: 1 }, 'chunk_size'],
      [{ text: TEXT, samples: 100, chunk_size: 10_001 }, 'chunk_size'],
    ] as const) {
      const r = await owner.post('/api/mc-runs', body);
      expect(r.status).toBe(400);
      expect(at(r.body, 'error')).toBe('invalid_request');
      expect(at(r.body, 'problems', 0, 'path')).toBe(path);
    }
    // The scenario's own uncertainty.samples (10 000) is above the limit too.
    const own = await owner.post('/api/mc-runs', { text: TEXT });
    expect(own.status).toBe(400);
    expect(at(own.body, 'problems', 0, 'path')).toBe('samples');
  });

  it('runs one at a time per user (429), cancels (202), resumes to the end, lists and exports', async () => {
    const id = await scenario('private');
    const first = await owner.post('/api/mc-runs', {
      scenario_id: id,
      samples: 3000,
      chunk_size: 10,
      name: 'first',
    });
    expect(first.status, first.text).toBe(202);
    const runId = at(first.body, 'id') as string;
    const second = await owner.post('/api/mc-runs', { scenario_id: id, samples: 20 });
    expect(second.status).toBe(429);
    expect(at(second.body, 'error')).toBe('quota_exceeded');
    expect((await other.post(`/api/mc-runs/${runId}/cancel`)).status).toBe(404);
    expect((await server.admin.post(`/api/mc-runs/${runId}/cancel`)).status).toBe(403);
    const cancelled = await owner.post(`/api/mc-runs/${runId}/cancel`);
    expect(cancelled.status).toBe(202);
    expect(at(cancelled.body, 'status')).toBe('cancelled');
    expect(mc.isActive(runId)).toBe(false);
    const events = await owner.get(`/api/mc-runs/${runId}/events`);
    expect(events.text).toContain('event: done');
    // The quota is free again; the cancelled run continues where it stopped.
    const resumed = await owner.post(`/api/mc-runs/${runId}/resume`);
    expect(resumed.status).toBe(202);
    await mc.settled(runId);
    const done = await owner.get(`/api/mc-runs/${runId}`);
    expect(at(done.body, 'status')).toBe('done');
    expect(at(done.body, 'name')).toBe('first');
    expect(at(done.body, 'report', 'samples')).toBe(3000);
    expect((await owner.post(`/api/mc-runs/${runId}/cancel`)).status).toBe(409);

    const list = await owner.get(`/api/mc-runs?scenario_id=${id}`);
    expect((at(list.body, 'runs') as { id: string; report?: unknown }[]).map((r) => r.id)).toEqual([
      runId,
    ]);
    expect(at(list.body, 'runs', 0, 'report')).toBeUndefined();
    expect((await other.get(`/api/mc-runs?scenario_id=${id}`)).status).toBe(404);

    // Admins see another user's run as metadata only, and cannot export it.
    const asAdmin = await server.admin.get(`/api/mc-runs/${runId}`);
    expect(asAdmin.status).toBe(200);
    expect(at(asAdmin.body, 'status')).toBe('done');
    expect(at(asAdmin.body, 'report')).toBeUndefined();
    expect((await server.admin.get(`/api/mc-runs/${runId}/export.csv`)).status).toBe(403);
    expect((await server.admin.get(`/api/mc-runs/${runId}/events`)).text).not.toContain('metrics');

    // The export: one record per sample, the sampled inputs, the outputs, the error column.
    const csv = await owner.get(`/api/mc-runs/${runId}/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const records = csvRecords(csv.text);
    const header = records[0] ?? [];
    expect(header[0]).toBe('sample');
    expect(header[header.length - 1]).toBe('error');
    expect(header).toContain('metrics.npv_usd');
    expect(records).toHaveLength(3001);
    expect(records.every((r) => r.length === header.length)).toBe(true);
    expect(records.slice(1).map((r) => Number(r[0]))).toEqual(
      Array.from({ length: 3000 }, (_, i) => i),
    );
    const npv = header.indexOf('metrics.npv_usd');
    const report = at(done.body, 'report', 'metrics', 'metrics.npv_usd', 'mean') as number;
    const values = records
      .slice(1)
      .map((r) => Number(r[npv]))
      .filter(Number.isFinite);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeCloseTo(report, 0);
  });

  it('refuses the export of a run that is not done (409)', async () => {
    const id = await scenario('private');
    const run = await owner.post('/api/mc-runs', {
      scenario_id: id,
      samples: 3000,
      chunk_size: 10,
    });
    const runId = at(run.body, 'id') as string;
    const r = await owner.get(`/api/mc-runs/${runId}/export.csv`);
    expect(r.status).toBe(409);
    await owner.post(`/api/mc-runs/${runId}/cancel`);
  });

  it('marks runs left running by a stopped server interrupted; their streams end; they resume', async () => {
    const id = await scenario('private');
    // A second app on the same database stands for the server that stopped mid-run.
    const stoppedMc = new McService(store, { pool });
    const stopped = createApp(store, {
      passwordLog2N: LOG2N,
      staticDir: '/nonexistent',
      pool,
      mc: stoppedMc,
      mcLimits: { min_chunk_size: 10 },
    });
    const c = new Client(stopped);
    c.cookie = owner.cookie;
    const r = await c.post('/api/mc-runs', { scenario_id: id, samples: 3000, chunk_size: 10 });
    expect(r.status, r.text).toBe(202);
    const runId = at(r.body, 'id') as string;
    // A crash leaves it `running` (as kill -9 would): forget the service without stopping it.
    await store.updateMcRun(runId, { status: 'running' });
    stoppedMc.cancel(runId);
    await stoppedMc.settled(runId);
    await store.updateMcRun(runId, { status: 'running' });
    expect(await store.interruptActiveMcRuns()).toContain(runId);
    const events = await owner.get(`/api/mc-runs/${runId}/events`);
    expect(events.text).toMatch(/event: done\ndata: .*"status":"interrupted"/);
    const resumed = await owner.post(`/api/mc-runs/${runId}/resume`);
    expect(resumed.status).toBe(202);
    await mc.settled(runId);
    expect(at((await owner.get(`/api/mc-runs/${runId}`)).body, 'status')).toBe('done');
    await closeApp(stopped);
  });
});
