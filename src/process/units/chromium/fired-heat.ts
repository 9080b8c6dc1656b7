import { InputError } from '../../../errors.js';
import type { SolvedUnit } from '../../unit.js';

/** Heat fired by a unit's burners [MW], from its energy terms (required: the unit is fired). */
export function firedHeat_MW(u: SolvedUnit): number {
  if (!u.energy)
    throw new InputError(`units.${u.unitId}.energy`, null, 'the energy terms of a fired unit');
  return u.energy.heat_in_kW / 1000;
}
