// The least-squares Monte Carlo engine (src/uncertainty/lsm) against the finite-difference
// values of Longstaff & Schwartz (2001), Review of Financial Studies 14(1), Table 1: S0 36–44,
// K 40, r 0.06, σ 0.2/0.4, T 1/2 years, 50 exercise dates a year, 100,000 paths (50,000
// antithetic pairs). Each value must lie within three standard errors of the reference.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bermudanPut } from '../../../src/uncertainty/lsm/bermudan-put.js';

interface Case {
  S0: number;
  sigma: number;
  T: number;
  finite_difference: number;
}
const table = JSON.parse(
  readFileSync('test/validation/reference/finance/longstaff-schwartz-2001-table1.json', 'utf8'),
) as { strike: number; rate: number; exercises_per_year: number; cases: Case[] };

describe('Bermudan put by LSM vs Longstaff & Schwartz (2001) Table 1', () => {
  it.each(table.cases)('S0 $S0, σ $sigma, T $T → $finite_difference', (c) => {
    const r = bermudanPut({
      S0: c.S0,
      K: table.strike,
      r: table.rate,
      sigma: c.sigma,
      T: c.T,
      exercisesPerYear: table.exercises_per_year,
      paths: 100_000,
      seed: 2001,
    });
    expect(r.standard_error).toBeGreaterThan(0);
    expect(r.standard_error).toBeLessThan(0.03);
    expect(Math.abs(r.value - c.finite_difference)).toBeLessThanOrEqual(3 * r.standard_error);
  });
});
