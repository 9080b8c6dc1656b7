/**
 * Design step of an electric smelting furnace (AC submerged-arc, DC open-arc, refining furnace):
 * the furnace line's electrical rating, how many furnaces it takes, the hearth of each, and the
 * flows that size the raw-material handling, casting, slag handling and off-gas cleaning.
 */
import { InputError } from '../../../errors.js';
import { designBasis } from '../../design/basis.js';
import { gas_Nm3_per_h, port, solids_t_per_h } from '../../design/measures.js';
import { totalMass_kg_per_h } from '../../stream.js';
import type { SolvedUnit, UnitDesign } from '../../unit.js';

export const FURNACE_DESIGN_RESULTS = {
  furnace_power_MW: {
    unit: 'MW',
    description: 'electric power of the furnace line at nameplate rate',
  },
  transformer_MVA: {
    unit: 'MVA',
    description: 'apparent power of the furnace line (MW / power factor)',
  },
  furnaces: {
    unit: '1',
    description:
      'number of furnaces (the line split into furnaces no larger than the largest size of the route)',
  },
  furnace_MVA_each: { unit: 'MVA', description: 'rating of each furnace' },
  hearth_diameter_m: {
    unit: 'm',
    description: 'hearth diameter of each furnace at the design hearth power density',
  },
  charge_t_per_h: {
    unit: 't/h',
    description: 'solids charged (ore, reductant, fluxes, electrode)',
  },
  alloy_t_per_h: { unit: 't/h', description: 'alloy tapped' },
  slag_t_per_h: { unit: 't/h', description: 'slag tapped' },
  offgas_Nm3_per_h: {
    unit: 'Nm3/h',
    description: 'raw furnace gas to cleaning (CO, CO2, H2, N2, H2O)',
  },
} as const;

/**
 * The design of a furnace kind whose ports include `alloy`, `slag` and `off-gas` outlets.
 * transformer MVA = P / cos φ; n = ⌈MVA / MVA_max⌉ unless the basis sets the count; hearth D = √(4 P_each / (π q)), q the hearth
 * power density.
 */
export function furnaceDesign(
  kind: string,
  inletPorts: readonly string[],
  outletPorts: readonly string[],
): UnitDesign {
  return {
    basis: designBasis(kind),
    results: FURNACE_DESIGN_RESULTS,
    size(u: SolvedUnit) {
      const MW = (u.energy?.electric_kW ?? u.duties.power_kW) / 1000;
      // the smelting furnaces carry cos φ as a model parameter; the refining furnace in its basis
      const pf = u.params.power_factor ?? u.basis.power_factor;
      if (pf === undefined)
        throw new InputError(
          `design.${u.unitId}.power_factor`,
          undefined,
          'a power factor of the furnace',
        );
      const MVA = MW / pf;
      // a set count (a reference plant's, a scenario's), else the fewest furnaces within the size limit
      const set = u.basis.furnace_count ?? 0;
      const furnaces =
        MVA <= 0
          ? 0
          : set > 0
            ? Math.round(set)
            : Math.ceil(MVA / (u.basis.max_furnace_MVA ?? Infinity));
      const each = furnaces > 0 ? MVA / furnaces : 0;
      const q = u.basis.hearth_power_density_MW_per_m2 ?? Infinity;
      const solidsIn = inletPorts.filter((p) => p !== 'air');
      return {
        furnace_power_MW: MW,
        transformer_MVA: MVA,
        furnaces,
        furnace_MVA_each: each,
        hearth_diameter_m: furnaces > 0 ? Math.sqrt((4 * (MW / furnaces)) / (Math.PI * q)) : 0,
        charge_t_per_h: solids_t_per_h(
          u.model,
          solidsIn.map((p) => port(inletPorts, u.inlets, p)),
        ),
        alloy_t_per_h: totalMass_kg_per_h(port(outletPorts, u.outlets, 'alloy')) / 1000,
        slag_t_per_h: totalMass_kg_per_h(port(outletPorts, u.outlets, 'slag')) / 1000,
        offgas_Nm3_per_h: gas_Nm3_per_h(u.model, port(outletPorts, u.outlets, 'off-gas')),
      };
    },
  };
}
