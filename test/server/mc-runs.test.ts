// Monte Carlo runs as background jobs through the API (app.request(), every store backend):
// started by an editor from scenario text or a stored version, evaluated in a worker-thread pool,
// followed by server-sent events (progress, then one final `done`), and equal to a local run.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyStore } from '../../src/store/index.js';
import { runAll } from '../../src/uncertainty/index.js';
import { buildReport } from '../../src/workers/mc-run.js';
import { McService } from '../../src/workers/mc-service.js';
import { resolveSource } from '../../src/workers/mc-source.js';
import { WorkerPool } from '../../src/workers/pool.js';
import { at, Client } from '../helpers/api-client.js';
import { BACKENDS } from '../helpers/store-backends.js';
import { testServer } from '../helpers/test-server.js';
import { FIXTURE, fixtureScenario } from '../workers/helpers.js';

const TEXT = readFileSync(FIXTURE, 'utf8');

interface SseEvent {
  event: string;
  data: unknown;
}

function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((b) => b.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event =
        lines
          .find((l) => l.startsWith('event:'))
          ?.slice(6)
          .trim() ?? 'message';
      const data = lines
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trim())
        .join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}

describe.each(BACKENDS)('Monte Carlo runs API on $name', (backend) => {
  let store: KyselyStore;
  let mc: McService;
  let pool: WorkerPool;
  let admin: Client;
  let editor: Client;
  let other: Client;
  let viewer: Client;

  beforeAll(async () => {
    store = await backend.open();
    pool = new WorkerPool(2);
    mc = new McService(store, { pool });
    const server = await testServer(store, {
      mc,
      pool,
      // Small chunks keep these runs quick; the defaults are tested below.
      mcLimits: { min_chunk_size: 1 },
    });
    admin = server.admin;
    editor = await server.register('mc.editor', 'editor');
    other = await server.register('mc.other', 'editor');
    viewer = await server.register('mc.viewer', 'viewer');
  });
  afterAll(async () => {
    await mc.close();
    await pool.close();
    await backend.dispose(store);
  });

  it('runs scenario text in the background; events end with done; report equals a local run', async () => {
    const started = await editor.post('/api/mc-runs', {
      text: TEXT,
      samples: 24,
      seed: 3,
      method: 'lhs',
      chunk_size: 6,
    });
    expect(started.status, started.text).toBe(202);
    const id = at(started.body, 'id') as string;
    expect(at(started.body, 'links', 'events')).toBe(`/api/mc-runs/${id}/events`);
    expect(['queued', 'running']).toContain(at(started.body, 'status'));

    const events = await editor.get(`/api/mc-runs/${id}/events`);
    expect(events.status).toBe(200);
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const parsed = parseSse(events.text);
    const last = parsed[parsed.length - 1];
    expect(last?.event).toBe('done');
    expect(parsed.slice(0, -1).every((e) => e.event === 'progress')).toBe(true);
    expect(at(last?.data, 'status')).toBe('done');

    const { source, run } = resolveSource(fixtureScenario(), {
      samples: 24,
      seed: 3,
      method: 'lhs',
    });
    expect(source.settings.samples).toBe(24);
    const local = JSON.parse(JSON.stringify(buildReport(runAll(run), id))) as unknown;
    const got = await editor.get(`/api/mc-runs/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ status: 'done', completed_samples: 24, progress: 1 });
    expect(at(got.body, 'report')).toEqual(local);
    expect((await store.listMcChunks(id)).map((c) => c.chunk_index)).toEqual([0, 1, 2, 3]);
  });

  it('runs a stored, shared scenario version; visible to its creator and admins only', async () => {
    const list = await editor.get('/api/scenarios');
    const scenarios = at(list.body, 'scenarios') as { id: string; name: string }[];
    const stage1 = scenarios.find((s) => s.name.includes('stage 1') && !s.name.includes('+'));
    expect(stage1).toBeDefined();
    const started = await editor.post('/api/mc-runs', {
      scenario_id: stage1?.id,
      version: 1,
      samples: 6,
      outputs: ['stages.smelter.capex_usd'],
    });
    expect(started.status, started.text).toBe(202);
    const id = at(started.body, 'id') as string;
    expect(at(started.body, 'scenario_version_id')).toEqual(expect.any(String));
    await mc.settled(id);
    expect(at((await editor.get(`/api/mc-runs/${id}`)).body, 'status')).toBe('done');
    expect((await admin.get(`/api/mc-runs/${id}`)).status).toBe(200);
    expect((await other.get(`/api/mc-runs/${id}`)).status).toBe(404);
    expect((await other.get(`/api/mc-runs/${id}/events`)).status).toBe(404);
  });

  it('refuses viewers, bad bodies and unknown outputs, naming the field', async () => {
    expect((await viewer.post('/api/mc-runs', { text: TEXT, samples: 4 })).status).toBe(403);
    expect(
      (await editor.post('/api/mc-runs', { text: TEXT, scenario_id: 'x', samples: 4 })).status,
    ).toBe(400);
    expect((await editor.post('/api/mc-runs', { text: TEXT, samples: 0 })).status).toBe(400);
    const unknown = await editor.post('/api/mc-runs', {
      text: TEXT,
      samples: 4,
      outputs: ['metrics.npvv_usd'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('metrics.npvv_usd');
    expect((await editor.post('/api/mc-runs', { scenario_id: 'nope', samples: 4 })).status).toBe(
      404,
    );
    expect((await editor.get('/api/mc-runs/nope')).status).toBe(404);
  });
});
