import { addAuxiliaryPower, AUX_POWER_RESULT, auxPowerParam, massOf } from './auxiliary-power.js';
import { param } from '../../params.js';
import { tankAndFilterDesign } from '../../design/tank-and-filter.js';
import type { UnitKind } from '../../unit.js';
import { addKg, enthalpy_kW, kg, total, writeEnergy } from './common.js';

const SOLUBLE: readonly (readonly [string, string])[] = [
  ['Na2CrO4(s)', 'Na2CrO4(aq)'],
  ['Na2CO3(s)', 'Na2CO3(aq)'],
];

const params = {
  aux_power_kWh_per_t: auxPowerParam('chromate-water-leach'),
  water_per_solids: param(
    5,
    'kg/kg',
    0.5,
    50,
    'leach water per kg calcine',
    'shared/domain/facts.md §4.2: hot-water leach, pulp 1:5 (NML 2021)',
    'verified',
  ),
  chromate_dissolution: param(0.99, '-', 0, 1, 'fraction of Na2CrO4 dissolved', 'assumed'),
  residue_liquor_per_solids: param(
    0.3,
    'kg/kg',
    0,
    5,
    'liquor entrained by the washed residue per kg residue solids',
    'assumed',
  ),
  solids_carryover: param(
    0.002,
    '-',
    0,
    0.2,
    'fraction of insoluble solids carried into the clarified liquor',
    'assumed',
  ),
  leach_T_K: param(353.15, 'K', 298.15, 373.15, 'leach temperature', 'assumed (hot-water leach)'),
};

/**
 * Hot-water leach of the roasted calcine: Na2CrO4 (fraction) and Na2CO3 dissolve into the
 * water (`H2O(aq)`); insolubles form the residue, which entrains liquor
 * (residue_liquor_per_solids) and loses a small carry-over of fines to the liquor.
 * Energy: inlets at their temperatures, outlets at leach_T_K; surplus heat (hot calcine) is
 * lost as vapour/cooling, a deficit is supplied as heat (steam).
 * Demand for the runner: water [kg/h].
 */
export const waterLeach: UnitKind<typeof params> = {
  kind: 'chromate-water-leach',
  title: 'Water leach of roasted chromite calcine',
  inlets: ['calcine', 'water'],
  outlets: ['liquor', 'residue'],
  params,
  reagents: [],
  stateSize: 0,
  references: ['NML 2021 https://eprints.nmlindia.org/8377/ (hot-water leach, pulp 1:5)'],
  results: {
    aux_power_kW: AUX_POWER_RESULT,
    demand_water_kg_per_h: { unit: 'kg/h', description: 'leach water the pulp density needs' },
  },
  energy: true,
  design: tankAndFilterDesign('chromate-water-leach', ['liquor', 'residue'], 'residue'),

  solve(inlets, p, ctx, out) {
    const m = ctx.model;
    const [cal, wat] = inlets;
    const [liq, res] = out.outlets;
    if (!cal || !wat || !liq || !res) return;
    // dissolve
    for (let i = 0; i < m.nComp; i++) {
      liq.flow[i] = wat.flow[i] ?? 0;
      res.flow[i] = cal.flow[i] ?? 0;
    }
    for (const [s, aq] of SOLUBLE) {
      const f = s === 'Na2CrO4(s)' ? p.chromate_dissolution : 1;
      const x = f * kg(m, res, s);
      addKg(m, res, s, -x);
      addKg(m, liq, aq, x);
    }
    // fines carry-over of the remaining solids
    const resSolids = total(res);
    for (let i = 0; i < m.nComp; i++) {
      const x = p.solids_carryover * (res.flow[i] ?? 0);
      res.flow[i] = (res.flow[i] ?? 0) - x;
      liq.flow[i] = (liq.flow[i] ?? 0) + x;
    }
    // liquor entrained by the residue (same composition as the liquor's dissolved part + water)
    const liquorMass = total(liq);
    const f =
      liquorMass > 0
        ? Math.min(
            1,
            (p.residue_liquor_per_solids * resSolids * (1 - p.solids_carryover)) / liquorMass,
          )
        : 0;
    for (const n of ['H2O(aq)', 'Na2CrO4(aq)', 'Na2CO3(aq)']) {
      const x = f * kg(m, liq, n);
      addKg(m, liq, n, -x);
      addKg(m, res, n, x);
    }
    liq.T_K = p.leach_T_K;
    res.T_K = p.leach_T_K;
    const H_in = enthalpy_kW(m, cal) + enthalpy_kW(m, wat);
    const H_out = enthalpy_kW(m, liq) + enthalpy_kW(m, res);
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
