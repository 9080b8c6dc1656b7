import { InputError } from '../../errors.js';
import { requireFinite, requirePositive } from './check.js';
import type { Distribution } from './distribution.js';
import { standardBounds, type Truncation } from './normal.js';
import { standardNormalCdf, truncatedStandardNormalQuantile } from './truncation.js';

/** Parameters of ln X ~ N(muLog, sigmaLog²) [-]. */
export interface LogParameters {
  readonly muLog: number;
  readonly sigmaLog: number;
}

/**
 * Log-space parameters from the mean m and standard deviation s of X itself:
 * σ² = ln(1 + s²/m²), μ = ln m − σ²/2.
 *
 * @param mean - Mean of X [parameter unit], > 0
 * @param sd - Standard deviation of X [parameter unit], > 0
 */
export function lognormalFromMoments(mean: number, sd: number, field = 'lognormal'): LogParameters {
  requirePositive(`${field}.mean`, mean);
  requirePositive(`${field}.sd`, sd);
  const sigma2 = Math.log1p((sd * sd) / (mean * mean));
  return { muLog: Math.log(mean) - sigma2 / 2, sigmaLog: Math.sqrt(sigma2) };
}

/**
 * Lognormal distribution, ln X ~ N(μ, σ²), optionally truncated to [lower, upper] (lower ≥ 0):
 * Q(u) = exp(μ + σ·z(u)) with z the truncated standard normal quantile on
 * [(ln lower − μ)/σ, (ln upper − μ)/σ]. Mean exp(μ + σ²/2)·(Φ(β − σ) − Φ(α − σ))/(Φ(β) − Φ(α)).
 *
 * @param params - μ = muLog and σ = sigmaLog of ln X [-], σ > 0
 * @param truncation - Optional bounds on X [parameter unit]
 * @throws InputError when σ ≤ 0, lower < 0, or the bounds are not ordered.
 */
export function lognormal(
  params: LogParameters,
  truncation: Truncation = {},
  field = 'lognormal',
): Distribution {
  const mu = requireFinite(`${field}.muLog`, params.muLog);
  const sigma = requirePositive(`${field}.sigmaLog`, params.sigmaLog);
  if (truncation.lower !== undefined && truncation.lower < 0)
    throw new InputError(
      `${field}.lower`,
      truncation.lower,
      'a value ≥ 0 (lognormal values are positive)',
    );
  const [alpha, beta] = standardBounds(field, truncation, mu, sigma, Math.log);
  const z = truncatedStandardNormalQuantile(alpha, beta);
  const mass = standardNormalCdf(beta) - standardNormalCdf(alpha);
  const shifted = standardNormalCdf(beta - sigma) - standardNormalCdf(alpha - sigma);
  return {
    kind: 'lognormal',
    quantile: (u) => Math.exp(mu + sigma * z(u)),
    mean: Math.exp(mu + (sigma * sigma) / 2) * (shifted / mass),
    support: [truncation.lower ?? 0, truncation.upper ?? Infinity],
  };
}
