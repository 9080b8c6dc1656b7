import { InputError } from '../../errors.js';
import { standardNormalQuantile } from '../distributions/truncation.js';
import { cholesky } from './cholesky.js';
import { uint32At } from '../random/counter-random.js';
import { seedKey } from '../random/seed.js';
import { STREAM } from '../random/streams.js';
import { permute } from '../sampling/permutation.js';

/** Pearson correlation matrix (row-major k × k) of the columns of an n × k row-major matrix. */
function columnCorrelation(x: Float64Array, n: number, k: number): Float64Array {
  const mean = new Float64Array(k);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < k; a++) mean[a] = (mean[a] ?? 0) + (x[i * k + a] ?? 0);
  for (let a = 0; a < k; a++) mean[a] = (mean[a] ?? 0) / n;
  const cov = new Float64Array(k * k);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < k; a++) {
      const da = (x[i * k + a] ?? 0) - (mean[a] ?? 0);
      for (let b = 0; b <= a; b++)
        cov[a * k + b] = (cov[a * k + b] ?? 0) + da * ((x[i * k + b] ?? 0) - (mean[b] ?? 0));
    }
  const r = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b <= a; b++) {
      const v = (cov[a * k + b] ?? 0) / Math.sqrt((cov[a * k + a] ?? 0) * (cov[b * k + b] ?? 0));
      r[a * k + b] = v;
      r[b * k + a] = v;
    }
  return r;
}

/** Inverse of a lower-triangular matrix (row-major), by forward substitution. */
function invertLower(l: Float64Array, k: number): Float64Array {
  const inv = new Float64Array(k * k);
  for (let col = 0; col < k; col++) {
    for (let i = col; i < k; i++) {
      let s = i === col ? 1 : 0;
      for (let m = col; m < i; m++) s -= (l[i * k + m] ?? 0) * (inv[m * k + col] ?? 0);
      inv[i * k + col] = s / (l[i * k + i] ?? 1);
    }
  }
  return inv;
}

/**
 * Iman–Conover reordering: rearranges each column of an n × k sample (row-major, in place) so
 * that the rank correlation of the columns approximates the target whose Cholesky factor is
 * `targetL`, leaving every column's set of values (the marginal sample) unchanged.
 *
 * Algorithm (Iman & Conover 1982): score matrix S with columns that are independent keyed
 * permutations of the van der Waerden scores Φ⁻¹(r/(n+1)); its sample correlation E = F·Fᵀ;
 * T = S·(P·F⁻¹)ᵀ with C = P·Pᵀ has correlation exactly C; each column of the sample is then
 * sorted and placed in the rank order of the matching column of T. The score permutations come
 * from (seed, column), so the result is a deterministic function of (sample, target, seed).
 *
 * @param x - Sample, n rows × k columns, row-major [any unit]; reordered in place
 * @param n - Number of rows [integer, > k]
 * @param k - Number of columns [integer ≥ 2]
 * @param targetL - Cholesky factor of the target rank correlation (k × k, row-major) [-]
 * @param seed - Seed of the score permutations [integer]
 * @see R. L. Iman, W. J. Conover, "A distribution-free approach to inducing rank correlation
 *   among input variables", Commun. Stat. Simul. Comput. 11 (1982) 311–334,
 *   https://doi.org/10.1080/03610918208812265
 * @throws InputError when n ≤ k (the score correlation cannot be full rank).
 */
export function imanConover(
  x: Float64Array,
  n: number,
  k: number,
  targetL: Float64Array,
  seed: number,
): void {
  if (n <= k + 1)
    throw new InputError(
      'samples',
      n,
      `more than ${k + 1} samples to impose a ${k} × ${k} rank correlation`,
    );
  const key = seedKey(seed);
  const scores = new Float64Array(n);
  for (let r = 0; r < n; r++) scores[r] = standardNormalQuantile((r + 1) / (n + 1));
  const s = new Float64Array(n * k);
  for (let a = 0; a < k; a++) {
    const p = uint32At(key, STREAM.imanConover, 0, a);
    for (let i = 0; i < n; i++) s[i * k + a] = scores[permute(i, n, p)] ?? 0;
  }
  const f = cholesky(columnCorrelation(s, n, k), k);
  if (!f) throw new InputError('samples', n, 'enough samples for a full-rank score matrix');
  const fInv = invertLower(f, k);
  // M = P·F⁻¹ (lower triangular); T = S·Mᵀ, i.e. T[i][a] = Σ_b S[i][b]·M[a][b].
  const m = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b <= a; b++) {
      let v = 0;
      for (let c = b; c <= a; c++) v += (targetL[a * k + c] ?? 0) * (fInv[c * k + b] ?? 0);
      m[a * k + b] = v;
    }
  const t = new Float64Array(n);
  const order = new Uint32Array(n);
  const column = new Float64Array(n);
  for (let a = 0; a < k; a++) {
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let b = 0; b <= a; b++) v += (s[i * k + b] ?? 0) * (m[a * k + b] ?? 0);
      t[i] = v;
      order[i] = i;
      column[i] = x[i * k + a] ?? NaN;
    }
    // Rows in increasing order of T (ties by row index, so the result is deterministic).
    order.sort((i, j) => (t[i] ?? 0) - (t[j] ?? 0) || i - j);
    column.sort();
    for (let r = 0; r < n; r++) x[(order[r] ?? 0) * k + a] = column[r] ?? NaN;
  }
}
