import {
  mean,
  quantileSorted as ssQuantileSorted,
  sampleStandardDeviation,
} from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { ConvergenceError, InputError } from '../../../src/errors.js';
import { planChunks, runChunk, type ChunkResult } from '../../../src/uncertainty/runner/chunk.js';
import { compileRun, type RunSpec } from '../../../src/uncertainty/runner/compile.js';
import { mergeChunks } from '../../../src/uncertainty/runner/merge.js';
import { runAll } from '../../../src/uncertainty/runner/run-all.js';
import {
  chunkFromJSON,
  chunkToJSON,
  type ChunkJSON,
} from '../../../src/uncertainty/runner/serialize.js';
import { summarize } from '../../../src/uncertainty/runner/summary.js';
import type { SamplingMethod } from '../../../src/uncertainty/sampling/design.js';

/** A toy "NPV" model: revenue − costs, failing (like a non-converged loop) in a corner. */
function specFor(method: SamplingMethod, samples = 3000): RunSpec {
  const base = Float64Array.from([100, 50, 0.85, 7, 1]); // price, tariff, recovery, unused, path
  return {
    base,
    parameters: [
      { name: 'price', index: 0, distribution: { kind: 'pert', min: 60, mode: 100, max: 160 } },
      { name: 'tariff', index: 1, distribution: { kind: 'normal', mean: 50, sd: 8, lower: 30 } },
      { name: 'recovery', index: 2, distribution: { kind: 'uniform', min: 0.75, max: 0.92 } },
    ],
    correlation: {
      method: 'iman-conover',
      parameters: ['price', 'tariff'],
      matrix: [
        [1, 0.3],
        [0.3, 1],
      ],
    },
    outputs: ['npv', 'margin'],
    evaluate: (p, out) => {
      const price = p[0]!;
      const tariff = p[1]!;
      const recovery = p[2]!;
      if (tariff > 70 && recovery < 0.77)
        throw new ConvergenceError('smelter heat balance', 50, 0.02);
      out[0] = 10 * price * recovery - 12 * tariff - 200 + p[3]!;
      out[1] = price * recovery - tariff;
    },
    samples,
    seed: 42,
    method,
  };
}

function bits(a: Float64Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
}

describe('runner: chunking never changes the results', () => {
  it.each<SamplingMethod>(['mc', 'lhs', 'sobol'])(
    '%s: 1 chunk, 7 uneven chunks, shuffled, through JSON — same bits',
    (method) => {
      const run = compileRun(specFor(method));
      const one = runAll(run, run.samples);
      // a differently compiled copy (as on another worker), uneven chunks, merged out of order
      const other = compileRun(specFor(method));
      const ranges = [0, 1, 2, 400, 401, 1999, 2500, 3000];
      const chunks: ChunkResult[] = [];
      for (let k = ranges.length - 2; k >= 0; k--) {
        const c = runChunk(other, ranges[k]!, ranges[k + 1]!);
        chunks.push(chunkFromJSON(JSON.parse(JSON.stringify(chunkToJSON(c))) as ChunkJSON));
      }
      const merged = mergeChunks(other, chunks);
      expect(bits(merged.outputs[0]!)).toBe(bits(one.outputs[0]!));
      expect(bits(merged.outputs[1]!)).toBe(bits(one.outputs[1]!));
      expect(merged.failed).toEqual(one.failed);
      expect(summarize(merged.outputs[0]!)).toEqual(summarize(one.outputs[0]!));
    },
  );

  it('different seeds give different results', () => {
    const a = runAll(compileRun(specFor('mc', 100)));
    const b = runAll(compileRun({ ...specFor('mc', 100), seed: 43 }));
    expect(bits(a.outputs[0]!)).not.toBe(bits(b.outputs[0]!));
  });
});

describe('runner: failures are counted and kept with their inputs', () => {
  it('records each failing sample with index, inputs, message and code; outputs NaN', () => {
    const run = compileRun(specFor('lhs'));
    const r = runAll(run, 512, { keepInputs: true });
    expect(r.failedCount).toBeGreaterThan(0);
    expect(r.failed.length).toBe(r.failedCount);
    const nIn = run.inputNames.length;
    expect(run.inputNames).toEqual(['price', 'tariff', 'recovery']);
    for (const f of r.failed) {
      expect(f.code).toBe('no_convergence');
      expect(f.message).toMatch(/smelter heat balance did not converge/);
      expect(f.inputs[1]).toBeGreaterThan(70);
      expect(f.inputs[2]).toBeLessThan(0.77);
      expect(Number.isNaN(r.outputs[0]![f.index])).toBe(true);
      expect(Array.from(r.inputs!.subarray(f.index * nIn, (f.index + 1) * nIn))).toEqual(f.inputs);
    }
    // indices increasing; every NaN output is a recorded failure
    const nan = Array.from(r.outputs[0]!).flatMap((v, i) => (Number.isNaN(v) ? [i] : []));
    expect(r.failed.map((f) => f.index)).toEqual(nan);
    const s = summarize(r.outputs[0]!);
    expect(s.non_finite).toBe(r.failedCount);
    expect(s.n + s.non_finite).toBe(3000);
  });

  it('only the sampled entries change; the others keep their base values', () => {
    const seen: number[] = [];
    const spec = {
      ...specFor('mc', 50),
      evaluate: (p: Float64Array, out: Float64Array) => {
        seen.push(p[3]!, p[4]!);
        out[0] = 0;
        out[1] = 0;
      },
    };
    runAll(compileRun(spec));
    expect(new Set(seen)).toEqual(new Set([7, 1]));
  });

  it('an output the evaluator does not write is NaN, not a stale value', () => {
    const spec = {
      ...specFor('mc', 10),
      evaluate: (_p: Float64Array, out: Float64Array) => {
        out[0] = 1;
      },
    };
    const r = runAll(compileRun(spec));
    expect(Array.from(r.outputs[1]!).every(Number.isNaN)).toBe(true);
  });
});

