// The root-finding engine behind `irr` and `xirr` (internal; the public API is irr.ts/xirr.ts).
//
// NPV(r) = Σ v_i (1 + r)^(−t_i). With s = 1 + r > 0 the roots of NPV are the positive roots of
// a generalised polynomial in s. Descartes' rule of signs (valid for real exponents too) bounds
// their number by the number of sign changes of the time-ordered flows, and the parity of the
// two numbers is equal. Hence:
//   * 0 sign changes → no root (reason named);
//   * 1 sign change  → exactly one root: found by a safeguarded Newton iteration on a
//     monotone transform (fast path, cannot fail);
//   * ≥ 2 changes    → scan a geometric grid of s for sign changes of NPV, Brent in each
//     bracket, and search beyond the grid ends when the limits s → 0⁺ and s → ∞ show an odd
//     number of roots there. Two grids are tried in turn (≈ 30 points, then ≈ 220, both
//     densest in −50 % … +100 %); as soon as one finds as many roots as there are sign
//     changes (Descartes' bound), every root has been found. Otherwise a certified search (certified-roots.ts: Lipschitz exclusion and
//     monotonicity proofs with bisection) settles the scan range, and reports places it cannot
//     decide (double roots) instead of guessing.
import { ConvergenceError } from '../../errors.js';
import { brent } from '../../numeric/brent.js';
import { certifiedRoots } from './certified-roots.js';
import type { IrrFailure } from './irr-error.js';

/** All roots found, or why there is none. */
export interface RateRoots {
  /** Roots r with NPV(r) = 0, ascending [fraction per period]. */
  roots: number[];
  /** Sign changes of the time-ordered non-zero flows [-]. */
  sign_changes: number;
  /** Set when `roots` is empty (or `unresolved` is not). */
  failure: IrrFailure | null;
  /** Rates where NPV touches or nearly touches zero and the count could not be decided. */
  unresolved: number[];
}

/** Grid of ln(1 + r) scanned when the flows change sign more than once. */
const SCAN_LN_S_MIN = Math.log(1e-4); // r = −99.99 %
const SCAN_LN_S_MAX = Math.log(1e3); // r = 99 900 %
/** Grid steps in ln(1 + r), coarse to fine: factors e, 1.65, 1.105 and 1.01 between points. */
/**
 * Grids of s = 1 + r, ascending, from s_min to s_max: first ≈ 30 points, step 0.1 in ln s where
 * IRRs usually lie (−50 % … +100 %) and step 1 elsewhere; then ≈ 220 points, step 0.02 there
 * and 0.1 elsewhere. (Which points are used only affects speed: completeness comes from the
 * Descartes bound or the certified search.)
 */
const GRIDS: readonly Float64Array[] = [
  geometricGrid([
    [SCAN_LN_S_MIN, Math.log(0.5), 1],
    [Math.log(0.5), Math.log(2), 0.1],
    [Math.log(2), SCAN_LN_S_MAX, 1],
  ]),
  geometricGrid([
    [SCAN_LN_S_MIN, Math.log(0.5), 0.1],
    [Math.log(0.5), Math.log(2), 0.02],
    [Math.log(2), SCAN_LN_S_MAX, 0.1],
  ]),
];

/** Points exp(u) for u stepping through each [from, to] segment (ends included once). */
function geometricGrid(segments: [number, number, number][]): Float64Array {
  const u: number[] = [];
  for (const [from, to, step] of segments) {
    const k = Math.ceil((to - from) / step - 1e-9);
    for (let i = 0; i <= k; i++) {
      const x = i === k ? to : from + i * step;
      if (u.length === 0 || x > (u[u.length - 1] ?? -Infinity)) u.push(x);
    }
  }
  return Float64Array.from(u, Math.exp);
}
/** Initial cells of the certified search (≈ 0.1 in ln s over the scan range). */
const CERTIFIED_CELLS = 161;
const OPTS_IRR = { xtol: 1e-15, rtol: 4 * Number.EPSILON, what: 'irr' };
const OPTS_XIRR = { xtol: 1e-15, rtol: 4 * Number.EPSILON, what: 'xirr' };
type ScanOptions = typeof OPTS_IRR;

