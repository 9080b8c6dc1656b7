import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { brent } from '../../src/numeric/brent.js';
import { seededUniform } from '../helpers/seeded.js';

describe('brent', () => {
  it('finds √2 and cos x = x to full precision', () => {
    expect(brent((x) => x * x - 2, 0, 2)).toBeCloseTo(Math.SQRT2, 15);
    const r = brent((x) => Math.cos(x) - x, 0, 1);
    expect(Math.abs(Math.cos(r) - r)).toBeLessThan(1e-14);
  });

  it('returns an exact end point when f vanishes there', () => {
    expect(brent((x) => x - 1, 1, 3)).toBe(1);
    expect(brent((x) => x - 3, 1, 3)).toBe(3);
  });

  it('rejects a bracket without a sign change, naming it', () => {
    expect(() => brent((x) => x * x + 1, -1, 1, { what: 'demo' })).toThrow(InputError);
    expect(() => brent((x) => x * x + 1, -1, 1, { what: 'demo' })).toThrow(/demo\.bracket/);
  });

  it('rejects non-finite ends', () => {
    expect(() => brent((x) => x, Number.NaN, 1)).toThrow(InputError);
    expect(() => brent(() => Infinity, 0, 1)).toThrow(InputError);
  });

  it('property: random cubics with one root in the bracket are solved to 1e-12', () => {
    const u = seededUniform(42);
    for (let k = 0; k < 500; k++) {
      const root = u(-10, 10);
      const a = u(0.1, 5);
      const f = (x: number): number => a * (x - root) * ((x - root) * (x - root) + 1);
      const x = brent(f, root - u(0.01, 20), root + u(0.01, 20));
      expect(Math.abs(x - root)).toBeLessThan(1e-12 * Math.max(1, Math.abs(root)));
    }
  });

  it('converges on a nearly flat function (x^9) without exceeding the iteration limit', () => {
    const x = brent((t) => Math.pow(t - 0.3, 9), -1, 2, { xtol: 1e-12 });
    expect(Math.abs(x - 0.3)).toBeLessThan(1e-2);
  });
});
