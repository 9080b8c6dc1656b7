import { InputError } from '../../errors.js';
import { requireFinite } from './check.js';
import type { Distribution } from './distribution.js';

/** Tolerance on the sum of discrete probabilities [-]. */
export const PROBABILITY_SUM_TOLERANCE = 1e-9;

/**
 * Discrete distribution on the given values. Values are sorted ascending (so the quantile is a
 * true inverse CDF and rank correlation acts as expected); Q(u) = smallest value whose
 * cumulative probability reaches u.
 *
 * @param values - Possible values [parameter unit], finite and distinct
 * @param probabilities - Their probabilities [-], each in [0, 1], summing to 1 (±1e-9)
 * @throws InputError naming the offending entry.
 */
export function discrete(
  values: readonly number[],
  probabilities: readonly number[],
  field = 'discrete',
): Distribution {
  if (values.length === 0) throw new InputError(`${field}.values`, values, 'at least one value');
  if (probabilities.length !== values.length)
    throw new InputError(
      `${field}.probabilities`,
      probabilities,
      `${values.length} probabilities, one per value`,
    );
  let sum = 0;
  const pairs = values.map((v, k) => {
    requireFinite(`${field}.values[${k}]`, v);
    const p = requireFinite(`${field}.probabilities[${k}]`, probabilities[k]);
    if (p < 0 || p > 1)
      throw new InputError(`${field}.probabilities[${k}]`, p, 'a probability in [0, 1]');
    sum += p;
    return { v, p };
  });
  if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE)
    throw new InputError(
      `${field}.probabilities`,
      probabilities,
      `probabilities summing to 1 (sum is ${sum})`,
    );
  pairs.sort((a, b) => a.v - b.v);
  for (let k = 1; k < pairs.length; k++)
    if (pairs[k]?.v === pairs[k - 1]?.v)
      throw new InputError(`${field}.values`, values, `distinct values (${pairs[k]?.v} repeats)`);
  const sorted = Float64Array.from(pairs, (x) => x.v);
  const cumulative = new Float64Array(pairs.length);
  let acc = 0;
  let mean = 0;
  pairs.forEach((x, k) => {
    acc += x.p / sum;
    cumulative[k] = acc;
    mean += (x.v * x.p) / sum;
  });
  cumulative[pairs.length - 1] = 1;
  const last = pairs.length - 1;
  return {
    kind: 'discrete',
    quantile: (u) => {
      let lo = 0;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cumulative[mid] ?? 1) >= u) hi = mid;
        else lo = mid + 1;
      }
      return sorted[lo] ?? NaN;
    },
    mean,
    support: [sorted[0] ?? NaN, sorted[last] ?? NaN],
  };
}
