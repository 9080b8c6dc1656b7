/**
 * Electricity of a chromium unit's auxiliary drives (fans, agitators, pumps, filters,
 * centrifuges, dust extraction): a specific energy per t of the unit's throughput, defaults in
 * data/process/chromium/auxiliary-power.json (each with its basis, source and status).
 *
 * The drives' work ends as heat lost to the surroundings, so it is added to both the electric
 * input and the heat loss of the unit's energy balance: the balance still closes, and the
 * process heat the unit needs is unchanged.
 */
import aux from '../../../../data/process/chromium/auxiliary-power.json' with { type: 'json' };
import { InputError } from '../../../errors.js';
import { param, type ParamDef } from '../../params.js';
import type { ValueStatus } from '../../minerals.js';
import type { UnitOutput } from '../../unit.js';

type AuxKind = keyof typeof aux.values;

/** The `aux_power_kWh_per_t` parameter of a unit kind, its default from the data file. */
export function auxPowerParam(kind: AuxKind): ParamDef {
  const v = aux.values[kind];
  return param(
    v.value,
    'kWh/t',
    0,
    1000,
    `electricity of the auxiliary drives per ${v.basis}`,
    `data/process/chromium/auxiliary-power.json#${kind}: ${v.source}`,
    v.status as ValueStatus,
  );
}

/**
 * Adds the auxiliary drives' electricity to a unit's solve: power duty, electric input and the
 * equal heat loss.
 * @param kWh_per_t - Specific electricity [kWh/t]
 * @param basis_kg_per_h - Throughput it applies to [kg/h]
 * @throws InputError if the unit wrote no energy balance before (a programming error)
 */
export function addAuxiliaryPower(
  out: UnitOutput,
  kWh_per_t: number,
  basis_kg_per_h: number,
): void {
  const e = out.energy;
  if (!e) throw new InputError('energy', e, 'the unit energy balance before its auxiliary power');
  const kW = (kWh_per_t * basis_kg_per_h) / 1000;
  out.energy = { ...e, electric_kW: e.electric_kW + kW, heat_loss_kW: e.heat_loss_kW + kW };
  out.duties.power_kW += kW;
  out.diagnostics.aux_power_kW = kW;
}

/** The result every unit with auxiliary power declares. */
export const AUX_POWER_RESULT = {
  unit: 'kW',
  description: 'electricity of the auxiliary drives (fans, agitators, pumps, filters)',
} as const;

/** Total mass flow of some streams [kg/h]. */
export function massOf(streams: readonly { readonly flow: ArrayLike<number> }[]): number {
  let t = 0;
  for (const s of streams) for (let i = 0; i < s.flow.length; i++) t += s.flow[i] ?? 0;
  return t;
}
