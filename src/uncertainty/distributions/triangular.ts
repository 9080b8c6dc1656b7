import triangularQuantile from '@stdlib/stats-base-dists-triangular-quantile';
import { InputError } from '../../errors.js';
import { requireFinite } from './check.js';
import type { Distribution } from './distribution.js';

/**
 * Checks min ≤ mode ≤ max with min < max, naming the offending field.
 *
 * @throws InputError
 */
export function checkMinModeMax(field: string, min: number, mode: number, max: number): void {
  requireFinite(`${field}.min`, min);
  requireFinite(`${field}.mode`, mode);
  requireFinite(`${field}.max`, max);
  if (!(min < max)) throw new InputError(`${field}.max`, max, `a value > min (${min})`);
  if (mode < min || mode > max)
    throw new InputError(`${field}.mode`, mode, `min ≤ mode ≤ max (${min} … ${max})`);
}

/**
 * Triangular distribution on [min, max] with the given mode (@stdlib triangular quantile):
 * Q(u) = a + √(u(b−a)(c−a)) for u ≤ (c−a)/(b−a), else b − √((1−u)(b−a)(b−c)).
 *
 * @param min - Lower bound a [parameter unit]
 * @param mode - Most likely value c [parameter unit], a ≤ c ≤ b
 * @param max - Upper bound b [parameter unit], a < b
 * @throws InputError when min ≤ mode ≤ max does not hold or a value is not finite.
 */
export function triangular(
  min: number,
  mode: number,
  max: number,
  field = 'triangular',
): Distribution {
  checkMinModeMax(field, min, mode, max);
  const q = triangularQuantile.factory(min, max, mode);
  return { kind: 'triangular', quantile: q, mean: (min + mode + max) / 3, support: [min, max] };
}
