import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { createDesign, type SamplingMethod } from '../../../src/uncertainty/sampling/design.js';
import { permute } from '../../../src/uncertainty/sampling/permutation.js';
import { chiSquareCritical, chiSquareUniform, ksCritical001, ksUniform } from '../helpers.js';

describe('permute (Kensler 2013)', () => {
  it.each([1, 2, 3, 10, 1000, 1023, 1024, 1025, 4097])('is a bijection of 0 … %i − 1', (n) => {
    for (const key of [0, 1, 0xdeadbeef, 123456789]) {
      const seen = new Uint8Array(n);
      let outOfRange = 0;
      for (let i = 0; i < n; i++) {
        const p = permute(i, n, key);
        if (p < 0 || p >= n || !Number.isInteger(p)) outOfRange++;
        seen[p] = 1;
      }
      expect(outOfRange).toBe(0);
      expect(seen.reduce((a, b) => a + b, 0)).toBe(n);
    }
  });

  it('different keys give different permutations', () => {
    const a = Array.from({ length: 20 }, (_, i) => permute(i, 20, 1));
    const b = Array.from({ length: 20 }, (_, i) => permute(i, 20, 2));
    expect(a).not.toEqual(b);
  });
});

describe('designs', () => {
  it('LHS puts exactly one point in each of the N strata of every dimension', () => {
    const n = 1000;
    const d = createDesign({ method: 'lhs', dimension: 5, samples: n, seed: 11 });
    const seen = Array.from({ length: 5 }, () => new Uint8Array(n));
    const p = new Float64Array(5);
    for (let i = 0; i < n; i++) {
      d.point(i, p);
      for (let j = 0; j < 5; j++) {
        if (!(p[j]! > 0 && p[j]! < 1)) throw new Error(`point ${i} outside (0, 1)`);
        seen[j]![Math.floor(p[j]! * n)] = 1;
      }
    }
    for (const s of seen) expect(s.reduce((a, b) => a + b, 0)).toBe(n);
  });

  it('LHS centre option puts points at stratum centres', () => {
    const d = createDesign({
      method: 'lhs',
      dimension: 2,
      samples: 10,
      seed: 1,
      lhsPoint: 'centre',
    });
    const p = new Float64Array(2);
    d.point(3, p);
    for (const x of p) expect((x * 10) % 1).toBeCloseTo(0.5, 12);
  });

  it('LHS dimensions are not identical permutations (independent keys)', () => {
    const d = createDesign({ method: 'lhs', dimension: 2, samples: 100, seed: 5 });
    const p = new Float64Array(2);
    let same = 0;
    for (let i = 0; i < 100; i++) {
      d.point(i, p);
      if (Math.floor(p[0]! * 100) === Math.floor(p[1]! * 100)) same++;
    }
    expect(same).toBeLessThan(10);
  });

  it('Monte Carlo coordinates are uniform (chi-square and KS, fixed seed)', () => {
    const n = 50_000;
    const d = createDesign({ method: 'mc', dimension: 3, samples: n, seed: 2026 });
    const p = new Float64Array(3);
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      d.point(i, p);
      col[i] = p[2]!;
    }
    expect(chiSquareUniform(col, 50)).toBeLessThan(chiSquareCritical(49, 0.001));
    expect(ksUniform(col)).toBeLessThan(ksCritical001(n));
  });

  it.each<SamplingMethod>(['mc', 'lhs', 'sobol'])(
    '%s: point i does not depend on which points were generated before',
    (method) => {
      const a = createDesign({ method, dimension: 4, samples: 500, seed: 8 });
      const b = createDesign({ method, dimension: 4, samples: 500, seed: 8 });
      const pa = new Float64Array(4);
      const pb = new Float64Array(4);
      for (let i = 0; i < 500; i++) a.point(i, pa);
      a.point(321, pa);
      b.point(321, pb);
      expect(Array.from(pa)).toEqual(Array.from(pb));
    },
  );

  it('rejects bad settings with the field named', () => {
    expect(() => createDesign({ method: 'mc', dimension: 0, samples: 10, seed: 1 })).toThrow(
      /design.dimension/,
    );
    expect(() => createDesign({ method: 'mc', dimension: 1, samples: 0, seed: 1 })).toThrow(
      /design.samples/,
    );
    expect(() => createDesign({ method: 'mc', dimension: 1, samples: 10, seed: -3 })).toThrow(
      /design.seed/,
    );
    expect(() =>
      createDesign({ method: 'halton' as SamplingMethod, dimension: 1, samples: 10, seed: 1 }),
    ).toThrow(InputError);
  });
});
