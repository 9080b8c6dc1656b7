import { NotImplementedError } from '../errors.js';
import type { ComponentModel } from './components.js';
import type { Stream } from './stream.js';

/**
 * Splits the solids of `inlet` between `a` and `b` with a partition matrix (fraction to `a`
 * for each mineral row × size class) and the water with the fraction `waterToA`; water added
 * by the unit (`waterAdded_kg_per_h`) joins the inlet water before the split. Outlets take
 * the inlet temperature and pressure. Other species are not defined for mineral separators.
 * @throws NotImplementedError if the inlet carries a species other than water
 */
export function splitByPartition(
  model: ComponentModel,
  inlet: Stream,
  toA: Float64Array,
  waterToA: number,
  waterAdded_kg_per_h: number,
  a: Stream,
  b: Stream,
  unitId: string,
): void {
  const n = model.nSize;
  const len = model.nMin * n;
  for (let i = 0; i < len; i++) {
    const m = inlet.sized[i] ?? 0;
    const ma = m * (toA[i] ?? 0);
    a.sized[i] = ma;
    b.sized[i] = m - ma;
  }
  const w = (inlet.flow[model.water] ?? 0) + waterAdded_kg_per_h;
  const wa = w * waterToA;
  a.flow[model.water] = wa;
  b.flow[model.water] = w - wa;
  rejectOtherSpecies(model, inlet, unitId);
  a.T_K = inlet.T_K;
  b.T_K = inlet.T_K;
  a.P_Pa = inlet.P_Pa;
  b.P_Pa = inlet.P_Pa;
}

/** Throws if a stream carries a non-mineral species other than water. */
export function rejectOtherSpecies(model: ComponentModel, s: Stream, unitId: string): void {
  for (let c = model.nMin; c < model.nComp; c++) {
    if (c !== model.water && (s.flow[c] ?? 0) !== 0)
      throw new NotImplementedError(
        `unit "${unitId}": partition of species ${model.names[c] ?? '?'} in a mineral-processing unit`,
        'mineral-processing units treat minerals and water only (issue 4)',
      );
  }
}

/** Dry solids mass in a size matrix [kg/h]. */
export function sizedTotal(model: ComponentModel, s: Stream): number {
  let t = 0;
  const len = model.nMin * model.nSize;
  for (let i = 0; i < len; i++) t += s.sized[i] ?? 0;
  return t;
}
