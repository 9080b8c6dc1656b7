/** Names of the supported marginal distributions. */
export type DistributionKind =
  'uniform' | 'triangular' | 'pert' | 'normal' | 'lognormal' | 'discrete' | 'empirical';

/**
 * A univariate distribution used through its inverse CDF: every sampler produces points in the
 * open unit cube and maps coordinate u to `quantile(u)`. Quantile mapping keeps the
 * stratification of LHS and Sobol designs and lets rank-based correlation act on u.
 *
 * Values are in the unit of the parameter the distribution is attached to.
 */
export interface Distribution {
  readonly kind: DistributionKind;
  /**
   * Inverse cumulative distribution function.
   *
   * @param u - Probability [-], 0 < u < 1
   * @returns The value x with P(X ≤ x) = u [parameter unit]
   */
  quantile(u: number): number;
  /** Exact mean of the distribution [parameter unit]. */
  readonly mean: number;
  /** Smallest and largest possible values [parameter unit] (±Infinity when unbounded). */
  readonly support: readonly [number, number];
}

/** Plain-data description of a distribution, as written in a scenario file. */
export type DistributionSpec =
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | {
      readonly kind: 'triangular';
      readonly min: number;
      readonly mode: number;
      readonly max: number;
    }
  | {
      readonly kind: 'pert';
      readonly min: number;
      readonly mode: number;
      readonly max: number;
      /** Shape weight of the mode [-], default 4 (classical PERT). */
      readonly lambda?: number;
    }
  | {
      readonly kind: 'normal';
      readonly mean: number;
      readonly sd: number;
      readonly lower?: number;
      readonly upper?: number;
    }
  | {
      readonly kind: 'lognormal';
      /** Mean of the variable itself (not of its logarithm) [parameter unit]. */
      readonly mean?: number;
      /** Standard deviation of the variable itself [parameter unit]. */
      readonly sd?: number;
      /** Mean of ln X [-]; give either (mean, sd) or (muLog, sigmaLog). */
      readonly muLog?: number;
      /** Standard deviation of ln X [-]. */
      readonly sigmaLog?: number;
      readonly lower?: number;
      readonly upper?: number;
    }
  | {
      readonly kind: 'discrete';
      readonly values: readonly number[];
      readonly probabilities: readonly number[];
    }
  | {
      readonly kind: 'empirical';
      readonly observations: readonly number[];
      readonly method?: EmpiricalMethod;
    };

/**
 * How an empirical distribution turns observations into an inverse CDF: `interpolate` joins the
 * order statistics linearly (Hyndman & Fan type 7, bounded by the smallest and largest
 * observation); `resample` draws the observations themselves with equal probability (bootstrap).
 */
export type EmpiricalMethod = 'interpolate' | 'resample';
