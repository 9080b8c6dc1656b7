/**
 * Least-squares Monte Carlo for the optimal exercise of a Bermudan-style right
 * (F. A. Longstaff, E. S. Schwartz, "Valuing American options by simulation: a simple
 * least-squares approach", Review of Financial Studies 14(1), 2001, 113–147).
 *
 * Backward induction over the exercise dates: at each date the realised (discounted) cash flow
 * of following the rule found so far is regressed on basis functions of the state, over the
 * in-the-money paths only (where exercise is a real choice, as L&S recommend); on those paths
 * the right is exercised where the exercise value is at least the fitted continuation value.
 * The value is the mean of the realised cash flows (the in-sample estimator of L&S, §1), its
 * standard error the sample standard deviation over √N — over antithetic pair means when the
 * paths come in antithetic pairs, as they are then not independent.
 *
 * The engine is problem-free: the caller supplies exercise values and basis functions through
 * {@link LsmProblem}; all values are in time-0 money (discounted by the caller), so a
 * deterministic discount curve needs no special handling here.
 */
import { solveSmallLinear } from '../../numeric/small-linear-solve.js';

/** An optimal-stopping problem on simulated paths. */
export interface LsmProblem {
  /** Number of simulated paths (even when {@link antitheticPairs}). */
  readonly paths: number;
  /** Exercise dates 1 … dates (date 0 is now; see {@link exerciseNow}). */
  readonly dates: number;
  /** Number of basis functions (including the constant, if wanted) [-], 1 … 10. */
  readonly basisSize: number;
  /** Paths 2i and 2i+1 are antithetic (mirror shocks); the standard error uses pair means. */
  readonly antitheticPairs?: boolean;
  /**
   * Value received on exercise at `date` on `path`, discounted to time 0 [money]; exercise is
   * considered only where it is > 0 (in the money).
   */
  exerciseValue(date: number, path: number): number;
  /** Writes the basis functions of the state at (`date`, `path`) into out[0 … basisSize). */
  basis(date: number, path: number, out: Float64Array): void;
  /** Exercise value now (date 0) [money]; omitted when the right cannot be exercised now. */
  readonly exerciseNow?: number;
}

export interface LsmResult {
  /** Value of the right at time 0 [money]: max(exercise now, mean realised value). */
  readonly value: number;
  /** Standard error of the mean realised value [money]. */
  readonly standardError: number;
  /** Mean realised value of keeping the right alive at time 0 [money]. */
  readonly holdValue: number;
  /** True when exercising now beats holding. */
  readonly exerciseNowIsOptimal: boolean;
  /** Exercise date chosen on each path (0 = never exercised). */
  readonly exerciseDate: Int32Array;
  /** Realised value of each path, discounted to time 0 [money]. */
  readonly pathValue: Float64Array;
  /** Continuation-value regression coefficients per date (index 0 unused); empty if skipped. */
  readonly coefficients: readonly Float64Array[];
}

/** Least squares over the in-the-money paths by the normal equations; undefined if too few. */
function regressContinuation(
  problem: LsmProblem,
  date: number,
  itm: Int32Array,
  itmCount: number,
  y: Float64Array,
  b: Float64Array,
): Float64Array | undefined {
  const k = problem.basisSize;
  if (itmCount < 2 * k) return undefined;
  const A = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const rhs = new Array<number>(k).fill(0);
  for (let n = 0; n < itmCount; n++) {
    const p = itm[n] ?? 0;
    problem.basis(date, p, b);
    const v = y[p] ?? 0;
    for (let i = 0; i < k; i++) {
      const bi = b[i] ?? 0;
      rhs[i] = (rhs[i] ?? 0) + bi * v;
      const row = A[i] ?? [];
      for (let j = 0; j <= i; j++) row[j] = (row[j] ?? 0) + bi * (b[j] ?? 0);
    }
  }
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) (A[i] ?? [])[j] = A[j]?.[i] ?? 0;
  const beta = solveSmallLinear(A, rhs);
  return beta.every(Number.isFinite) ? Float64Array.from(beta) : undefined;
}

function fitted(beta: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < beta.length; i++) s += (beta[i] ?? 0) * (b[i] ?? 0);
  return s;
}

/** Mean and standard error of path values, over pair means for antithetic pairs. */
function meanAndStandardError(values: Float64Array, pairs: boolean): [number, number] {
  const group = pairs ? 2 : 1;
  const n = Math.floor(values.length / group);
  let sum = 0;
  let sumSq = 0;
  for (let g = 0; g < n; g++) {
    let x = 0;
    for (let j = 0; j < group; j++) x += values[g * group + j] ?? 0;
    x /= group;
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
  return [mean, Math.sqrt(variance / n)];
}

/**
 * Values an optimal-stopping problem by least-squares Monte Carlo.
 *
 * Work: O(paths × dates × basisSize²) plus the caller's callbacks; memory O(paths).
 *
 * @param problem - The paths, exercise values and basis functions.
 * @returns Value, standard error, the rule found (exercise date per path) and the regressions.
 */
export function leastSquaresMonteCarlo(problem: LsmProblem): LsmResult {
  const N = problem.paths;
  const M = problem.dates;
  const y = new Float64Array(N);
  const exerciseDate = new Int32Array(N);
  for (let p = 0; p < N; p++) {
    const v = problem.exerciseValue(M, p);
    if (v > 0) {
      y[p] = v;
      exerciseDate[p] = M;
    }
  }
  const itm = new Int32Array(N);
  const b = new Float64Array(problem.basisSize);
  const coefficients: Float64Array[] = new Array<Float64Array>(M + 1).fill(new Float64Array(0));
  for (let t = M - 1; t >= 1; t--) {
    let count = 0;
    for (let p = 0; p < N; p++) if (problem.exerciseValue(t, p) > 0) itm[count++] = p;
    const beta = regressContinuation(problem, t, itm, count, y, b);
    if (beta === undefined) continue;
    coefficients[t] = beta;
    for (let n = 0; n < count; n++) {
      const p = itm[n] ?? 0;
      const exercise = problem.exerciseValue(t, p);
      problem.basis(t, p, b);
      if (exercise >= fitted(beta, b)) {
        y[p] = exercise;
        exerciseDate[p] = t;
      }
    }
  }
  const [holdValue, standardError] = meanAndStandardError(y, problem.antitheticPairs === true);
  const now = problem.exerciseNow;
  const exerciseNowIsOptimal = now !== undefined && now > holdValue;
  return {
    value: exerciseNowIsOptimal ? now : holdValue,
    standardError,
    holdValue,
    exerciseNowIsOptimal,
    exerciseDate,
    pathValue: y,
    coefficients,
  };
}
