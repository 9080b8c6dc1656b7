import { describe, expect, it } from 'vitest';
import {
  createSmallLu,
  factorSmallLinearInto,
  solveFactoredInto,
  solveSmallLinear,
} from '../../src/numeric/small-linear-solve.js';
import { seededUniform } from '../helpers/seeded.js';

/**
 * Gaussian elimination with partial pivoting on the augmented matrix [A | b] (Golub & Van Loan,
 * Matrix Computations, 4th ed., alg. 3.4.1), written out as the textbook gives it: the
 * operations the factor-and-substitute solve must reproduce bit for bit.
 */
function eliminateAugmented(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i] as number]);
  for (let k = 0; k < n; k++) {
    let piv = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(M[i]![k]!) > Math.abs(M[piv]![k]!)) piv = i;
    [M[k], M[piv]] = [M[piv]!, M[k]!];
    const p = M[k]!;
    for (let i = k + 1; i < n; i++) {
      const row = M[i]!;
      const f = row[k]! / p[k]!;
      for (let j = k; j <= n; j++) row[j] = row[j]! - f * p[j]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = M[i]![n]!;
    for (let j = i + 1; j < n; j++) s -= M[i]![j]! * x[j]!;
    x[i] = s / M[i]![i]!;
  }
  return x;
}

describe('small dense linear solve', () => {
  it('solves the textbook system that needs a row interchange (x = −7, 3, 2, 2)', () => {
    // R. L. Burden, J. D. Faires, Numerical Analysis, 9th ed., 2011, §6.1 example 3: after the
    // first column is eliminated the (2, 2) pivot is zero, so a row exchange is required
    const A = [
      [1, -1, 2, -1],
      [2, -2, 3, -3],
      [1, 1, 1, 0],
      [1, -1, 4, 3],
    ];
    const x = solveSmallLinear(A, [-8, -20, -2, 4]);
    [-7, 3, 2, 2].forEach((v, i) => {
      expect(x[i]).toBeCloseTo(v, 13);
    });
  });

  it('gives non-finite entries for a singular matrix instead of a number', () => {
    const x = solveSmallLinear(
      [
        [1, 2],
        [2, 4],
      ],
      [1, 1],
    );
    expect(x.some((v) => !Number.isFinite(v))).toBe(true);
  });

  it('property: one factorisation solves many right-hand sides exactly as elimination of [A | b] does', () => {
    const u = seededUniform(7);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(u() * 6);
      const A = Array.from({ length: n }, () => Array.from({ length: n }, () => u() * 2 - 1));
      const lu = factorSmallLinearInto(A, createSmallLu(n));
      const x = new Float64Array(n);
      for (let r = 0; r < 3; r++) {
        const b = Array.from({ length: n }, () => u() * 10 - 5);
        solveFactoredInto(lu, b, x);
        expect([...x]).toEqual(eliminateAugmented(A, b));
        // and it is a solution: residual at round-off of the row scale
        for (let i = 0; i < n; i++) {
          const ax = A[i]!.reduce((s, a, j) => s + a * x[j]!, 0);
          const scale = A[i]!.reduce((s, a, j) => s + Math.abs(a * x[j]!), Math.abs(b[i]!));
          expect(Math.abs(ax - b[i]!)).toBeLessThan(1e-9 * scale);
        }
      }
    }
  });
});
