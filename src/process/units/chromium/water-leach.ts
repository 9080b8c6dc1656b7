import { addAuxiliaryPower, AUX_POWER_RESULT, auxPowerParam, massOf } from './auxiliary-power.js';
import { param } from '../../params.js';
import { tankAndFilterDesign } from '../../design/tank-and-filter.js';
import type { UnitKind } from '../../unit.js';
import { addKg, enthalpy_kW, kg, molarMassOf, total, writeEnergy } from './common.js';

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
    'hot-water leach at a pulp density of 1:5: Prasad et al., Trans. Indian Inst. Met. 74 (2021) 2221 https://eprints.nmlindia.org/8377/',
    'verified',
  ),
  residue_cr6_mg_per_kg: param(
    1130,
    'mg/kg',
    0,
    100000,
    'Cr(VI) left in the washed leach residue (dry) as sodium chromate (entrained liquor and locked chromate)',
    'industrial lime-free roasting residue (COPR): 1,130 mg/kg Cr(VI), 12.2 % Cr2O3 — "Remediation of lime-free roasting chromite ore processing residue (COPR) by water leaching and pyrolysis process", Environ. Technol. (abstract) https://discovery.researcher.life/article/remediation-of-limefree-roasting-chromite-ore-processing-residue-copr-by-water-leaching-and-pyrolysis-process/db1efee6632f3213aa68ffbfca1f928f ; route key `roast: lime-filler` sets 3,400 mg/kg (high-lime COPR, Zhang et al., Chemosphere 77 (2009) 1143, doi:10.1016/j.chemosphere.2009.08.023)',
    'verified',
  ),
  residue_liquor_per_solids: param(
    0.3,
    'kg/kg',
    0,
    5,
    "water entrained by the washed residue per kg residue solids (with the liquor's Na2CO3)",
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
 * Hot-water leach of the roasted calcine: Na2CrO4 and Na2CO3 dissolve into the water
 * (`H2O(aq)`); insolubles form the residue, which entrains water with its share of the
 * liquor's Na2CO3 (residue_liquor_per_solids) and loses a small carry-over of fines to the
 * liquor. The residue keeps the Cr(VI) of a washed industrial residue (residue_cr6_mg_per_kg of
 * its dry mass, as Na2CrO4(aq)), or all the liquor's chromate if there is less.
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
  references: [
    'NML 2021 https://eprints.nmlindia.org/8377/ (hot-water leach, pulp 1:5)',
    'Lime-free COPR, 1,130 mg/kg Cr(VI): https://discovery.researcher.life/article/remediation-of-limefree-roasting-chromite-ore-processing-residue-copr-by-water-leaching-and-pyrolysis-process/db1efee6632f3213aa68ffbfca1f928f',
  ],
  results: {
    aux_power_kW: AUX_POWER_RESULT,
    demand_water_kg_per_h: { unit: 'kg/h', description: 'leach water the pulp density needs' },
    residue_cr6_kg_per_h: { unit: 'kg/h', description: 'Cr(VI) leaving with the residue' },
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
      const x = kg(m, res, s);
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
    // water entrained by the residue, with its share of the liquor's soda
    const water = kg(m, liq, 'H2O(aq)');
    const f =
      water > 0
        ? Math.min(1, (p.residue_liquor_per_solids * resSolids * (1 - p.solids_carryover)) / water)
        : 0;
    for (const n of ['H2O(aq)', 'Na2CO3(aq)']) {
      const x = f * kg(m, liq, n);
      addKg(m, liq, n, -x);
      addKg(m, res, n, x);
    }
    // Cr(VI) of the washed residue: y kg Na2CrO4 with y·r = c·(dry + y), r = Cr/Na2CrO4
    const c = p.residue_cr6_mg_per_kg * 1e-6;
    const r = molarMassOf(m, 'Cr(s)') / molarMassOf(m, 'Na2CrO4(aq)');
    const dry = total(res) - kg(m, res, 'H2O(aq)');
    const y = Math.min(kg(m, liq, 'Na2CrO4(aq)'), (c * dry) / (r - c));
    addKg(m, liq, 'Na2CrO4(aq)', -y);
    addKg(m, res, 'Na2CrO4(aq)', y);
    out.diagnostics.residue_cr6_kg_per_h = y * r;
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
