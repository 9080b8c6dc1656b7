/**
 * Design step of an agitated-tank-and-filter unit (leaches, washes, crystal purification,
 * detoxification): the slurry through the tanks, the tank volume for the design residence time
 * and the filter area for the cake at the design loading. One definition for every hydromet unit
 * of that shape, so their sizes (and the capex item that reads `tank_volume_m3`) agree.
 */
import { designBasis } from './basis.js';
import { port, slurry_m3_per_h, solids_t_per_h } from './measures.js';
import type { UnitDesign } from '../unit.js';

/** The results a tank-and-filter design step reports. */
export const TANK_AND_FILTER_RESULTS = {
  slurry_m3_per_h: { unit: 'm3/h', description: 'slurry through the tanks' },
  tank_volume_m3: {
    unit: 'm3',
    description: 'agitated tank volume for the design residence time',
  },
  filter_area_m2: {
    unit: 'm2',
    description: 'filter area for the solids at the design loading',
  },
} as const;

/**
 * The design of a tank-and-filter unit kind.
 * Sizes: slurry = Σ inlets (water at 1,000 kg/m³ + solids at `solids_density_kg_per_m3`);
 * tank volume = slurry × `residence_h`; filter area = dry solids of the cake outlet ÷
 * `filter_loading_t_per_h_per_m2` (basis from data/process/design-basis.json).
 * @param kind - The unit kind (its design basis entry)
 * @param outlets - The kind's outlet ports
 * @param cake - The outlet port whose solids the filter forms into cake
 */
export function tankAndFilterDesign(
  kind: string,
  outlets: readonly string[],
  cake: string,
): UnitDesign {
  return {
    basis: designBasis(kind),
    results: TANK_AND_FILTER_RESULTS,
    size(u) {
      const b = u.basis;
      let v = 0;
      for (const s of u.inlets) v += slurry_m3_per_h(u.model, s, b.solids_density_kg_per_m3 ?? NaN);
      const solids = solids_t_per_h(u.model, [port(outlets, u.outlets, cake)]);
      return {
        slurry_m3_per_h: v,
        tank_volume_m3: v * (b.residence_h ?? NaN),
        filter_area_m2: solids / (b.filter_loading_t_per_h_per_m2 ?? NaN),
      };
    },
  };
}
