import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import {
  checkedCholesky,
  spearmanToPearson,
} from '../../../src/uncertainty/correlation/cholesky.js';
import { imanConover } from '../../../src/uncertainty/correlation/iman-conover.js';
import { compileRun, type RunSpec } from '../../../src/uncertainty/runner/compile.js';
import { runAll } from '../../../src/uncertainty/runner/run-all.js';
import { spearman } from '../../../src/uncertainty/sensitivity/spearman.js';

const names = ['price', 'tariff', 'recovery'];

describe('checkedCholesky', () => {
  it('factors a valid matrix: L·Lᵀ = C', () => {
    const c = [
      [1, 0.5, -0.3],
      [0.5, 1, 0.2],
      [-0.3, 0.2, 1],
    ];
    const l = checkedCholesky(c, names);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += l[i * 3 + k]! * l[j * 3 + k]!;
        expect(s).toBeCloseTo(c[i]![j]!, 14);
      }
  });

  it.each([
    [
      [
        [1, 0.5],
        [0.4, 1],
      ],
      ['a', 'b'],
      /\[1\]\[0\]: found 0.4, expected the same value as \[0\]\[1\] = 0.5 \(symmetric: b with a\)/,
    ],
    [
      [
        [1, 1.2],
        [1.2, 1],
      ],
      ['a', 'b'],
      /\[0\]\[1\]: found 1.2, expected a correlation in \[−1, 1\] between a and b/,
    ],
    [
      [
        [0.9, 0],
        [0, 1],
      ],
      ['a', 'b'],
      /\[0\]\[0\]: found 0.9, expected 1 \(correlation of a with itself\)/,
    ],
    [
      [
        [1, 0],
        [0, 1],
      ],
      ['a', 'b', 'c'],
      /expected 3 rows, one per parameter \(a, b, c\)/,
    ],
  ] as const)('rejects %j with a message naming the parameters', (m, n, message) => {
    expect(() => checkedCholesky(m as unknown as number[][], n)).toThrow(InputError);
    expect(() => checkedCholesky(m as unknown as number[][], n)).toThrow(message);
  });

  it('rejects a matrix that is not positive definite, naming the inconsistent parameters', () => {
    // price–tariff 0.9, price–recovery 0.9, tariff–recovery −0.9: impossible together.
    const c = [
      [1, 0.9, 0.9],
      [0.9, 1, -0.9],
      [0.9, -0.9, 1],
    ];
    expect(() => checkedCholesky(c, names)).toThrow(
      /positive definite correlation matrix; the correlations among price, tariff, recovery are inconsistent \(check the entries of recovery\)/,
    );
  });

  it('converts Spearman to normal-score correlation (ρ = 1 ↦ 1, 0 ↦ 0, 0.5 ↦ 0.5176)', () => {
    expect(spearmanToPearson(1)).toBeCloseTo(1, 15);
    expect(spearmanToPearson(0)).toBe(0);
    expect(spearmanToPearson(0.5)).toBeCloseTo(0.517638, 6);
  });
});

describe('Iman–Conover', () => {
  it('keeps each column’s values and imposes the target rank correlation', () => {
    const n = 2000;
    const k = 3;
    const x = new Float64Array(n * k);
    for (let i = 0; i < n; i++)
      for (let a = 0; a < k; a++) x[i * k + a] = ((i * (a + 3) * 7919) % n) + a * 0.25;
    const before = [0, 1, 2].map((a) =>
      Array.from({ length: n }, (_, i) => x[i * k + a]!).sort((p, q) => p - q),
    );
    const target = [
      [1, 0.7, -0.4],
      [0.7, 1, 0],
      [-0.4, 0, 1],
    ];
    imanConover(x, n, k, checkedCholesky(target, names), 17);
    const col = (a: number) => Array.from({ length: n }, (_, i) => x[i * k + a]!);
    for (let a = 0; a < k; a++) expect([...col(a)].sort((p, q) => p - q)).toEqual(before[a]);
    expect(spearman(col(0), col(1)).rho).toBeCloseTo(0.7, 1);
    expect(Math.abs(spearman(col(0), col(1)).rho - 0.7)).toBeLessThan(0.03);
    expect(Math.abs(spearman(col(0), col(2)).rho + 0.4)).toBeLessThan(0.03);
    expect(Math.abs(spearman(col(1), col(2)).rho)).toBeLessThan(0.03);
  });
});

