/**
 * Energy balance of an electric smelting furnace with absolute enthalpies (ΔfH298 + H(T) − H298,
 * species.ts), so the reaction heats are inside the enthalpy difference:
 *   η·P_el = ΣH_out(T_alloy, T_slag, T_gas) − ΣH_in(T_charge) + Q_loss,   Q_loss = q·m_alloy
 * with q the calibrated heat loss [kWh per t alloy] and η the electrical efficiency (the rest,
 * (1 − η)·P_el, is lost in transformers, bus bars and electrodes).
 */
import { InputError } from '../../errors.js';
import { enthalpy_W, type SpeciesStream } from './species.js';

export interface FurnaceEnergy {
  H_in_W: number;
  H_out_W: number;
  /** Thermal loss q·m_alloy [W]. */
  heat_loss_W: number;
  /** Electrical power drawn [W] and the part of it lost as (1 − η)·P [W]. */
  electric_W: number;
  electrical_loss_W: number;
}

/** J per kg for 1 kWh per t: 3.6e6 J / 1000 kg [J/kg per kWh/t]. */
const J_PER_KG_PER_KWH_PER_T = 3600;

/**
 * @param alloy_kg_per_s - Alloy tapped [kg/s] (the heat loss is per t of it)
 * @param p - Heat loss q [kWh/t alloy] and electrical efficiency η [–]
 * @param enthalpies - Molar enthalpies at the furnace's fixed temperatures (`molarEnthalpyTable`),
 *   default none (every one computed)
 * @throws InputError when the charge needs no electrical energy (ΣH_out + Q_loss ≤ ΣH_in)
 */
export function furnaceEnergyBalance(
  inlets: readonly SpeciesStream[],
  outlets: readonly SpeciesStream[],
  alloy_kg_per_s: number,
  p: { heat_loss_kWh_per_t: number; electrical_efficiency: number },
  enthalpies?: Float64Array,
): FurnaceEnergy {
  let H_in_W = 0;
  for (const s of inlets) H_in_W += enthalpy_W(s, enthalpies);
  let H_out_W = 0;
  for (const s of outlets) H_out_W += enthalpy_W(s, enthalpies);
  const heat_loss_W = p.heat_loss_kWh_per_t * alloy_kg_per_s * J_PER_KG_PER_KWH_PER_T;
  const delivered_W = H_out_W + heat_loss_W - H_in_W;
  if (!(delivered_W > 0))
    throw new InputError(
      'furnace',
      delivered_W,
      'a charge that needs electrical energy (positive heat demand)',
    );
  const electric_W = delivered_W / p.electrical_efficiency;
  return { H_in_W, H_out_W, heat_loss_W, electric_W, electrical_loss_W: electric_W - delivered_W };
}