/** Counts sign changes of the non-zero flows (in the given order). */
function signInfo(values: ArrayLike<number>): {
  changes: number;
  first: number;
  k: number;
  hasPos: boolean;
  hasNeg: boolean;
} {
  let changes = 0;
  let prev = 0;
  let first = 0;
  let k = -1;
  let hasPos = false;
  let hasNeg = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    if (v === 0) continue;
    const sg = v > 0 ? 1 : -1;
    if (sg > 0) hasPos = true;
    else hasNeg = true;
    if (prev === 0) first = sg;
    else if (sg !== prev) {
      changes++;
      if (k < 0) k = i;
    }
    prev = sg;
  }
  return { changes, first, k, hasPos, hasNeg };
}

function noSignChangeFailure(hasPos: boolean, hasNeg: boolean): IrrFailure {
  return hasPos ? 'all-non-negative' : hasNeg ? 'all-non-positive' : 'all-zero';
}

/**
 * Roots of NPV(r) = Σ_t v_t (1 + r)^(−t) for integer periods t = 0 … n − 1.
 * @param values - Cash flows, v_0 at t = 0 [money].
 */
export function periodicRoots(values: ArrayLike<number>): RateRoots {
  const info = signInfo(values);
  if (info.changes === 0)
    return {
      roots: [],
      sign_changes: 0,
      failure: noSignChangeFailure(info.hasPos, info.hasNeg),
      unresolved: [],
    };
  if (info.changes === 1)
    return {
      roots: [oneSignChangeRoot(values, info.k, info.first)],
      sign_changes: 1,
      failure: null,
      unresolved: [],
    };
  const n = values.length;
  periodicValues = values;
  let last = 0;
  for (let t = n - 1; t >= 0; t--) {
    const v = values[t] ?? 0;
    if (v !== 0) {
      last = Math.sign(v);
      break;
    }
  }
  // Norström's bound is often far tighter than Descartes' for project flows (construction in
  // two phases, closure at the end): with 1 it lets the first coarse grid settle the count.
  const bound = Math.min(info.changes, norstromBound(values));
  const found = scanRoots(periodicF, last, info.first, OPTS_IRR, bound, certifyPeriodic);
  periodicValues = EMPTY;
  return rootsResult(found, info.changes);
}

/**
 * An upper bound on the number of roots r > −1 of Σ_t v_t (1 + r)^(−t) from the cumulative
 * flows (Norström 1972, "A sufficient condition for a unique nonnegative internal rate of
 * return", J. Financial and Quantitative Analysis 7(3), 1835–1839).
 *
 * With x = 1/(1 + r) and S_t = v_0 + … + v_t, Σ v_t x^t = (1 − x)·Σ_{t≥0} S'_t x^t where
 * S'_t = S_t for t < n − 1 and S_{n−1} after; Descartes' rule for power series bounds the roots
 * with x ∈ (0, 1) (r > 0) by the sign changes of S_0 … S_{n−1}. The same argument on the
 * reversed flows (x > 1, r ∈ (−1, 0)) uses the sums from the last flow backwards, and r = 0 is
 * a root only if S_{n−1} = 0. A partial sum within round-off of zero has an uncertain sign: the
 * bound is then not used (Infinity).
 *
 * @param values - Cash flows, v_0 at t = 0 [money].
 * @returns Upper bound on the number of roots [-], or Infinity when undecidable.
 */
