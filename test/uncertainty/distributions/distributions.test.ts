import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { discrete } from '../../../src/uncertainty/distributions/discrete.js';
import type {
  Distribution,
  DistributionSpec,
} from '../../../src/uncertainty/distributions/distribution.js';
import { empiricalFromObservations } from '../../../src/uncertainty/distributions/empirical.js';
import { distributionFromSpec } from '../../../src/uncertainty/distributions/from-spec.js';
import { lognormalFromMoments } from '../../../src/uncertainty/distributions/lognormal.js';
import { RandomStream } from '../../../src/uncertainty/random/random-stream.js';

/** Mean of Q(u) over a fine midpoint grid of u: the quadrature of ∫Q(u)du = E[X]. */
function quadratureMean(d: Distribution, n = 20_000): number {
  let s = 0;
  for (let k = 0; k < n; k++) s += d.quantile((k + 0.5) / n);
  return s / n;
}

describe('distributions: validation with clear messages', () => {
  const bad: [DistributionSpec, RegExp][] = [
    [{ kind: 'uniform', min: 3, max: 3 }, /x.max: found 3, expected a value > min \(3\)/],
    [
      { kind: 'triangular', min: 1, mode: 5, max: 4 },
      /x.mode: found 5, expected min ≤ mode ≤ max \(1 … 4\)/,
    ],
    [{ kind: 'pert', min: 1, mode: 0, max: 4 }, /x.mode: found 0, expected min ≤ mode ≤ max/],
    [{ kind: 'pert', min: 1, mode: 2, max: 4, lambda: 0 }, /x.lambda: found 0/],
    [{ kind: 'normal', mean: 1, sd: 0 }, /x.sd: found 0, expected a finite number > 0/],
    [
      { kind: 'normal', mean: 1, sd: 1, lower: 2, upper: 1 },
      /x.upper: found 1, expected a value > lower \(2\)/,
    ],
    [{ kind: 'normal', mean: 0, sd: 1, lower: 60, upper: 70 }, /non-negligible probability/],
    [{ kind: 'lognormal', mean: 1, sd: -1 }, /x.sd: found -1/],
    [
      { kind: 'lognormal', mean: 1, sd: 1, muLog: 0, sigmaLog: 1 },
      /either mean and sd, or muLog and sigmaLog/,
    ],
    [
      { kind: 'lognormal', muLog: 0, sigmaLog: 1, lower: -1 },
      /x.lower: found -1, expected a value ≥ 0/,
    ],
    [
      { kind: 'discrete', values: [1, 2], probabilities: [0.5, 0.6] },
      /probabilities summing to 1 \(sum is 1.1\)/,
    ],
    [{ kind: 'discrete', values: [1, 2], probabilities: [0.5] }, /expected 2 probabilities/],
    [
      { kind: 'discrete', values: [1, 1], probabilities: [0.5, 0.5] },
      /distinct values \(1 repeats\)/,
    ],
    [
      { kind: 'discrete', values: [1, 2], probabilities: [1.5, -0.5] },
      /x.probabilities\[0\]: found 1.5/,
    ],
    [{ kind: 'empirical', observations: [1] }, /at least 2 observations/],
    [{ kind: 'empirical', observations: [1, NaN, 3] }, /x.observations\[1\]: found NaN/],
    [{ kind: 'gamma' } as unknown as DistributionSpec, /x.kind: found "gamma"/],
  ];
  it.each(bad)('rejects %j', (spec, message) => {
    expect(() => distributionFromSpec(spec, 'x')).toThrow(InputError);
    expect(() => distributionFromSpec(spec, 'x')).toThrow(message);
  });

  it('accepts the degenerate-mode cases min = mode and mode = max', () => {
    expect(
      distributionFromSpec({ kind: 'triangular', min: 1, mode: 1, max: 2 }).quantile(0.5),
    ).toBeCloseTo(2 - Math.sqrt(0.5), 12);
    expect(distributionFromSpec({ kind: 'pert', min: 1, mode: 2, max: 2 }).support).toEqual([1, 2]);
  });
});

