import { InputError } from '../../errors.js';
import { RandomStream } from '../random/random-stream.js';
import { STREAM } from '../random/streams.js';
import type { CompiledRun } from '../runner/compile.js';
import type { RunResult } from '../runner/merge.js';
import { runAll } from '../runner/run-all.js';
import { quantileSorted } from '../runner/summary.js';
import { saltelliRun, type SaltelliOptions, type SaltelliRun } from './saltelli-design.js';

/** Options of the estimation step ({@link sobolIndicesFromResult}). */
export interface SobolEstimationOptions {
  /** Seed of the bootstrap [integer]. */
  readonly seed: number;
  /** Bootstrap resamples for the confidence intervals [integer ≥ 0]; default 500 (0: no intervals). */
  readonly bootstrap?: number;
  /** Confidence level of the percentile intervals [-]; default 0.95. */
  readonly confidence?: number;
}

/** Options of {@link sobolIndices}: the design's and the estimation's, one seed for both. */
export type SobolIndicesOptions = SaltelliOptions & SobolEstimationOptions;

/** First-order and total index of one factor for one output, with bootstrap intervals. */
export interface SobolIndexEstimate {
  readonly factor: string;
  /** First-order index S_i [-] (Jansen 1999). */
  readonly S1: number;
  readonly S1_low: number;
  readonly S1_high: number;
  /** Total index S_Ti [-] (Jansen 1999). */
  readonly ST: number;
  readonly ST_low: number;
  readonly ST_high: number;
}

/** Sobol indices of one output. */
export interface OutputSobolIndices {
  readonly output: string;
  /** Variance of the output over the A and B samples [output unit²]. */
  readonly variance: number;
  /** Base rows used: those where all k + 2 evaluations succeeded with a finite output [-]. */
  readonly rows: number;
  readonly factors: readonly SobolIndexEstimate[];
}

/** Result of {@link sobolIndices}. */
export interface SobolIndicesResult {
  readonly samples: number;
  readonly evaluations: number;
  /** Evaluations that threw [-]; their base rows are left out of every estimate. */
  readonly failedEvaluations: number;
  readonly confidence: number;
  readonly bootstrap: number;
  readonly outputs: readonly OutputSobolIndices[];
}

interface Estimates {
  s1: Float64Array;
  st: Float64Array;
  variance: number;
}

/**
 * Jansen estimators over the base rows `rows` (may repeat, for the bootstrap):
 * V = Var[f(A), f(B)], S_Ti = (1/2N)·Σ(f(A) − f(A_B^i))² / V,
 * S_i = (V − (1/2N)·Σ(f(B) − f(A_B^i))²) / V  (Saltelli et al. 2010, Table 2, estimators (f) and (c)).
 */
function estimate(
  yA: Float64Array,
  yB: Float64Array,
  yAB: Float64Array,
  rows: ArrayLike<number>,
  k: number,
  nBase: number,
): Estimates {
  const n = rows.length;
  let mean = 0;
  for (let r = 0; r < n; r++) {
    const j = rows[r] ?? 0;
    mean += (yA[j] ?? 0) + (yB[j] ?? 0);
  }
  mean /= 2 * n;
  let v = 0;
  for (let r = 0; r < n; r++) {
    const j = rows[r] ?? 0;
    v += ((yA[j] ?? 0) - mean) ** 2 + ((yB[j] ?? 0) - mean) ** 2;
  }
  v /= 2 * n;
  const s1 = new Float64Array(k);
  const st = new Float64Array(k);
  for (let f = 0; f < k; f++) {
    let sa = 0;
    let sb = 0;
    for (let r = 0; r < n; r++) {
      const j = rows[r] ?? 0;
      const ab = yAB[f * nBase + j] ?? 0;
      sa += ((yA[j] ?? 0) - ab) ** 2;
      sb += ((yB[j] ?? 0) - ab) ** 2;
    }
    st[f] = sa / (2 * n) / v;
    s1[f] = (v - sb / (2 * n)) / v;
  }
  return { s1, st, variance: v };
}