export function norstromBound(values: ArrayLike<number>): number {
  const n = values.length;
  let scale = 0;
  for (let t = 0; t < n; t++) scale += Math.abs(values[t] ?? 0);
  const tol = 64 * Number.EPSILON * scale;
  const forward = cumulativeSignChanges(values, 0, n, 1, tol);
  const backward = cumulativeSignChanges(values, n - 1, -1, -1, tol);
  if (forward < 0 || backward < 0) return Infinity;
  return forward + backward;
}

/**
 * Sign changes of the running sums of values[from], values[from + step], … (to excluded),
 * or −1 when a running sum (other than an exact leading zero) lies within `tol` of zero, or
 * the total does.
 */
function cumulativeSignChanges(
  values: ArrayLike<number>,
  from: number,
  to: number,
  step: 1 | -1,
  tol: number,
): number {
  let sum = 0;
  let prev = 0;
  let changes = 0;
  let started = false;
  for (let t = from; t !== to; t += step) {
    const v = values[t] ?? 0;
    if (!started && v === 0) continue;
    started = true;
    sum += v;
    if (Math.abs(sum) <= tol) return -1;
    const sg = sum > 0 ? 1 : -1;
    if (prev !== 0 && sg !== prev) changes++;
    prev = sg;
  }
  return started ? changes : -1;
}

const EMPTY: ArrayLike<number> = [];
/**
 * The flows `periodicF` evaluates. A module-level slot instead of a closure: creating a closure
 * per call was a measurable share of the multi-root IRR time. Safe because the scan is
 * synchronous and not re-entrant.
 */
let periodicValues: ArrayLike<number> = EMPTY;

/**
 * The certified search over the scan range for `periodicValues` (a module-level function, not a
 * closure per call: the closure was a visible share of a small multi-root IRR's time).
 */
function certifyPeriodic(): ReturnType<typeof certifiedRoots> {
  const values = periodicValues;
  return certifiedRoots(
    Array.from(values),
    Array.from({ length: values.length }, (_, t) => t),
    Math.exp(SCAN_LN_S_MIN),
    Math.exp(SCAN_LN_S_MAX),
    CERTIFIED_CELLS,
    'irr',
  );
}

/**
 * F(r) = NPV(r) for r ≥ 0 and (1 + r)^(n−1)·NPV(r) for r < 0, of `periodicValues`: the same
 * roots as NPV, finite for every r > −1, continuous at r = 0 [money].
 */
function periodicF(r: number): number {
  const values = periodicValues;
  const n = values.length;
  const s = 1 + r;
  let acc = 0;
  if (s >= 1) {
    const w = 1 / s;
    for (let t = n - 1; t >= 0; t--) acc = acc * w + (values[t] ?? 0);
  } else {
    for (let t = 0; t < n; t++) acc = acc * s + (values[t] ?? 0);
  }
  return acc;
}

/**
 * Roots of NPV(r) = Σ_i v_i (1 + r)^(−t_i) for real times t_i ≥ 0 (XIRR/XNPV).
 * @param values - Cash flows [money].
 * @param times - Times of the flows from the reference date [years], ≥ 0.
 */
export function datedRoots(values: ArrayLike<number>, times: ArrayLike<number>): RateRoots {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (times[a] ?? 0) - (times[b] ?? 0),
  );
  // Flows at equal times are merged so that Descartes' rule applies to distinct exponents.
  const ts: number[] = [];
  const vs: number[] = [];
  for (const i of order) {
    const t = times[i] ?? 0;
    const v = values[i] ?? 0;
    if (ts.length > 0 && ts[ts.length - 1] === t) vs[vs.length - 1] = (vs[vs.length - 1] ?? 0) + v;
    else {
      ts.push(t);
      vs.push(v);
    }
  }
  const info = signInfo(vs);
  if (info.changes === 0)
    return {
      roots: [],
      sign_changes: 0,
      failure: noSignChangeFailure(info.hasPos, info.hasNeg),
      unresolved: [],
    };
  const T = ts[ts.length - 1] ?? 0;
  const F = (r: number): number => {
    const s = 1 + r;
    let acc = 0;
    const shift = s >= 1 ? 0 : T;
    for (let i = 0; i < ts.length; i++) acc += (vs[i] ?? 0) * Math.pow(s, shift - (ts[i] ?? 0));
    return acc;
  };
  let last = 0;
  for (let i = vs.length - 1; i >= 0; i--) {
    const v = vs[i] ?? 0;
    if (v !== 0) {
      last = Math.sign(v);
      break;
    }
  }
  const certify = (): ReturnType<typeof certifiedRoots> =>
    certifiedRoots(
      vs,
      ts,
      Math.exp(SCAN_LN_S_MIN),
      Math.exp(SCAN_LN_S_MAX),
      CERTIFIED_CELLS,
      'xirr',
    );
  return rootsResult(
    scanRoots(F, last, info.first, OPTS_XIRR, info.changes, certify),
    info.changes,
  );
}