describe('mergeChunks / planChunks', () => {
  const run = compileRun(specFor('mc', 100));
  it('plans consecutive ranges covering all samples', () => {
    expect(planChunks(10, 4)).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 8 },
      { start: 8, end: 10 },
    ]);
  });
  it('refuses a gap, an overlap and a short cover, naming the samples', () => {
    const a = runChunk(run, 0, 40);
    const b = runChunk(run, 50, 100);
    const c = runChunk(run, 30, 100);
    expect(() => mergeChunks(run, [a, b])).toThrow(/samples 40 … 49 are missing/);
    expect(() => mergeChunks(run, [a, c])).toThrow(/no overlap/);
    expect(() => mergeChunks(run, [a])).toThrow(/covering all 100 samples \(covered up to 40\)/);
    expect(() => runChunk(run, 90, 101)).toThrow(InputError);
  });
});

describe('compileRun validation', () => {
  it('names the bad parameter', () => {
    const s = specFor('mc', 10);
    expect(() =>
      compileRun({
        ...s,
        parameters: [{ name: 'x', index: 9, distribution: { kind: 'uniform', min: 0, max: 1 } }],
      }),
    ).toThrow(
      /parameters\[0\].index: found 9, expected an index into the parameter vector \(0 … 4\)/,
    );
    expect(() =>
      compileRun({
        ...s,
        correlation: undefined as never,
        parameters: [
          {
            name: 'cr_price',
            index: 0,
            distribution: { kind: 'triangular', min: 5, mode: 1, max: 9 },
          },
        ],
      }),
    ).toThrow(/parameters.cr_price.mode: found 1, expected min ≤ mode ≤ max/);
    expect(() =>
      compileRun({
        ...s,
        correlation: undefined as never,
        parameters: [
          { name: 'a', index: 0, distribution: { kind: 'uniform', min: 0, max: 1 } },
          { name: 'b', index: 0, distribution: { kind: 'uniform', min: 0, max: 1 } },
        ],
      }),
    ).toThrow(/an index not also sampled by a/);
  });
});

describe('summarize', () => {
  it('agrees with simple-statistics and the type-7 definition on random data', () => {
    const x = Array.from(
      { length: 1001 },
      (_, i) => ((Math.sin(i * 12.9898) * 43758.5453) % 1) - 0.2,
    );
    const s = summarize(x, { bins: 10, cdfPoints: 11 });
    const sorted = [...x].sort((a, b) => a - b);
    expect(s.mean).toBeCloseTo(mean(x), 13);
    expect(s.std).toBeCloseTo(sampleStandardDeviation(x), 13);
    // n = 1001: type-7 p10 is exactly the order statistic 100 (0-based), p50 the 500th
    expect(s.p10).toBe(sorted[100]);
    expect(s.p50).toBe(sorted[500]);
    expect(s.p50).toBe(ssQuantileSorted(sorted, 0.5));
    expect(s.prob_negative).toBe(x.filter((v) => v < 0).length / 1001);
    expect(s.mcse_mean).toBeCloseTo(s.std / Math.sqrt(1001), 15);
    expect(s.histogram.counts.reduce((a, b) => a + b, 0)).toBe(1001);
    expect(s.histogram.edges).toHaveLength(11);
    expect(s.histogram.edges[0]).toBe(sorted[0]);
    expect(s.histogram.edges[10]).toBe(sorted[1000]);
    expect(s.ecdf.x).toHaveLength(11);
    expect(s.ecdf.x[0]).toBe(sorted[0]);
    expect(s.ecdf.p[10]).toBe(1);
  });
  it('interpolates between order statistics (numpy.percentile([1,2,3,4], 10) = 1.3)', () => {
    expect(summarize([4, 1, 3, 2]).p10).toBeCloseTo(1.3, 14);
    expect(summarize([4, 1, 3, 2]).p95).toBeCloseTo(3.85, 14);
  });
  it('Welford stays accurate with a large offset (1e9 + small spread)', () => {
    const x = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];
    expect(summarize(x).std).toBeCloseTo(Math.sqrt(30), 9);
  });
});
