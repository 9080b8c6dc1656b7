import { InputError } from '../errors.js';

/**
 * A sieve series: `count` apertures falling by `ratio` from `top_um`, giving `count + 1` size
 * classes. Class 0 is retained on the top sieve (+top), class k (1…count−1) passes sieve k−1
 * and is retained on sieve k, the last class is the pan (−smallest aperture).
 */
export interface SieveSeries {
  readonly top_um: number;
  readonly ratio: number;
  /** Number of size classes (= apertures + 1). */
  readonly n: number;
  /** Aperture of each sieve, descending [µm]; length n − 1. */
  readonly aperture_um: Float64Array;
  /** Nominal upper bound of each class [µm] (class 0: top × ratio). */
  readonly upper_um: Float64Array;
  /** Lower bound of each class [µm] (pan: 0). */
  readonly lower_um: Float64Array;
  /** Representative size of each class [µm]: geometric mean of its bounds (pan: lowest aperture / √ratio). */
  readonly mid_um: Float64Array;
}

/** Description of a sieve series as it appears in a template. */
export interface SieveSpec {
  top_um: number;
  ratio: number;
  count: number;
}

/** Default: √2 series of 30 sieves from 300 mm down to 9.2 µm, plus the pan (31 classes). */
export const DEFAULT_SIEVE: SieveSpec = { top_um: 300_000, ratio: Math.SQRT2, count: 30 };

/**
 * Builds a geometric sieve series.
 * @param spec - top aperture [µm], ratio between successive apertures [-] (> 1), count of sieves
 */
export function sieveSeries(spec: SieveSpec = DEFAULT_SIEVE): SieveSeries {
  const { top_um, ratio, count } = spec;
  if (!(Number.isFinite(top_um) && top_um > 0))
    throw new InputError('sieve.top_um', top_um, 'a positive size in µm');
  if (!(Number.isFinite(ratio) && ratio > 1))
    throw new InputError('sieve.ratio', ratio, 'a ratio > 1 (e.g. 1.41421356 for the √2 series)');
  if (!(Number.isInteger(count) && count >= 1 && count <= 200))
    throw new InputError('sieve.count', count, 'an integer number of sieves between 1 and 200');
  const n = count + 1;
  const aperture_um = new Float64Array(count);
  for (let k = 0; k < count; k++) aperture_um[k] = top_um / Math.pow(ratio, k);
  const upper_um = new Float64Array(n);
  const lower_um = new Float64Array(n);
  const mid_um = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const up = i === 0 ? top_um * ratio : (aperture_um[i - 1] ?? 0);
    const lo = i === n - 1 ? 0 : (aperture_um[i] ?? 0);
    upper_um[i] = up;
    lower_um[i] = lo;
    mid_um[i] = lo > 0 ? Math.sqrt(up * lo) : up / Math.sqrt(ratio);
  }
  return { top_um, ratio, n, aperture_um, upper_um, lower_um, mid_um };
}

/**
 * Size below which a fraction `p` of the mass passes (e.g. P80 for p = 0.8), interpolated
 * linearly in log(size) between class bounds; in the pan linearly to zero.
 * @param sieve - Sieve series
 * @param mass - Mass in each class, coarse to fine [any mass unit]
 * @param p - Fraction passing (0–1)
 * @returns Size [µm], or NaN if the total mass is zero
 */
export function passingSize_um(sieve: SieveSeries, mass: ArrayLike<number>, p: number): number {
  let total = 0;
  for (let i = 0; i < sieve.n; i++) total += mass[i] ?? 0;
  if (!(total > 0)) return NaN;
  // cumulative passing at the lower bound of class i = mass in classes i+1…n−1
  let passingAbove = total; // passing the upper bound of class 0
  for (let i = 0; i < sieve.n; i++) {
    const mi = mass[i] ?? 0;
    const passingBelow = passingAbove - mi;
    const target = p * total;
    if (passingBelow <= target) {
      const up = sieve.upper_um[i] ?? 0;
      const lo = sieve.lower_um[i] ?? 0;
      const f = mi > 0 ? (target - passingBelow) / mi : 1;
      if (lo <= 0) return up * f;
      return Math.exp(Math.log(lo) + f * (Math.log(up) - Math.log(lo)));
    }
    passingAbove = passingBelow;
  }
  return sieve.lower_um[sieve.n - 1] ?? 0;
}
