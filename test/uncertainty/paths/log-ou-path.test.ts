import { describe, expect, it } from 'vitest';
import { compileRun } from '../../../src/uncertainty/runner/compile.js';
import { runAll } from '../../../src/uncertainty/runner/run-all.js';
import { compilePricePaths } from '../../../src/uncertainty/paths/log-ou-path.js';

const YEARS = 30;
const idx = (offset: number) => Array.from({ length: YEARS }, (_, t) => offset + t);

/** Sample mean and variance of ln(price) in year t over a run's outputs. */
function logMoments(values: Float64Array): { mean: number; variance: number } {
  let m = 0;
  for (const v of values) m += Math.log(v);
  m /= values.length;
  let s = 0;
  for (const v of values) s += (Math.log(v) - m) ** 2;
  return { mean: m, variance: s / (values.length - 1) };
}

describe('mean-reverting log price paths (Ornstein–Uhlenbeck in log space)', () => {
  const kappa = 0.4;
  const sigma = 0.25;
  const spec = {
    base: new Float64Array(2 * YEARS),
    parameters: [],
    pricePaths: [
      {
        name: 'prices',
        series: [
          {
            name: 'hcfecr',
            start: 2600,
            longRunMedian: 2000,
            reversionPerYear: kappa,
            volatility: sigma,
            indices: idx(0),
          },
          {
            name: 'power',
            start: 40,
            longRunMedian: 40,
            reversionPerYear: 0,
            volatility: 0.1,
            indices: idx(YEARS),
          },
        ],
        shockCorrelation: [
          [1, 0.5],
          [0.5, 1],
        ],
      },
    ],
    outputs: ['p1', 'p30', 'e1', 'e10', 'p2'],
    evaluate: (p: Float64Array, out: Float64Array) => {
      out[0] = p[0]!;
      out[1] = p[YEARS - 1]!;
      out[2] = p[YEARS]!;
      out[3] = p[YEARS + 9]!;
      out[4] = p[1]!;
    },
    samples: 8192,
    seed: 3,
    method: 'sobol' as const,
  };
  const run = compileRun(spec);
  const r = runAll(run);

  it('names every sampled entry series[year] and uses one factor per group', () => {
    expect(run.inputNames.slice(0, 4)).toEqual(['hcfecr[1]', 'power[1]', 'hcfecr[2]', 'power[2]']);
    expect(run.dimension).toBe(2 * YEARS);
    expect(run.factors.map((f) => f.name)).toEqual(['prices']);
  });

  it('year-1 log price has mean θ + φ(x0 − θ) and variance σ²(1 − φ²)/(2κ)', () => {
    const phi = Math.exp(-kappa);
    const { mean, variance } = logMoments(r.outputs[0]!);
    expect(mean).toBeCloseTo(Math.log(2000) + phi * (Math.log(2600) - Math.log(2000)), 2);
    expect(variance / ((sigma ** 2 * (1 - phi ** 2)) / (2 * kappa))).toBeCloseTo(1, 1);
  });

  it('after 30 years the log price reaches its stationary law N(θ, σ²/(2κ))', () => {
    const { mean, variance } = logMoments(r.outputs[1]!);
    expect(Math.abs(mean - Math.log(2000))).toBeLessThan(0.01);
    expect(Math.abs(variance / (sigma ** 2 / (2 * kappa)) - 1)).toBeLessThan(0.05);
  });

  it('κ = 0 is a random walk in log price: variance σ²·t', () => {
    expect(logMoments(r.outputs[2]!).variance / 0.01).toBeCloseTo(1, 1);
    expect(Math.abs(logMoments(r.outputs[3]!).variance / (0.01 * 10) - 1)).toBeLessThan(0.05);
  });

  it('year-1 shocks of the two series have correlation 0.5', () => {
    const a = Array.from(r.outputs[0]!, Math.log);
    const b = Array.from(r.outputs[2]!, Math.log);
    const ma = a.reduce((s, v) => s + v, 0) / a.length;
    const mb = b.reduce((s, v) => s + v, 0) / b.length;
    let sab = 0;
    let saa = 0;
    let sbb = 0;
    a.forEach((v, i) => {
      sab += (v - ma) * (b[i]! - mb);
      saa += (v - ma) ** 2;
      sbb += (b[i]! - mb) ** 2;
    });
    expect(Math.abs(sab / Math.sqrt(saa * sbb) - 0.5)).toBeLessThan(0.03);
  });

  it('rejects bad settings naming the series field', () => {
    const s = spec.pricePaths[0]!;
    expect(() => compilePricePaths({ ...s, series: [{ ...s.series[0]!, volatility: 0 }] })).toThrow(
      /pricePaths.series\[0\].volatility: found 0/,
    );
    expect(() =>
      compilePricePaths({ ...s, series: [{ ...s.series[0]!, reversionPerYear: -1 }] }),
    ).toThrow(/reversionPerYear: found -1, expected a rate ≥ 0/);
    expect(() =>
      compilePricePaths({
        ...s,
        series: [s.series[0]!, { ...s.series[1]!, indices: idx(30).slice(0, 5) }],
      }),
    ).toThrow(/series\[1\].indices: found 5, expected 30 years/);
    expect(() =>
      compilePricePaths({
        ...s,
        shockCorrelation: [
          [1, 2],
          [2, 1],
        ],
      }),
    ).toThrow(/between hcfecr and power/);
  });
});