describe('correlation in a run', () => {
  const spec = (
    method: 'iman-conover' | 'gaussian-copula',
    sampling: 'mc' | 'lhs' | 'sobol',
  ): RunSpec => ({
    base: new Float64Array(3),
    parameters: [
      { name: 'price', index: 0, distribution: { kind: 'lognormal', mean: 100, sd: 30 } },
      {
        name: 'tariff',
        index: 1,
        distribution: { kind: 'triangular', min: 40, mode: 50, max: 80 },
      },
      { name: 'recovery', index: 2, distribution: { kind: 'uniform', min: 0.8, max: 0.9 } },
    ],
    correlation: {
      method,
      parameters: ['price', 'tariff'],
      matrix: [
        [1, 0.6],
        [0.6, 1],
      ],
    },
    outputs: ['price', 'tariff', 'recovery'],
    evaluate: (p, out) => {
      out.set(p);
    },
    samples: 4096,
    seed: 5,
    method: sampling,
  });

  it.each([
    ['iman-conover', 'lhs'],
    ['iman-conover', 'mc'],
    ['gaussian-copula', 'sobol'],
    ['gaussian-copula', 'mc'],
  ] as const)('%s with %s reaches the target rank correlation 0.6', (method, sampling) => {
    const r = runAll(compileRun(spec(method, sampling)));
    const rho = spearman(r.outputs[0]!, r.outputs[1]!).rho;
    expect(Math.abs(rho - 0.6)).toBeLessThan(0.04);
    expect(Math.abs(spearman(r.outputs[0]!, r.outputs[2]!).rho)).toBeLessThan(0.05);
  });

  it('the Gaussian copula keeps the marginal distributions (deciles match the quantiles)', () => {
    const run = compileRun(spec('gaussian-copula', 'sobol'));
    const r = runAll(run);
    for (const k of [0, 1]) {
      const sorted = Float64Array.from(r.outputs[k]!).sort();
      const d = run.distributions[k]!;
      for (const p of [0.1, 0.3, 0.5, 0.7, 0.9]) {
        const empirical = sorted[Math.round(p * 4096)]!;
        // within 0.01 in probability: Q(p − 0.01) < empirical < Q(p + 0.01)
        expect(empirical).toBeGreaterThan(d.quantile(p - 0.01));
        expect(empirical).toBeLessThan(d.quantile(p + 0.01));
      }
    }
  });

  it('Iman–Conover on LHS keeps every stratum of the correlated marginals', () => {
    const run = compileRun(spec('iman-conover', 'lhs'));
    const r = runAll(run);
    const d = run.distributions[1]!;
    // tariff values mapped back to strata: one per stratum
    const seen = new Uint8Array(4096);
    for (const v of r.outputs[1]!) {
      // bisection for u with Q(u) = v
      let lo = 0;
      let hi = 1;
      for (let t = 0; t < 60; t++) {
        const mid = (lo + hi) / 2;
        if (d.quantile(mid) < v) lo = mid;
        else hi = mid;
      }
      seen[Math.min(4095, Math.floor(lo * 4096))] = 1;
    }
    expect(seen.reduce((a, b) => a + b, 0)).toBeGreaterThan(4090);
  });

  it('rejects unknown parameter names in the correlation', () => {
    const s = spec('gaussian-copula', 'mc');
    expect(() =>
      compileRun({ ...s, correlation: { ...s.correlation!, parameters: ['price', 'capex'] } }),
    ).toThrow(
      /correlation.parameters\[1\]: found "capex", expected the name of a sampled parameter \(price, tariff, recovery\)/,
    );
  });
});