/**
 * Coarse scans first; a finer scan only when the previous one found fewer roots than the
 * Descartes bound `maxRoots` (roots may then hide in pairs inside a coarse cell).
 * @returns Roots in r, ascending [fraction].
 */
function scanRoots(
  F: (r: number) => number,
  signAtZero: number,
  signAtInf: number,
  opts: ScanOptions,
  maxRoots: number,
  certify: () => { roots: number[]; unresolved: number[] },
): { roots: number[]; unresolved: number[] } {
  let roots: number[] = [];
  for (const grid of GRIDS) {
    roots = scanGrid(F, signAtZero, signAtInf, opts, grid);
    if (roots.length >= maxRoots) return { roots, unresolved: [] };
  }
  // Fewer roots than the bound: settle the scan range rigorously; keep the roots the grid
  // found beyond its ends.
  const lo = Math.exp(SCAN_LN_S_MIN) - 1;
  const hi = Math.exp(SCAN_LN_S_MAX) - 1;
  const c = certify();
  const outside = roots.filter((r) => r < lo || r > hi);
  return {
    roots: [...outside.filter((r) => r < lo), ...c.roots, ...outside.filter((r) => r > hi)],
    unresolved: c.unresolved,
  };
}

function rootsResult(found: { roots: number[]; unresolved: number[] }, changes: number): RateRoots {
  const failure: IrrFailure | null =
    found.unresolved.length > 0
      ? 'ill-conditioned'
      : found.roots.length === 0
        ? 'no-real-root'
        : null;
  return { roots: found.roots, sign_changes: changes, failure, unresolved: found.unresolved };
}

/**
 * Scans F over a geometric grid of s = 1 + r and refines each sign change with Brent.
 * @param F - Positive multiple of NPV as a function of r (finite for every r > −1).
 * @param signAtZero - Sign of F as s → 0⁺ (sign of the latest non-zero flow).
 * @param signAtInf - Sign of F as s → ∞ (sign of the earliest non-zero flow).
 * @param grid - Ascending points of s [-].
 * @returns Roots in r, ascending [fraction].
 */
function scanGrid(
  F: (r: number) => number,
  signAtZero: number,
  signAtInf: number,
  opts: ScanOptions,
  grid: Float64Array,
): number[] {
  const roots: number[] = [];
  let sPrev = grid[0] ?? 1;
  let fPrev = F(sPrev - 1);
  // Below the grid: an odd number of roots in (0, s_min) if the sign differs from the limit.
  if (fPrev !== 0 && Math.sign(fPrev) !== signAtZero) {
    let sLo = sPrev / 2;
    while (Math.sign(F(sLo - 1)) !== signAtZero && sLo > 1e-300) sLo /= 2;
    if (Math.sign(F(sLo - 1)) === signAtZero) roots.push(brent(F, sLo - 1, sPrev - 1, opts));
  }
  if (fPrev === 0) roots.push(sPrev - 1);
  for (let i = 1; i < grid.length; i++) {
    const s = grid[i] ?? sPrev;
    const fs = F(s - 1);
    if (fs === 0) roots.push(s - 1);
    else if (fPrev !== 0 && Math.sign(fs) !== Math.sign(fPrev))
      roots.push(brent(F, sPrev - 1, s - 1, opts));
    sPrev = s;
    fPrev = fs;
  }
  // Above the grid.
  if (fPrev !== 0 && Math.sign(fPrev) !== signAtInf) {
    let sHi = sPrev * 2;
    while (Math.sign(F(sHi - 1)) !== signAtInf && sHi < 1e300) sHi *= 2;
    if (Math.sign(F(sHi - 1)) === signAtInf) roots.push(brent(F, sPrev - 1, sHi - 1, opts));
  }
  return roots; // ascending by construction: below the grid, along it, above it
}

