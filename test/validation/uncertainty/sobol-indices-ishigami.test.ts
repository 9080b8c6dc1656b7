// Sobol indices of the Ishigami function against the analytic values.
// f(x) = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i ~ U(−π, π), a = 7, b = 0.1.
// Source: T. Ishigami, T. Homma, "An importance quantification technique in uncertainty analysis
// for computer models", Proc. ISUMA '90 (1990) 398–403; analytic partial variances in T. Homma,
// A. Saltelli, "Importance measures in global sensitivity analysis of nonlinear models", Reliab.
// Eng. Syst. Saf. 52 (1996) 1–17, https://doi.org/10.1016/0951-8320(96)00002-6:
// V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V13 = b²π⁸(1/18 − 1/50),
// giving S1 = 0.3139, S2 = 0.4424, S3 = 0, ST1 = 0.5576, ST2 = 0.4424, ST3 = 0.2437 (first test).
import { describe, expect, it } from 'vitest';
import { compileRun } from '../../../src/uncertainty/runner/compile.js';
import { sobolIndices } from '../../../src/uncertainty/sensitivity/sobol-indices.js';

const A = 7;
const B = 0.1;
const PI = Math.PI;

const V = (A * A) / 8 + (B * PI ** 4) / 5 + (B * B * PI ** 8) / 18 + 0.5;
const V1 = (1 + (B * PI ** 4) / 5) ** 2 / 2;
const V2 = (A * A) / 8;
const V13 = B * B * PI ** 8 * (1 / 18 - 1 / 50);
const exact = { S1: [V1 / V, V2 / V, 0], ST: [(V1 + V13) / V, V2 / V, V13 / V] };

function ishigamiRun() {
  const u = { kind: 'uniform' as const, min: -PI, max: PI };
  return compileRun({
    base: new Float64Array(3),
    parameters: [
      { name: 'x1', index: 0, distribution: u },
      { name: 'x2', index: 1, distribution: u },
      { name: 'x3', index: 2, distribution: u },
    ],
    outputs: ['f'],
    evaluate: (x, out) => {
      const s1 = Math.sin(x[0]!);
      out[0] = s1 + A * Math.sin(x[1]!) ** 2 + B * x[2]! ** 4 * s1;
    },
    samples: 1,
    seed: 0,
    method: 'mc',
  });
}

describe('Sobol indices (Saltelli sampling, Jansen estimators) on Ishigami', () => {
  it('the closed form gives the tabulated analytic indices', () => {
    expect(exact.S1.map((x) => +x.toFixed(4))).toEqual([0.3139, 0.4424, 0]);
    expect(exact.ST.map((x) => +x.toFixed(4))).toEqual([0.5576, 0.4424, 0.2437]);
  });

  it('estimates S1 and ST within 0.02 with N = 2^13, and the 95 % intervals cover the truth', () => {
    const res = sobolIndices(ishigamiRun(), { samples: 2 ** 13, seed: 2026, bootstrap: 300 });
    expect(res.evaluations).toBe(2 ** 13 * 5);
    expect(res.failedEvaluations).toBe(0);
    const out = res.outputs[0]!;
    expect(out.variance / V).toBeCloseTo(1, 1);
    out.factors.forEach((f, i) => {
      expect(Math.abs(f.S1 - exact.S1[i]!)).toBeLessThan(0.02);
      expect(Math.abs(f.ST - exact.ST[i]!)).toBeLessThan(0.02);
      expect(f.S1_low).toBeLessThan(f.S1_high);
      expect(f.ST_low).toBeLessThanOrEqual(exact.ST[i]! + 0.005);
      expect(f.ST_high).toBeGreaterThanOrEqual(exact.ST[i]! - 0.005);
      expect(f.S1_low).toBeLessThanOrEqual(exact.S1[i]! + 0.005);
      expect(f.S1_high).toBeGreaterThanOrEqual(exact.S1[i]! - 0.005);
    });
  });

  it('converges: the error with N = 2^14 is small and intervals narrow as N grows', () => {
    const small = sobolIndices(ishigamiRun(), { samples: 2 ** 10, seed: 7, bootstrap: 200 });
    const large = sobolIndices(ishigamiRun(), { samples: 2 ** 14, seed: 7, bootstrap: 200 });
    const width = (r: typeof small) =>
      r.outputs[0]!.factors.reduce((s, f) => s + f.ST_high - f.ST_low, 0);
    expect(width(large)).toBeLessThan(width(small) / 2);
    const err = large.outputs[0]!.factors.reduce(
      (s, f, i) => s + Math.abs(f.S1 - exact.S1[i]!) + Math.abs(f.ST - exact.ST[i]!),
      0,
    );
    expect(err).toBeLessThan(0.05);
  });
});
