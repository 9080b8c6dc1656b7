import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { describe, expect, it } from 'vitest';
import { betaQuantileFactory } from '../../../src/uncertainty/distributions/beta-quantile.js';
import { RandomStream } from '../../../src/uncertainty/random/random-stream.js';

describe('betaQuantileFactory (fast PERT quantile)', () => {
  it('agrees with @stdlib beta quantile for random shapes and probabilities (seeded)', () => {
    const rng = RandomStream.create(1234);
    const bad: unknown[] = [];
    for (let t = 0; t < 40; t++) {
      // PERT shapes lie in [1, 1 + λ]; also test a few shapes below 1
      const a = t < 35 ? 1 + 6 * rng.nextDouble() : 0.3 + 0.6 * rng.nextDouble();
      const b = t < 35 ? 1 + 6 * rng.nextDouble() : 0.3 + 0.6 * rng.nextDouble();
      const q = betaQuantileFactory(a, b);
      for (let s = 0; s < 25; s++) {
        const u = 1e-6 + (1 - 2e-6) * rng.nextDouble();
        const want = betaQuantile(u, a, b);
        const got = q(u);
        // Tolerance: 1e-11 relative, or what the conditioning allows near the ends (a 1e-16
        // error in the probability moves x by 1e-16 / pdf).
        if (Math.abs(got - want) > 1e-11 * want + 1e-15 / Math.max(1e-300, pdfOf(a, b, want)))
          bad.push({ a, b, u, want, got });
      }
    }
    expect(bad).toEqual([]);
  });

  it('inverts the @stdlib beta CDF', () => {
    const q = betaQuantileFactory(2.7, 1.9);
    for (const u of [0.001, 0.2, 0.5, 0.8, 0.999])
      expect(betaCdf(q(u), 2.7, 1.9)).toBeCloseTo(u, 13);
  });
});

function pdfOf(a: number, b: number, x: number): number {
  // numerical derivative of the @stdlib CDF, good enough to scale a tolerance
  const h = 1e-6 * Math.min(x, 1 - x) + 1e-300;
  return (betaCdf(x + h, a, b) - betaCdf(x - h, a, b)) / (2 * h);
}
