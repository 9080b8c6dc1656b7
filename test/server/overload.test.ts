// The server under hostile and heavy input, over a real port (SQLite): the bodies (a
// key of a million characters, 200 000 nested brackets) are answered within 1 s while
// /api/health stays under 200 ms; appraisals run in worker threads and a full queue answers
// 503 `busy` with Retry-After; a full disk answers 507 and /api/health reports the database
// unwritable; the real SQLite error reaches the log. Load figures: `npm run load`.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeApp, startServer, type Started } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { WorkerPool } from '../../src/workers/pool.js';
import { at, Client } from '../helpers/api-client.js';
import { ROOT } from '../helpers/run-cli.js';
import { LOG2N, NEW_PW, testServer } from '../helpers/test-server.js';

const STAGE12 = readFileSync(join(ROOT, 'scenarios/aktobe-stage1-2.yaml'), 'utf8');

describe('hostile bodies over a real port', () => {
  let started: Started;
  let cookie = '';
  let origin = '';
  const log: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chromflow-overload-'));
    started = await startServer({
      port: 0,
      dbFile: join(dir, 'db.sqlite'),
      passwordLog2N: LOG2N,
      staticDir: '/nonexistent',
      workers: 1,
      log: (line) => log.push(line),
    });
    origin = new URL(started.url).origin;
    const otp =
      /^\s+(\S+)$/.exec(
        log[
          log.indexOf('First start: created the account "admin" with the one-time password') + 1
        ] ?? '',
      )?.[1] ?? '';
    const headers = { 'content-type': 'application/json', origin };
    const login = await fetch(new URL('api/auth/login', started.url), {
      method: 'POST',
      headers,
      body: JSON.stringify({ username: 'admin', password: otp }),
    });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const changed = await fetch(new URL('api/auth/password', started.url), {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify({ current_password: otp, new_password: NEW_PW }),
    });
    cookie = (changed.headers.get('set-cookie') ?? cookie).split(';')[0] ?? '';
    // The worker thread has loaded the model (startServer warms it up; from TypeScript sources
    // that takes a moment).
    await fetch(new URL('api/appraise', started.url), {
      method: 'POST',
      headers: { 'content-type': 'application/yaml', origin, cookie },
      body: 'chromflow: 1\n',
    });
  });
  afterAll(async () => {
    await started.close();
  });

  /** Probes /api/health every 20 ms while `work` runs; returns the slowest answer [ms]. */
  async function healthWhile<T>(work: Promise<T>): Promise<{ result: T; slowestMs: number }> {
    const state = { running: true };
    let slowest = 0;
    const probe = (async () => {
      while (state.running) {
        const t0 = performance.now();
        await (await fetch(new URL('api/health', started.url))).arrayBuffer();
        slowest = Math.max(slowest, performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const result = await work;
    state.running = false;
    await probe;
    return { result, slowestMs: slowest };
  }

  for (const [name, body] of [
    ['a key of 1 000 000 characters', `${STAGE12}\n${'k'.repeat(1_000_000)}: 1\n`],
    ['200 000 nested brackets', `${'['.repeat(200_000)}${']'.repeat(200_000)}`],
  ] as const)
    it(`answers ${name} with 400 within 1 s, /api/health under 200 ms meanwhile`, async () => {
      const t0 = performance.now();
      const { result, slowestMs } = await healthWhile(
        fetch(new URL('api/appraise', started.url), {
          method: 'POST',
          headers: { 'content-type': 'application/yaml', origin, cookie },
          body,
        }).then(async (r) => ({ status: r.status, json: await r.json() })),
      );
      const ms = performance.now() - t0;
      expect(result.status).toBe(400);
      expect(at(result.json, 'problems', 0, 'line')).toBeGreaterThan(0);
      expect(ms).toBeLessThan(1000);
      expect(slowestMs).toBeLessThan(200);
    });
});

describe('a full queue, a full disk', () => {
  it('answers 503 busy with Retry-After when the queue is full', async () => {
    const store = openSqliteStore(':memory:');
    await store.migrate();
    const pool = new WorkerPool(1);
    const server = await testServer(store, { pool, maxQueuedRequests: 0 });
    const replies = await Promise.all(
      Array.from({ length: 4 }, () => server.admin.post('/api/appraise', STAGE12)),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
    const busy = replies.find((r) => r.status === 503);
    expect(at(busy?.body, 'error')).toBe('busy');
    expect(Number(busy?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await closeApp(server.app);
    await pool.close();
    await store.close();
  });

  it('answers 507 on a full disk, logs the SQLite error, and /api/health says unwritable', async () => {
    const store = openSqliteStore(':memory:');
    await store.migrate();
    const server = await testServer(store);
    const c = server.admin;
    expect(at((await c.get('/api/health')).body, 'database_writable')).toBe(true);
    const pages = await sql<{ page_count: number }>`pragma page_count`.execute(store.db);
    // The database may not grow any more: the next save fills "the disk".
    await sql.raw(`pragma max_page_count = ${pages.rows[0]?.page_count ?? 1}`).execute(store.db);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const saved = await c.post('/api/scenarios', { text: STAGE12 });
    expect(saved.status).toBe(507);
    expect(at(saved.body, 'error')).toBe('insufficient_storage');
    expect(String(errors.mock.calls[0]?.[0])).toContain('database or disk is full');
    expect(JSON.stringify(errors.mock.calls)).not.toContain('cannot rollback');
    errors.mockRestore();
    const health = await new Client(server.app).get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'error', database_writable: false });
    expect(at(health.body, 'database_error')).toContain('SQLITE_FULL');
    await closeApp(server.app);
    await store.close();
  });
});
