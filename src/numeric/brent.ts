import { ConvergenceError, InputError } from '../errors.js';

/** Options of {@link brent}. */
export interface BrentOptions {
  /** Absolute tolerance on x [same unit as x]. Default 1e-14. */
  xtol?: number;
  /** Relative tolerance on x [-]. Default 4·ε ≈ 8.9e-16. */
  rtol?: number;
  /** Iteration limit. Default 200. */
  maxIterations?: number;
  /** What is solved, for error messages (e.g. `break-even price`). */
  what?: string;
}

/**
 * Brent's method: the root of a continuous scalar function f on a bracket [a, b] with
 * f(a)·f(b) ≤ 0. Combines bisection (guaranteed progress) with secant and inverse quadratic
 * interpolation (superlinear convergence); the bracket always contains a sign change, so the
 * method cannot diverge.
 *
 * Stops when the bracket half-width is below `xtol + rtol·|x|` or f(x) = 0 exactly.
 *
 * @param f - The function; any unit [y(x)]. Must return finite numbers on [a, b].
 * @param a - One end of the bracket [x].
 * @param b - Other end of the bracket [x].
 * @returns The root x* [x] with |x* − root| ≤ xtol + rtol·|x*| (plus f's own rounding).
 * @throws InputError if a or b is not finite, or f(a), f(b) are not finite or have the same sign.
 * @throws ConvergenceError if `maxIterations` is exhausted (not reachable for reasonable tolerances).
 * @see R. P. Brent, *Algorithms for Minimization without Derivatives*, Prentice-Hall 1973,
 *   ch. 4 (procedure `zero`); the same algorithm as `scipy.optimize.brentq` and Numerical
 *   Recipes `zbrent`.
 */
export function brent(
  f: (x: number) => number,
  a: number,
  b: number,
  options: BrentOptions = {},
): number {
  const what = options.what ?? 'brent root';
  const xtol = options.xtol ?? 1e-14;
  const rtol = options.rtol ?? 4 * Number.EPSILON;
  const maxIterations = options.maxIterations ?? 200;
  if (!Number.isFinite(a)) throw new InputError(`${what}.a`, a, 'a finite bracket end');
  if (!Number.isFinite(b)) throw new InputError(`${what}.b`, b, 'a finite bracket end');
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (!Number.isFinite(fa) || !Number.isFinite(fb) || Math.sign(fa) === Math.sign(fb))
    throw new InputError(
      `${what}.bracket`,
      { a, b, fa, fb },
      'a bracket [a, b] with finite f(a), f(b) of opposite signs',
    );
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iter = 1; iter <= maxIterations; iter++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      // Keep the root between b and c.
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      // b is the best estimate: swap so that |f(b)| ≤ |f(c)|.
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * rtol * Math.abs(b) + 0.5 * xtol;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Try interpolation: secant if a == c, else inverse quadratic.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
    if (!Number.isFinite(fb))
      throw new ConvergenceError(
        what,
        iter,
        Number.NaN,
        `${what}: f(${b}) = ${fb} inside the bracket; f must be finite on [a, b]`,
      );
  }
  throw new ConvergenceError(what, maxIterations, Math.abs(fb));
}
