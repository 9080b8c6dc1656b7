/**
 * Anderson acceleration of a fixed-point iteration x = G(x) (type II, mixing β = 1), with the
 * same non-negativity bound as the bounded Wegstein step: an entry that would become negative
 * takes the plain substitution value g instead.
 *
 * x_{k+1} = g_k − ΔG γ, γ = argmin ‖f_k − ΔF γ‖₂, f = g − x, ΔF/ΔG the last m differences.
 * @see D. G. Anderson, "Iterative procedures for nonlinear integral equations", J. ACM 12 (1965) 547;
 *   H. F. Walker, P. Ni, "Anderson acceleration for fixed-point iterations", SIAM J. Numer. Anal. 49 (2011) 1715.
 */
export interface AndersonWork {
  readonly m: number;
  readonly dF: Float64Array;
  readonly dG: Float64Array;
  readonly fPrev: Float64Array;
  readonly gPrev: Float64Array;
  readonly A: Float64Array;
  readonly rhs: Float64Array;
  count: number;
  head: number;
  hasPrev: boolean;
}

/** Allocates the work arrays for vectors of length `len` and memory `m`. */
export function createAndersonWork(len: number, m: number): AndersonWork {
  return {
    m,
    dF: new Float64Array(m * len),
    dG: new Float64Array(m * len),
    fPrev: new Float64Array(len),
    gPrev: new Float64Array(len),
    A: new Float64Array(m * m),
    rhs: new Float64Array(m),
    count: 0,
    head: 0,
    hasPrev: false,
  };
}

/** Forgets the history (start of a new solve). */
export function resetAnderson(w: AndersonWork): void {
  w.count = 0;
  w.head = 0;
  w.hasPrev = false;
}

/**
 * One Anderson step: given the current iterate x and g = G(x), overwrites x with the next iterate.
 */
export function andersonStep(w: AndersonWork, x: Float64Array, g: Float64Array): void {
  const len = x.length;
  const { m, dF, dG, fPrev, gPrev, A, rhs } = w;
  if (w.hasPrev) {
    const o = w.head * len;
    for (let i = 0; i < len; i++) {
      const gi = g[i] ?? 0;
      const fi = gi - (x[i] ?? 0);
      dF[o + i] = fi - (fPrev[i] ?? 0);
      dG[o + i] = gi - (gPrev[i] ?? 0);
    }
    w.head = (w.head + 1) % m;
    if (w.count < m) w.count++;
  }
  for (let i = 0; i < len; i++) {
    const gi = g[i] ?? 0;
    fPrev[i] = gi - (x[i] ?? 0);
    gPrev[i] = gi;
  }
  w.hasPrev = true;
  const c = w.count;
  if (c === 0) {
    x.set(g);
    return;
  }
  // normal equations (ΔFᵀΔF + λI) γ = ΔFᵀ f over the stored columns 0…c−1
  let trace = 0;
  for (let a = 0; a < c; a++) {
    for (let b = a; b < c; b++) {
      let s = 0;
      for (let i = 0; i < len; i++) s += (dF[a * len + i] ?? 0) * (dF[b * len + i] ?? 0);
      A[a * m + b] = s;
      A[b * m + a] = s;
    }
    trace += A[a * m + a] ?? 0;
    let r = 0;
    for (let i = 0; i < len; i++) r += (dF[a * len + i] ?? 0) * (fPrev[i] ?? 0);
    rhs[a] = r;
  }
  const lambda = 1e-12 * trace + 1e-300;
  for (let a = 0; a < c; a++) A[a * m + a] = (A[a * m + a] ?? 0) + lambda;
  if (!solveInPlace(A, rhs, c, m)) {
    x.set(g);
    resetAnderson(w);
    return;
  }
  for (let i = 0; i < len; i++) {
    let v = g[i] ?? 0;
    for (let a = 0; a < c; a++) v -= (dG[a * len + i] ?? 0) * (rhs[a] ?? 0);
    x[i] = v < 0 ? (g[i] ?? 0) : v;
  }
}

/** Gaussian elimination with partial pivoting on the leading c×c block (row stride m); result in b. */
function solveInPlace(A: Float64Array, b: Float64Array, c: number, m: number): boolean {
  for (let k = 0; k < c; k++) {
    let p = k;
    for (let r = k + 1; r < c; r++)
      if (Math.abs(A[r * m + k] ?? 0) > Math.abs(A[p * m + k] ?? 0)) p = r;
    const piv = A[p * m + k] ?? 0;
    if (!(Math.abs(piv) > 0) || !Number.isFinite(piv)) return false;
    if (p !== k) {
      for (let j = 0; j < c; j++) {
        const t = A[k * m + j] ?? 0;
        A[k * m + j] = A[p * m + j] ?? 0;
        A[p * m + j] = t;
      }
      const t = b[k] ?? 0;
      b[k] = b[p] ?? 0;
      b[p] = t;
    }
    for (let r = k + 1; r < c; r++) {
      const f = (A[r * m + k] ?? 0) / piv;
      if (f === 0) continue;
      for (let j = k; j < c; j++) A[r * m + j] = (A[r * m + j] ?? 0) - f * (A[k * m + j] ?? 0);
      b[r] = (b[r] ?? 0) - f * (b[k] ?? 0);
    }
  }
  for (let k = c - 1; k >= 0; k--) {
    let s = b[k] ?? 0;
    for (let j = k + 1; j < c; j++) s -= (A[k * m + j] ?? 0) * (b[j] ?? 0);
    b[k] = s / (A[k * m + k] ?? 1);
  }
  for (let k = 0; k < c; k++) if (!Number.isFinite(b[k] ?? NaN)) return false;
  return true;
}
