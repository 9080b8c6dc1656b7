// Unit, property and cross-check tests of the metrics. formula.js (@formulajs/formulajs 4.6.1)
// serves as an independent implementation on seeded random cash flows.
import * as formulajs from '@formulajs/formulajs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import {
  discountedPaybackYears,
  excelNpv,
  irr,
  irrAll,
  irrAnalysis,
  IrrError,
  mirr,
  npv,
  paybackYears,
  pmt,
  profitabilityIndex,
  xirr,
  xirrAll,
  xnpv,
} from '../../../src/index.js';
import { seededUniform } from '../../helpers/seeded.js';
import { certifiedRoots } from '../../../src/econ/metrics/certified-roots.js';
import { norstromBound } from '../../../src/econ/metrics/rate-of-return.js';

/** Conventional project: 1–4 negative years, then 3–30 mostly positive years. */
function randomProject(u: (lo?: number, hi?: number) => number): number[] {
  const build = 1 + Math.floor(u(0, 4));
  const ops = 3 + Math.floor(u(0, 28));
  const capex = u(1e6, 5e8);
  const flows: number[] = [];
  for (let t = 0; t < build; t++) flows.push((-capex / build) * u(0.5, 1.5));
  const margin = u(0.02, 0.6);
  for (let t = 0; t < ops; t++) flows.push(capex * margin * u(0.3, 1.2));
  return flows;
}

const fj = formulajs as unknown as {
  IRR: (v: number[], guess?: number) => number | Error;
  NPV: (rate: number, ...v: number[]) => number | Error;
  MIRR: (v: number[], f: number, r: number) => number | Error;
  XNPV: (rate: number, v: number[], d: number[]) => number | Error;
  XIRR: (v: number[], d: number[], guess?: number) => number | Error;
  PMT: (r: number, n: number, pv: number, fv?: number, type?: number) => number | Error;
};

describe('npv', () => {
  it('puts the first flow at t = 0 (numpy) and excelNpv discounts it one period', () => {
    expect(npv(0.1, [-100, 110])).toBeCloseTo(0, 12);
    expect(excelNpv(0.1, [-100, 110])).toBeCloseTo(0 / 1.1, 12);
    expect(npv(0, [1, 2, 3])).toBe(6);
  });

  it('rejects bad input naming the field', () => {
    expect(() => npv(-1, [1])).toThrow(/rate/);
    expect(() => npv(0.1, [])).toThrow(InputError);
    expect(() => npv(0.1, [1, Number.NaN])).toThrow(/cashflows\[1\]/);
  });

  it('cross-check: equals CF0 + formula.js NPV(rate, CF1..) on 300 seeded projects', () => {
    const u = seededUniform(7);
    for (let k = 0; k < 300; k++) {
      const cf = randomProject(u);
      const rate = u(-0.05, 0.3);
      const ref = (cf[0] ?? 0) + (fj.NPV(rate, ...cf.slice(1)) as number);
      expect(Math.abs(npv(rate, cf) - ref)).toBeLessThanOrEqual(1e-9 * Math.abs(cf[0] ?? 1));
    }
  });
});

