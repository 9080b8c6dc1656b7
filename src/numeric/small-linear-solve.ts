/**
 * Solution of a small dense linear system A·x = b (n ≤ ~10) by Gaussian elimination with partial
 * pivoting (G. H. Golub, C. F. Van Loan, *Matrix Computations*, 4th ed., 2013, alg. 3.4.1). For
 * the few unknowns of a unit model's closed-form solve, where a general matrix library costs
 * more than the arithmetic.
 *
 * @param A - Row-major n × n matrix [row unit / x unit]; not modified
 * @param b - Right-hand side, length n [row unit]; not modified
 * @returns x, length n [x unit]; non-finite entries when A is singular
 */
export function solveSmallLinear(
  A: readonly (readonly number[])[],
  b: readonly number[],
): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row.slice(0, n), b[i] ?? 0]);
  for (let k = 0; k < n; k++) {
    let piv = k;
    for (let i = k + 1; i < n; i++)
      if (Math.abs(M[i]?.[k] ?? 0) > Math.abs(M[piv]?.[k] ?? 0)) piv = i;
    const pivotRow = M[piv] ?? [];
    M[piv] = M[k] ?? [];
    M[k] = pivotRow;
    const d = pivotRow[k] ?? 0;
    for (let i = k + 1; i < n; i++) {
      const row = M[i] ?? [];
      const f = (row[k] ?? 0) / d;
      for (let j = k; j <= n; j++) row[j] = (row[j] ?? 0) - f * (pivotRow[j] ?? 0);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    const row = M[i] ?? [];
    let s = row[n] ?? 0;
    for (let j = i + 1; j < n; j++) s -= (row[j] ?? 0) * (x[j] ?? 0);
    x[i] = s / (row[i] ?? 0);
  }
  return x;
}
