// The cost step's arithmetic: one correlation per item (the capacity-exponent rule, Williams
// 1947), escalation (CEPCI annual averages, Chemical Engineering magazine; a constant rate for
// the china-epc class), the estimate's breakdown (Towler & Sinnott's ISBL/OSBL/indirects layering
// with AACE RP 18R-97 contingency and accuracy), and reference normalisation.
import { describe, expect, it } from 'vitest';
import {
  COST_CLASSES,
  costIndexFactor,
  estimateStage,
  itemCost,
  normalisedCost,
  phaseCapex,
  REFERENCE_PLANTS,
  type UnitCostLine,
} from '../../../src/econ/capex/index.js';
import { escalationFactor } from '../../../src/econ/capex/escalation.js';
import { fxPerUsd } from '../../../src/econ/capex/fx-history.js';
import { DATA_FILES } from '../../../src/scenario/data-files.js';

const cepci = DATA_FILES['capex/cepci']!;
const western = COST_CLASSES.western!;
const china = COST_CLASSES['china-epc']!;

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('cost index escalation', () => {
  it('is the ratio of published CEPCI annual averages', () => {
    expect(costIndexFactor(cepci, 2014, 2019)).toBeCloseTo(607.5 / 576.1, 12);
    expect(costIndexFactor(cepci, 1994, 2023)).toBeCloseTo(797.9 / 368.1, 12);
    expect(escalationFactor(western, 2014, 2019)).toBeCloseTo(607.5 / 576.1, 12);
  });
  it('extrapolates after the last index at the stated rate, and refuses gaps and earlier years', () => {
    const rate = cepci.values.escalation_after_last_index_per_year!.value;
    expect(costIndexFactor(cepci, 2024, 2026)).toBeCloseTo((1 + rate) ** 2, 12);
    expect(() => costIndexFactor(cepci, 1990, 2024)).toThrow(/covered by the cost index/);
    expect(() => costIndexFactor(cepci, 1998, 2024)).toThrow(/gaps are not interpolated/);
  });
  it('escalates the china-epc class at its constant rate', () => {
    const r = china.escalation_pct_per_year!.value / 100;
    expect(escalationFactor(china, 2011, 2026)).toBeCloseTo((1 + r) ** 15, 12);
  });
});

describe('one cost correlation', () => {
  const item = western.items.find((i) => i.id === 'furnace-line')!;
  it('returns the base cost at the base size and follows C = n·C0·(S/S0)^e', () => {
    expect(itemCost(item, item.base_size).cost).toBeCloseTo(item.base_cost, 6);
    const rnd = lcg(7);
    for (let k = 0; k < 50; k++) {
      const s = item.base_size * (0.2 + 2 * rnd());
      const n = 1 + Math.floor(4 * rnd());
      expect(
        itemCost(item, s, n).cost / (n * item.base_cost * (s / item.base_size) ** item.exponent),
      ).toBeCloseTo(1, 12);
    }
  });
  it('flags a size outside the correlation range, and prices nothing for size 0', () => {
    expect(itemCost(item, item.size_range[1] * 1.5).in_range).toBe(false);
    expect(itemCost(item, item.size_range[0]).in_range).toBe(true);
    expect(itemCost(item, 0).cost).toBe(0);
  });
});

