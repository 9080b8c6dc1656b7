import { addAuxiliaryPower, AUX_POWER_RESULT, auxPowerParam, massOf } from './auxiliary-power.js';
import { param } from '../../params.js';
import { designBasis } from '../../design/basis.js';
import { firedHeat_MW } from './fired-heat.js';
import { port, solids_t_per_h } from '../../design/measures.js';
import type { UnitKind } from '../../unit.js';
import {
  addKg,
  kg,
  addMol,
  enthalpy_kW,
  firedHeat,
  mol,
  naturalGasAvailableHeat,
  writeEnergy,
  AIR_KG_PER_MOL_O2,
  molarMassOf,
} from './common.js';

/** Salts of the recycled residue's liquor that dry back to solids in the kiln. */
const DRIED_SALTS = ['Na2CrO4', 'Na2CO3'] as const;
const params = {
  aux_power_kWh_per_t: auxPowerParam('soda-roast-kiln'),
  conversion: param(
    0.71,
    '-',
    0,
    1,
    'fraction of the kiln mix Cr (fresh and recycled) oxidised to Na2CrO4 per pass',
    'derived: calibrated so that the residue bled from the default calcium-free loop (residue-split 0.6) carries the 12.2 % Cr2O3 of industrial lime-free COPR ("Remediation of lime-free roasting COPR…", Environ. Technol., abstract, https://discovery.researcher.life/article/remediation-of-limefree-roasting-chromite-ore-processing-residue-copr-by-water-leaching-and-pyrolysis-process/db1efee6632f3213aa68ffbfca1f928f); single-pass soda roasts give 85–97 % (IMMT 2021 http://ore.immt.res.in/handle/2018/3249 ; Prasad et al., Trans. Indian Inst. Met. 74 (2021) 2221), which the lime-filler key keeps (0.9)',
    'derived',
  ),
  soda_excess: param(
    1.1,
    '-',
    0,
    3,
    'Na2CO3 in the kiln mix (make-up + recycled) / stoichiometric Na2CO3 for the Cr of the fresh concentrate',
    'assumed: industrial single roasts run near or slightly above the stoichiometric soda (US 4,162,295 A: the lime-free double roast charges 40–45 % + 45–55 % of stoichiometric in its two roasts, i.e. 85–100 % in all); no single-roast figure in the stored sources',
  ),
  lime_per_feed: param(
    0,
    'kg/kg',
    0,
    5,
    'lime (CaO) filler per kg concentrate (0: calcium-free roast; route key `roast: lime-filler` sets 0.8)',
    'calcium-free roasting, the route of the Chinese chromium-salt industry since the end of 2013 (MIIT chromium-salt industry plan; "Remediation of lime-free roasting COPR…", Environ. Technol.: lime-free roasting "has become the dominant method")',
    'verified',
  ),
  air_excess: param(2, '-', 1, 10, 'air O2 / O2 needed by the roast reactions', 'assumed'),
  calcine_T_K: param(
    1398.15,
    'K',
    900,
    1500,
    'calcine discharge temperature (roast temperature)',
    'Chinese design code for ferroalloy plants, chromium-metal shop §4.2.3 (jianbiaoku.com/webarbs/book/62740/1393503.shtml): oxidising roast of chromite at a material temperature of 1,100–1,150 °C (mid-point 1,125 °C); US 4,162,295 A: roasts "at temperatures of around 1150 °C"',
    'verified',
  ),
  offgas_T_K: param(773.15, 'K', 298.15, 1400, 'kiln off-gas exit temperature', 'assumed'),
  shell_loss_fraction: param(
    0.15,
    '-',
    0,
    0.9,
    'fraction of the fired heat lost through the shell',
    'assumed',
  ),
  flue_T_K: param(
    773.15,
    'K',
    298.15,
    1500,
    'burner flue-gas exit temperature (available heat of the gas)',
    'assumed',
  ),
  burner_air_excess: param(1.1, '-', 1, 3, 'burner air excess ratio λ', 'assumed'),
};

