import { InputError } from '../../errors.js';
import { requireFinite } from './check.js';
import type { Distribution } from './distribution.js';

/**
 * Continuous uniform distribution on [min, max]: Q(u) = min + u·(max − min).
 *
 * @param min - Lower bound [parameter unit]
 * @param max - Upper bound [parameter unit], min < max
 * @param field - Path of the parameter, for error messages.
 * @throws InputError when a bound is not finite or min ≥ max.
 */
export function uniform(min: number, max: number, field = 'uniform'): Distribution {
  requireFinite(`${field}.min`, min);
  requireFinite(`${field}.max`, max);
  if (!(min < max)) throw new InputError(`${field}.max`, max, `a value > min (${min})`);
  const width = max - min;
  return {
    kind: 'uniform',
    quantile: (u) => min + u * width,
    mean: (min + max) / 2,
    support: [min, max],
  };
}