describe('irr', () => {
  it('property: npv(irr) = 0 and cross-check with formula.js IRR on 500 seeded projects', () => {
    const u = seededUniform(11);
    let compared = 0;
    for (let k = 0; k < 500; k++) {
      const cf = randomProject(u);
      const r = irr(cf);
      const scale = cf.reduce((s, v, t) => s + Math.abs(v) * Math.pow(1 + r, -t), 0);
      expect(Math.abs(npv(r, cf)) / scale).toBeLessThan(1e-13);
      const ref = fj.IRR(cf);
      if (typeof ref === 'number') {
        compared++;
        expect(Math.abs(r - ref)).toBeLessThan(1e-7 * Math.max(1, Math.abs(r)));
      }
    }
    expect(compared).toBeGreaterThan(450);
  });

  it('property: flows built from a known rate give that rate back', () => {
    const u = seededUniform(13);
    for (let k = 0; k < 300; k++) {
      const rate = u(-0.5, 2);
      const n = 2 + Math.floor(u(0, 40));
      const later = Array.from({ length: n - 1 }, () => u(0, 100));
      const cf0 = -later.reduce((s, v, t) => s + v / Math.pow(1 + rate, t + 1), 0);
      const r = irr([cf0, ...later]);
      expect(Math.abs(r - rate)).toBeLessThan(1e-10 * (1 + Math.abs(rate)));
    }
  });

  it("Norström's bound is never below the number of roots (certified search, random flows)", () => {
    // Norström (1972), J. Financial and Quantitative Analysis 7(3): the sign changes of the
    // cumulative flows bound the roots with r > 0 (and, reversed, those with −1 < r < 0).
    // Reference count: the certified Lipschitz search over r ∈ (−99.99 %, 99 900 %).
    const u = seededUniform(29);
    let tight = 0;
    for (let k = 0; k < 300; k++) {
      const n = 3 + Math.floor(u(0, 25));
      const cf = Array.from({ length: n }, () => (u() < 0.4 ? -1 : 1) * u(0, 100));
      const bound = norstromBound(cf);
      const ref = certifiedRoots(
        cf,
        cf.map((_, t) => t),
        1e-4,
        1e3,
        161,
        'irr',
      );
      if (ref.unresolved.length > 0) continue;
      expect(ref.roots.length).toBeLessThanOrEqual(bound);
      const a = irrAnalysis(cf);
      // The certified search covers r ∈ (−99.99 %, 99 900 %); compare the roots found there.
      const inRange = a.roots.filter((r) => r > 1e-4 - 1 && r < 1e3 - 1);
      expect(inRange.length).toBe(ref.roots.length);
      inRange.forEach((r, i) => {
        expect(Math.abs(r - (ref.roots[i] ?? Number.NaN))).toBeLessThan(1e-9 * (1 + Math.abs(r)));
      });
      if (bound < a.sign_changes) tight++;
    }
    expect(tight).toBeGreaterThan(10);
  });

  it('a two-phase project with closure (3 sign changes, Norström bound 1) has its one IRR', () => {
    // Construction of stage 1, first sales, construction of stage 2, operation, closure net of
    // working-capital recovery.
    const cf = [-127, -118, 6, -24, -13, 32, 38, 44, 45, 45, 45, 45, 40, 40, 40, 37, 25];
    expect(norstromBound(cf)).toBe(1);
    const a = irrAnalysis(cf);
    expect(a.sign_changes).toBe(3);
    expect(a.roots).toHaveLength(1);
    const r = a.irr ?? Number.NaN;
    expect(Math.abs(npv(r, cf))).toBeLessThan(1e-12 * 1000);
    expect(r).toBeCloseTo(fj.IRR(cf) as number, 9);
  });

  it('names the reason when no IRR exists', () => {
    const reason = (cf: number[]): string => {
      try {
        irr(cf);
        return 'none';
      } catch (e) {
        expect(e).toBeInstanceOf(IrrError);
        return (e as IrrError).reason;
      }
    };
    expect(reason([0, 0, 0])).toBe('all-zero');
    expect(reason([1, 2, 3])).toBe('all-non-negative');
    expect(reason([-1, -2, 0])).toBe('all-non-positive');
    // −100 + 300x − 300x² has no real root (discriminant 90000 − 120000 < 0).
    expect(reason([-100, 300, -300])).toBe('no-real-root');
    expect(reason([-100, 230, -132])).toBe('multiple-roots');
  });

  it('reports both roots of the textbook two-root case (−100, 230, −132): 10 % and 20 %', () => {
    const roots = irrAll([-100, 230, -132]);
    expect(roots).toHaveLength(2);
    expect(roots[0]).toBeCloseTo(0.1, 14);
    expect(roots[1]).toBeCloseTo(0.2, 14);
    const a = irrAnalysis([-100, 230, -132]);
    expect(a.irr).toBeNull();
    expect(a.reason).toMatch(/10\.0000 %, 20\.0000 %/);
    expect(irr([-100, 230, -132], { multiple: 'closest-to-zero' })).toBeCloseTo(0.1, 14);
  });

  it('property: random polynomials with chosen roots are recovered (multi-sign path)', () => {
    const u = seededUniform(17);
    for (let k = 0; k < 200; k++) {
      // (x − x1)(x − x2)(x − x3) with x = 1/(1 + r): flows are the coefficients, highest power last.
      const rs = [u(-0.6, -0.2), u(0, 0.3), u(0.5, 3)];
      let poly = [1];
      for (const r of rs) {
        const x = 1 / (1 + r);
        const next = new Array<number>(poly.length + 1).fill(0);
        poly.forEach((c, i) => {
          next[i + 1] = (next[i + 1] ?? 0) + c;
          next[i] = (next[i] ?? 0) - x * c;
        });
        poly = next;
      }
      const found = irrAll(poly);
      expect(found).toHaveLength(3);
      rs.sort((a, b) => a - b).forEach((r, i) => {
        expect(Math.abs((found[i] ?? 0) - r)).toBeLessThan(1e-9);
      });
    }
  });

  it('certified search: finds two roots 0.1 % apart that every grid misses', () => {
    // (x − x1)(x − x2) with x = 1/(1 + r): flows x1·x2, −(x1 + x2), 1 (2 sign changes).
    const x1 = 1 / 1.1;
    const x2 = 1 / 1.101;
    const roots = irrAll([x1 * x2, -(x1 + x2), 1]);
    expect(roots).toHaveLength(2);
    expect(roots[0]).toBeCloseTo(0.1, 9);
    expect(roots[1]).toBeCloseTo(0.101, 9);
  });

  it('certified search: a double root is reported as ill-conditioned, never guessed', () => {
    const x0 = 1 / 1.1;
    const a = irrAnalysis([x0 * x0, -2 * x0, 1]);
    expect(a.irr).toBeNull();
    expect(a.reason).toMatch(/touches or nearly touches zero near (9\.9999|10\.000)/);
    expect(() => irr([x0 * x0, -2 * x0, 1])).toThrow(IrrError);
  });

  it('certified search proves there is no root for (−100, 300, −300)', () => {
    const a = irrAnalysis([-100, 300, -300]);
    expect(a.roots).toEqual([]);
    expect(a.reason).toMatch(/no IRR/);
  });

  it('finds roots beyond the scan grid (IRR of 5000 %, of −99.999 %)', () => {
    expect(irr([-1, 51])).toBeCloseTo(50, 10);
    expect(irr([-1, 0, 1e-10])).toBeCloseTo(-1 + 1e-5, 15);
    expect(irrAll([1, -3000, 0, 0, 1e-9])).toHaveLength(2);
  });

  it('handles leading and trailing zeros', () => {
    expect(irr([0, 0, -100, 110, 0])).toBeCloseTo(0.1, 14);
  });
});

