import { addAuxiliaryPower, AUX_POWER_RESULT, auxPowerParam, massOf } from './auxiliary-power.js';
import { param } from '../../params.js';
import { tankAndFilterDesign } from '../../design/tank-and-filter.js';
import type { UnitKind } from '../../unit.js';
import { addKg, enthalpy_kW, kg, total, writeEnergy } from './common.js';

const SOLUBLE: readonly (readonly [string, string])[] = [
  ['Na2SO4(s)', 'Na2SO4(aq)'],
  ['Na2O(s)', 'Na2O(aq)'],
  ['Na2CrO4(s)', 'Na2CrO4(aq)'],
  ['Na2CO3(s)', 'Na2CO3(aq)'],
];

const params = {
  aux_power_kWh_per_t: auxPowerParam('chromium-oxide-wash'),
  water_per_solids: param(3, 'kg/kg', 0.5, 50, 'wash water per kg calcine', 'assumed'),
  soluble_removal: param(0.995, '-', 0, 1, 'fraction of the soluble salts washed out', 'assumed'),
  T_K: param(333.15, 'K', 298.15, 373.15, 'wash temperature', 'assumed'),
};

/**
 * Washing, filtration and drying of the Cr2O3 calcine: the soluble sodium salts (Na2SO4, Na2O
 * as NaOH in solution, unreduced Na2CrO4, Na2CO3) go to the wash liquor (`X(aq)`, enthalpy as
 * the crystal's), a fraction (1 − soluble_removal) stays in the dried oxide. The oxide leaves
 * dry (drying heat not modelled) at T_K. Energy: hot calcine cooled, surplus lost.
 * Demand: water [kg/h].
 */
export const oxideWash: UnitKind<typeof params> = {
  kind: 'chromium-oxide-wash',
  title: 'Wash, filter and dry Cr2O3',
  inlets: ['calcine', 'water'],
  outlets: ['oxide', 'liquor'],
  params,
  reagents: [],
  stateSize: 0,
  references: [
    'kraska.biz https://kraska.biz/?p=5559 (wash of the reduced calcine), figures assumed',
  ],
  results: {
    demand_water_kg_per_h: { unit: 'kg/h', description: 'wash water needed' },
    aux_power_kW: AUX_POWER_RESULT,
  },
  energy: true,
  design: tankAndFilterDesign('chromium-oxide-wash', ['oxide', 'liquor'], 'oxide'),

  solve(inlets, p, ctx, out) {
    const m = ctx.model;
    const [cal, wat] = inlets;
    const [ox, liq] = out.outlets;
    if (!cal || !wat || !ox || !liq) return;
    for (let i = 0; i < m.nComp; i++) {
      ox.flow[i] = cal.flow[i] ?? 0;
      liq.flow[i] = wat.flow[i] ?? 0;
    }
    for (const [s, aq] of SOLUBLE) {
      const x = p.soluble_removal * kg(m, ox, s);
      addKg(m, ox, s, -x);
      addKg(m, liq, aq, x);
    }
    ox.T_K = p.T_K;
    liq.T_K = p.T_K;
    const H_in = enthalpy_kW(m, cal) + enthalpy_kW(m, wat);
    const H_out = enthalpy_kW(m, ox) + enthalpy_kW(m, liq);
    const Q = H_out - H_in;
    writeEnergy(out, {
      H_in_kW: H_in,
      H_out_kW: H_out,
      electric_kW: 0,
      heat_in_kW: Math.max(Q, 0),
      heat_loss_kW: Math.max(-Q, 0),
    });
    out.diagnostics.demand_water_kg_per_h = p.water_per_solids * total(cal);
    addAuxiliaryPower(out, p.aux_power_kWh_per_t, massOf(inlets.slice(0, 1)));
  },
};
