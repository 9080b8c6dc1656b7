import { checkValues } from './check-values.js';
import { IrrError, irrFailureMessage } from './irr-error.js';
import { periodicRoots } from './rate-of-return.js';

/** Result of {@link irrAnalysis}: the IRR when it is unique, otherwise why not. */
export interface IrrAnalysis {
  /** The unique IRR, or null [fraction per period]. */
  irr: number | null;
  /** Every rate in (−1, ∞) with NPV = 0, ascending [fraction per period]. */
  roots: number[];
  /** Sign changes of the non-zero flows [-] (Descartes' upper bound on the number of roots). */
  sign_changes: number;
  /** Why `irr` is null (null when it is not). */
  reason: string | null;
}

/** How {@link irr} answers when NPV has several zeros. */
export interface IrrOptions {
  /**
   * `'error'` (default): throw an {@link IrrError} listing the roots.
   * `'closest-to-zero'`: return the root of smallest |r|.
   * `'smallest-non-negative'`: the smallest root ≥ 0 if there is one, else the negative root
   * closest to zero (this reproduces every multi-root expectation of the numpy-financial test
   * suite, e.g. gh-39 → 12 %, gh-44 → 100.4 %).
   */
  multiple?: 'error' | 'closest-to-zero' | 'smallest-non-negative';
}

/**
 * Internal rate of return analysis that never throws on a cash-flow shape: the unique IRR,
 * every root, or the reason there is none.
 *
 * Finds every r in (−1, ∞) with Σ_t CF_t (1 + r)^(−t) = 0, CF_0 at t = 0. One sign change
 * (the usual invest-then-earn profile): exactly one root, by safeguarded Newton. Several sign
 * changes: a scan of ln(1 + r) from ln(10⁻⁴) to ln(10³) for sign changes of NPV, Brent's
 * method in each bracket, and searches beyond both ends when the limits of NPV show a root
 * there. Two grids are tried in turn (≈ 30 then ≈ 220 points in ln(1 + r), densest for r in
 * −50 % … +100 %), stopping as soon as one finds as many roots as sign changes (Descartes'
 * bound: then all roots are found). Roots
 * are exact to ≈ 1e-15 (relative in 1 + r).
 * When the grids find fewer roots than the bound, a certified search (Lipschitz exclusion and
 * monotonicity proofs with bisection) decides every part of the scan range; where NPV touches
 * zero (a double root) it reports `ill-conditioned` instead of guessing. Beyond the scan range
 * (r < −99.99 % or r > 99 900 %) an odd number of roots is detected and one of them found.
 *
 * @param cashflows - CF_0 … CF_{n−1} [USD], CF_0 at t = 0, periods of equal length.
 * @returns The analysis (see {@link IrrAnalysis}).
 * @throws InputError for an empty vector or a non-finite value.
 */
export function irrAnalysis(cashflows: ArrayLike<number>): IrrAnalysis {
  checkValues('cashflows', cashflows);
  const r = periodicRoots(cashflows);
  if (r.failure !== null)
    return {
      irr: null,
      roots: r.roots,
      sign_changes: r.sign_changes,
      reason: irrFailureMessage(r.failure, r.roots, r.unresolved),
    };
  if (r.roots.length > 1)
    return {
      irr: null,
      roots: r.roots,
      sign_changes: r.sign_changes,
      reason: irrFailureMessage('multiple-roots', r.roots),
    };
  return { irr: r.roots[0] ?? null, roots: r.roots, sign_changes: r.sign_changes, reason: null };
}

/**
 * Every internal rate of return of a periodic cash-flow vector (see {@link irrAnalysis}).
 * @param cashflows - CF_0 … CF_{n−1} [USD], CF_0 at t = 0.
 * @returns All roots, ascending, at least one [fraction per period].
 * @throws IrrError (`no_irr`) naming the reason when there is none or the count is undecidable.
 */
export function irrAll(cashflows: ArrayLike<number>): number[] {
  checkValues('cashflows', cashflows);
  const r = periodicRoots(cashflows);
  if (r.failure !== null) throw new IrrError(r.failure, r.roots, 'irr', r.unresolved);
  return r.roots;
}

/**
 * Internal rate of return: the r with Σ_t CF_t (1 + r)^(−t) = 0, CF_0 at t = 0.
 * Bracketing algorithm (see {@link irrAnalysis}); never returns a non-converged value.
 *
 * @param cashflows - CF_0 … CF_{n−1} [USD], CF_0 at t = 0 (same as Excel `IRR`).
 * @param options - What to do when several roots exist.
 * @returns The IRR [fraction per period].
 * @throws IrrError with `reason` all-zero / all-non-negative / all-non-positive / no-real-root
 *   (code `no_irr`), or multiple-roots (code `multiple_irr`, `roots` listed).
 * @throws InputError for an empty vector or a non-finite value.
 * @see Excel `IRR`; numpy-financial `irr`.
 */
export function irr(cashflows: ArrayLike<number>, options: IrrOptions = {}): number {
  const roots = irrAll(cashflows);
  if (roots.length === 1) return roots[0] ?? Number.NaN;
  if (options.multiple === 'closest-to-zero') return closest(roots);
  if (options.multiple === 'smallest-non-negative') {
    const nonNegative = roots.filter(isNonNegative);
    return closest(nonNegative.length > 0 ? nonNegative : roots);
  }
  throw new IrrError('multiple-roots', roots);
}

/** The root of smallest magnitude. */
function closest(roots: readonly number[]): number {
  let best = roots[0] ?? Number.NaN;
  for (const r of roots) if (Math.abs(r) < Math.abs(best)) best = r;
  return best;
}

function isNonNegative(r: number): boolean {
  return r >= 0;
}