describe('distributions: quantiles are monotone, within support, and have the stated mean', () => {
  // Property test: random parameters from a seeded stream (the stream is the test's input).
  const rng = RandomStream.create(314159);
  const specs: DistributionSpec[] = [];
  for (let t = 0; t < 4; t++) {
    const a = -50 + 100 * rng.nextDouble();
    const w = 0.1 + 20 * rng.nextDouble();
    const m = a + w * rng.nextDouble();
    specs.push({ kind: 'uniform', min: a, max: a + w });
    specs.push({ kind: 'triangular', min: a, mode: m, max: a + w });
    specs.push({ kind: 'pert', min: a, mode: m, max: a + w, lambda: 1 + 6 * rng.nextDouble() });
    specs.push({ kind: 'normal', mean: a, sd: w / 4, lower: a - w / 3, upper: a + w });
    specs.push({ kind: 'normal', mean: a, sd: w / 4, lower: a + w / 2 });
    specs.push({ kind: 'lognormal', mean: w, sd: w * rng.nextDouble() });
    specs.push({ kind: 'lognormal', muLog: 1, sigmaLog: 0.5, lower: 1, upper: 10 * w });
  }
  it.each(specs.map((s) => [s.kind, s] as const))('%s %j', (_kind, spec) => {
    const d = distributionFromSpec(spec);
    let prev = -Infinity;
    for (let k = 1; k < 1000; k++) {
      const x = d.quantile(k / 1000);
      if (!(x >= prev && x >= d.support[0] && x <= d.support[1]))
        throw new Error(`quantile not monotone / outside support at u = ${k / 1000}: ${x}`);
      prev = x;
    }
    const scale = Math.abs(d.mean) + d.quantile(0.99) - d.quantile(0.01);
    expect(Math.abs(quadratureMean(d) - d.mean) / scale).toBeLessThan(2e-4);
  });

  it('lognormal from moments reproduces the mean and sd', () => {
    const { muLog, sigmaLog } = lognormalFromMoments(1000, 300);
    const mean = Math.exp(muLog + sigmaLog ** 2 / 2);
    const sd = mean * Math.sqrt(Math.expm1(sigmaLog ** 2));
    expect(mean).toBeCloseTo(1000, 9);
    expect(sd).toBeCloseTo(300, 9);
  });
});

describe('discrete', () => {
  it('sorts values and inverts the cumulative probabilities', () => {
    const d = discrete([30, 10, 20], [0.5, 0.2, 0.3]);
    expect(d.quantile(0.1)).toBe(10);
    expect(d.quantile(0.2)).toBe(10);
    expect(d.quantile(0.2000001)).toBe(20);
    expect(d.quantile(0.5)).toBe(20);
    expect(d.quantile(0.51)).toBe(30);
    expect(d.quantile(1 - 1e-16)).toBe(30);
    expect(d.mean).toBeCloseTo(0.2 * 10 + 0.3 * 20 + 0.5 * 30, 12);
    expect(d.support).toEqual([10, 30]);
  });
});

describe('empiricalFromObservations', () => {
  const obs = [5, 1, 4, 2, 3];
  it('interpolates order statistics (Hyndman–Fan type 7, as numpy.quantile)', () => {
    const d = empiricalFromObservations(obs);
    // numpy.quantile([1,2,3,4,5], [0.1, 0.5, 0.625]) = [1.4, 3.0, 3.5]
    expect(d.quantile(0.1)).toBeCloseTo(1.4, 12);
    expect(d.quantile(0.5)).toBeCloseTo(3, 12);
    expect(d.quantile(0.625)).toBeCloseTo(3.5, 12);
    expect(d.support).toEqual([1, 5]);
    expect(d.mean).toBeCloseTo(3, 12);
  });
  it('resample draws the observations with equal probability', () => {
    const d = empiricalFromObservations(obs, 'resample');
    const seen = new Map<number, number>();
    for (let k = 0; k < 1000; k++) {
      const x = d.quantile((k + 0.5) / 1000);
      seen.set(x, (seen.get(x) ?? 0) + 1);
    }
    expect([...seen.entries()].sort((a, b) => a[0] - b[0])).toEqual([
      [1, 200],
      [2, 200],
      [3, 200],
      [4, 200],
      [5, 200],
    ]);
  });
  it('does not modify its input', () => {
    const copy = [...obs];
    empiricalFromObservations(copy);
    expect(copy).toEqual(obs);
  });
});
