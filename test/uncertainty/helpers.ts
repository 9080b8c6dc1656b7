import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

/**
 * Pearson chi-square statistic of values in (0, 1) against the uniform distribution on `bins`
 * equal bins.
 */
export function chiSquareUniform(values: ArrayLike<number>, bins: number): number {
  const counts = new Float64Array(bins);
  for (let i = 0; i < values.length; i++) {
    const b = Math.floor((values[i] ?? 0) * bins);
    counts[b] = (counts[b] ?? 0) + 1;
  }
  const expected = values.length / bins;
  let chi2 = 0;
  for (const c of counts) chi2 += (c - expected) ** 2 / expected;
  return chi2;
}

/**
 * Upper critical value of chi-square with `df` degrees of freedom at level `alpha`
 * (Wilson–Hilferty approximation, accurate to < 1 % for df ≥ 10).
 */
export function chiSquareCritical(df: number, alpha: number): number {
  // z_{1−alpha} by bisection on the normal CDF
  let lo = 0;
  let hi = 10;
  for (let k = 0; k < 100; k++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid, 0, 1) < 1 - alpha) lo = mid;
    else hi = mid;
  }
  const z = lo;
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

/** Kolmogorov–Smirnov statistic D_n of values against the uniform distribution on (0, 1). */
export function ksUniform(values: ArrayLike<number>): number {
  const x = Float64Array.from(values).sort();
  const n = x.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] ?? 0;
    d = Math.max(d, (i + 1) / n - v, v - i / n);
  }
  return d;
}

/** Asymptotic KS critical value at level 0.001: 1.9495 / √n (Smirnov; Massey 1951, Table 1). */
export function ksCritical001(n: number): number {
  return 1.9495 / Math.sqrt(n);
}
