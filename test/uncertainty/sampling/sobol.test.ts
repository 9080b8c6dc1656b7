import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { SobolSequence, type SobolScramble } from '../../../src/uncertainty/sampling/sobol.js';

/**
 * Checks that points 0 … 2^m − 1 of dimensions (j1, j2) form a (0, m, 2)-net in base 2: every
 * elementary box [a/2^q, (a+1)/2^q) × [b/2^(m−q), (b+1)/2^(m−q)) holds exactly one point.
 * The first two Sobol dimensions have t = 0, and digital shifts and nested uniform (Owen)
 * scrambles preserve the net property (A. B. Owen, "Randomly permuted (t,m,s)-nets and
 * (t,s)-sequences", in Monte Carlo and Quasi-Monte Carlo Methods, Springer 1995, 299–317).
 */
function isZeroNet(seq: SobolSequence, m: number, j1: number, j2: number): boolean {
  const n = 2 ** m;
  for (let q = 0; q <= m; q++) {
    const seen = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const a = seq.coordinateUint32(i, j1) >>> (32 - q);
      const b = q === m ? 0 : seq.coordinateUint32(i, j2) >>> (32 - (m - q));
      const box = q === 0 ? b : q === m ? a : a * 2 ** (m - q) + b;
      if (seen[box]) return false;
      seen[box] = 1;
    }
  }
  return true;
}

describe('SobolSequence', () => {
  it.each<SobolScramble>(['none', 'shift', 'owen'])(
    'scramble %s keeps the (0, m, 2)-net property of dimensions 1–2 and 1-D stratification',
    (scramble) => {
      const seq = new SobolSequence(8, scramble, 42);
      expect(isZeroNet(seq, 10, 0, 1)).toBe(true);
      // every dimension: the first 2^10 points hit each interval [k/1024, (k+1)/1024) once
      for (let j = 0; j < 8; j++) {
        const seen = new Set<number>();
        for (let i = 0; i < 1024; i++) seen.add(seq.coordinateUint32(i, j) >>> 22);
        expect(seen.size).toBe(1024);
      }
    },
  );

  it('a net test can fail: random points are not a (0, m, 2)-net', () => {
    const fake = {
      coordinateUint32: (i: number, j: number) =>
        Math.imul(i * 2654435761 + j * 40503, 0x9e3779b1) >>> 0,
    };
    expect(isZeroNet(fake as unknown as SobolSequence, 8, 0, 1)).toBe(false);
  });

  it('scrambling depends on the seed and changes the points; unit points stay in (0, 1)', () => {
    const a = new SobolSequence(4, 'owen', 1);
    const b = new SobolSequence(4, 'owen', 2);
    expect(a.coordinateUint32(5, 2)).not.toBe(b.coordinateUint32(5, 2));
    const p = new Float64Array(4);
    new SobolSequence(4).point(0, p);
    expect(Array.from(p)).toEqual([2 ** -33, 2 ** -33, 2 ** -33, 2 ** -33]);
    // the mean of scrambled points over a full net is ½ to within 2^-11
    const seq = new SobolSequence(4, 'owen', 9);
    let s = 0;
    for (let i = 0; i < 2048; i++) {
      seq.point(i, p);
      s += p[3]!;
    }
    expect(Math.abs(s / 2048 - 0.5)).toBeLessThan(2 ** -11);
  });

  it('rejects dimensions beyond the table with a clear error', () => {
    expect(() => new SobolSequence(0)).toThrow(InputError);
    expect(() => new SobolSequence(1025)).toThrow(
      /sobol.dimension: found 1025, expected an integer from 1 to 1024/,
    );
  });
});