describe('mirr, xnpv, xirr, pmt', () => {
  it('cross-check MIRR with formula.js on 200 seeded single-investment projects', () => {
    // formula.js 4.6.1 MIRR compacts the negative and positive flows into two arrays before
    // discounting, so it loses their periods; it is only right when the sole negative flow is
    // CF_0 (npf-mirr-3 in the vectors shows the general case, where chromflow matches numpy).
    const u = seededUniform(19);
    for (let k = 0; k < 200; k++) {
      const cf = randomProject(u);
      cf.splice(
        0,
        cf.findIndex((v) => v > 0),
        -u(1e6, 5e8),
      );
      const f = u(0, 0.15);
      const r = u(0, 0.15);
      const ref = fj.MIRR(cf, f, r) as number;
      expect(Math.abs(mirr(cf, f, r) - ref)).toBeLessThan(1e-12);
    }
  });

  it('cross-check XNPV/XIRR with formula.js on 100 seeded dated flows', () => {
    const u = seededUniform(23);
    for (let k = 0; k < 100; k++) {
      const cf = randomProject(u).slice(0, 12);
      const dates = [40000];
      for (let i = 1; i < cf.length; i++) dates.push((dates[i - 1] ?? 0) + Math.floor(u(1, 400)));
      const rate = u(0, 0.2);
      const refNpv = fj.XNPV(rate, cf, dates) as number;
      expect(Math.abs(xnpv(rate, cf, dates) - refNpv)).toBeLessThan(1e-6 * Math.abs(cf[0] ?? 1));
      const r = xirr(cf, dates);
      expect(Math.abs(xnpv(r, cf, dates))).toBeLessThan(1e-6 * Math.abs(cf[0] ?? 1));
      const refIrr = fj.XIRR(cf, dates);
      if (
        typeof refIrr === 'number' &&
        Number.isFinite(refIrr) &&
        refIrr > -1 &&
        Math.abs(xnpv(refIrr, cf, dates)) < 1e-3 * Math.abs(cf[0] ?? 1)
      )
        expect(Math.abs(r - refIrr)).toBeLessThan(1e-6);
    }
  });

  it('xirr names the failure: no sign change, several roots; dates before the first are rejected', () => {
    expect(() => xirr([1, 2], [0, 365])).toThrow(IrrError);
    expect(() => xirr([1, 2], [0, 365])).toThrow(/all cash flows are ≥ 0/);
    // −100, 230, −132 one year apart: 10 % and 20 %.
    expect(xirrAll([-100, 230, -132], [0, 365, 730]).map((r) => Number(r.toFixed(12)))).toEqual([
      0.1, 0.2,
    ]);
    expect(() => xirr([-100, 230, -132], [0, 365, 730])).toThrow(/no unique IRR/);
    expect(() => xnpv(0.1, [-1, 2], [10, 5])).toThrow(/dates_days\[1\]/);
  });

  it('cross-check PMT with formula.js, and the annuity repays the loan', () => {
    const u = seededUniform(29);
    for (let k = 0; k < 200; k++) {
      const rate = u(0, 0.2);
      const n = 1 + Math.floor(u(0, 30));
      const pv = u(1e3, 1e8);
      const p = pmt(rate, n, pv);
      expect(Math.abs(p - (fj.PMT(rate, n, pv) as number))).toBeLessThan(1e-9 * pv);
      let bal = pv;
      for (let t = 0; t < n; t++) bal = bal * (1 + rate) + p;
      expect(Math.abs(bal)).toBeLessThan(1e-7 * pv);
    }
  });
});