/**
 * Sobol first-order and total indices from the evaluated Saltelli design (see
 * {@link saltelliRun}), e.g. after a parallel run merged with `mergeChunks`.
 *
 * Estimators of Jansen (1999) as given by Saltelli et al. (2010), Table 2; V is the variance of
 * f over the A and B points. Percentile bootstrap over the base rows (Archer, Saltelli & Sobol
 * 1997) gives the intervals. Base rows where an evaluation failed or gave a non-finite output
 * are left out of that output's estimates and counted (`rows`).
 *
 * @see A. Saltelli, P. Annoni, I. Azzini, F. Campolongo, M. Ratto, S. Tarantola, "Variance based
 *   sensitivity analysis of model output. Design and estimator for the total sensitivity index",
 *   Comput. Phys. Commun. 181 (2010) 259–270, https://doi.org/10.1016/j.cpc.2009.09.018
 * @see M. J. W. Jansen, "Analysis of variance designs for model output", Comput. Phys. Commun. 117
 *   (1999) 35–43, https://doi.org/10.1016/S0010-4655(98)00154-4
 */
export function sobolIndicesFromResult(
  design: SaltelliRun,
  result: RunResult,
  options: SobolEstimationOptions,
): SobolIndicesResult {
  const nBoot = options.bootstrap ?? 500;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(nBoot) || nBoot < 0)
    throw new InputError('bootstrap', nBoot, 'an integer ≥ 0');
  if (!(confidence > 0 && confidence < 1))
    throw new InputError('confidence', confidence, 'a level between 0 and 1');
  if (result.samples !== design.samples)
    throw new InputError(
      'result.samples',
      result.samples,
      `${design.samples} evaluations of the design`,
    );
  const n = design.baseSamples;
  const k = design.factorCount;
  const stride = k + 2;
  const alpha = (1 - confidence) / 2;
  const outputs = design.outputNames.map((name, o): OutputSobolIndices => {
    const y = result.outputs[o] ?? new Float64Array(0);
    const A = new Float64Array(n);
    const B = new Float64Array(n);
    const AB = new Float64Array(k * n);
    const rows: number[] = [];
    for (let j = 0; j < n; j++) {
      A[j] = y[j * stride] ?? NaN;
      B[j] = y[j * stride + 1] ?? NaN;
      let ok = Number.isFinite(A[j]) && Number.isFinite(B[j]);
      for (let f = 0; f < k; f++) {
        const v = y[j * stride + 2 + f] ?? NaN;
        AB[f * n + j] = v;
        ok &&= Number.isFinite(v);
      }
      if (ok) rows.push(j);
    }
    const point = estimate(A, B, AB, rows, k, n);
    const bootS1 = Array.from({ length: k }, () => new Float64Array(nBoot));
    const bootST = Array.from({ length: k }, () => new Float64Array(nBoot));
    const rng = RandomStream.create(options.seed, STREAM.bootstrap, o);
    const resample = new Uint32Array(rows.length);
    for (let r = 0; r < nBoot; r++) {
      for (let t = 0; t < rows.length; t++) resample[t] = rows[rng.nextInt(rows.length)] ?? 0;
      const e = estimate(A, B, AB, resample, k, n);
      for (let f = 0; f < k; f++) {
        (bootS1[f] as Float64Array)[r] = e.s1[f] ?? NaN;
        (bootST[f] as Float64Array)[r] = e.st[f] ?? NaN;
      }
    }
    const interval = (x: Float64Array): [number, number] => {
      if (x.length === 0) return [NaN, NaN];
      const s = Float64Array.from(x).sort();
      return [quantileSorted(s, alpha), quantileSorted(s, 1 - alpha)];
    };
    return {
      output: name,
      variance: point.variance,
      rows: rows.length,
      factors: design.factors.map((fac, f) => {
        const [s1Low, s1High] = interval(bootS1[f] as Float64Array);
        const [stLow, stHigh] = interval(bootST[f] as Float64Array);
        return {
          factor: fac.name,
          S1: point.s1[f] ?? NaN,
          S1_low: s1Low,
          S1_high: s1High,
          ST: point.st[f] ?? NaN,
          ST_low: stLow,
          ST_high: stHigh,
        };
      }),
    };
  });
  return {
    samples: n,
    evaluations: design.samples,
    failedEvaluations: result.failedCount,
    confidence,
    bootstrap: nBoot,
    outputs,
  };
}

/**
 * Sobol first-order and total sensitivity indices of every output with respect to every factor
 * of a compiled run (each univariate parameter, and each price-path group as one factor), in
 * this thread: {@link saltelliRun}, then `runAll`, then {@link sobolIndicesFromResult}.
 * A parallel edge does the same with `runChunk` on ranges of the Saltelli run.
 *
 * @throws InputError for a correlated run, too many dimensions or bad options.
 */
export function sobolIndices(run: CompiledRun, options: SobolIndicesOptions): SobolIndicesResult {
  const design = saltelliRun(run, options);
  return sobolIndicesFromResult(design, runAll(design, 4096), options);
}