/**
 * The unique root when the flows change sign exactly once (fast path).
 *
 * With k the index of the first flow of the second sign and s = 1 + r,
 * h(s) = Σ_t v_t s^(k−t) is strictly monotone in s (terms before k grow, terms from k on
 * shrink, and they have opposite signs), so it has exactly one positive root. Newton steps on
 * h are kept inside a bracket [lo, hi] that every evaluation tightens; a step that leaves the
 * bracket is replaced by bisection (geometric while the bracket is wide), so the iteration
 * always converges.
 *
 * @param values - Cash flows, v_0 at t = 0 [money].
 * @param k - Index of the first flow with the second sign.
 * @param first - Sign of the first non-zero flow (±1).
 * @returns The IRR [fraction per period].
 */
function oneSignChangeRoot(values: ArrayLike<number>, k: number, first: number): number {
  const n = values.length;
  // Initial guess, exact for two flows: s0 = (P/N)^(1/(t̄_P − t̄_N)), cash-weighted mean times.
  let P = 0;
  let N = 0;
  let tP = 0;
  let tN = 0;
  for (let t = 0; t < n; t++) {
    const v = values[t] ?? 0;
    if (v > 0) {
      P += v;
      tP += t * v;
    } else if (v < 0) {
      N -= v;
      tN -= t * v;
    }
  }
  const dt = tP / P - tN / N;
  let s = Math.pow(P / N, 1 / dt);
  if (!(s > 1e-3 && s < 1e3)) s = 1.1;
  let lo = 0; // h has sign −first for s in (0, root)
  let hi = Infinity; // and sign +first for s > root
  for (let iter = 1; iter <= 300; iter++) {
    // h(s) = A + B with A = Σ_{t<k} v_t s^(k−t) (Horner in s) and B = Σ_{t≥k} v_t w^(t−k), w = 1/s.
    let A = 0;
    let dA = 0;
    for (let t = 0; t < k; t++) {
      const a = A + (values[t] ?? 0);
      dA = dA * s + a;
      A = a * s;
    }
    const w = 1 / s;
    let B = 0;
    let dBw = 0;
    for (let t = n - 1; t >= k; t--) {
      dBw = dBw * w + B;
      B = B * w + (values[t] ?? 0);
    }
    const h = A + B;
    const dh = dA - dBw * w * w;
    if (h === 0) return s - 1;
    if (!Number.isFinite(h)) {
      // Overflow: for s > 1 the early flows dominate (sign `first`), else the late ones.
      if (s > 1) hi = s;
      else lo = s;
    } else if (Math.sign(h) === first) hi = s;
    else lo = s;
    let next = s - h / dh;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) {
      if (hi === Infinity) next = 2 * s + 1;
      else if (lo === 0) next = hi / 2;
      else if (hi > 4 * lo) next = Math.sqrt(lo * hi);
      else next = 0.5 * (lo + hi);
    }
    const step = Math.abs(next - s);
    s = next;
    if (step <= 1e-14 * s || hi - lo <= 4 * Number.EPSILON * s) return s - 1;
  }
  throw new ConvergenceError('irr (one sign change)', 300, Number.NaN);
}
