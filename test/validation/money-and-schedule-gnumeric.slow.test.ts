// Two identities of the money and the schedule, recomputed by Gnumeric as an independent
// spreadsheet engine (`ssconvert --recalc` of a one-column CSV whose cells hold formulas; Debian
// package gnumeric, method ../shared/validation/finance/spreadsheet_oracle_demo/HOWTO.md):
// * Fisher: the nominal free cash flow of a table on a declared inflation path, discounted at the
//   nominal rate (1 + r)(1 + π_t) − 1 of each year, equals the real flows at the real rate r —
//   the price level, the discount factors and both NPVs are Gnumeric formulas; so does a constant
//   inflation rate with Gnumeric's own NPV at (1 + r)(1 + i) − 1;
// * the DHSS S-curve (Hudson 1978, "DHSS expenditure forecasting method", Chartered Surveyor –
//   Building and Quantity Surveying Quarterly 5: 42–45; Kenley and Wilson 1986, Construction
//   Management and Economics 4(3)): Gnumeric evaluates y(x) = x + Cx² − Cx − (6x³ − 9x² + 3x)/K
//   and the yearly shares y(j/n) − y((j − 1)/n), which equal src/econ/capex/s-curve.ts and the
//   phasing of the reference stage 1's construction capex to 1e-9.
// Set CHROMFLOW_SKIP_GNUMERIC=1 to skip on a machine without Gnumeric (CI must not set it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraiseDetailed } from '../../src/appraise.js';
import { sCurvePhasing } from '../../src/econ/capex/s-curve.js';
import { buildCashflowTable, cashflowMetrics } from '../../src/econ/cashflow/index.js';
import { declaredInflation, priceLevelByRow } from '../../src/econ/project/money-paths.js';
import { dataValue } from '../../src/scenario/data-files.js';
import { loadScenario } from '../../src/scenario/load.js';
import { stage1Input } from '../econ/cashflow/fixture.js';
import { gnumericPresent, recalcColumn, workbookDir } from '../helpers/gnumeric.js';

const GNUMERIC = gnumericPresent();
const dir = workbookDir('chromflow-money-gnumeric-');

/** Relative difference, scaled by the larger magnitude (≥ 1). */
const rel = (a: number, b: number): number =>
  Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));

describe.runIf(GNUMERIC)('nominal ↔ real (Fisher) against Gnumeric', () => {
  it('declared USD path: Σ FCF_nom / Π(1 + r)(1 + π) = the real NPV at r, and FCF_real = FCF_nom / P', () => {
    const base = stage1Input();
    const n = base.horizon_years;
    const r = base.discount_rate;
    const year0 = base.start_year;
    const level = priceLevelByRow((y) => declaredInflation('usd', y), year0, year0, n);
    const input = { ...base, price_index_by_row: level };
    const nominal = buildCashflowTable({ ...input, basis: 'nominal' });
    const real = buildCashflowTable({ ...input, basis: 'real' });
    // Blocks of n cells in column A: inflation π_t (row 0 is the base year: 0), nominal FCF, real
    // FCF, Gnumeric's price level, its nominal discount factor, the discounted nominal flows,
    // the deflated nominal flows; then the two NPVs.
    const at = (block: number, t: number): string => `A${block * n + t + 1}`;
    const pi = Array.from({ length: n }, (_, t) =>
      t === 0 ? 0 : declaredInflation('usd', year0 + t),
    );
    const cells: (number | string)[] = [
      ...pi,
      ...nominal.rows.map((row) => row.free_cash_flow_usd),
      ...real.rows.map((row) => row.free_cash_flow_usd),
      ...pi.map((_, t) => (t === 0 ? 1 : `=${at(3, t - 1)}*(1+${at(0, t)})`)),
      ...pi.map((_, t) => (t === 0 ? 1 : `=${at(4, t - 1)}*(1+${r})*(1+${at(0, t)})`)),
      ...pi.map((_, t) => `=${at(1, t)}/${at(4, t)}`),
      ...pi.map((_, t) => `=${at(1, t)}/${at(3, t)}`),
      `=SUM(${at(5, 0)}:${at(5, n - 1)})`,
      `=${at(2, 0)}+NPV(${r},${at(2, 1)}:${at(2, n - 1)})`,
    ];
    const v = recalcColumn(dir, 'fisher-declared', cells);
    const npvNominalAtNominal = v[7 * n]!;
    const npvRealAtReal = v[7 * n + 1]!;
    expect(rel(npvNominalAtNominal, npvRealAtReal)).toBeLessThan(1e-9);
    expect(rel(cashflowMetrics(real).npv_usd, npvRealAtReal)).toBeLessThan(1e-9);
    real.rows.forEach((row, t) => {
      expect(rel(v[3 * n + t]!, level[t]!)).toBeLessThan(1e-12);
      expect(rel(row.free_cash_flow_usd, v[6 * n + t]!)).toBeLessThan(1e-9);
    });
    // Not a trivial identity: the path moves the table (nominal money, inflation-eroded shields).
    expect(
      Math.abs(npvRealAtReal - cashflowMetrics(buildCashflowTable(base)).npv_usd),
    ).toBeGreaterThan(1e3);
  });

  it('constant inflation i: NPV((1 + r)(1 + i) − 1, nominal FCF) = NPV(r, real FCF), both by Gnumeric', () => {
    const i = 0.03;
    const base = stage1Input({ inflation_rate: i });
    const r = base.discount_rate;
    const nominal = buildCashflowTable({ ...base, basis: 'nominal' });
    const real = buildCashflowTable({ ...base, basis: 'real' });
    const n = nominal.rows.length;
    const v = recalcColumn(dir, 'fisher-constant', [
      ...nominal.rows.map((row) => row.free_cash_flow_usd),
      ...real.rows.map((row) => row.free_cash_flow_usd),
      `=A1+NPV((1+${r})*(1+${i})-1,A2:A${n})`,
      `=A${n + 1}+NPV(${r},A${n + 2}:A${2 * n})`,
    ]);
    expect(rel(v[2 * n]!, v[2 * n + 1]!)).toBeLessThan(1e-9);
    expect(rel(cashflowMetrics(real).npv_usd, v[2 * n + 1]!)).toBeLessThan(1e-9);
    expect(rel(cashflowMetrics(nominal).npv_usd, v[2 * n]!)).toBeGreaterThan(1e-3);
  });
});

