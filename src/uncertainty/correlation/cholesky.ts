import { InputError } from '../../errors.js';

/** Tolerance for symmetry and unit diagonal of a correlation matrix [-]. */
export const CORRELATION_TOLERANCE = 1e-12;

/**
 * Checks a correlation matrix and returns its Cholesky factor L (row-major, lower triangular,
 * C = L·Lᵀ).
 *
 * Checks, in this order, each with an error naming the parameters involved: square and of the
 * size of `names`; finite entries with |r| ≤ 1; unit diagonal; symmetry (±1e-12); positive
 * definiteness — the Cholesky pivot of the first parameter at which it fails is reported with
 * the parameters before it, since that leading block is the smallest one that is not positive
 * definite.
 *
 * @param matrix - Correlation matrix [-], rows of equal length
 * @param names - Parameter names in matrix order
 * @param field - Path of the matrix in the caller's input.
 * @returns L as a Float64Array of length n² [-]
 * @throws InputError
 */
export function checkedCholesky(
  matrix: readonly (readonly number[])[],
  names: readonly string[],
  field = 'correlation.matrix',
): Float64Array {
  const n = names.length;
  if (matrix.length !== n)
    throw new InputError(
      field,
      `${matrix.length} rows`,
      `${n} rows, one per parameter (${names.join(', ')})`,
    );
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = matrix[i] ?? [];
    if (row.length !== n) throw new InputError(`${field}[${i}]`, row, `${n} entries`);
    for (let j = 0; j < n; j++) {
      const r = row[j];
      if (typeof r !== 'number' || !Number.isFinite(r) || Math.abs(r) > 1)
        throw new InputError(
          `${field}[${i}][${j}]`,
          r,
          `a correlation in [−1, 1] between ${names[i] ?? '?'} and ${names[j] ?? '?'}`,
        );
      c[i * n + j] = r;
    }
  }
  for (let i = 0; i < n; i++) {
    const d = c[i * n + i] ?? NaN;
    if (Math.abs(d - 1) > CORRELATION_TOLERANCE)
      throw new InputError(
        `${field}[${i}][${i}]`,
        d,
        `1 (correlation of ${names[i] ?? '?'} with itself)`,
      );
    for (let j = 0; j < i; j++) {
      const a = c[i * n + j] ?? NaN;
      const b = c[j * n + i] ?? NaN;
      if (Math.abs(a - b) > CORRELATION_TOLERANCE)
        throw new InputError(
          `${field}[${i}][${j}]`,
          a,
          `the same value as [${j}][${i}] = ${b} (symmetric: ${names[i] ?? '?'} with ${names[j] ?? '?'})`,
        );
    }
  }
  const failure = new Float64Array(2);
  const l = cholesky(c, n, failure);
  if (!l) {
    const j = failure[0] ?? 0;
    const block = names.slice(0, j + 1).join(', ');
    throw new InputError(
      field,
      `Cholesky pivot ${(failure[1] ?? NaN).toExponential(3)} at ${names[j] ?? '?'}`,
      `a positive definite correlation matrix; the correlations among ${block} are inconsistent (check the entries of ${names[j] ?? '?'})`,
    );
  }
  return l;
}

/** Smallest Cholesky pivot accepted as positive [-]. */
const MIN_PIVOT = 1e-10;

/**
 * Cholesky factor L (row-major, lower triangular) of a symmetric k × k matrix, C = L·Lᵀ.
 *
 * @param c - The matrix, row-major (only the lower triangle is read)
 * @param k - Its order [integer]
 * @param failedAt - If given, receives the index [0] and value [1] of the first pivot ≤ 1e-10
 * @returns L, or null when the matrix is not (numerically) positive definite
 */
export function cholesky(c: Float64Array, k: number, failedAt?: Float64Array): Float64Array | null {
  const l = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    let d = c[j * k + j] ?? NaN;
    for (let m = 0; m < j; m++) d -= (l[j * k + m] ?? 0) ** 2;
    if (!(d > MIN_PIVOT)) {
      if (failedAt) {
        failedAt[0] = j;
        failedAt[1] = d;
      }
      return null;
    }
    const ljj = Math.sqrt(d);
    l[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let s = c[i * k + j] ?? NaN;
      for (let m = 0; m < j; m++) s -= (l[i * k + m] ?? 0) * (l[j * k + m] ?? 0);
      l[i * k + j] = s / ljj;
    }
  }
  return l;
}

/**
 * Converts a Spearman rank correlation to the Pearson correlation of the underlying Gaussian
 * copula: r = 2·sin(π·ρ_S/6) (Pearson 1907; exact for the bivariate normal).
 *
 * @param rhoS - Spearman rank correlation [-]
 * @returns Normal-scores (Pearson) correlation [-]
 */
export function spearmanToPearson(rhoS: number): number {
  return 2 * Math.sin((Math.PI * rhoS) / 6);
}
