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
  // the powers at a cell's upper end are those at the next cell's lower end (same exponents)
  let prev: EndPowers | undefined;
  for (let k = 0; k + 1 < edges.length; k++) {
    const a = edges[k] ?? 1;
    const b = edges[k + 1] ?? 1;
    if (!(b > a)) continue;
    const exps = b <= 1 ? loExp : hiExp;
    const pa = prev?.s === a && prev.e === exps ? prev : endPowers(exps, a);
    const pb = endPowers(exps, b);
    prev = pb;
    if (valueAt(values, exps, pa, 0) === 0) out.roots.push(a - 1);
    cell(values, exps, pa, pb, out, what);
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

/**
 * The powers s^(e_i − d) (d = 0, 1, 2) at one end of a cell: each cell reads them several times
 * (F, F', the rounding bound, the derivative bounds), and adjacent cells share an end, so they
 * are computed once per end — the same Math.pow calls as evaluating each sum afresh, so every
 * sum is the same number. The derivatives' powers are computed when first read (most cells are
 * settled by F and the bound on F' alone, and s^(e − 2) is then never needed).
 */
interface EndPowers {
  readonly s: number;
  readonly e: readonly number[];
  readonly byOrder: [Float64Array | undefined, Float64Array | undefined, Float64Array | undefined];
}

function endPowers(e: readonly number[], s: number): EndPowers {
  return { s, e, byOrder: [undefined, undefined, undefined] };
}

/** s^(e_i − d) for every i at an end. */
function powers(at: EndPowers, d: 0 | 1 | 2): Float64Array {
  const known = at.byOrder[d];
  if (known) return known;
  const p = new Float64Array(at.e.length);
  for (let i = 0; i < p.length; i++) p[i] = Math.pow(at.s, (at.e[i] ?? 0) - d);
  at.byOrder[d] = p;
  return p;
}

/** {@link value} (d = 0 or 1) at an end whose powers are known. */
function valueAt(c: readonly number[], e: readonly number[], at: EndPowers, d: 0 | 1): number {
  const p = powers(at, d);
  let acc = 0;
  for (let i = 0; i < c.length; i++) {
    const ci = c[i] ?? 0;
    if (ci === 0) continue;
    const k = d === 0 ? 1 : (e[i] ?? 0);
    if (k !== 0) acc += ci * k * (p[i] as number);
  }
  return acc;
}

/** Rounding-error bound of the evaluation of F = Σ c_i s^(e_i) at an end [units of F]. */
function noise(c: readonly number[], at: EndPowers): number {
  const p0 = powers(at, 0);
  let sum = 0;
  for (let i = 0; i < c.length; i++) sum += Math.abs((c[i] ?? 0) * (p0[i] as number));
  return 4 * (c.length + 2) * Number.EPSILON * sum;
}

/** Upper bound of |d-th derivative| (d = 1, 2) on the cell between ends a and b. */
function bound(
  c: readonly number[],
  e: readonly number[],
  a: EndPowers,
  b: EndPowers,
  d: 1 | 2,
): number {
  const pa = powers(a, d);
  const pb = powers(b, d);
  let m = 0;
  for (let i = 0; i < c.length; i++) {
    const ei = e[i] ?? 0;
    const k = d === 1 ? ei : ei * (ei - 1);
    if (k === 0) continue;
    m += Math.abs((c[i] ?? 0) * k) * Math.max(pa[i] as number, pb[i] as number);
  }
  return m;
}

function cell(
  c: readonly number[],
  e: readonly number[],
  pa: EndPowers,
  pb: EndPowers,
  out: CertifiedRoots,
  what: string,
): void {
  const a = pa.s;
  const b = pb.s;
  const fa = valueAt(c, e, pa, 0);
  const fb = valueAt(c, e, pb, 0);
  const w = b - a;
  if (Math.abs(fa) <= noise(c, pa) && Math.abs(fb) <= noise(c, pb)) {
    // F is at rounding level at both ends: its sign there means nothing.
    out.unresolved.push(0.5 * (a + b) - 1);
    return;
  }
  if (fa !== 0 && fb !== 0 && Math.sign(fa) === Math.sign(fb)) {
    if (Math.abs(fa) + Math.abs(fb) > bound(c, e, pa, pb, 1) * w) return; // no root
  }
  const da = valueAt(c, e, pa, 1);
  const db = valueAt(c, e, pb, 1);
  if (
    da !== 0 &&
    db !== 0 &&
    Math.sign(da) === Math.sign(db) &&
    Math.abs(da) + Math.abs(db) > bound(c, e, pa, pb, 2) * w
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
  const pm = endPowers(e, 0.5 * (a + b));
  if (valueAt(c, e, pm, 0) === 0) out.roots.push(pm.s - 1);
  cell(c, e, pa, pm, out, what);
  cell(c, e, pm, pb, out, what);
}
