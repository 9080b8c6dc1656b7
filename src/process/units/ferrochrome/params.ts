import data from '../../../../data/pyro/fecr.json' with { type: 'json' };
import type { ValueStatus } from '../../minerals.js';
import type { ParamDef } from '../../params.js';

interface Entry {
  value: number;
  unit: string;
  source: string;
  status: string;
}

/**
 * Unit parameter schema from sourced entries of data/pyro/fecr.json. The range is wide
 * ([0, 1e12]): the unit models check the physical ranges themselves and name the field
 * (`furnace.<param>`, `pelletise.<param>`…), as the direct API always did.
 * @param entries - `{ name: { value, unit, source, status } }`
 * @param names - Parameters to take
 */
export function schemaOf<K extends string>(
  entries: Readonly<Record<K, Entry>>,
  names: readonly K[],
): Record<K, ParamDef> {
  const out = {} as Record<K, ParamDef>;
  for (const n of names) {
    const e = entries[n];
    out[n] = {
      value: e.value,
      unit: e.unit,
      source: e.source,
      status: e.status as ValueStatus,
      min: 0,
      max: 1e12,
      description: n.replaceAll('_', ' '),
    };
  }
  return out;
}

export const PRE = data.pretreatment;
export type PretreatKey = keyof typeof PRE;
export const FURNACE_DATA = data.furnace;
export type FurnaceKey = keyof (typeof data.furnace)['dc'];