describe('payback, discounted payback, profitability index', () => {
  it('interpolates inside the crossing year', () => {
    expect(paybackYears([-100, 40, 40, 40])).toBeCloseTo(2.5, 14);
    expect(paybackYears([-100, 10, 10])).toBeNull();
    expect(paybackYears([5, 1])).toBe(0);
    expect(paybackYears([-50, -50, 100, 100])).toBe(2);
  });

  it('discounted payback is longer than payback and null when NPV < 0', () => {
    const cf = [-100, 40, 40, 40, 40];
    const d = discountedPaybackYears(0.1, cf)!;
    expect(d).toBeGreaterThan(paybackYears(cf)!);
    // cumulative discounted at t = 2: −100 + 36.36 + 33.06 = −30.58; flow at 3: 30.05
    expect(d).toBeCloseTo(3 + (100 - 40 / 1.1 - 40 / 1.21 - 40 / 1.331) / (40 / 1.4641), 12);
    expect(discountedPaybackYears(0.5, [-100, 40, 40])).toBeNull();
  });

  it('PI = 1 + NPV/|PV(investment)|, > 1 iff NPV > 0 (property)', () => {
    const u = seededUniform(31);
    for (let k = 0; k < 200; k++) {
      const cf = randomProject(u);
      const rate = u(0, 0.2);
      const neg = cf.reduce((s, v, t) => s + (v < 0 ? -v / Math.pow(1 + rate, t) : 0), 0);
      const pi = profitabilityIndex(rate, cf);
      expect(pi).toBeCloseTo(1 + npv(rate, cf) / neg, 10);
      expect(pi > 1).toBe(npv(rate, cf) > 0);
    }
    expect(() => profitabilityIndex(0.1, [1, 2])).toThrow(InputError);
  });
});
