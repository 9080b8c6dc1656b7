import { Matrix, solve } from 'ml-matrix';
import { InputError } from '../../errors.js';
import type { ComponentModel } from '../components.js';

/** Result of a normative (oxide → mineral) calculation. */
export interface Normative {
  /** Mineral wt% on a dry basis, per mineral row, summing to 100. */
  minerals_wt_pct: Float64Array;
  /** Fitted minus given, per oxide row (incl. LOI when given) [wt%]. */
  residual_wt_pct: Record<string, number>;
}

/**
 * Mineralogy from a chemical (oxide) analysis: non-negative least squares
 * min ‖A w − o‖₂ subject to w ≥ 0 and Σw = 100 (enforced as a heavily weighted extra row), where
 * A[o][m] is the oxide content of mineral m (from data/minerals). `LOI` (loss on ignition) is
 * matched against H2O + CO2. Solved by the Lawson–Hanson active-set method.
 * @param oxides_wt_pct - Given analysis [wt%], keys are oxide formulas of the mineral analyses or `LOI`
 * @param tolerance_wt_pct - Largest acceptable |fitted − given| for any oxide [wt%]
 * @throws InputError for an oxide no mineral contains, or a fit worse than the tolerance
 * @see C. L. Lawson, R. J. Hanson, Solving Least Squares Problems, Prentice-Hall (1974), ch. 23.
 */
export function mineralsFromOxides(
  model: ComponentModel,
  oxides_wt_pct: Readonly<Record<string, number>>,
  tolerance_wt_pct = 1,
  field = 'feed.oxides_wt_pct',
): Normative {
  const known = new Set<string>();
  for (const m of model.minerals)
    for (const ox of Object.keys(m.oxides_wt_pct.value)) known.add(ox);
  const rows = Object.keys(oxides_wt_pct);
  for (const ox of rows) {
    const v = oxides_wt_pct[ox];
    if (typeof v !== 'number' || !(v >= 0 && v <= 100))
      throw new InputError(`${field}.${ox}`, v, 'a wt% between 0 and 100');
    if (ox !== 'LOI' && !known.has(ox))
      throw new InputError(
        `${field}.${ox}`,
        v,
        `an oxide contained in the model's minerals (${[...known].join(', ')}) or LOI`,
      );
  }
  const content = (r: number, ox: string): number => {
    const a = model.minerals[r]?.oxides_wt_pct.value ?? {};
    return ox === 'LOI' ? (a.H2O ?? 0) + (a.CO2 ?? 0) : (a[ox] ?? 0);
  };
  const nm = model.nMin;
  const W = 10; // weight of the Σw = 100 row
  const A: number[][] = rows.map((ox) =>
    Array.from({ length: nm }, (_, r) => content(r, ox) / 100),
  );
  A.push(Array.from({ length: nm }, () => W));
  const b = [...rows.map((ox) => oxides_wt_pct[ox] ?? 0), 100 * W];
  const w = nnls(A, b);
  let sum = 0;
  for (const v of w) sum += v;
  const out = new Float64Array(nm);
  w.forEach((v, r) => {
    out[r] = (100 * v) / sum;
  });
  const residual: Record<string, number> = {};
  rows.forEach((ox, i) => {
    let fit = 0;
    for (let r = 0; r < nm; r++) fit += (A[i]?.[r] ?? 0) * (out[r] ?? 0);
    residual[ox] = fit - (oxides_wt_pct[ox] ?? 0);
  });
  for (const [ox, d] of Object.entries(residual))
    if (Math.abs(d) > tolerance_wt_pct)
      throw new InputError(
        `${field}.${ox}`,
        oxides_wt_pct[ox],
        `an analysis the model's minerals can reproduce within ${tolerance_wt_pct} wt% (best fit ${(d + (oxides_wt_pct[ox] ?? 0)).toFixed(2)} wt%; give minerals_wt_pct or add a mineral)`,
      );
  return { minerals_wt_pct: out, residual_wt_pct: residual };
}

/** Lawson–Hanson non-negative least squares for small dense problems. */
export function nnls(A: readonly (readonly number[])[], b: readonly number[]): number[] {
  const m = A.length;
  const n = A[0]?.length ?? 0;
  const x = new Array<number>(n).fill(0);
  const passive = new Array<boolean>(n).fill(false);
  const at = (i: number, j: number): number => A[i]?.[j] ?? 0;
  const lsq = (): number[] => {
    const cols = passive.map((p, j) => (p ? j : -1)).filter((j) => j >= 0);
    const s = new Array<number>(n).fill(0);
    if (cols.length === 0) return s;
    const M = new Matrix(m, cols.length);
    for (let i = 0; i < m; i++)
      cols.forEach((j, k) => {
        M.set(i, k, at(i, j));
      });
    const sol = solve(M, Matrix.columnVector([...b]), true);
    cols.forEach((j, k) => {
      s[j] = sol.get(k, 0);
    });
    return s;
  };
  for (let outer = 0; outer < 3 * n + 10; outer++) {
    const grad = new Array<number>(n).fill(0);
    for (let i = 0; i < m; i++) {
      let r = b[i] ?? 0;
      for (let j = 0; j < n; j++) r -= at(i, j) * (x[j] ?? 0);
      for (let j = 0; j < n; j++) grad[j] = (grad[j] ?? 0) + at(i, j) * r;
    }
    let t = -1;
    let best = 1e-10;
    for (let j = 0; j < n; j++)
      if (!passive[j] && (grad[j] ?? 0) > best) {
        best = grad[j] ?? 0;
        t = j;
      }
    if (t < 0) break;
    passive[t] = true;
    for (let inner = 0; inner < 3 * n + 10; inner++) {
      const s = lsq();
      let alpha = Infinity;
      for (let j = 0; j < n; j++) {
        if (!passive[j] || (s[j] ?? 0) > 0) continue;
        const xj = x[j] ?? 0;
        const a = xj / (xj - (s[j] ?? 0));
        if (a < alpha) alpha = a;
      }
      if (alpha === Infinity) {
        for (let j = 0; j < n; j++) x[j] = s[j] ?? 0;
        break;
      }
      for (let j = 0; j < n; j++) {
        x[j] = (x[j] ?? 0) + alpha * ((s[j] ?? 0) - (x[j] ?? 0));
        if (passive[j] && (x[j] ?? 0) <= 1e-12) {
          passive[j] = false;
          x[j] = 0;
        }
      }
    }
  }
  return x;
}
