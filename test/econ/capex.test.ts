// Capex by capacity scaling. References: CEPCI annual averages (Chemical Engineering magazine,
// data/capex/cepci.json); the capacity-exponent law (Williams 1947); AACE RP 18R-97 ranges.
import { describe, expect, it } from 'vitest';
import {
  capacityWithinBudget,
  costIndexFactor,
  estimateCapex,
  phaseCapex,
  referencePlant,
  type CapexSettings,
} from '../../src/econ/capex/index.js';
import { DATA_FILES } from '../../src/scenario/data-files.js';
import { parseScenario } from '../../src/scenario/index.js';
import { appraise } from '../../src/appraise.js';
import { readFileSync } from 'node:fs';
import { ROOT } from '../helpers/run-cli.js';

const cepci = DATA_FILES['capex/cepci']!;
const shop4 = referencePlant('aktobe-shop4-2014')!;
const bare: CapexSettings = {
  reference: shop4,
  exponent: 0.7,
  location_factor: 1,
  owners_cost_pct: 0,
  contingency_pct: 0,
  aace_class: 5,
  accuracy_low_pct: -50,
  accuracy_high_pct: 100,
};

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('cost index escalation', () => {
  it('is the ratio of published CEPCI annual averages', () => {
    expect(costIndexFactor(cepci, 2014, 2019)).toBeCloseTo(607.5 / 576.1, 12);
    expect(costIndexFactor(cepci, 1994, 2023)).toBeCloseTo(797.9 / 368.1, 12);
  });
  it('extrapolates after the last index at the stated rate, and refuses gaps and earlier years', () => {
    const rate = cepci.values.escalation_after_last_index_per_year!.value;
    expect(costIndexFactor(cepci, 2024, 2026)).toBeCloseTo((1 + rate) ** 2, 12);
    expect(() => costIndexFactor(cepci, 1990, 2024)).toThrow(/covered by the cost index/);
    expect(() => costIndexFactor(cepci, 1998, 2024)).toThrow(/gaps are not interpolated/);
  });
});

describe('estimateCapex', () => {
  it('reproduces the reference cost at the reference capacity and year', () => {
    const e = estimateCapex(440000, 2014, bare, cepci);
    expect(e.total_usd).toBeCloseTo(843e6, 3);
    expect(e.warnings).toEqual([]);
  });
  it('follows C ∝ Q^n and applies owner’s cost and contingency multiplicatively', () => {
    const rnd = lcg(7);
    for (let i = 0; i < 100; i++) {
      const q = 150000 + rnd() * 800000;
      const n = 0.5 + rnd() * 0.4;
      const s = { ...bare, exponent: n, owners_cost_pct: rnd() * 10, contingency_pct: rnd() * 40 };
      const a = estimateCapex(q, 2020, s, cepci);
      const b = estimateCapex(2 * q, 2020, s, cepci);
      expect(b.total_usd / a.total_usd).toBeCloseTo(2 ** n, 10);
      expect(a.total_usd).toBeCloseTo(
        a.installed_usd * (1 + s.owners_cost_pct / 100) * (1 + s.contingency_pct / 100),
        4,
      );
      expect(a.installed_usd + a.owners_cost_usd + a.contingency_usd).toBeCloseTo(a.total_usd, 4);
    }
  });
  it('converts a foreign-currency reference at its cost-year rate', () => {
    const lion = referencePlant('lion2-2011')!;
    const e = estimateCapex(360000, 2011, { ...bare, reference: lion }, cepci);
    expect(e.total_usd).toBeCloseTo(4.2e9 / 7.2, 2);
  });
  it('flags scaling outside the validity range', () => {
    expect(estimateCapex(80000, 2026, bare, cepci).warnings[0]).toMatch(
      /0\.18× the reference aktobe-shop4-2014/,
    );
  });
  it('reports the AACE accuracy range of the class', () => {
    const e = estimateCapex(440000, 2014, bare, cepci);
    expect(e.accuracy_usd.low).toBeCloseTo(e.total_usd * 0.5, 3);
    expect(e.accuracy_usd.high).toBeCloseTo(e.total_usd * 2, 3);
  });
});

describe('budget inversion', () => {
  it('the capex of the capacity within a budget equals the budget (random budgets)', () => {
    const rnd = lcg(11);
    for (let i = 0; i < 100; i++) {
      const budget = 5e7 + rnd() * 1e9;
      const s = {
        ...bare,
        exponent: 0.5 + rnd() * 0.4,
        contingency_pct: rnd() * 40,
        owners_cost_pct: rnd() * 10,
      };
      const q = capacityWithinBudget(budget, 2026, s, cepci);
      expect(estimateCapex(q, 2026, s, cepci).total_usd / budget).toBeCloseTo(1, 12);
    }
  });
});

describe('phasing', () => {
  it('splits evenly by default and keeps the total', () => {
    expect(phaseCapex(100, 4)).toEqual([25, 25, 25, 25]);
    expect(phaseCapex(100, 0)).toEqual([100]);
    const p = phaseCapex(123.4, 3, [0.2, 0.5, 0.3]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(123.4, 12);
  });
});

describe('stage capex in the appraisal', () => {
  const text = readFileSync(`${ROOT}/scenarios/aktobe-stage1.yaml`, 'utf8');
  it('estimates stage 1 from the nearest in-range reference, shows the benchmark spread and the budget check', () => {
    const r = parseScenario(text, 'x');
    if (!r.ok) throw new Error('invalid');
    const a = appraise(r.scenario);
    const st = a.stages[0]!;
    expect(st.capex?.reference_id).toBe('tikhvin-1994');
    expect(st.capex?.benchmarks.map((b) => b.reference_id)).toEqual([
      'tikhvin-1994',
      'lion2-2011',
      'aktobe-shop4-2014',
    ]);
    expect(st.capex_usd).toBeGreaterThan(0);
    const budget = st.capex?.budget;
    expect(budget?.budget_usd).toBe(150e6);
    expect(budget?.within_budget).toBe(st.capex_usd! <= 150e6);
    expect(
      a.sources.some((s) => s.path === 'model.stages.smelter.capex.reference.tikhvin-1994'),
    ).toBe(true);
  });
  it('rejects an unknown or mismatched reference plant', () => {
    const bad = text.replace(
      '    flowsheet:\n      template: fecr-dc',
      '    capex: { reference: tikhvin-1995 }\n    flowsheet:\n      template: fecr-dc',
    );
    const r = parseScenario(bad, 'x');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.find((p) => p.path === 'stages[0].capex.reference')?.suggestion).toBe(
        'tikhvin-1994',
      );
    const wrongKind = text.replace(
      '    flowsheet:\n      template: fecr-dc',
      '    capex: { reference: voskhod-2006 }\n    flowsheet:\n      template: fecr-dc',
    );
    const r2 = parseScenario(wrongKind, 'x');
    expect(r2.ok).toBe(false);
    if (!r2.ok)
      expect(r2.problems.map((p) => p.message).join()).toMatch(
        /is a concentrator; template fecr-dc needs a fecr-smelter/,
      );
  });
  it('rejects phasing that does not match the construction years', () => {
    const bad = text.replace(
      '    flowsheet:\n      template: fecr-dc',
      '    capex: { phasing: [0.5, 0.4] }\n    flowsheet:\n      template: fecr-dc',
    );
    const r = parseScenario(bad, 'x');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.find((p) => p.path === 'stages[0].capex.phasing')?.message).toMatch(
        /summing to 1/,
      );
  });
});
