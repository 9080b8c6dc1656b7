/**
 * Partition (efficiency) curves used by the classification and separation units.
 * All return the fraction of a particle class reporting to the named product (0–1).
 */

const LN3 = Math.log(3);
const LN2 = Math.LN2;

/**
 * Tromp curve (logistic form) for density separation: fraction to sinks.
 * P(ρ) = 1 / (1 + exp(ln 3 · (ρ50 − ρ) / Ep)), so that P(ρ50) = 0.5, P(ρ50 + Ep) = 0.75 and
 * P(ρ50 − Ep) = 0.25, i.e. Ep = (ρ75 − ρ25) / 2.
 * @param rho - Particle density [kg/m3]
 * @param rho50 - Cut (partition) density [kg/m3]
 * @param ep - Ecart probable [kg/m3] (> 0)
 * @see K. F. Tromp, Glückauf 73 (1937) 125; Wills' Mineral Processing Technology, 8th ed. (2016), §11.10.
 */
export function tromp(rho: number, rho50: number, ep: number): number {
  return 1 / (1 + Math.exp((LN3 * (rho50 - rho)) / ep));
}

/**
 * Whiten's corrected efficiency curve: fraction of size d reporting to the coarse product
 * (underflow, oversize), excluding bypass. E(x) = (e^{αx} − 1) / (e^{αx} + e^{α} − 2), x = d/d50c;
 * E(1) = 0.5 exactly.
 * @param d - Particle size [µm]
 * @param d50c - Corrected cut size [µm]
 * @param alpha - Sharpness [-] (> 0)
 * @see W. J. Whiten, "Models of hydrocyclone classification", in Lynch (1977) Mineral Crushing
 *   and Grinding Circuits; T. J. Napier-Munn et al., Mineral Comminution Circuits (JKMRC 1996), §10.
 */
export function whiten(d: number, d50c: number, alpha: number): number {
  const ax = (alpha * d) / d50c;
  if (ax > 700) return 1;
  const eax = Math.exp(ax);
  return (eax - 1) / (eax + Math.exp(alpha) - 2);
}

/**
 * Actual partition including a bypass fraction Rf that short-circuits to the coarse product:
 * E_a = Rf + (1 − Rf) · E_c.
 * @param ec - Corrected efficiency (0–1)
 * @param rf - Bypass fraction (0–1)
 */
export function withBypass(ec: number, rf: number): number {
  return rf + (1 - rf) * ec;
}

/**
 * Size recovery of gravity concentrators (loss of fines): S(d) = 1 − exp(−ln 2 · (d/d50)^m),
 * S(d50) = 0.5.
 * @param d - Particle size [µm]
 * @param d50 - Size recovered at 50 % [µm]
 * @param m - Sharpness exponent [-]
 */
export function fineRecovery(d: number, d50: number, m: number): number {
  return 1 - Math.exp(-LN2 * Math.pow(d / d50, m));
}

/**
 * Stokes-law density correction of a cut size (hydrocyclones): d50c,i = d50c,ref ·
 * √((ρ_ref − ρ_l) / (ρ_i − ρ_l)), the density dependence of Plitt's correlation (exponent 0.5).
 * @param d50cRef - Cut size for particles of density ρ_ref [µm]
 * @param rhoRef - Reference solid density [kg/m3]
 * @param rho - Mineral density [kg/m3]
 * @param rhoLiquid - Liquid density [kg/m3]
 * @see L. R. Plitt, "A mathematical model of the hydrocyclone classifier", CIM Bulletin 69 (1976) 114.
 */
export function stokesCut_um(
  d50cRef: number,
  rhoRef: number,
  rho: number,
  rhoLiquid = 1000,
): number {
  return d50cRef * Math.sqrt((rhoRef - rhoLiquid) / (rho - rhoLiquid));
}