describe.runIf(GNUMERIC)('DHSS S-curve capex phasing against Gnumeric', () => {
  const c = dataValue('capex/schedule#s_curve_c').value;
  const k = dataValue('capex/schedule#s_curve_k').value;
  /** Gnumeric's share of year j of n: y(j/n) − y((j − 1)/n), with C in A1 and K in A2. */
  const y = (x: string): string =>
    `(${x}+$A$1*(${x})^2-$A$1*(${x})-(6*(${x})^3-9*(${x})^2+3*(${x}))/$A$2)`;
  const share = (j: number, n: number): string => `=${y(`${j}/${n}`)}-${y(`${j - 1}/${n}`)}`;
  const YEARS = [1, 2, 3, 4, 5, 6, 8];
  const cells = YEARS.flatMap((n) => Array.from({ length: n }, (_, j) => share(j + 1, n)));
  const recomputed = (): Map<number, number[]> => {
    const v = recalcColumn(dir, 'dhss', [c, k, ...cells]);
    const out = new Map<number, number[]>();
    let at = 2;
    for (const n of YEARS) {
      out.set(n, v.slice(at, at + n));
      at += n;
    }
    return out;
  };

  it('the yearly shares of sCurvePhasing equal Gnumeric’s DHSS formula to 1e-9', () => {
    const g = recomputed();
    for (const n of YEARS) {
      const ours = sCurvePhasing(n, c, k);
      const theirs = g.get(n)!;
      expect(theirs).toHaveLength(n);
      ours.forEach((s, j) => {
        expect(Math.abs(s - theirs[j]!)).toBeLessThan(1e-9);
      });
    }
    // The shares docs/finance.md quotes: two years 46.6 / 53.4 %, three 24.6 / 44.8 / 30.6 %.
    expect(g.get(2)!.map((s) => Math.round(s * 1000) / 10)).toEqual([46.6, 53.4]);
    expect(g.get(3)!.map((s) => Math.round(s * 1000) / 10)).toEqual([24.6, 44.8, 30.6]);
  });

  it('the reference stage 1 spends its construction capex along Gnumeric’s shares', () => {
    const file = 'scenarios/aktobe-stage1.yaml';
    const scenario = loadScenario(readFileSync(file, 'utf8'), file);
    const stage = scenario.stages[0]!;
    const { cashflow_inputs } = appraiseDetailed(scenario, { breakEvens: false, byRoute: false });
    const g = recomputed().get(stage.construction_years)!;
    // Construction items (not development, not the grid connection's own schedule) carry the curve.
    const construction = cashflow_inputs[0]!.input.capex.filter(
      (item) => item.development !== true && item.phasing.length === stage.construction_years,
    );
    expect(construction.length).toBeGreaterThan(0);
    for (const item of construction)
      item.phasing.forEach((s, j) => {
        expect(Math.abs(s - g[j]!)).toBeLessThan(1e-9);
      });
  });
});
