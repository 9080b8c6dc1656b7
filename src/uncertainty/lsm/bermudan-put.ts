/**
 * The Bermudan put on a stock following geometric Brownian motion, valued by least-squares Monte
 * Carlo: the validation case of Longstaff & Schwartz (2001), §3 and Table 1 (K = 40, r = 0.06,
 * 50 exercise dates a year, basis: a constant and the first three weighted Laguerre polynomials
 * of the moneyness S/K, as in their eq. (2)).
 *
 * Paths: exact GBM steps, S_{j+1} = S_j·exp((r − σ²/2)Δt + σ√Δt·z), z standard normal from the
 * project's counter-based generator (Philox4x32-10, stream {@link STREAM.lsm}): normal j of path
 * (pair) i is a pure function of (seed, i, j), so a run is reproducible on any machine.
 */
import { InputError } from '../../errors.js';
import { standardNormalQuantile } from '../distributions/truncation.js';
import { fillUniforms } from '../random/counter-random.js';
import { seedKey } from '../random/seed.js';
import { STREAM } from '../random/streams.js';
import { leastSquaresMonteCarlo } from './least-squares-monte-carlo.js';

export interface BermudanPutSpec {
  /** Spot price [money/share], > 0. */
  S0: number;
  /** Strike [money/share], > 0. */
  K: number;
  /** Continuously compounded risk-free rate [1/year], finite. */
  r: number;
  /** Volatility [1/√year], > 0. */
  sigma: number;
  /** Maturity [year], > 0. */
  T: number;
  /** Exercise dates per year (T × this must be a whole number ≥ 1). */
  exercisesPerYear: number;
  /** Simulated paths (default 100,000; ≤ 2,000,000). */
  paths?: number;
  /** Seed [integer ≥ 0] (default 1). */
  seed?: number;
  /** Antithetic pairs (default true; paths must then be even). */
  antithetic?: boolean;
}

export interface BermudanPutValue {
  /** Option value [money/share]. */
  value: number;
  /** Monte Carlo standard error of the value [money/share]. */
  standard_error: number;
  paths: number;
  exercise_dates: number;
  seed: number;
  antithetic: boolean;
}

/** Bound on paths × dates: the stock paths are held in memory (8 bytes each). */
export const MAX_PATH_STEPS = 400_000_000;

function positive(flag: string, x: number): void {
  if (!(Number.isFinite(x) && x > 0)) throw new InputError(flag, x, 'a finite number > 0');
}

function checkSpec(spec: BermudanPutSpec): { steps: number; paths: number } {
  positive('--S0', spec.S0);
  positive('--K', spec.K);
  positive('--sigma', spec.sigma);
  positive('--T', spec.T);
  positive('--exercises-per-year', spec.exercisesPerYear);
  if (!Number.isFinite(spec.r)) throw new InputError('--r', spec.r, 'a finite rate [1/year]');
  const steps = Math.round(spec.T * spec.exercisesPerYear);
  if (steps < 1 || Math.abs(steps - spec.T * spec.exercisesPerYear) > 1e-9 * steps)
    throw new InputError(
      '--exercises-per-year',
      spec.exercisesPerYear,
      `a number of dates per year making T × it a whole number ≥ 1 (T = ${spec.T})`,
    );
  const paths = spec.paths ?? 100_000;
  const antithetic = spec.antithetic ?? true;
  if (!Number.isSafeInteger(paths) || paths < 2 || paths > 2_000_000 || (antithetic && paths % 2))
    throw new InputError(
      '--paths',
      paths,
      `an ${antithetic ? 'even ' : ''}integer from 2 to 2,000,000`,
    );
  if (paths * (steps + 1) > MAX_PATH_STEPS)
    throw new InputError('--paths', paths, `paths × exercise dates ≤ ${MAX_PATH_STEPS}`);
  return { steps, paths };
}

/** Simulates the stock paths: S[p·(steps+1) + j] at date j. */
function simulateStock(spec: BermudanPutSpec, paths: number, steps: number): Float64Array {
  const key = seedKey(spec.seed ?? 1, '--seed');
  const antithetic = spec.antithetic ?? true;
  const dt = 1 / spec.exercisesPerYear;
  const drift = (spec.r - (spec.sigma * spec.sigma) / 2) * dt;
  const vol = spec.sigma * Math.sqrt(dt);
  const S = new Float64Array(paths * (steps + 1));
  const u = new Float64Array(steps);
  for (let p = 0; p < paths; p++) {
    const stream = antithetic ? p >> 1 : p;
    const sign = antithetic && p & 1 ? -1 : 1;
    if (!antithetic || (p & 1) === 0) fillUniforms(key, STREAM.lsm, stream, steps, u);
    const row = p * (steps + 1);
    let s = spec.S0;
    S[row] = s;
    for (let j = 0; j < steps; j++) {
      s *= Math.exp(drift + vol * sign * standardNormalQuantile(u[j] ?? 0.5));
      S[row + j + 1] = s;
    }
  }
  return S;
}

/**
 * Values a Bermudan put by least-squares Monte Carlo.
 *
 * @param spec - Contract, market and simulation settings.
 * @returns Value and standard error [money/share].
 * @throws InputError naming the CLI flag of a bad input.
 */
export function bermudanPut(spec: BermudanPutSpec): BermudanPutValue {
  const { steps, paths } = checkSpec(spec);
  const S = simulateStock(spec, paths, steps);
  const stride = steps + 1;
  const dt = 1 / spec.exercisesPerYear;
  const discount = Float64Array.from({ length: stride }, (_, j) => Math.exp(-spec.r * j * dt));
  const K = spec.K;
  const result = leastSquaresMonteCarlo({
    paths,
    dates: steps,
    basisSize: 4,
    antitheticPairs: spec.antithetic ?? true,
    exerciseValue: (t, p) => Math.max(K - (S[p * stride + t] ?? 0), 0) * (discount[t] ?? 0),
    basis: (t, p, out) => {
      // Weighted Laguerre polynomials of x = S/K (L&S eq. 2), scaled so the regression is
      // well conditioned whatever the currency unit.
      const x = (S[p * stride + t] ?? 0) / K;
      const w = Math.exp(-x / 2);
      out[0] = 1;
      out[1] = w;
      out[2] = w * (1 - x);
      out[3] = w * (1 - 2 * x + (x * x) / 2);
    },
  });
  return {
    value: result.value,
    standard_error: result.standardError,
    paths,
    exercise_dates: steps,
    seed: spec.seed ?? 1,
    antithetic: spec.antithetic ?? true,
  };
}
