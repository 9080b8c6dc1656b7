/** Histogram with equal-width bins. */
export interface Histogram {
  /** Bin edges, length bins + 1 [output unit]. */
  readonly edges: readonly number[];
  /** Number of values per bin (last bin closed on the right). */
  readonly counts: readonly number[];
}

/** Points of the empirical CDF: P(X ≤ x[k]) = p[k]. */
export interface EmpiricalCdf {
  readonly x: readonly number[];
  readonly p: readonly number[];
}

/** Summary statistics of one output. Keys match the CLI's JSON (`metrics.<name>.…`). */
export interface OutputSummary {
  /** Number of finite values used [-]. */
  readonly n: number;
  /** Number of NaN/±Infinity values (failed samples included) excluded from the statistics [-]. */
  readonly non_finite: number;
  readonly mean: number;
  /** Sample standard deviation (divisor n − 1). */
  readonly std: number;
  readonly min: number;
  readonly max: number;
  readonly p5: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  /** Fraction of finite values < 0 [-]. */
  readonly prob_negative: number;
  /** Monte Carlo standard error of the mean, std/√n (conservative for LHS and Sobol). */
  readonly mcse_mean: number;
  /** Standard error of prob_negative, √(p(1 − p)/n) [-]. */
  readonly mcse_prob_negative: number;
  readonly histogram: Histogram;
  readonly ecdf: EmpiricalCdf;
}

/** Options of {@link summarize}. */
export interface SummaryOptions {
  /** Number of histogram bins [integer ≥ 1]; default 40. */
  readonly bins?: number;
  /** Maximum number of ECDF points [integer ≥ 2]; default 201. */
  readonly cdfPoints?: number;
}

/**
 * Sample quantile of sorted data, Hyndman & Fan type 7 (linear between order statistics; the
 * default of R, NumPy and Excel's PERCENTILE.INC).
 *
 * @param sorted - Ascending finite values
 * @param p - Probability [-], 0 ≤ p ≤ 1
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const k = Math.floor(h);
  const lo = sorted[k] ?? NaN;
  return k + 1 < n ? lo + (h - k) * ((sorted[k + 1] ?? NaN) - lo) : lo;
}

/**
 * Summarises the values of one output, in the given order (results are independent of how the
 * run was chunked, because the merged array is always in sample order).
 *
 * Mean and variance by Welford's one-pass update (Welford 1962, Technometrics 4, 419–420);
 * percentiles type 7; histogram with `bins` equal bins over [min, max]; ECDF at up to
 * `cdfPoints` order statistics, always including the smallest and largest.
 *
 * @param values - Output values [output unit]; non-finite values are counted and excluded
 */
export function summarize(values: ArrayLike<number>, options: SummaryOptions = {}): OutputSummary {
  const bins = options.bins ?? 40;
  const cdfPoints = Math.max(2, options.cdfPoints ?? 201);
  let n = 0;
  let mean = 0;
  let m2 = 0;
  let negative = 0;
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const x = values[i] ?? NaN;
    if (!Number.isFinite(x)) continue;
    n++;
    const d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
    if (x < 0) negative++;
    finite.push(x);
  }
  const sorted = Float64Array.from(finite).sort();
  const std = n > 1 ? Math.sqrt(m2 / (n - 1)) : NaN;
  const min = n > 0 ? (sorted[0] ?? NaN) : NaN;
  const max = n > 0 ? (sorted[n - 1] ?? NaN) : NaN;
  const pNeg = n > 0 ? negative / n : NaN;

  const edges: number[] = [];
  const counts: number[] = new Array<number>(n > 0 ? bins : 0).fill(0);
  if (n > 0) {
    const width = (max - min) / bins;
    for (let b = 0; b <= bins; b++) edges.push(b === bins ? max : min + b * width);
    for (const x of sorted) {
      const b = width > 0 ? Math.min(bins - 1, Math.floor((x - min) / width)) : 0;
      counts[b] = (counts[b] ?? 0) + 1;
    }
  }
  const cx: number[] = [];
  const cp: number[] = [];
  if (n > 0) {
    const m = Math.min(n, cdfPoints);
    for (let k = 0; k < m; k++) {
      const r = m === 1 ? n - 1 : Math.round((k * (n - 1)) / (m - 1));
      cx.push(sorted[r] ?? NaN);
      cp.push((r + 1) / n);
    }
  }
  return {
    n,
    non_finite: values.length - n,
    mean: n > 0 ? mean : NaN,
    std,
    min,
    max,
    p5: quantileSorted(sorted, 0.05),
    p10: quantileSorted(sorted, 0.1),
    p50: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    p95: quantileSorted(sorted, 0.95),
    prob_negative: pNeg,
    mcse_mean: std / Math.sqrt(n),
    mcse_prob_negative: n > 0 ? Math.sqrt((pNeg * (1 - pNeg)) / n) : NaN,
    histogram: { edges, counts },
    ecdf: { x: cx, p: cp },
  };
}

/** Summaries of every output of a run, keyed by output name. */
export function summarizeOutputs(
  outputNames: readonly string[],
  outputs: readonly ArrayLike<number>[],
  options: SummaryOptions = {},
): Record<string, OutputSummary> {
  const result: Record<string, OutputSummary> = {};
  outputNames.forEach((name, o) => {
    result[name] = summarize(outputs[o] ?? [], options);
  });
  return result;
}
