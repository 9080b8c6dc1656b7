// The feasible-region chart and form of the dashboard (web/src/charts/feasible-region.ts,
// feasible-form.ts) and the timing option's exercise-boundary chart (charts/timing-boundary.ts):
// the contour is the rows' (x, y) with gaps where a row has none, the base case is marked at the
// scenario's values, the axes carry the inputs' names and units; a target met nowhere draws no
// chart; the form is checked field by field before anything is sent.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeasibleRegionResult } from '../../src/analysis/feasible-region.js';
import {
  feasibleRegionOption,
  feasibleSide,
  metAnywhere,
} from '../../web/src/charts/feasible-region.js';
import { timingBoundaryOption } from '../../web/src/charts/timing-boundary.js';
import {
  checkFeasibleForm,
  defaultInputs,
  defaultRange,
  parseNumberText,
  type FeasibleForm,
} from '../../web/src/feasible-form.js';
import { makeI18n } from '../../web/src/i18n.js';
import { stageTimingOption } from '../../web/src/timing-option.js';

const en = makeI18n('en');
const ru = makeI18n('ru');

/** The shape `chromflow solve --vary a --vary b --json` prints (values of a real run). */
const REGION: FeasibleRegionResult = {
  output: 'metrics.npv_usd',
  target: 0,
  vary: [
    'markets.products.hc-ferrochrome.price_rmb_per_t_50pct_cr_vat_incl',
    'markets.electricity.tariff_kzt_per_kwh',
  ],
  base_values: [8495, 29.14],
  range_x: [0, 33980],
  range_y: [0, 116.56],
  rows: [
    { x: 0, y: null, achieved: null, feasible_above: null, reason: 'no … in [0, 116.56]' },
    { x: 8495, y: 37.28, achieved: 0.03, feasible_above: false },
    { x: 16990, y: 39.94, achieved: 0, feasible_above: false },
  ],
  evaluations: 61,
};
const X = { label: 'HC ferrochrome price', unit: 'RMB/t' };
const Y = { label: 'Power tariff', unit: 'KZT/kWh' };
const OUT = { label: 'NPV', format: (v: number) => en.money(v) };

interface Series {
  name: string;
  type: string;
  data: (number | null)[][];
  areaStyle?: { origin: string };
}
interface Option {
  series: Series[];
  xAxis: { name: string; min: number; max: number };
  yAxis: { name: string };
}

describe('feasible-region chart', () => {
  it('draws the contour with gaps, the base case and named axes with units', () => {
    const spec = feasibleRegionOption(REGION, X, Y, OUT, en)!;
    const o = spec.option as unknown as Option;
    expect(o.xAxis.name).toBe('HC ferrochrome price [RMB/t]');
    expect(o.yAxis.name).toBe('Power tariff [KZT/kWh]');
    expect([o.xAxis.min, o.xAxis.max]).toEqual(REGION.range_x);
    const line = o.series.find((s) => s.name === `NPV = ${en.money(0)}`)!;
    expect(line.data).toEqual([
      [0, null],
      [8495, 37.28],
      [16990, 39.94],
    ]);
    const base = o.series.find((s) => s.name === en.t('base_case'))!;
    expect(base.data).toEqual([[8495, 29.14]]);
    // Feasible below the line (NPV ≥ 0 at lower tariffs): the area goes down to the axis.
    expect(feasibleSide(REGION)).toBe('below');
    expect(o.series.find((s) => s.areaStyle)?.areaStyle?.origin).toBe('start');
    // The table: one row per grid row, the missing one said in words.
    expect(spec.table.rows.length).toBe(3);
    expect(spec.table.rows[0]?.[1]?.text).toBe(en.t('fr_row_none'));
    expect(spec.table.rows[1]?.[3]?.text).toBe(en.t('fr_below'));
  });

  it('in Russian: units and words translated, no raw float', () => {
    const spec = feasibleRegionOption(REGION, X, Y, { label: 'ЧДД', format: ru.money }, ru)!;
    const text =
      spec.table.columns.join(' ') +
      spec.table.rows
        .flat()
        .map((c) => c.text)
        .join(' ');
    expect(text).toContain('юань/т');
    expect(text).toContain('тенге/кВт·ч');
    expect(text).not.toMatch(/\d[.,]\d{4,}/);
    expect(text).not.toMatch(/below|above|no value/);
  });

  it('a target met nowhere: no chart (the panel explains instead)', () => {
    const none = {
      ...REGION,
      rows: REGION.rows.map((r) => ({ ...r, y: null, achieved: null, feasible_above: null })),
    };
    expect(metAnywhere(none)).toBe(false);
    expect(feasibleRegionOption(none, X, Y, OUT, en)).toBeUndefined();
  });
});

