import { sampleRankCorrelation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { uniform } from '../../../src/uncertainty/distributions/uniform.js';
import { compileRun } from '../../../src/uncertainty/runner/compile.js';
import { runAll } from '../../../src/uncertainty/runner/run-all.js';
import { runChunk } from '../../../src/uncertainty/runner/chunk.js';
import { mergeChunks } from '../../../src/uncertainty/runner/merge.js';
import { saltelliRun } from '../../../src/uncertainty/sensitivity/saltelli-design.js';
import {
  sobolIndices,
  sobolIndicesFromResult,
} from '../../../src/uncertainty/sensitivity/sobol-indices.js';
import {
  averageRanks,
  rankCorrelations,
  rankCorrelationsForRun,
  spearman,
} from '../../../src/uncertainty/sensitivity/spearman.js';
import {
  spider,
  spiderByQuantiles,
  spiderByRelativeChange,
} from '../../../src/uncertainty/sensitivity/spider.js';
import {
  tornado,
  tornadoForRun,
  tornadoRangesFromDistributions,
} from '../../../src/uncertainty/sensitivity/tornado.js';

// Linear model y = Σ c_i x_i + 5: the one-at-a-time swing of x_i is exactly |c_i|·(high − low),
// and for independent inputs the Sobol indices are S_i = ST_i = c_i² Var x_i / Σ c_j² Var x_j
// (Saltelli et al., Global Sensitivity Analysis: The Primer, Wiley 2008, ch. 1: for a linear
// model the first-order indices are the squared standardised regression coefficients).
const c = [3, -10, 0.5, 0];
const linear = {
  base: Float64Array.from([1, 2, 3, 4]),
  outputNames: ['y', 'twice'],
  evaluate: (x: Float64Array, out: Float64Array) => {
    let y = 5;
    for (let i = 0; i < 4; i++) y += c[i]! * x[i]!;
    out[0] = y;
    out[1] = 2 * y;
  },
};

describe('tornado', () => {
  it('on a linear function gives swings |c_i|·(high − low), ranked', () => {
    const params = [
      { name: 'a', index: 0, low: 0, high: 2 },
      { name: 'b', index: 1, low: 1.5, high: 2.5 },
      { name: 'c', index: 2, low: -10, high: 10 },
      { name: 'd', index: 3, low: 0, high: 100 },
    ];
    const t = tornado(linear, params);
    expect(t.rankedBy).toBe('y');
    expect(t.baseOutputs).toEqual([5 + 3 - 20 + 1.5, 2 * (5 + 3 - 20 + 1.5)]);
    expect(t.entries.map((e) => e.name)).toEqual(['b', 'c', 'a', 'd']);
    expect(t.entries.map((e) => e.swing)).toEqual(
      [10, 10, 6, 0].map((s) => expect.closeTo(s, 12) as number),
    );
    const b = t.entries[0]!;
    expect(b.outputLow[0]).toBeCloseTo(t.baseOutputs[0]! + 10 * 0.5, 12);
    expect(b.outputHigh[0]).toBeCloseTo(t.baseOutputs[0]! - 10 * 0.5, 12);
    // ranking by the second output gives the same order with doubled swings
    expect(tornado(linear, params, 1).entries.map((e) => e.swing)).toEqual(
      [20, 20, 12, 0].map((s) => expect.closeTo(s, 12) as number),
    );
  });

  it('uses distribution quantiles for the ranges and puts failed evaluations last with the error', () => {
    const ranges = tornadoRangesFromDistributions(
      [{ name: 'a', index: 0, distribution: uniform(0, 10) }],
      0.1,
      0.9,
    );
    expect(ranges).toEqual([{ name: 'a', index: 0, low: 1, high: 9 }]);
    const failing = {
      ...linear,
      evaluate: (x: Float64Array, out: Float64Array) => {
        if (x[0]! > 50) throw new Error('infeasible charge');
        linear.evaluate(x, out);
      },
    };
    const t = tornado(failing, [
      { name: 'bad', index: 0, low: 0, high: 100 },
      { name: 'ok', index: 1, low: 0, high: 1 },
    ]);
    expect(t.entries.map((e) => e.name)).toEqual(['ok', 'bad']);
    expect(t.entries[1]!.error).toBe('infeasible charge');
    expect(Number.isNaN(t.entries[1]!.swing)).toBe(true);
    expect(() => tornado(linear, [], 5)).toThrow(InputError);
  });
});

describe('tornadoForRun', () => {
  it('uses P10/P90 of each parameter of a compiled run', () => {
    const run = compileRun({
      base: Float64Array.from(linear.base),
      parameters: [
        { name: 'a', index: 0, distribution: { kind: 'uniform', min: 0, max: 10 } },
        { name: 'b', index: 1, distribution: { kind: 'uniform', min: 1, max: 2 } },
      ],
      outputs: linear.outputNames,
      evaluate: linear.evaluate,
      samples: 1,
      seed: 0,
      method: 'mc',
    });
    const t = tornadoForRun(run);
    expect(t.entries.map((e) => [e.name, e.low, e.high])).toEqual([
      ['a', 1, 9],
      ['b', expect.closeTo(1.1, 12) as number, expect.closeTo(1.9, 12) as number],
    ]);
    expect(t.entries[0]!.swing).toBeCloseTo(3 * 8, 12);
    expect(t.entries[1]!.swing).toBeCloseTo(10 * 0.8, 12);
  });
});

describe('spider', () => {
  it('sweeps a parameter over quantiles of its distribution', () => {
    const [p] = spiderByQuantiles(
      [{ name: 'a', index: 0, distribution: uniform(0, 10) }],
      [0.1, 0.5, 0.9],
    );
    expect(p!.values).toEqual([1, 5, 9]);
    expect(() => spiderByQuantiles([], [0, 0.5])).toThrow(/probabilities\[0\]: found 0/);
  });

  it('sweeps each parameter at relative changes of its base value', () => {
    const lines = spider(
      linear,
      spiderByRelativeChange(linear.base, [{ name: 'a', index: 0 }], [-0.5, 0, 0.5]),
    );
    expect(lines[0]!.values).toEqual([0.5, 1, 1.5]);
    const y = lines[0]!.outputs.map((o) => o[0]!);
    expect(y[1]! - y[0]!).toBeCloseTo(1.5, 12);
    expect(y[2]! - y[1]!).toBeCloseTo(1.5, 12);
  });
});

describe('spearman', () => {
  it('uses average ranks for ties', () => {
    expect(Array.from(averageRanks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
  });
  it('agrees with simple-statistics sampleRankCorrelation and is 1 for a monotone transform', () => {
    const x = Array.from({ length: 200 }, (_, i) => Math.sin(i * 1.7) * 10);
    const y = x.map((v, i) => v + Math.cos(i * 3.1) * 8);
    expect(spearman(x, y).rho).toBeCloseTo(sampleRankCorrelation(x, y), 12);
    expect(spearman(x, x.map(Math.exp)).rho).toBeCloseTo(1, 14);
  });
  it('ranks a run’s inputs by |ρ| and skips failed samples', () => {
    const run = compileRun({
      base: new Float64Array(4),
      parameters: ['a', 'b', 'c', 'd'].map((name, index) => ({
        name,
        index,
        distribution: { kind: 'uniform', min: 0, max: 1 },
      })),
      outputs: ['y', 'twice'],
      evaluate: (x, out) => {
        if (x[3]! > 0.95) throw new Error('fails');
        linear.evaluate(x, out);
      },
      samples: 2000,
      seed: 1,
      method: 'lhs',
    });
    const r = runAll(run, 500, { keepInputs: true });
    const rc = rankCorrelations(run.inputNames, r.inputs!, r.outputs[0]!);
    expect(rc.map((e) => e.input).slice(0, 2)).toEqual(['b', 'a']);
    expect(rc[0]!.rho).toBeLessThan(-0.9);
    expect(rc[0]!.n).toBe(2000 - r.failedCount);
    // regenerating the inputs from the compiled run gives the same correlations
    expect(rankCorrelationsForRun(run, runAll(run, 333))).toEqual(rc);
  });
});

describe('Sobol indices on a linear model', () => {
  it('S_i = ST_i = c_i² Var x_i / Σ c_j² Var x_j', () => {
    const widths = [1, 2, 4, 1];
    const run = compileRun({
      base: new Float64Array(4),
      parameters: widths.map((w, index) => ({
        name: `x${index}`,
        index,
        distribution: { kind: 'uniform', min: 0, max: w },
      })),
      outputs: ['y', 'twice'],
      evaluate: linear.evaluate,
      samples: 1,
      seed: 1,
      method: 'mc',
    });
    const res = sobolIndices(run, { samples: 4096, seed: 3, bootstrap: 100 });
    const v = widths.map((w, i) => (c[i]! ** 2 * w * w) / 12);
    const total = v.reduce((a, b) => a + b, 0);
    for (const out of res.outputs)
      out.factors.forEach((f, i) => {
        expect(f.S1).toBeCloseTo(v[i]! / total, 2);
        expect(f.ST).toBeCloseTo(v[i]! / total, 2);
      });
  });

  it('refuses correlated inputs', () => {
    const run = compileRun({
      base: new Float64Array(2),
      parameters: [
        { name: 'a', index: 0, distribution: { kind: 'uniform', min: 0, max: 1 } },
        { name: 'b', index: 1, distribution: { kind: 'uniform', min: 0, max: 1 } },
      ],
      correlation: {
        method: 'gaussian-copula',
        parameters: ['a', 'b'],
        matrix: [
          [1, 0.5],
          [0.5, 1],
        ],
      },
      outputs: ['y'],
      evaluate: (x, out) => {
        out[0] = x[0]! + x[1]!;
      },
      samples: 10,
      seed: 1,
      method: 'mc',
    });
    expect(() => sobolIndices(run, { samples: 64, seed: 1 })).toThrow(/independent inputs/);
  });

  it('the Saltelli design runs in chunks like any run, with identical indices', () => {
    const run = compileRun({
      base: new Float64Array(4),
      parameters: [0, 1, 2, 3].map((index) => ({
        name: `x${index}`,
        index,
        distribution: { kind: 'normal' as const, mean: 1, sd: 1 + index },
      })),
      outputs: ['y', 'twice'],
      evaluate: (x, out) => {
        if (x[0]! > 3.2) throw new Error('infeasible');
        linear.evaluate(x, out);
      },
      samples: 1,
      seed: 1,
      method: 'mc',
    });
    const opts = { samples: 512, seed: 9, bootstrap: 50 };
    const whole = sobolIndices(run, opts);
    const design = saltelliRun(run, opts);
    expect(design.samples).toBe(512 * 6);
    const cuts = [0, 7, 1000, 1001, 2500, 3072];
    const chunks = cuts
      .slice(1)
      .map((end, c) => runChunk(design, cuts[c]!, end))
      .reverse();
    const parts = sobolIndicesFromResult(design, mergeChunks(design, chunks), opts);
    expect(parts).toEqual(whole);
    expect(whole.failedEvaluations).toBeGreaterThan(0);
    expect(whole.outputs[0]!.rows).toBeLessThan(512);
    expect(whole.outputs[0]!.rows).toBeGreaterThan(400);
  });
});
