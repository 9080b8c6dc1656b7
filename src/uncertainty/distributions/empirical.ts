import { InputError } from '../../errors.js';
import type { Distribution, EmpiricalMethod } from './distribution.js';

/**
 * Empirical distribution from observations (for example a price history read from a CSV by an
 * edge; this function is pure and takes the numbers).
 *
 * - `interpolate` (default): with order statistics x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎ and h = (n − 1)u,
 *   Q(u) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) — Hyndman & Fan (1996) type 7, the default of R
 *   and NumPy; values stay within [min, max] of the data.
 * - `resample`: each observation with probability 1/n, Q(u) = x₍⌊nu⌋₎ (bootstrap).
 *
 * @param observations - Observed values [parameter unit], finite, at least 2
 * @param method - See above; default `interpolate`
 * @see R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages", Am. Stat. 50 (1996) 361–365.
 * @throws InputError naming the first non-finite observation, or when fewer than 2 are given.
 */
export function empiricalFromObservations(
  observations: readonly number[],
  method: EmpiricalMethod = 'interpolate',
  field = 'empirical',
): Distribution {
  if (observations.length < 2)
    throw new InputError(`${field}.observations`, observations, 'at least 2 observations');
  observations.forEach((x, k) => {
    if (!Number.isFinite(x))
      throw new InputError(`${field}.observations[${k}]`, x, 'a finite number');
  });
  if (!(['interpolate', 'resample'] as const).includes(method))
    throw new InputError(`${field}.method`, method, 'interpolate or resample');
  const x = Float64Array.from(observations).sort();
  const n = x.length;
  const first = x[0] ?? NaN;
  const last = x[n - 1] ?? NaN;
  if (method === 'resample') {
    let sum = 0;
    for (const v of x) sum += v;
    return {
      kind: 'empirical',
      quantile: (u) => x[Math.min(n - 1, Math.floor(u * n))] ?? NaN,
      mean: sum / n,
      support: [first, last],
    };
  }
  // Mean of the piecewise-linear quantile: the average of the segment midpoints.
  let mid = 0;
  for (let k = 0; k + 1 < n; k++) mid += ((x[k] ?? 0) + (x[k + 1] ?? 0)) / 2;
  return {
    kind: 'empirical',
    quantile: (u) => {
      const h = (n - 1) * u;
      const k = Math.min(n - 2, Math.floor(h));
      const lo = x[k] ?? NaN;
      return lo + (h - k) * ((x[k + 1] ?? NaN) - lo);
    },
    mean: mid / (n - 1),
    support: [first, last],
  };
}
