// The feasible region of two inputs (src/analysis/feasible-region.ts): each contour point,
// checked independently by one-input reverse solving at that grid value; rows without a
// solution say why.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feasibleRegion } from '../../src/analysis/feasible-region.js';
import { solveInput } from '../../src/analysis/solve-input.js';
import { InputError } from '../../src/errors.js';
import { loadScenario } from '../../src/scenario/index.js';
import { parseScenarioWithSettings } from '../../src/scenario/settings.js';

const FILE = 'scenarios/aktobe-stage1.yaml';
const TEXT = readFileSync(FILE, 'utf8');
const PRICE = 'markets.products.hc-ferrochrome.deck.long_term_price_rmb_per_t_50pct_cr_vat_incl';
const CAPEX = 'stages.smelter.capex.factor';

describe('feasibleRegion', () => {
  it('each contour point is the one-input solution at its grid value', () => {
    const r = feasibleRegion(loadScenario(TEXT, FILE), {
      output: 'metrics.npv_usd',
      target: 0,
      vary: [CAPEX, PRICE],
      xMin: 0.8,
      xMax: 1.2,
      rows: 2,
    });
    expect(r.rows).toHaveLength(2);
    const solved = r.rows.filter((row) => row.y !== null);
    expect(solved.length).toBeGreaterThan(0);
    // Dearer plant, higher break-even price.
    for (let i = 1; i < solved.length; i++)
      expect(solved[i]!.y!).toBeGreaterThan(solved[i - 1]!.y!);
    const row = solved[solved.length - 1]!;
    const set = parseScenarioWithSettings(TEXT, FILE, [{ path: CAPEX, value: row.x }]);
    if (!set.ok) throw new Error('grid value must be valid');
    const one = solveInput(set.scenario, { output: 'metrics.npv_usd', target: 0, vary: PRICE });
    expect(row.y!).toBeCloseTo(one.value, 3);
    expect(row.feasible_above).toBe(true);
  }, 300_000);

  it('says why where no value in range works, and refuses bad grids', () => {
    const s = loadScenario(TEXT, FILE);
    const r = feasibleRegion(s, {
      output: 'metrics.npv_usd',
      target: 0,
      vary: [CAPEX, PRICE],
      xMin: 1,
      xMax: 1.1,
      yMin: 100,
      yMax: 200,
      rows: 2,
    });
    expect(r.rows.every((row) => row.y === null)).toBe(true);
    expect(r.rows[0]!.reason).toMatch(/no markets\.products.* in \[100, 200\]/);
    expect(() =>
      feasibleRegion(s, { output: 'metrics.npv_usd', target: 0, vary: [CAPEX, PRICE], rows: 100 }),
    ).toThrow(InputError);
    expect(() =>
      feasibleRegion(s, { output: 'metrics.npv_usd', target: 0, vary: [CAPEX, CAPEX] }),
    ).toThrow(/two different/);
  }, 300_000);
});
