// The feasible-region endpoint (`POST /api/feasible-region`): the two-input solve of
// `chromflow solve --vary a --vary b` on a stored version, in the worker pool. Every bad field is
// refused by name before any work; the grid is bounded (`rows` ≤ max_rows, one request per user
// at a time); the answer is the core's feasibleRegion of that version, and a target met nowhere
// comes back as rows without a value, each with its reason (never a guessed contour).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feasibleRegion } from '../../src/analysis/feasible-region.js';
import { loadScenario } from '../../src/scenario/index.js';
import { createApp, seedIfEmpty } from '../../src/server/index.js';
import type { KyselyStore } from '../../src/store/index.js';
import { WorkerPool } from '../../src/workers/pool.js';
import { at, Client } from '../helpers/api-client.js';
import { BACKENDS } from '../helpers/store-backends.js';

const LOG2N = 10;
const NEW_PW = 'a long enough password';
const PRICE = 'markets.products.hc-ferrochrome.price_rmb_per_t_50pct_cr_vat_incl';
const TARIFF = 'markets.electricity.tariff_kzt_per_kwh';
const MAX_ROWS = 4;

describe('feasible-region API', () => {
  const backend = BACKENDS[0]!;
  let store: KyselyStore;
  let pool: WorkerPool;
  let app: ReturnType<typeof createApp>;
  let admin: Client;
  let stage1 = '';

  beforeAll(async () => {
    store = await backend.open();
    const seeded = await seedIfEmpty(store, undefined, LOG2N);
    pool = new WorkerPool(2);
    app = createApp(store, {
      passwordLog2N: LOG2N,
      staticDir: '/nonexistent',
      pool,
      feasibleLimits: { max_rows: MAX_ROWS, default_rows: 3 },
    });
    admin = new Client(app);
    await admin.post('/api/auth/login', { username: 'admin', password: seeded?.adminPassword });
    await admin.post('/api/auth/password', {
      current_password: seeded?.adminPassword,
      new_password: NEW_PW,
    });
    const list = await admin.get('/api/scenarios');
    const scenarios = at(list.body, 'scenarios') as { id: string; name: string }[];
    stage1 = scenarios.find((s) => s.name.includes('stage 1') && !s.name.includes('+'))?.id ?? '';
    expect(stage1).not.toBe('');
  });
  afterAll(async () => {
    await pool.close();
    await backend.dispose(store);
  });

  const body = (extra: Record<string, unknown> = {}) => ({
    scenario_id: stage1,
    output: 'metrics.npv_usd',
    target: 0,
    vary: [PRICE, TARIFF],
    range_x: [6000, 12000],
    range_y: [5, 80],
    ...extra,
  });

  /** The paths of the problems of a 400 answer. */
  async function refused(extra: Record<string, unknown>): Promise<string[]> {
    const r = await admin.post('/api/feasible-region', body(extra));
    expect(r.status, r.text).toBe(400);
    return (at(r.body, 'problems') as { path: string }[]).map((p) => p.path);
  }

  it('states its limits', async () => {
    const r = await admin.get('/api/feasible-region/limits');
    expect(r.body).toEqual({ max_rows: MAX_ROWS, default_rows: 3 });
  });

  it('refuses each bad field by name, before any work', async () => {
    expect(await refused({ rows: MAX_ROWS + 1 })).toEqual(['rows']);
    expect(await refused({ rows: 1 })).toEqual(['rows']);
    expect(await refused({ vary: [PRICE, PRICE] })).toEqual(['vary[1]']);
    expect(await refused({ range_x: [10, 5] })).toEqual(['range_x']);
    expect(await refused({ target: 'high' })).toEqual(['target']);
    expect(await refused({ vary: [PRICE, 'markets.electricity.tarif'] })).toEqual(['vary[1]']);
    expect(await refused({ output: 'metrics.npv' })).toEqual(['output']);
    const missing = await admin.post('/api/feasible-region', body({ scenario_id: 'nope' }));
    expect(missing.status).toBe(404);
  });

  it('answers the core feasible region of the stored version', async () => {
    const r = await admin.post('/api/feasible-region', body());
    expect(r.status, r.text).toBe(200);
    const v = await store.getVersion(stage1, 'latest');
    const local = feasibleRegion(loadScenario(v?.text ?? '', 'stored'), {
      output: 'metrics.npv_usd',
      target: 0,
      vary: [PRICE, TARIFF],
      xMin: 6000,
      xMax: 12000,
      yMin: 5,
      yMax: 80,
      rows: 3,
    });
    const rows = at(r.body, 'rows') as { x: number; y: number | null }[];
    expect(rows.length).toBe(3);
    expect(rows.map((x) => x.x)).toEqual(local.rows.map((x) => x.x));
    expect(rows.map((x) => x.y)).toEqual(local.rows.map((x) => x.y));
    // A higher FeCr price lets the project bear a higher tariff at NPV = 0.
    const ys = rows.map((x) => x.y).filter((y): y is number => y !== null);
    expect(ys.length).toBeGreaterThan(1);
    expect(ys[ys.length - 1]!).toBeGreaterThan(ys[0]!);
    expect(at(r.body, 'base_values')).toEqual(local.base_values);
  });

  it('a target met nowhere: every row without a value, with its reason', async () => {
    const r = await admin.post('/api/feasible-region', body({ target: 1e12, rows: 2 }));
    expect(r.status, r.text).toBe(200);
    const rows = at(r.body, 'rows') as { y: number | null; reason?: string }[];
    expect(rows.every((x) => x.y === null && (x.reason ?? '').includes('no '))).toBe(true);
  });

  it('one request per user at a time', async () => {
    const [a, b] = await Promise.all([
      admin.post('/api/feasible-region', body({ rows: 2 })),
      admin.post('/api/feasible-region', body({ rows: 2 })),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 429]);
    const refusedOne = a.status === 429 ? a : b;
    expect(at(refusedOne.body, 'error')).toBe('quota_exceeded');
  });
});
