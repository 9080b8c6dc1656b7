import { standardNormalCdf, standardNormalQuantile } from '../distributions/truncation.js';

/**
 * Applies a Gaussian copula to k coordinates of one point in place:
 * z = Φ⁻¹(u), y = L·z, u ← Φ(y). Uniform marginals are preserved; the normal scores get the
 * correlation L·Lᵀ.
 *
 * @param u - Point [-]; the coordinates `dims` are replaced
 * @param dims - Indices of the correlated coordinates, in matrix order
 * @param l - Cholesky factor (row-major k × k) [-]
 * @param z - Scratch of length ≥ k
 */
export function applyGaussianCopula(
  u: Float64Array,
  dims: Int32Array,
  l: Float64Array,
  z: Float64Array,
): void {
  const k = dims.length;
  for (let a = 0; a < k; a++) z[a] = standardNormalQuantile(u[dims[a] ?? 0] ?? NaN);
  for (let a = 0; a < k; a++) {
    let y = 0;
    for (let b = 0; b <= a; b++) y += (l[a * k + b] ?? 0) * (z[b] ?? 0);
    // Φ(y) can round to 0 or 1 beyond |y| ≈ 8.3 or 38; keep u inside (0, 1) for the quantiles.
    const p = standardNormalCdf(y);
    u[dims[a] ?? 0] = p <= 0 ? Number.MIN_VALUE : p >= 1 ? 1 - 2 ** -53 : p;
  }
}
