import { addAuxiliaryPower, AUX_POWER_RESULT, auxPowerParam, massOf } from './auxiliary-power.js';
import { param } from '../../params.js';
import { tankAndFilterDesign } from '../../design/tank-and-filter.js';
import type { UnitKind } from '../../unit.js';
import {
  addKg,
  firedHeat,
  kg,
  mol,
  molarMassOf,
  naturalGasAvailableHeat,
  total,
  writeEnergy,
} from './common.js';
import {
  enthalpyWithHandbook_kW,
  REAGENT_ACTIVE_FRACTION,
  REDUCTANT_MOL_PER_MOL_CR,
  REDUCTANT_SPECIES,
  reductantOf,
  reduceChromate,
} from './cr6-reduction.js';

const PYROLYSIS =
  '"Remediation of lime-free roasting COPR by water leaching and pyrolysis", Environ. Technol. (abstract) https://discovery.researcher.life/article/remediation-of-limefree-roasting-chromite-ore-processing-residue-copr-by-water-leaching-and-pyrolysis-process/db1efee6632f3213aa68ffbfca1f928f';

const params = {
  aux_power_kWh_per_t: auxPowerParam('cr6-residue-detox'),
  reductant: param(
    0,
    '-',
    0,
    2,
    'reductant: 0 ferrous sulphate, 1 sodium sulphide, 2 carbon (pyrolysis); route key `detox_reductant`',
    'flowsheet choice',
  ),
  reductant_excess: param(
    2,
    '-',
    1,
    10,
    'reductant charged / stoichiometric reductant for the Cr(VI) reduced',
    'assumed: COPR reduction is diffusion-limited (Cr(VI) locked in the residue grains) and runs with several times the stoichiometric reductant (the pyrolysis route of the cited study adds 20 % sawdust); no industrial excess in the stored sources',
  ),
  treated_cr6_mg_per_kg: param(
    3.7,
    'mg/kg',
    0,
    10000,
    'Cr(VI) left in the treated residue (dry)',
    `${PYROLYSIS}: 3.7 mg/kg after water leaching and pyrolysis at 500 °C`,
    'verified',
  ),
  pyrolysis_T_K: param(
    773.15,
    'K',
    500,
    1200,
    'treated residue discharge temperature of the carbon (pyrolysis) route',
    `${PYROLYSIS}: 500 °C, 25 min`,
    'verified',
  ),
  shell_loss_fraction: param(
    0.15,
    '-',
    0,
    0.9,
    'fraction of the fired heat lost (carbon route)',
    'assumed',
  ),
  flue_T_K: param(773.15, 'K', 298.15, 1500, 'burner flue-gas exit temperature', 'assumed'),
  burner_air_excess: param(1.1, '-', 1, 3, 'burner air excess ratio λ', 'assumed'),
};

const INLETS = ['residue', 'ferrous-sulphate', 'sodium-sulphide', 'carbon', 'alkali'] as const;

/**
 * Detoxification of the chromate leach residue: its Cr(VI) (sodium chromate) is reduced to
 * Cr(III) down to `treated_cr6_mg_per_kg` of the dry residue with the chosen reductant
 * (chemistry in cr6-reduction.ts): ferrous sulphate (FeSO4·7H2O, with soda ash for the
 * neutralisation beyond the residue's own alkali) or sodium sulphide (60 % flakes) in the wet
 * cake at its temperature, or carbon in a pyrolysis kiln at `pyrolysis_T_K` (the cake's water
 * leaves as vapour; the heat is fired with natural gas). The treated residue goes to stabilisation
 * and hazardous-waste disposal (priced per t in the opex).
 * Energy: H of the inlets and outlets (database species at their temperature, FeSO4 and Na2S at
 * their 298 K formation enthalpy); wet routes lose the reaction heat, the carbon route is fired.
 * Demands for the runner: each reagent [kg/h] (zero for the ones not chosen).
 */