describe('the estimate of a stage', () => {
  const line = (installed: number): UnitCostLine => ({
    unit_id: 'u',
    kind: 'k',
    item_id: 'i',
    size: 1,
    size_unit: 'MVA',
    count: 1,
    installed,
    in_range: true,
    priced_by: 'western',
    status: 'derived',
    source: 's',
  });
  const settings = {
    cls: western,
    calibration_factor: 1.3,
    site: 'greenfield' as const,
    location_factor: 1.1,
    osbl_pct: 40,
    indirect_pct: 20,
    owners_cost_pct: 7,
    contingency_pct: 30,
    aace_class: 5 as const,
    accuracy_low_pct: -50,
    accuracy_high_pct: 100,
    capex_factor: 1,
    currency_per_usd: 1,
  };
  it('adds off-sites, indirects, location, owner’s cost and contingency once, and its breakdown adds up', () => {
    const e = estimateStage([line(100), line(50)], settings);
    const isbl = 1.3 * 150;
    const constructed = 1.1 * isbl * 1.4 * 1.2;
    expect(e.total_usd).toBeCloseTo(constructed * 1.07 * 1.3, 9);
    const parts =
      e.units.reduce((s, u) => s + u.installed_usd, 0) +
      e.osbl_usd +
      e.indirect_usd +
      e.owners_cost_usd +
      e.contingency_usd;
    expect(parts).toBeCloseTo(e.total_usd, 9);
    expect(e.accuracy_usd.low).toBeCloseTo(e.total_usd / 2, 9);
    expect(e.accuracy_usd.high).toBeCloseTo(e.total_usd * 2, 9);
  });
  it('builds no off-sites on a brownfield site; the capex factor and the exchange rate scale the total', () => {
    const g = estimateStage([line(100)], settings).total_usd;
    const b = estimateStage([line(100)], { ...settings, site: 'brownfield' }).total_usd;
    expect(g / b).toBeCloseTo(1.4, 12);
    expect(
      estimateStage([line(100)], { ...settings, capex_factor: 1.7 }).total_usd / g,
    ).toBeCloseTo(1.7, 12);
    expect(
      estimateStage([line(100)], { ...settings, currency_per_usd: 7.1 }).total_usd * 7.1,
    ).toBeCloseTo(g, 9);
  });
});

describe('reference plants normalised to one basis', () => {
  const ref = (id: string) => REFERENCE_PLANTS.find((p) => p.id === id)!;
  it('removes an excluded mine at the cost-year rate (Lion II: R4.9 bn incl. R0.7 bn Magareng mine)', () => {
    const lion = ref('lion2-2010');
    const usd = normalisedCost(lion, 'USD', 20);
    expect(usd).toBeCloseTo(4.2e9 / fxPerUsd('ZAR', 2010).value, 0);
  });
  it('replaces a stated contingency by the calibration contingency (Voskhod: 10 % included)', () => {
    const v = ref('voskhod-2006');
    expect(normalisedCost(v, 'USD', 20)).toBeCloseTo((131e6 * 1.2) / 1.1, 0);
  });
  it('leaves an outturn as published and converts it to the class currency', () => {
    const a = ref('aktobe-shop4-2014');
    expect(normalisedCost(a, 'USD', 20)).toBe(843e6);
    expect(() => normalisedCost(a, 'CNY', 20)).toThrow(/CNY\/USD rate for 2014/);
  });
  it('records what every figure is and what it includes', () => {
    for (const p of REFERENCE_PLANTS) {
      expect(p.source.length, p.id).toBeGreaterThan(20);
      expect(['outturn', 'estimate', 'announcement']).toContain(p.scope.kind);
      if (p.use !== 'calibration') expect(p.reason ?? p.use, p.id).toBeTruthy();
    }
  });
});

describe('phasing', () => {
  it('follows the DHSS S-curve by default and keeps the total', () => {
    // y(x) = x + Cx² − Cx − (6x³ − 9x² + 3x)/K with C = 0.134, K = 3.884 (data/capex/schedule.json):
    // y(1/4) = 0.25 + 0.134/16 − 0.134/4 − (6/64 − 9/16 + 3/4)/3.884 = 0.152463 (by hand).
    const four = phaseCapex(100, 4);
    expect(four[0]).toBeCloseTo(15.2463, 3);
    expect(four.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 12);
    expect(four[1]).toBeGreaterThan(four[0] ?? 0);
    expect(four[2]).toBeGreaterThan(four[3] ?? 0);
    expect(phaseCapex(100, 0)).toEqual([100]);
    const p = phaseCapex(123.4, 3, [0.2, 0.5, 0.3]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(123.4, 12);
  });
});
