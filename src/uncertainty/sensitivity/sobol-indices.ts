import { InputError } from '../../errors.js';
import { RandomStream } from '../random/random-stream.js';
import { STREAM } from '../random/streams.js';
import type { CompiledRun } from '../runner/compile.js';
import { quantileSorted } from '../runner/summary.js';
import { SobolSequence, type SobolScramble } from '../sampling/sobol.js';

/** Options of {@link sobolIndices}. */
export interface SobolIndicesOptions {
  /** Base sample size N [integer ≥ 2]; the model is evaluated N·(k + 2) times. Powers of 2 are best. */
  readonly samples: number;
  /** Seed of the scrambled Sobol design and of the bootstrap [integer]. */
  readonly seed: number;
  /** Bootstrap resamples for the confidence intervals [integer ≥ 0]; default 500 (0: no intervals). */
  readonly bootstrap?: number;
  /** Confidence level of the percentile intervals [-]; default 0.95. */
  readonly confidence?: number;
  /** Scrambling of the Sobol design; default `owen`. */
  readonly scramble?: SobolScramble;
}

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
 * Sobol first-order and total sensitivity indices of every output with respect to every factor
 * of a compiled run (each univariate parameter, and each price-path group as one factor).
 *
 * Sampling after Saltelli (2002, 2010): a scrambled Sobol sequence of dimension 2D gives the
 * matrices A (first D coordinates) and B (last D); A_B^i is A with the coordinates of factor i
 * taken from B. The model is evaluated on A, B and every A_B^i: N·(k + 2) evaluations.
 * Estimators of Jansen (1999) as given by Saltelli et al. (2010). Percentile bootstrap over the
 * base rows (Archer, Saltelli & Sobol 1997) gives the intervals.
 *
 * Indices assume independent inputs, so a correlated run is refused.
 *
 * @see A. Saltelli, P. Annoni, I. Azzini, F. Campolongo, M. Ratto, S. Tarantola, "Variance based
 *   sensitivity analysis of model output. Design and estimator for the total sensitivity index",
 *   Comput. Phys. Commun. 181 (2010) 259–270, https://doi.org/10.1016/j.cpc.2009.09.018
 * @see M. J. W. Jansen, "Analysis of variance designs for model output", Comput. Phys. Commun. 117
 *   (1999) 35–43, https://doi.org/10.1016/S0010-4655(98)00154-4
 * @throws InputError for a correlated run, too many dimensions or bad options.
 */
export function sobolIndices(run: CompiledRun, options: SobolIndicesOptions): SobolIndicesResult {
  const { samples: n, seed } = options;
  const nBoot = options.bootstrap ?? 500;
  const confidence = options.confidence ?? 0.95;
  if (run.correlated)
    throw new InputError(
      'correlation',
      'present',
      'independent inputs: Sobol indices are defined for independent factors; remove the correlation for this analysis',
    );
  if (!Number.isInteger(n) || n < 2) throw new InputError('samples', n, 'an integer ≥ 2');
  if (!Number.isInteger(nBoot) || nBoot < 0)
    throw new InputError('bootstrap', nBoot, 'an integer ≥ 0');
  if (!(confidence > 0 && confidence < 1))
    throw new InputError('confidence', confidence, 'a level between 0 and 1');
  const d = run.dimension;
  const factors = run.factors;
  const k = factors.length;
  const nOut = run.outputNames.length;
  const seq = new SobolSequence(2 * d, options.scramble ?? 'owen', seed);

  const yA = run.outputNames.map(() => new Float64Array(n));
  const yB = run.outputNames.map(() => new Float64Array(n));
  const yAB = run.outputNames.map(() => new Float64Array(k * n));
  const point = new Float64Array(2 * d);
  const a = new Float64Array(d);
  const b = new Float64Array(d);
  const ab = new Float64Array(d);
  const params = Float64Array.from(run.base);
  const out = new Float64Array(nOut);
  let failedEvaluations = 0;
  const evaluate = (u: Float64Array, targets: Float64Array[], at: number): void => {
    run.mapPoint(u, params);
    out.fill(NaN);
    try {
      run.evaluate(params, out);
    } catch {
      failedEvaluations++;
      out.fill(NaN);
    }
    for (let o = 0; o < nOut; o++) (targets[o] as Float64Array)[at] = out[o] ?? NaN;
  };
  for (let j = 0; j < n; j++) {
    seq.point(j, point);
    a.set(point.subarray(0, d));
    b.set(point.subarray(d));
    evaluate(a, yA, j);
    evaluate(b, yB, j);
    for (let f = 0; f < k; f++) {
      ab.set(a);
      for (const dim of factors[f]?.dims ?? []) ab[dim] = b[dim] ?? NaN;
      evaluate(ab, yAB, f * n + j);
    }
  }

  const alpha = (1 - confidence) / 2;
  const outputs = run.outputNames.map((name, o): OutputSobolIndices => {
    const A = yA[o] as Float64Array;
    const B = yB[o] as Float64Array;
    const AB = yAB[o] as Float64Array;
    const rows: number[] = [];
    for (let j = 0; j < n; j++) {
      let ok = Number.isFinite(A[j]) && Number.isFinite(B[j]);
      for (let f = 0; ok && f < k; f++) ok = Number.isFinite(AB[f * n + j]);
      if (ok) rows.push(j);
    }
    const point = estimate(A, B, AB, rows, k, n);
    const bootS1 = Array.from({ length: k }, () => new Float64Array(nBoot));
    const bootST = Array.from({ length: k }, () => new Float64Array(nBoot));
    const rng = RandomStream.create(seed, STREAM.bootstrap, o);
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
      factors: factors.map((fac, f) => {
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
    evaluations: n * (k + 2),
    failedEvaluations,
    confidence,
    bootstrap: nBoot,
    outputs,
  };
}
