/**
 * Design bases of the unit kinds (data/process/design-basis.json): the specific capacities,
 * residence times, densities and limits with which a unit's design step turns its solved
 * balance into sizes. Each value carries its unit, range, source and status, like a unit
 * parameter, and a stage may override it (`stages[].design`).
 */
import data from '../../../data/process/design-basis.json' with { type: 'json' };
import { InputError } from '../../errors.js';
import type { ValueStatus } from '../minerals.js';
import type { ParamDef, ParamSchema } from '../params.js';

interface BasisEntry {
  value: number;
  unit: string;
  min: number;
  max: number;
  description: string;
  source: string;
  status: string;
}

const KINDS: Readonly<Record<string, Readonly<Record<string, BasisEntry>>>> = data.kinds;

/**
 * The design-basis schema of a unit kind from data/process/design-basis.json.
 * @param kind - Unit kind name (a key of `kinds` in the data file)
 * @throws InputError when the data file has no entry for the kind (a programming error caught by
 *   the unit-kind tests)
 */
export function designBasis(kind: string): ParamSchema {
  const entries = KINDS[kind];
  if (!entries)
    throw new InputError(
      `data/process/design-basis.json#kinds.${kind}`,
      undefined,
      'a design basis for every unit kind with a design step',
    );
  const out: Record<string, ParamDef> = {};
  for (const [name, e] of Object.entries(entries))
    out[name] = {
      value: e.value,
      unit: e.unit,
      min: e.min,
      max: e.max,
      description: e.description,
      source: e.source,
      status: e.status as ValueStatus,
    };
  return out;
}
