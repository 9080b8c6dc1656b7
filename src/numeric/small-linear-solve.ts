/**
 * Solution of a small dense linear system A·x = b (n ≤ ~10) by Gaussian elimination with partial
 * pivoting (G. H. Golub, C. F. Van Loan, *Matrix Computations*, 4th ed., 2013, alg. 3.4.1). For
 * the few unknowns of a unit model's closed-form solve, where a general matrix library costs
 * more than the arithmetic.
 *
 * The factorisation P·A = L·U is kept apart from the solve so that a chord iteration, whose
 * matrix is fixed, factors it once and solves each step by substitution only. Solving with the
 * factors performs the same floating-point operations in the same order as eliminating the
 * augmented matrix [A | b] would: the multipliers are the same numbers, stored in the rows they
 * eliminate and swapped with them (LAPACK's getrf layout), and the right-hand side is updated
 * k = 0, 1, … as the elimination would update its last column.
 */

/** P·A = L·U of an n × n matrix: U on and above the diagonal, L's multipliers below it. */
export interface SmallLu {
  readonly n: number;
  /** Row-major n × n: U (upper triangle with diagonal) and L (strict lower triangle) [–]. */
  readonly lu: Float64Array;
  /** Row i of P·A is row `perm[i]` of A. */
  readonly perm: Int32Array;
}

/**
 * Storage for the factors of an n × n matrix, to be reused by {@link factorSmallLinearInto}.
 * @param lu - The caller's array for the factors (at least n² long; its first n² entries are
 *   used), default a new one
 */
export function createSmallLu(n: number, lu?: Float64Array): SmallLu {
  return { n, lu: lu ? lu.subarray(0, n * n) : new Float64Array(n * n), perm: new Int32Array(n) };
}

/** Swaps rows a and b of the row-major n × n matrix m. */
function swapRows(m: Float64Array, n: number, a: number, b: number): void {
  for (let j = 0; j < n; j++) {
    const t = m[a * n + j] as number;
    m[a * n + j] = m[b * n + j] as number;
    m[b * n + j] = t;
  }
}

/**
 * Factors A (row-major n × n, rows given as arrays) into `f` (overwritten).
 * @param A - Row-major n × n matrix [row unit / x unit]; not modified
 * @returns f; a singular A gives a zero pivot, and the solve then non-finite entries
 */
export function factorSmallLinearInto(A: readonly ArrayLike<number>[], f: SmallLu): SmallLu {
  const { n, lu, perm } = f;
  for (let i = 0; i < n; i++) {
    perm[i] = i;
    const row = A[i];
    for (let j = 0; j < n; j++) lu[i * n + j] = row?.[j] ?? 0;
  }
  for (let k = 0; k < n; k++) {
    let piv = k;
    for (let i = k + 1; i < n; i++)
      if (Math.abs(lu[i * n + k] as number) > Math.abs(lu[piv * n + k] as number)) piv = i;
    if (piv !== k) {
      swapRows(lu, n, piv, k);
      const t = perm[piv] as number;
      perm[piv] = perm[k] as number;
      perm[k] = t;
    }
    const d = lu[k * n + k] as number;
    for (let i = k + 1; i < n; i++) {
      const f_ik = (lu[i * n + k] as number) / d;
      lu[i * n + k] = f_ik;
      for (let j = k + 1; j < n; j++)
        lu[i * n + j] = (lu[i * n + j] as number) - f_ik * (lu[k * n + j] as number);
    }
  }
  return f;
}

/**
 * Solves A·x = b with A's factors.
 * @param b - Right-hand side, length n [row unit]; not modified
 * @param x - Receives the solution, length n [x unit] (may not be b)
 * @returns x
 */
export function solveFactoredInto(
  f: SmallLu,
  b: ArrayLike<number>,
  x: number[] | Float64Array,
): number[] | Float64Array {
  const { n, lu, perm } = f;
  // forward substitution (L·y = P·b), y held in x
  for (let i = 0; i < n; i++) {
    let s = b[perm[i] as number] ?? 0;
    for (let k = 0; k < i; k++) s = s - (lu[i * n + k] as number) * (x[k] as number);
    x[i] = s;
  }
  // back substitution (U·x = y)
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i] as number;
    for (let j = i + 1; j < n; j++) s -= (lu[i * n + j] as number) * (x[j] as number);
    x[i] = s / (lu[i * n + i] as number);
  }
  return x;
}

/**
 * Solves A·x = b.
 * @param A - Row-major n × n matrix [row unit / x unit]; not modified
 * @param b - Right-hand side, length n [row unit]; not modified
 * @returns x, length n [x unit]; non-finite entries when A is singular
 */
export function solveSmallLinear(
  A: readonly (readonly number[])[],
  b: readonly number[],
): number[] {
  const n = b.length;
  const x = new Array<number>(n).fill(0);
  solveFactoredInto(factorSmallLinearInto(A, createSmallLu(n)), b, x);
  return x;
}
