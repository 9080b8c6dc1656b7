import { InputError } from '../../errors.js';
import { requireFinite, requirePositive } from './check.js';
import type { Distribution } from './distribution.js';
import {
  standardNormalCdf,
  truncatedStandardNormalMean,
  truncatedStandardNormalQuantile,
} from './truncation.js';

/** Optional truncation bounds [parameter unit]; omitted means unbounded on that side. */
export interface Truncation {
  readonly lower?: number;
  readonly upper?: number;
}

/**
 * Checks truncation bounds and converts them to standard units z = (x − centre)/scale.
 *
 * @throws InputError when a bound is NaN, lower ≥ upper, or the interval carries (numerically)
 *   no probability.
 */
export function standardBounds(
  field: string,
  truncation: Truncation,
  centre: number,
  scale: number,
  transform: (x: number) => number = (x) => x,
): [number, number] {
  const { lower, upper } = truncation;
  if (lower !== undefined && Number.isNaN(lower))
    throw new InputError(`${field}.lower`, lower, 'a number');
  if (upper !== undefined && Number.isNaN(upper))
    throw new InputError(`${field}.upper`, upper, 'a number');
  if (lower !== undefined && upper !== undefined && !(lower < upper))
    throw new InputError(`${field}.upper`, upper, `a value > lower (${lower})`);
  const alpha = lower === undefined ? -Infinity : (transform(lower) - centre) / scale;
  const beta = upper === undefined ? Infinity : (transform(upper) - centre) / scale;
  const mass =
    alpha > 0
      ? standardNormalCdf(-alpha) - standardNormalCdf(-beta)
      : standardNormalCdf(beta) - standardNormalCdf(alpha);
  if (!(mass > 1e-300))
    throw new InputError(
      `${field}.lower/upper`,
      [lower, upper],
      'a truncation interval with non-negligible probability',
    );
  return [alpha, beta];
}

/**
 * Normal distribution N(mean, sd²), optionally truncated to [lower, upper]:
 * Q(u) = mean + sd·Φ⁻¹(Φ(α) + u(Φ(β) − Φ(α))), α = (lower − mean)/sd, β = (upper − mean)/sd.
 *
 * @param mean - Mean of the untruncated normal [parameter unit]
 * @param sd - Standard deviation of the untruncated normal [parameter unit], > 0
 * @param truncation - Optional bounds [parameter unit]
 * @throws InputError when sd ≤ 0, a value is not finite, or the bounds are not ordered.
 */
export function normal(
  mean: number,
  sd: number,
  truncation: Truncation = {},
  field = 'normal',
): Distribution {
  requireFinite(`${field}.mean`, mean);
  requirePositive(`${field}.sd`, sd);
  const [alpha, beta] = standardBounds(field, truncation, mean, sd);
  const z = truncatedStandardNormalQuantile(alpha, beta);
  const zMean =
    alpha === -Infinity && beta === Infinity ? 0 : truncatedStandardNormalMean(alpha, beta);
  return {
    kind: 'normal',
    quantile: (u) => mean + sd * z(u),
    mean: mean + sd * zMean,
    support: [truncation.lower ?? -Infinity, truncation.upper ?? Infinity],
  };
}
