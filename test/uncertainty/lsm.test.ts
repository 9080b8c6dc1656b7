// Least-squares Monte Carlo engine: properties that do not need 100,000 paths (the validation
// against Longstaff & Schwartz 2001 is test/validation/uncertainty/*.slow.test.ts).
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { bermudanPut } from '../../src/uncertainty/lsm/bermudan-put.js';
import { leastSquaresMonteCarlo } from '../../src/uncertainty/lsm/least-squares-monte-carlo.js';

const base = { S0: 40, K: 40, r: 0.06, sigma: 0.2, T: 1, exercisesPerYear: 10, paths: 4000 };

describe('leastSquaresMonteCarlo', () => {
  it('a single exercise date is the mean discounted payoff (a European claim)', () => {
    const payoff = [3, 0, 5, 1];
    const r = leastSquaresMonteCarlo({
      paths: 4,
      dates: 1,
      basisSize: 1,
      exerciseValue: (_t, p) => payoff[p] ?? 0,
      basis: (_t, _p, out) => {
        out[0] = 1;
      },
    });
    expect(r.value).toBeCloseTo(2.25, 12);
    expect(Array.from(r.exerciseDate)).toEqual([1, 0, 1, 1]);
  });

  it('exercises now when that beats holding', () => {
    const r = leastSquaresMonteCarlo({
      paths: 2,
      dates: 1,
      basisSize: 1,
      exerciseNow: 10,
      exerciseValue: () => 1,
      basis: (_t, _p, out) => {
        out[0] = 1;
      },
    });
    expect(r.exerciseNowIsOptimal).toBe(true);
    expect(r.value).toBe(10);
  });
});

describe('bermudanPut', () => {
  it('is reproducible for a seed and depends on it', () => {
    const a = bermudanPut({ ...base, seed: 7 });
    expect(bermudanPut({ ...base, seed: 7 })).toEqual(a);
    expect(bermudanPut({ ...base, seed: 8 }).value).not.toBe(a.value);
  });

  it('is worth at least the European put and at most the strike', () => {
    // Black–Scholes European put, S = K = 40, r 0.06, σ 0.2, T 1: 2.0664 (closed form).
    const r = bermudanPut({ ...base, paths: 20_000, seed: 3 });
    expect(r.value).toBeGreaterThan(2.0664 - 3 * r.standard_error);
    expect(r.value).toBeLessThan(40);
  });

  it('names the flag of a bad input', () => {
    expect(() => bermudanPut({ ...base, sigma: -1 })).toThrow(/--sigma/);
    expect(() => bermudanPut({ ...base, T: 0.55, exercisesPerYear: 10 })).toThrow(
      /--exercises-per-year/,
    );
    expect(() => bermudanPut({ ...base, paths: 3 })).toThrow(InputError);
    expect(() => bermudanPut({ ...base, seed: -1 })).toThrow(/--seed/);
  });
});
