/**
 * A captive power plant on the furnace off-gas: electricity = chemical energy of the off-gas the
 * process model computes × a conversion efficiency; used on site first (netted from the stage's
 * purchase and from scope 2), any surplus credited at the tariff. Its capital cost has no cost
 * item yet (docs/capex.md; listed in `not_implemented`).
 */
import type { StageResult } from '../../appraisal.js';

export interface OffgasPower {
  /** Net electricity generated [MWh/a]. */
  generation_MWh_per_year: number;
  /** Used by the stage [MWh/a]. */
  own_use_MWh_per_year: number;
  /** Sent to the grid [MWh/a]. */
  surplus_MWh_per_year: number;
  /** Off-gas chemical energy burnt [MWh/a]. */
  offgas_energy_MWh_per_year: number;
  /** Electricity per unit of off-gas energy [-]. */
  efficiency: number;
}

/**
 * @param result - Stage result with its by-products (the off-gas carries its chemical energy).
 * @param efficiency - Net electric efficiency [-], in (0, 1).
 * @returns The plant's balance; null when the stage has no off-gas energy.
 */
export function offgasPower(result: StageResult, efficiency: number): OffgasPower | null {
  const gas = result.byproducts.find((b) => b.id === 'off-gas');
  const energy = gas?.energy_MWh_per_year ?? 0;
  if (!(energy > 0)) return null;
  const generation = energy * efficiency;
  const demand = result.consumptions.electricity ?? 0;
  const own = Math.min(generation, demand);
  return {
    generation_MWh_per_year: generation,
    own_use_MWh_per_year: own,
    surplus_MWh_per_year: generation - own,
    offgas_energy_MWh_per_year: energy,
    efficiency,
  };
}