/**
 * Rotary kiln, oxidative soda-ash roast of chromite: calcium-free (recycled leach residue as the
 * diluent, port `recycle`; the default) or with a lime filler (`lime_per_feed` > 0, obsolete in
 * China since 2013). The recycled residue and the recycled crystalliser mother liquor (port
 * `mother`, soda recovery) are dried in the kiln: their water leaves as vapour and their
 * dissolved salts (`X(aq)`) re-enter the calcine as solids (`X(s)`).
 *
 * Reactions (extent ξ = min(conversion, soda available, O2 available) on every Cr spinel):
 *   4FeCr2O4 + 8Na2CO3 + 7O2 → 8Na2CrO4 + 2Fe2O3 + 8CO2
 *   2MgCr2O4 + 4Na2CO3 + 3O2 → 4Na2CrO4 + 2MgO + 4CO2
 *   2Cr2O3 + 4Na2CO3 + 3O2 → 4Na2CrO4 + 4CO2;   then 4FeO + O2 → 2Fe2O3 with the O2 left.
 * Everything else (lime, MgO, Al2O3, SiO2, unreacted soda) stays in the calcine; CO2, N2 and
 * unused O2 (and the feed's moisture as vapour, its CO2) leave as off-gas. Heat: Q = H(calcine, T_calcine) + H(off-gas, T_gas) − H(inlets),
 * fired heat = Q / (1 − shell loss); natural gas (CH4, LHV) = fired heat / available-heat
 * fraction at the flue temperature (common.ts). Flue gas is outside the process balance.
 * The roast reactions act on all the Cr spinel of the mix (fresh and recycled). Soda make-up:
 * soda_excess × the stoichiometric soda of the fresh concentrate's Cr less the Na2CO3 that
 * comes back with the recycles (≥ 0).
 * Demands for the runner (diagnostics): soda, lime, air [kg/h].
 */
