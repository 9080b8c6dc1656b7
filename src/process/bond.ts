/**
 * Bond's third theory of comminution.
 *
 * W = 10 · Wi · (1/√P80 − 1/√F80), with W and Wi on the same tonnage basis and P80, F80 in µm.
 * Bond's tabulated work indices (Bond 1961) are per SHORT ton (907.18 kg); multiply by
 * 1.1023 for per metric tonne (Rowland 1976). chromflow stores work indices with the basis in
 * the parameter name (`bond_wi_kWh_per_short_t`) and converts explicitly with
 * `KWH_PER_T_PER_KWH_PER_SHORT_T`.
 *
 * @see F. C. Bond, "Crushing and grinding calculations", Brit. Chem. Eng. 6 (1961) 378–385, 543–548.
 * @see C. A. Rowland, "The Bond work index, a tool to measure grinding efficiency", SME-AIME 1976.
 */

/** Metric tonnes per short ton: 0.90718474 t; so kWh/short t × 1.1023113 = kWh/t. */
export const KWH_PER_T_PER_KWH_PER_SHORT_T = 1 / 0.90718474;

/**
 * Bond specific energy.
 * @param wi - Work index [kWh per tonne, on the basis wanted for W]
 * @param f80_um - Feed 80 % passing size [µm]
 * @param p80_um - Product 80 % passing size [µm]
 * @returns Specific energy [kWh per tonne, same basis as wi]; 0 when P80 ≥ F80 (no reduction)
 */
export function bondEnergy_kWh_per_t(wi: number, f80_um: number, p80_um: number): number {
  if (!(p80_um > 0 && f80_um > 0) || p80_um >= f80_um) return 0;
  return 10 * wi * (1 / Math.sqrt(p80_um) - 1 / Math.sqrt(f80_um));
}

/**
 * Operating work index from a measured specific energy (inverse of Bond's law).
 * @param w - Specific energy [kWh/t]
 * @param f80_um - Feed P80 [µm]
 * @param p80_um - Product P80 [µm]
 * @returns Wi_op [kWh/t]
 */
export function operatingWorkIndex_kWh_per_t(w: number, f80_um: number, p80_um: number): number {
  return w / (10 * (1 / Math.sqrt(p80_um) - 1 / Math.sqrt(f80_um)));
}

/**
 * Converts a work index from kWh per short ton to kWh per metric tonne.
 * @param wi_per_short_t - [kWh/short t]
 * @returns [kWh/t]
 */
export function workIndexMetric_kWh_per_t(wi_per_short_t: number): number {
  return wi_per_short_t * KWH_PER_T_PER_KWH_PER_SHORT_T;
}
