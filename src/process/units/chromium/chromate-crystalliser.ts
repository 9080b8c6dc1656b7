import { addAuxiliaryPower, AUX_POWER_RESULT, auxPowerParam, massOf } from './auxiliary-power.js';
import { param } from '../../params.js';
import { designBasis } from '../../design/basis.js';
import { port, solids_t_per_h } from '../../design/measures.js';
import { totalMass_kg_per_h } from '../../stream.js';
import type { UnitKind } from '../../unit.js';
import { addKg, enthalpy_kW, kg, writeEnergy } from './common.js';

const params = {
  aux_power_kWh_per_t: auxPowerParam('chromate-crystalliser'),
  chromate_recovery: param(
    0.98,
    '-',
    0,
    1,
    'fraction of dissolved Na2CrO4 crystallised (rest stays in the mother liquor)',
    'assumed',
  ),
  mother_water_fraction: param(
    0.05,
    '-',
    0,
    1,
    'fraction of the water left in the mother liquor',
    'assumed',
  ),
  T_K: param(
    373.15,
    'K',
    330,
    400,
    'evaporation / crystal discharge temperature',
    'assumed (atmospheric boiling)',
  ),
  steam_economy: param(
    2.5,
    'kg/kg',
    0.5,
    6,
    'kg water evaporated per kg live steam (multiple-effect)',
    'assumed',
  ),
  boiler_efficiency: param(
    0.85,
    '-',
    0.3,
    1,
    'boiler efficiency, natural gas LHV → steam',
    'assumed',
  ),
};

/**
 * Evaporative crystalliser: water leaves as vapour `H2O(g)` (except the mother-liquor share),
 * Na2CrO4 crystallises (chromate_recovery); Na2CO3 stays in the mother liquor (bled; in plant
 * practice recycled to the kiln mix, not modelled); suspended fines report to the crystals.
 * Energy on the single-effect basis: heat_in = H(crystals, mother, vapour at T) − H(liquor);
 * natural gas = heat_in / (steam economy · boiler efficiency) (multiple-effect reuse of the
 * vapour's latent heat; the process-side balance closes with heat_in).
 */
export const chromateCrystalliser: UnitKind<typeof params> = {
  kind: 'chromate-crystalliser',
  title: 'Evaporative crystalliser for sodium chromate',
  inlets: ['liquor'],
  outlets: ['crystals', 'vapour', 'mother'],
  params,
  reagents: [],
  stateSize: 0,
  references: [
    'Flowsheet (leach → crystallisation of Na2CrO4 → dichromate): nowa-cl, “Chromium processing” http://nowa-cl.com/index.php?oldid=2473&title=Chromium_processing ; figures assumed.',
  ],
  results: {
    aux_power_kW: AUX_POWER_RESULT,
    natural_gas_LHV_kW: {
      unit: 'kW',
      description: 'natural gas fired for the steam (lower heating value)',
    },
  },
  energy: true,
  design: {
    basis: designBasis('chromate-crystalliser'),
    results: {
      evaporation_t_per_h: { unit: 't/h', description: 'water evaporated' },
      crystals_t_per_h: { unit: 't/h', description: 'crystals produced (dry)' },
    },
    size: (u) => ({
      evaporation_t_per_h:
        totalMass_kg_per_h(port(['crystals', 'vapour', 'mother'], u.outlets, 'vapour')) / 1000,
      crystals_t_per_h: solids_t_per_h(u.model, [
        port(['crystals', 'vapour', 'mother'], u.outlets, 'crystals'),
      ]),
    }),
  },
  solve(inlets, p, ctx, out) {
    const m = ctx.model;
    const [liq] = inlets;
    const [cry, vap, mot] = out.outlets;
    if (!liq || !cry || !vap || !mot) return;
    for (let i = 0; i < m.nComp; i++) cry.flow[i] = m.isSolid[i] === 1 ? (liq.flow[i] ?? 0) : 0;
    const w = kg(m, liq, 'H2O(aq)');
    addKg(m, vap, 'H2O(g)', (1 - p.mother_water_fraction) * w);
    addKg(m, mot, 'H2O(aq)', p.mother_water_fraction * w);
    const cr = kg(m, liq, 'Na2CrO4(aq)');
    addKg(m, cry, 'Na2CrO4(s)', p.chromate_recovery * cr);
    addKg(m, mot, 'Na2CrO4(aq)', (1 - p.chromate_recovery) * cr);
    addKg(m, mot, 'Na2CO3(aq)', kg(m, liq, 'Na2CO3(aq)'));
    cry.T_K = p.T_K;
    vap.T_K = p.T_K;
    mot.T_K = p.T_K;
    const H_in = enthalpy_kW(m, liq);
    const H_out = enthalpy_kW(m, cry) + enthalpy_kW(m, vap) + enthalpy_kW(m, mot);
    const Q = H_out - H_in;
    writeEnergy(out, {
      H_in_kW: H_in,
      H_out_kW: H_out,
      electric_kW: 0,
      heat_in_kW: Math.max(Q, 0),
      heat_loss_kW: Math.max(-Q, 0),
    });
    out.diagnostics.natural_gas_LHV_kW = Math.max(Q, 0) / (p.steam_economy * p.boiler_efficiency);
    addAuxiliaryPower(out, p.aux_power_kWh_per_t, massOf(out.outlets.slice(0, 1)));
  },
};
