import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** Standard normal density φ(z) [-]. */
export function standardNormalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** Standard normal CDF Φ(z) [-] (@stdlib). */
export function standardNormalCdf(z: number): number {
  return normalCdf(z, 0, 1);
}

/** Standard normal quantile Φ⁻¹(u) [-] (@stdlib). */
export function standardNormalQuantile(u: number): number {
  return normalQuantile(u, 0, 1);
}

/**
 * Inverse CDF of the standard normal truncated to [α, β] (either may be infinite):
 * z = Φ⁻¹(Φ(α) + u·(Φ(β) − Φ(α))). When the interval lies in the upper tail (α > 0) the
 * mirror image −Φ⁻¹(Φ(−α) − u·(Φ(−α) − Φ(−β))) is used, so no precision is lost to 1 − ε.
 *
 * The result is kept within [α, β] with Math.min/max, which only absorbs last-bit rounding of
 * Φ⁻¹(Φ(α)) at the ends; it never changes a value by more than that.
 *
 * @param alpha - Lower truncation point in standard units [-]
 * @param beta - Upper truncation point in standard units [-], alpha < beta
 * @returns A function of u ∈ (0, 1) giving z ∈ [α, β] [-]
 */
export function truncatedStandardNormalQuantile(
  alpha: number,
  beta: number,
): (u: number) => number {
  if (alpha === -Infinity && beta === Infinity) return standardNormalQuantile;
  if (alpha > 0) {
    const pa = standardNormalCdf(-alpha);
    const pb = standardNormalCdf(-beta);
    const width = pa - pb;
    return (u) => Math.min(beta, Math.max(alpha, -standardNormalQuantile(pa - u * width)));
  }
  const pa = standardNormalCdf(alpha);
  const width = standardNormalCdf(beta) - pa;
  return (u) => Math.min(beta, Math.max(alpha, standardNormalQuantile(pa + u * width)));
}

/**
 * Mean of the standard normal truncated to [α, β]: (φ(α) − φ(β)) / (Φ(β) − Φ(α)) [-].
 */
export function truncatedStandardNormalMean(alpha: number, beta: number): number {
  const pdf = (z: number) => (Number.isFinite(z) ? standardNormalPdf(z) : 0);
  const mass =
    alpha > 0
      ? standardNormalCdf(-alpha) - standardNormalCdf(-beta)
      : standardNormalCdf(beta) - standardNormalCdf(alpha);
  return (pdf(alpha) - pdf(beta)) / mass;
}
