import { InputError } from '../../errors.js';
import { checkedCholesky } from '../correlation/cholesky.js';
import { requireFinite, requirePositive } from '../distributions/check.js';
import { standardNormalQuantile } from '../distributions/truncation.js';

/** One price series of a {@link PricePathGroup}. */
export interface PricePathSeries {
  /** Name used in results and errors, e.g. `prices.hc_ferrochrome_usd_per_t`. */
  readonly name: string;
  /** Price in year 0, the last known value [price unit], > 0. */
  readonly start: number;
  /** Long-run median level exp(θ) the log price reverts to [price unit], > 0. */
  readonly longRunMedian: number;
  /** Mean-reversion speed κ [1/year], ≥ 0 (0 = random walk in log price). */
  readonly reversionPerYear: number;
  /** Volatility σ of the log price [1/√year], > 0. */
  readonly volatility: number;
  /** Parameter-vector indices receiving the prices of years 1 … T, in order. */
  readonly indices: readonly number[];
}

/**
 * Yearly price paths of one or more series following an Ornstein–Uhlenbeck process in log
 * space, dx = κ(θ − x)dt + σ dW, with shocks correlated between series.
 *
 * Exact yearly discretisation: x_t = θ + φ(x_{t−1} − θ) + σ_e·ε_t, φ = e^{−κ},
 * σ_e = σ·√((1 − φ²)/(2κ)) (σ_e = σ when κ = 0), ε_t = L·z_t with L the Cholesky factor of
 * `shockCorrelation` and z_t independent standard normals; price P_t = exp(x_t).
 * The stationary distribution of ln P is N(θ, σ²/(2κ)).
 *
 * @see E. S. Schwartz, "The stochastic behavior of commodity prices", J. Finance 52 (1997) 923–973
 *   (model 1: mean reversion in the log price).
 */
export interface PricePathGroup {
  readonly name: string;
  readonly series: readonly PricePathSeries[];
  /** Correlation of the yearly shocks between series [-]; default independent. */
  readonly shockCorrelation?: readonly (readonly number[])[];
}

/** A path group checked and prepared for sampling. */
export interface CompiledPricePaths {
  readonly name: string;
  /** Number of unit-cube coordinates consumed: years × series. */
  readonly dimension: number;
  readonly years: number;
  readonly seriesCount: number;
  /** Names of the sampled entries, `series[year]`, year-major, matching {@link targetIndices}. */
  readonly targetNames: readonly string[];
  /** Parameter indices written, year-major (year t, series s at t·seriesCount + s). */
  readonly targetIndices: Int32Array;
  /**
   * Maps coordinates u[offset … offset + dimension) (year-major) to prices written into params.
   *
   * @param u - Unit coordinates [-]
   * @param params - Parameter vector receiving prices [price unit]
   */
  apply(u: Float64Array, offset: number, params: Float64Array): void;
}

/**
 * Checks a price-path group and prepares it for sampling.
 *
 * @param field - Path of the group in the caller's input, for error messages.
 * @throws InputError for non-positive prices or volatility, negative reversion, unequal path
 *   lengths, or a bad shock correlation matrix (naming the series).
 */
export function compilePricePaths(group: PricePathGroup, field = 'pricePaths'): CompiledPricePaths {
  const k = group.series.length;
  if (k === 0) throw new InputError(`${field}.series`, group.series, 'at least one series');
  const years = group.series[0]?.indices.length ?? 0;
  if (years < 1) throw new InputError(`${field}.series[0].indices`, [], 'at least one year');
  const theta = new Float64Array(k);
  const phi = new Float64Array(k);
  const sigmaE = new Float64Array(k);
  const x0 = new Float64Array(k);
  group.series.forEach((s, i) => {
    const f = `${field}.series[${i}]`;
    x0[i] = Math.log(requirePositive(`${f}.start`, s.start));
    theta[i] = Math.log(requirePositive(`${f}.longRunMedian`, s.longRunMedian));
    const kappa = requireFinite(`${f}.reversionPerYear`, s.reversionPerYear);
    if (kappa < 0) throw new InputError(`${f}.reversionPerYear`, kappa, 'a rate ≥ 0 [1/year]');
    const sigma = requirePositive(`${f}.volatility`, s.volatility);
    const badIndex = s.indices.findIndex((x) => !Number.isInteger(x) || x < 0);
    if (badIndex >= 0)
      throw new InputError(
        `${f}.indices[${badIndex}]`,
        s.indices[badIndex],
        'a parameter-vector index (integer ≥ 0)',
      );
    if (s.indices.length !== years)
      throw new InputError(`${f}.indices`, s.indices.length, `${years} years, as the first series`);
    const p = Math.exp(-kappa);
    phi[i] = p;
    sigmaE[i] = kappa === 0 ? sigma : sigma * Math.sqrt(-Math.expm1(-2 * kappa) / (2 * kappa));
  });
  const names = group.series.map((s) => s.name);
  const l = group.shockCorrelation
    ? checkedCholesky(group.shockCorrelation, names, `${field}.shockCorrelation`)
    : null;
  const targetIndices = new Int32Array(years * k);
  const targetNames: string[] = [];
  for (let t = 0; t < years; t++)
    for (let i = 0; i < k; i++) {
      targetIndices[t * k + i] = group.series[i]?.indices[t] ?? -1;
      targetNames.push(`${names[i] ?? '?'}[${t + 1}]`);
    }
  const x = new Float64Array(k);
  const z = new Float64Array(k);
  return {
    name: group.name,
    dimension: years * k,
    years,
    seriesCount: k,
    targetNames,
    targetIndices,
    apply(u, offset, params) {
      x.set(x0);
      for (let t = 0; t < years; t++) {
        for (let i = 0; i < k; i++) z[i] = standardNormalQuantile(u[offset + t * k + i] ?? NaN);
        for (let i = 0; i < k; i++) {
          let eps = z[i] ?? 0;
          if (l) {
            eps = 0;
            for (let j = 0; j <= i; j++) eps += (l[i * k + j] ?? 0) * (z[j] ?? 0);
          }
          const th = theta[i] ?? 0;
          x[i] = th + (phi[i] ?? 0) * ((x[i] ?? 0) - th) + (sigmaE[i] ?? 0) * eps;
          params[targetIndices[t * k + i] ?? 0] = Math.exp(x[i] ?? NaN);
        }
      }
    },
  };
}
