import { addAuxiliaryPower, AUX_POWER_RESULT, auxPowerParam, massOf } from './auxiliary-power.js';
import { param } from '../../params.js';
import { designBasis } from '../../design/basis.js';
import { firedHeat_MW } from './fired-heat.js';
import { port, solids_t_per_h } from '../../design/measures.js';
import type { UnitKind } from '../../unit.js';
import {
  AIR_KG_PER_MOL_O2,
  addMol,
  enthalpy_kW,
  firedHeat,
  mol,
  naturalGasAvailableHeat,
  writeEnergy,
  molarMassOf,
} from './common.js';

const params = {
  aux_power_kWh_per_t: auxPowerParam('chromate-sulfur-calciner'),
  reduction_extent: param(0.99, '-', 0, 1, 'fraction of the chromate reduced to Cr2O3', 'assumed'),
  sulfur_excess: param(1.05, '-', 0, 3, 'sulfur charged / stoichiometric sulfur', 'assumed'),
  air_excess: param(1.5, '-', 1, 10, 'air O2 / O2 needed to burn the excess sulfur', 'assumed'),
  calcine_T_K: param(
    1273.15,
    'K',
    1100,
    1400,
    'calcination temperature',
    'calcine 900–1,070 °C: kraska.biz (Ullmann-type text on chromium compounds) https://kraska.biz/?p=5559',
    'verified',
  ),
  offgas_T_K: param(773.15, 'K', 298.15, 1400, 'off-gas exit temperature', 'assumed'),
  shell_loss_fraction: param(
    0.15,
    '-',
    0,
    0.9,
    'fraction of the fired heat lost through the shell',
    'assumed',
  ),
  flue_T_K: param(773.15, 'K', 298.15, 1500, 'burner flue-gas exit temperature', 'assumed'),
  burner_air_excess: param(1.1, '-', 1, 3, 'burner air excess ratio λ', 'assumed'),
};

/**
 * Reduction of sodium chromate with sulfur and calcination to Cr2O3, written for the chromate
 * itself (no dichromate step; Na2Cr2O7 is not in the thermo database):
 *   2Na2CrO4 + S → Cr2O3 + Na2SO4 + Na2O          (Cr(VI) → Cr(III), S(0) → S(VI))
 * extent = min(reduction_extent, S available); excess sulfur burns, S + O2 → SO2, with air.
 * Sulfur demand 32.06/151.99 = 0.211 kg per kg Cr2O3 at 1.0 × stoichiometry, as with
 * dichromate (0.21, kraska.biz). Heat balance as the kiln (fired heat, shell loss, CH4).
 * Demands: sulfur, air [kg/h].
 */
export const sulfurCalciner: UnitKind<typeof params> = {
  kind: 'chromate-sulfur-calciner',
  title: 'Sulfur reduction of sodium chromate and calcination to Cr2O3',
  inlets: ['crystals', 'sulfur', 'air'],
  outlets: ['calcine', 'offgas'],
  params,
  reagents: [],
  stateSize: 0,
  references: ['kraska.biz (Ullmann-type text on chromium compounds) https://kraska.biz/?p=5559'],
  results: {
    aux_power_kW: AUX_POWER_RESULT,
    natural_gas_LHV_kW: { unit: 'kW', description: 'natural gas fired (lower heating value)' },
    reduced_fraction: { unit: '1', description: 'share of the chromate reduced to Cr2O3' },
    demand_sulfur_kg_per_h: { unit: 'kg/h', description: 'sulfur the reduction needs' },
    demand_air_kg_per_h: { unit: 'kg/h', description: 'air to burn the excess sulfur' },
  },
  energy: true,
  design: {
    basis: designBasis('chromate-sulfur-calciner'),
    results: {
      feed_t_per_h: { unit: 't/h', description: 'solids fed (dry)' },
      kiln_volume_m3: {
        unit: 'm3',
        description: 'inner volume for the design residence time and fill',
      },
      fired_heat_MW: { unit: 'MW', description: 'heat fired by the burners' },
    },
    size(u) {
      const q = solids_t_per_h(
        u.model,
        ['crystals', 'sulfur'].map((p) => port(['crystals', 'sulfur', 'air'], u.inlets, p)),
      );
      const b = u.basis;
      return {
        feed_t_per_h: q,
        kiln_volume_m3:
          (q * (b.residence_h ?? NaN)) /
          ((b.bulk_density_t_per_m3 ?? NaN) * (b.fill_fraction ?? NaN)),
        fired_heat_MW: firedHeat_MW(u),
      };
    },
  },

  solve(inlets, p, ctx, out) {
    const m = ctx.model;
    const [cal, gas] = out.outlets;
    if (!cal || !gas) return;
    for (const s of inlets)
      for (let i = 0; i < m.nComp; i++) cal.flow[i] = (cal.flow[i] ?? 0) + (s.flow[i] ?? 0);
    for (const g of ['O2(g)', 'N2(g)']) {
      addMol(m, gas, g, mol(m, cal, g));
      addMol(m, cal, g, -mol(m, cal, g));
    }
    const chromate = mol(m, cal, 'Na2CrO4(s)');
    const s = mol(m, cal, 'S(s)');
    const x = Math.min((p.reduction_extent * chromate) / 2, s);
    addMol(m, cal, 'Na2CrO4(s)', -2 * x);
    addMol(m, cal, 'S(s)', -x);
    addMol(m, cal, 'Cr2O3(s)', x);
    addMol(m, cal, 'Na2SO4(s)', x);
    addMol(m, cal, 'Na2O(s)', x);
    const sLeft = s - x;
    const burn = Math.min(sLeft, mol(m, gas, 'O2(g)'));
    addMol(m, cal, 'S(s)', -burn);
    addMol(m, gas, 'O2(g)', -burn);
    addMol(m, gas, 'SO2(g)', burn);
    cal.T_K = p.calcine_T_K;
    gas.T_K = p.offgas_T_K;
    let H_in = 0;
    for (const st of inlets) H_in += enthalpy_kW(m, st);
    const e = firedHeat(H_in, enthalpy_kW(m, cal) + enthalpy_kW(m, gas), p.shell_loss_fraction);
    writeEnergy(out, e);
    const d = out.diagnostics;
    d.natural_gas_LHV_kW =
      e.heat_in_kW / naturalGasAvailableHeat(p.flue_T_K, p.burner_air_excess).alpha;
    d.reduced_fraction = chromate > 0 ? (2 * x) / chromate : 0;
    const sNeed = (p.reduction_extent * chromate) / 2;
    d.demand_sulfur_kg_per_h = p.sulfur_excess * sNeed * molarMassOf(m, 'S(s)');
    d.demand_air_kg_per_h = p.air_excess * (p.sulfur_excess - 1) * sNeed * AIR_KG_PER_MOL_O2;
    addAuxiliaryPower(out, p.aux_power_kWh_per_t, massOf(inlets.slice(0, 2)));
  },
};