export const cr6ResidueDetox: UnitKind<typeof params> = {
  kind: 'cr6-residue-detox',
  title: 'Cr(VI) residue detoxification (reduction to Cr(III))',
  inlets: [...INLETS],
  outlets: ['treated', 'offgas'],
  params,
  reagents: [],
  stateSize: 0,
  references: [
    `Pyrolytic reduction and treated-residue Cr(VI): ${PYROLYSIS}`,
    'Pyrolysis with straw, 3,400 → < 30 mg/kg Cr(VI) at 600 °C: Zhang et al., Chemosphere 77 (2009) 1143, doi:10.1016/j.chemosphere.2009.08.023',
  ],
  results: {
    aux_power_kW: AUX_POWER_RESULT,
    cr6_in_kg_per_h: { unit: 'kg/h', description: 'Cr(VI) in the residue received' },
    cr6_reduced_kg_per_h: { unit: 'kg/h', description: 'Cr(VI) reduced to Cr(III)' },
    cr6_left_kg_per_h: { unit: 'kg/h', description: 'Cr(VI) left in the treated residue' },
    natural_gas_LHV_kW: { unit: 'kW', description: 'natural gas fired (carbon route)' },
    demand_ferrous_sulphate_kg_per_h: { unit: 'kg/h', description: 'FeSO4·7H2O needed' },
    demand_sodium_sulphide_kg_per_h: { unit: 'kg/h', description: 'sodium sulphide flakes needed' },
    demand_carbon_kg_per_h: { unit: 'kg/h', description: 'carbon needed' },
    demand_alkali_kg_per_h: { unit: 'kg/h', description: 'soda ash for the neutralisation' },
  },
  energy: true,
  design: tankAndFilterDesign('cr6-residue-detox', ['treated', 'offgas'], 'treated'),

  solve(inlets, p, ctx, out) {
    const m = ctx.model;
    const [res] = inlets;
    const [tr, gas] = out.outlets;
    if (!res || !tr || !gas) return;
    for (const s of inlets)
      for (let i = 0; i < m.nComp; i++) tr.flow[i] = (tr.flow[i] ?? 0) + (s.flow[i] ?? 0);
    const r = reductantOf(p.reductant);
    const wet = r !== 'carbon';
    tr.T_K = wet ? res.T_K : p.pyrolysis_T_K;
    gas.T_K = tr.T_K;
    if (wet) {
      // the soda ash for the neutralisation dissolves in the cake's water
      const c = kg(m, tr, 'Na2CO3(s)');
      addKg(m, tr, 'Na2CO3(s)', -c);
      addKg(m, tr, 'Na2CO3(aq)', c);
    } else {
      const w = kg(m, tr, 'H2O(aq)');
      addKg(m, tr, 'H2O(aq)', -w);
      addKg(m, gas, 'H2O(g)', w);
    }
    const mCr = molarMassOf(m, 'Cr(s)');
    const cr6In = mol(m, res, 'Na2CrO4(aq)') + mol(m, res, 'Na2CrO4(s)');
    // dry mass of the treated residue ≈ the received residue's dry mass
    const dry = total(res) - kg(m, res, 'H2O(aq)');
    const left = (p.treated_cr6_mg_per_kg * 1e-6 * dry) / mCr;
    const want = Math.max(0, cr6In - left);
    const x = reduceChromate(m, tr, gas, r, want, wet);
    const H_in = inlets.reduce((h, s) => h + enthalpyWithHandbook_kW(m, s), 0);
    const H_out = enthalpyWithHandbook_kW(m, tr) + enthalpyWithHandbook_kW(m, gas);
    const e = firedHeat(H_in, H_out, wet ? 0 : p.shell_loss_fraction);
    writeEnergy(out, e);
    const d = out.diagnostics;
    d.cr6_in_kg_per_h = cr6In * mCr;
    d.cr6_reduced_kg_per_h = x * mCr;
    d.cr6_left_kg_per_h = (cr6In - x) * mCr;
    d.natural_gas_LHV_kW =
      e.heat_in_kW / naturalGasAvailableHeat(p.flue_T_K, p.burner_air_excess).alpha;
    const need = (name: typeof r): number =>
      name === r
        ? (p.reductant_excess *
            REDUCTANT_MOL_PER_MOL_CR[r] *
            want *
            molarMassOf(m, REDUCTANT_SPECIES[r])) /
          REAGENT_ACTIVE_FRACTION[r]
        : 0;
    d.demand_ferrous_sulphate_kg_per_h = need('ferrous-sulphate');
    d.demand_sodium_sulphide_kg_per_h = need('sodium-sulphide');
    d.demand_carbon_kg_per_h = need('carbon');
    const alkali = mol(m, res, 'Na2O(aq)') + mol(m, res, 'Na2CO3(aq)') + mol(m, res, 'Na2CO3(s)');
    d.demand_alkali_kg_per_h =
      r === 'ferrous-sulphate' ? Math.max(0, 2 * want - alkali) * molarMassOf(m, 'Na2CO3(s)') : 0;
    addAuxiliaryPower(out, p.aux_power_kWh_per_t, massOf([res]));
  },
};
