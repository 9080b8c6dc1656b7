import { betaQuantileFactory } from './beta-quantile.js';
import { InputError } from '../../errors.js';
import type { Distribution } from './distribution.js';
import { checkMinModeMax } from './triangular.js';

/**
 * (Modified) PERT distribution: a Beta distribution scaled to [min, max] with
 * α = 1 + λ(mode − min)/(max − min), β = 1 + λ(max − mode)/(max − min); λ = 4 is classical PERT.
 * Mean = (min + λ·mode + max)/(λ + 2). Quantile by {@link betaQuantileFactory}.
 *
 * @param min - Lower bound [parameter unit]
 * @param mode - Most likely value [parameter unit], min ≤ mode ≤ max
 * @param max - Upper bound [parameter unit], min < max
 * @param lambda - Weight of the mode [-], > 0, default 4
 * @see D. Vose, Risk Analysis: A Quantitative Guide, 3rd ed., Wiley 2008, §III.7 (PERT and modified PERT).
 * @throws InputError when the bounds are not ordered or lambda ≤ 0.
 */
export function pert(
  min: number,
  mode: number,
  max: number,
  lambda = 4,
  field = 'pert',
): Distribution {
  checkMinModeMax(field, min, mode, max);
  if (!(Number.isFinite(lambda) && lambda > 0))
    throw new InputError(`${field}.lambda`, lambda, 'a finite number > 0');
  const width = max - min;
  const alpha = 1 + (lambda * (mode - min)) / width;
  const beta = 1 + (lambda * (max - mode)) / width;
  const q = betaQuantileFactory(alpha, beta);
  return {
    kind: 'pert',
    quantile: (u) => min + width * q(u),
    mean: (min + lambda * mode + max) / (lambda + 2),
    support: [min, max],
  };
}
