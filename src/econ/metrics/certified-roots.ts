// Certified root isolation for NPV with several sign changes (internal; the slow, last-resort
// path of irr/xirr when coarse grids found fewer roots than Descartes' bound).
//
// On an interval of s = 1 + r that does not contain 1, F is one of the generalised polynomials
//   F_hi(s) = Σ v_i s^(−t_i)       (s ≥ 1, F = NPV)
//   F_lo(s) = Σ v_i s^(T − t_i)    (s < 1, F = s^T·NPV, T the latest time)
// For F = Σ c_i s^(e_i) on [a, b] (0 < a < b) each term's derivative is monotone in s, so
//   |F'| ≤ M1 = Σ |c_i e_i| max(a^(e_i−1), b^(e_i−1)),  |F''| ≤ M2 = Σ |c_i e_i (e_i−1)| max(a^(e_i−2), b^(e_i−2)).
// A cell is certified root-free when F(a), F(b) have the same sign and |F(a)| + |F(b)| > M1 (b − a)
// (Lipschitz exclusion), and certified to hold exactly one root when F' cannot vanish on it
// (|F'(a)| + |F'(b)| > M2 (b − a) with F'(a), F'(b) of one sign) and F changes sign. Other cells are
// bisected; a cell narrower than 1e-13 relative that is still undecided, or whose end values are
// both at rounding-error level, is reported as unresolved (NPV touches or nearly touches zero
// there: a double root or two roots closer than floating point can separate).
import { brent } from '../../numeric/brent.js';

/** Roots found and the places where the question could not be decided. */
export interface CertifiedRoots {
  /** Roots r, ascending [fraction]. */
  roots: number[];
  /** Centres of undecided cells, as rates r [fraction]. */
  unresolved: number[];
}

const MIN_REL_WIDTH = 1e-13;

/**
 * All roots of NPV(r) = Σ v_i (1 + r)^(−t_i) with 1 + r in [sMin, sMax], certified.
 * @param values - Cash flows [money].
 * @param times - Their times [periods], ≥ 0.
 * @param sMin - Lower end of 1 + r [-], > 0.
 * @param sMax - Upper end of 1 + r [-].
 * @param cells - Number of initial cells (geometric) [-].
 * @param what - Name for error messages.
 */
export function certifiedRoots(
  values: readonly number[],
  times: readonly number[],
  sMin: number,
  sMax: number,
  cells: number,
  what: string,
): CertifiedRoots {
  const T = Math.max(...times);
  const hiExp = times.map((t) => -t);
  const loExp = times.map((t) => T - t);
  const out: CertifiedRoots = { roots: [], unresolved: [] };
  const edges: number[] = [];
  const factor = Math.pow(sMax / sMin, 1 / cells);
  for (let k = 0; k <= cells; k++) edges.push(k === cells ? sMax : sMin * Math.pow(factor, k));
  if (sMin < 1 && sMax > 1) {
    edges.push(1);
    edges.sort((x, y) => x - y);
  }
  for (let k = 0; k + 1 < edges.length; k++) {
    const a = edges[k] ?? 1;
    const b = edges[k + 1] ?? 1;
    if (!(b > a)) continue;
    const exps = b <= 1 ? loExp : hiExp;
    if (value(values, exps, a, 0) === 0) out.roots.push(a - 1);
    cell(values, exps, a, b, out, what);
  }
  const last = edges[edges.length - 1] ?? sMax;
  if (value(values, last > 1 ? hiExp : loExp, last, 0) === 0) out.roots.push(last - 1);
  out.roots.sort((x, y) => x - y);
  // Adjacent undecided cells describe one place: keep one rate per cluster.
  out.unresolved = out.unresolved
    .sort((x, y) => x - y)
    .filter((r, i, all) => i === 0 || r - (all[i - 1] ?? r) > 1e-6 * (1 + Math.abs(r)));
  return out;
}

/** d-th derivative (d = 0, 1, 2) of Σ c_i s^(e_i) at s. */
function value(c: readonly number[], e: readonly number[], s: number, d: 0 | 1 | 2): number {
  let acc = 0;
  for (let i = 0; i < c.length; i++) {
    const ci = c[i] ?? 0;
    if (ci === 0) continue;
    const ei = e[i] ?? 0;
    const k = d === 0 ? 1 : d === 1 ? ei : ei * (ei - 1);
    if (k !== 0) acc += ci * k * Math.pow(s, ei - d);
  }
  return acc;
}

/** Rounding-error bound of the evaluation of F = Σ c_i s^(e_i) at s [units of F]. */
function noise(c: readonly number[], e: readonly number[], s: number): number {
  let sum = 0;
  for (let i = 0; i < c.length; i++) sum += Math.abs((c[i] ?? 0) * Math.pow(s, e[i] ?? 0));
  return 4 * (c.length + 2) * Number.EPSILON * sum;
}

/** Upper bound of |d-th derivative| (d = 1, 2) on [a, b]. */
function bound(c: readonly number[], e: readonly number[], a: number, b: number, d: 1 | 2): number {
  let m = 0;
  for (let i = 0; i < c.length; i++) {
    const ei = e[i] ?? 0;
    const k = d === 1 ? ei : ei * (ei - 1);
    if (k === 0) continue;
    m += Math.abs((c[i] ?? 0) * k) * Math.max(Math.pow(a, ei - d), Math.pow(b, ei - d));
  }
  return m;
}

function cell(
  c: readonly number[],
  e: readonly number[],
  a: number,
  b: number,
  out: CertifiedRoots,
  what: string,
): void {
  const fa = value(c, e, a, 0);
  const fb = value(c, e, b, 0);
  const w = b - a;
  if (Math.abs(fa) <= noise(c, e, a) && Math.abs(fb) <= noise(c, e, b)) {
    // F is at rounding level at both ends: its sign there means nothing.
    out.unresolved.push(0.5 * (a + b) - 1);
    return;
  }
  if (fa !== 0 && fb !== 0 && Math.sign(fa) === Math.sign(fb)) {
    if (Math.abs(fa) + Math.abs(fb) > bound(c, e, a, b, 1) * w) return; // no root
  }
  const da = value(c, e, a, 1);
  const db = value(c, e, b, 1);
  if (
    da !== 0 &&
    db !== 0 &&
    Math.sign(da) === Math.sign(db) &&
    Math.abs(da) + Math.abs(db) > bound(c, e, a, b, 2) * w
  ) {
    // F is strictly monotone here: one root iff a strict sign change (a zero at `a` is
    // recorded by the caller, one at `b` by the next cell).
    if (fa !== 0 && fb !== 0 && Math.sign(fa) !== Math.sign(fb)) {
      const f = (r: number): number => value(c, e, 1 + r, 0);
      out.roots.push(brent(f, a - 1, b - 1, { xtol: 1e-15, rtol: 4 * Number.EPSILON, what }));
    }
    return;
  }
  if (w < MIN_REL_WIDTH * b) {
    out.unresolved.push(0.5 * (a + b) - 1);
    return;
  }
  const m = 0.5 * (a + b);
  if (value(c, e, m, 0) === 0) out.roots.push(m - 1);
  cell(c, e, a, m, out, what);
  cell(c, e, m, b, out, what);
}