describe('feasible-region form', () => {
  const leaves = [
    { path: 'stages.smelter.capacity_t_per_year', value: 72000, unit: 't/year' },
    { path: 'markets.electricity.tariff_kzt_per_kwh', value: 29.14, unit: 'KZT/kWh' },
    { path: 'finance.discount_rate', value: -0.1, unit: '-' },
  ];
  const form: FeasibleForm = {
    output: 'metrics.equity_irr',
    target: '15',
    x: 'stages.smelter.capacity_t_per_year',
    y: 'markets.electricity.tariff_kzt_per_kwh',
    xFrom: '36 000',
    xTo: '108000',
    yFrom: '14,57',
    yTo: '43.71',
    rows: '7',
  };

  it('defaults: preferred inputs first, ranges ½× … 1½× (sign-aware)', () => {
    expect(defaultInputs(leaves)).toEqual([
      'markets.electricity.tariff_kzt_per_kwh',
      'stages.smelter.capacity_t_per_year',
    ]);
    expect(defaultInputs(leaves.slice(0, 1))).toBeUndefined();
    expect(defaultRange(29.14)).toEqual([14.57, 43.71]);
    expect(defaultRange(-0.1)).toEqual([-0.15, -0.05]);
    expect(defaultRange(0)).toEqual([0, 1]);
    expect(parseNumberText('\u22121 234,5')).toBe(-1234.5);
    expect(parseNumberText('abc')).toBeNaN();
  });

  it('a valid form becomes the request: the target in the output unit (per cent → fraction)', () => {
    const r = checkFeasibleForm(form, 15);
    expect(r).toEqual({
      ok: true,
      body: {
        output: 'metrics.equity_irr',
        target: 0.15,
        vary: [form.x, form.y],
        range_x: [36000, 108000],
        range_y: [14.57, 43.71],
        rows: 7,
      },
    });
    const npv = checkFeasibleForm({ ...form, output: 'metrics.npv_usd', target: '25' }, 15);
    expect(npv.ok && npv.body.target).toBe(25e6);
    // a temperature target is typed in °C, the unit the picker shows, and sent in K
    const tap = checkFeasibleForm(
      { ...form, output: 'stages.smelter.kpis.slag_T_K', target: '1750' },
      15,
    );
    expect(tap.ok && tap.body.target).toBeCloseTo(2023.15, 9);
  });

  it('names each bad field', () => {
    const r = checkFeasibleForm(
      { ...form, target: 'x', y: form.x, yFrom: '50', yTo: '10', rows: '16' },
      15,
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems).toEqual({
        target: 'fr_bad_target',
        y: 'fr_same_inputs',
        yFrom: 'fr_bad_range',
        rows: 'fr_bad_rows',
      });
  });
});

describe('timing option exercise boundary', () => {
  const o = stageTimingOption({
    stage_timing_option: JSON.parse(
      readFileSync(new URL('./fixtures/stage-timing-option.json', import.meta.url), 'utf8'),
    ) as unknown,
  })!;

  it('one price line per series with a boundary, the deck dashed, start years on x', () => {
    const spec = timingBoundaryOption(o, en)!;
    const opt = spec.option as { xAxis: { data: string[]; name: string }; series: Series[] };
    expect(opt.xAxis.data).toEqual(o.boundary.map((y) => String(y.year)));
    expect(opt.xAxis.name).toBe('Start year');
    expect(opt.series.length).toBe(2);
    const price = opt.series[0]!.data as unknown as (number | null)[];
    const deck = opt.series[1]!.data as unknown as (number | null)[];
    o.boundary.forEach((y, k) => {
      const s = y.series.find((x) => x.id === 'chromium-metal')!;
      expect(price[k]).toBe(s.ex_works_usd_per_t);
      expect(deck[k]).toBeCloseTo(s.ex_works_usd_per_t! / s.multiplier!, 6);
    });
    expect(spec.table.rows.length).toBe(o.boundary.length);
    expect(spec.table.rows[0]?.[4]?.text).toMatch(/^builds at or above USD|^builds at or above \d/);
  });

  it('no series with a boundary price: no chart', () => {
    const none = {
      ...o,
      boundary: o.boundary.map((y) => ({
        ...y,
        series: y.series.map((s) => ({
          ...s,
          multiplier: null,
          builds_when: null,
          ex_works_usd_per_t: null,
        })),
      })),
    };
    expect(timingBoundaryOption(none, en)).toBeUndefined();
  });
});