export const sodaRoastKiln: UnitKind<typeof params> = {
  kind: 'soda-roast-kiln',
  title: 'Rotary kiln: oxidative soda-ash roast of chromite',
  inlets: ['feed', 'soda', 'lime', 'air', 'recycle', 'mother'],
  outlets: ['calcine', 'offgas'],
  params,
  reagents: [],
  stateSize: 0,
  references: [
    'Reaction: nowa-cl Chromium processing http://nowa-cl.com/index.php?oldid=2473&title=Chromium_processing',
    'Roast temperature 1,100–1,150 °C: Chinese design code, chromium-metal shop §4.2.3 http://www.jianbiaoku.com/webarbs/book/62740/1393503.shtml',
    'Lime-free roast with recycled residue: US 4,162,295 A (Allied Chemical, 1979) https://patents.google.com/patent/US4162295A/en',
    'Conversion: IMMT 2021 http://ore.immt.res.in/handle/2018/3249 ; NML 2021 https://eprints.nmlindia.org/8377/',
  ],
  results: {
    aux_power_kW: AUX_POWER_RESULT,
    conversion_achieved: {
      unit: '1',
      description: 'share of the chromite Cr converted to Na2CrO4',
    },
    natural_gas_LHV_kW: { unit: 'kW', description: 'natural gas fired (lower heating value)' },
    demand_soda_kg_per_h: { unit: 'kg/h', description: 'soda ash the roast needs' },
    demand_lime_kg_per_h: { unit: 'kg/h', description: 'lime filler the roast needs' },
    demand_air_kg_per_h: { unit: 'kg/h', description: 'roasting air the roast needs' },
    recycle_soda_kg_per_h: {
      unit: 'kg/h',
      description:
        'Na2CO3 returned with the recycled residue and mother liquor (credited to the soda make-up)',
    },
  },
  energy: true,
  design: {
    basis: designBasis('soda-roast-kiln'),
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
        ['feed', 'soda', 'lime', 'recycle'].map((p) =>
          port(['feed', 'soda', 'lime', 'air', 'recycle', 'mother'], u.inlets, p),
        ),
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
    const [calcine, gas] = out.outlets;
    if (!calcine || !gas) return;
    for (const s of inlets)
      for (let i = 0; i < m.nComp; i++) calcine.flow[i] = (calcine.flow[i] ?? 0) + (s.flow[i] ?? 0);
    // gases to the off-gas
    for (const g of ['O2(g)', 'N2(g)', 'CO2(g)']) {
      addMol(m, gas, g, mol(m, calcine, g));
      addMol(m, calcine, g, -mol(m, calcine, g));
    }
    // the recycled residue's liquor dries: dissolved salts back to solids
    let recycleSoda = 0;
    for (const r of inlets.slice(4)) recycleSoda += kg(m, r, 'Na2CO3(aq)');
    for (const salt of DRIED_SALTS) {
      const x = kg(m, calcine, `${salt}(aq)`);
      addKg(m, calcine, `${salt}(aq)`, -x);
      addKg(m, calcine, `${salt}(s)`, x);
    }
    // feed moisture is driven off as vapour
    const w = mol(m, calcine, 'H2O(aq)');
    addMol(m, gas, 'H2O(g)', w);
    addMol(m, calcine, 'H2O(aq)', -w);
    const fc = mol(m, calcine, 'FeCr2O4(s)');
    const mc = mol(m, calcine, 'MgCr2O4(s)');
    const cr = mol(m, calcine, 'Cr2O3(s)');
    const feo = mol(m, calcine, 'FeO(s)');
    const soda = mol(m, calcine, 'Na2CO3(s)');
    const o2 = mol(m, gas, 'O2(g)');
    const sodaFull = 2 * (fc + mc + cr);
    const o2Full = 1.75 * fc + 1.5 * mc + 1.5 * cr;
    let x = p.conversion;
    if (sodaFull > 0) x = Math.min(x, soda / sodaFull);
    if (o2Full > 0) x = Math.min(x, o2 / o2Full);
    addMol(m, calcine, 'FeCr2O4(s)', -x * fc);
    addMol(m, calcine, 'MgCr2O4(s)', -x * mc);
    addMol(m, calcine, 'Cr2O3(s)', -x * cr);
    addMol(m, calcine, 'Na2CO3(s)', -x * sodaFull);
    addMol(m, calcine, 'Na2CrO4(s)', x * sodaFull);
    addMol(m, calcine, 'Fe2O3(s)', 0.5 * x * fc);
    addMol(m, calcine, 'MgO(s)', x * mc);
    addMol(m, gas, 'O2(g)', -x * o2Full);
    addMol(m, gas, 'CO2(g)', x * sodaFull);
    const o2Left = o2 - x * o2Full;
    const y = feo > 0 ? Math.min(1, (4 * o2Left) / feo) : 0;
    addMol(m, calcine, 'FeO(s)', -y * feo);
    addMol(m, calcine, 'Fe2O3(s)', 0.5 * y * feo);
    addMol(m, gas, 'O2(g)', -0.25 * y * feo);
    calcine.T_K = p.calcine_T_K;
    gas.T_K = p.offgas_T_K;
    let H_in = 0;
    for (const s of inlets) H_in += enthalpy_kW(m, s);
    const e = firedHeat(H_in, enthalpy_kW(m, calcine) + enthalpy_kW(m, gas), p.shell_loss_fraction);
    writeEnergy(out, e);
    const ng = naturalGasAvailableHeat(p.flue_T_K, p.burner_air_excess);
    const d = out.diagnostics;
    d.conversion_achieved = x;
    d.natural_gas_LHV_kW = e.heat_in_kW / ng.alpha;
    let feedMass = 0;
    const f0 = inlets[0];
    if (f0) for (const v of f0.flow) feedMass += v;
    const freshSoda = f0
      ? 2 * (mol(m, f0, 'FeCr2O4(s)') + mol(m, f0, 'MgCr2O4(s)') + mol(m, f0, 'Cr2O3(s)'))
      : 0;
    d.recycle_soda_kg_per_h = recycleSoda;
    d.demand_soda_kg_per_h = Math.max(
      0,
      p.soda_excess * freshSoda * molarMassOf(m, 'Na2CO3(s)') - recycleSoda,
    );
    d.demand_lime_kg_per_h = p.lime_per_feed * feedMass;
    d.demand_air_kg_per_h = p.air_excess * (p.conversion * o2Full + 0.25 * feo) * AIR_KG_PER_MOL_O2;
    addAuxiliaryPower(
      out,
      p.aux_power_kWh_per_t,
      massOf(inlets.slice(0, 3)) + massOf(inlets.slice(4)),
    );
  },
};
