// Speed of the uncertainty core on cheap analytic functions: what the sampling machinery costs
// per sample, apart from the model. One operation = one sample (or one point).
import type { BenchSuite } from './harness.js';
import { compileRun, type RunSpec } from '../src/uncertainty/runner/compile.js';
import { runChunk } from '../src/uncertainty/runner/chunk.js';
import { createDesign } from '../src/uncertainty/sampling/design.js';
import { SobolSequence } from '../src/uncertainty/sampling/sobol.js';
import type { SamplingMethod } from '../src/uncertainty/sampling/design.js';

const D = 10;

/** A cheap 10-parameter "NPV": 20 years of discounted margin. */
function npvSpec(method: SamplingMethod, samples: number, kind: 'uniform' | 'mixed'): RunSpec {
  const base = Float64Array.from({ length: D }, (_, i) => 1 + i);
  return {
    base,
    parameters: Array.from({ length: D }, (_, i) => ({
      name: `p${i}`,
      index: i,
      distribution:
        kind === 'uniform' || i % 3 === 0
          ? { kind: 'uniform' as const, min: i, max: i + 2 }
          : i % 3 === 1
            ? { kind: 'normal' as const, mean: i + 1, sd: 0.3, lower: i }
            : { kind: 'triangular' as const, min: i, mode: i + 0.5, max: i + 2 },
    })),
    outputs: ['npv', 'margin'],
    evaluate: (p, out) => {
      let margin = 0;
      for (let i = 0; i < D; i++) margin += (i % 2 ? -0.5 : 1) * (p[i] ?? 0);
      let npv = -10 * (p[0] ?? 0);
      let df = 1;
      for (let t = 1; t <= 20; t++) {
        df /= 1.08;
        npv += margin * df;
      }
      out[0] = npv;
      out[1] = margin;
    },
    samples,
    seed: 1,
    method,
  };
}

export function suite(): Promise<BenchSuite> {
  const N = 1 << 22;
  const runs = {
    mc: compileRun(npvSpec('mc', N, 'uniform')),
    lhs: compileRun(npvSpec('lhs', N, 'uniform')),
    sobol: compileRun(npvSpec('sobol', N, 'uniform')),
    mixed: compileRun(npvSpec('sobol', N, 'mixed')),
    pert: compileRun({
      ...npvSpec('sobol', N, 'uniform'),
      parameters: Array.from({ length: D }, (_, i) => ({
        name: `p${i}`,
        index: i,
        distribution: { kind: 'pert' as const, min: i, mode: i + 0.37, max: i + 2 },
      })),
    }),
    copula: compileRun({
      ...npvSpec('sobol', N, 'uniform'),
      correlation: {
        method: 'gaussian-copula',
        parameters: ['p0', 'p1', 'p2'],
        matrix: [
          [1, 0.5, 0.2],
          [0.5, 1, 0.1],
          [0.2, 0.1, 1],
        ],
      },
    }),
  };
  let offset = 0;
  const chunk = (run: (typeof runs)[keyof typeof runs]) => (n: number) => {
    const start = offset % (N - n);
    offset += n;
    return runChunk(run, start, start + n).outputs[0]?.[0];
  };
  const sobol = new SobolSequence(D, 'none');
  const sobolOwen = new SobolSequence(D, 'owen', 1);
  const lhs = createDesign({ method: 'lhs', dimension: D, samples: N, seed: 1 });
  const mc = createDesign({ method: 'mc', dimension: D, samples: N, seed: 1 });
  const point = new Float64Array(D);
  let buffer = new Float64Array(0);
  const fill = (seq: SobolSequence) => (n: number) => {
    if (buffer.length < n * D) buffer = new Float64Array(n * D);
    seq.fill(offset % N, n, buffer);
    offset += n;
    return buffer[0];
  };
  const points = (design: typeof lhs) => (n: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      design.point((offset + i) % N, point);
      s += point[0] ?? 0;
    }
    offset += n;
    return s;
  };
  return Promise.resolve({
    area: 'uncertainty',
    cases: [
      { name: 'runner sample, 10 uniform inputs, MC, cheap NPV (samples)', run: chunk(runs.mc) },
      { name: 'runner sample, 10 uniform inputs, LHS, cheap NPV (samples)', run: chunk(runs.lhs) },
      {
        name: 'runner sample, 10 uniform inputs, Sobol+Owen, cheap NPV (samples)',
        run: chunk(runs.sobol),
      },
      {
        name: 'runner sample, uniform/trunc-normal/triangular, Sobol (samples)',
        run: chunk(runs.mixed),
      },
      {
        name: 'runner sample, 10 PERT inputs (non-integer shapes), Sobol (samples)',
        run: chunk(runs.pert),
      },
      {
        name: 'runner sample, Gaussian copula on 3 of 10, Sobol (samples)',
        run: chunk(runs.copula),
      },
      { name: 'Sobol point, 10 dims, unscrambled, sequential fill (points)', run: fill(sobol) },
      {
        name: 'Sobol point, 10 dims, Owen-scrambled, sequential fill (points)',
        run: fill(sobolOwen),
      },
      {
        name: 'Sobol point, 10 dims, Owen-scrambled, random access (points)',
        run: points({
          method: 'sobol',
          dimension: D,
          samples: N,
          point: (i, out) => {
            sobolOwen.point(i, out);
          },
        }),
      },
      { name: 'LHS point, 10 dims, random access (points)', run: points(lhs) },
      { name: 'MC point, 10 dims, Philox (points)', run: points(mc) },
    ],
  });
}
