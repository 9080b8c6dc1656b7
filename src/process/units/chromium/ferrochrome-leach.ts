import { param } from '../../params.js';
import { tankAndFilterDesign } from '../../design/tank-and-filter.js';
import type { UnitKind } from '../../unit.js';
import { addMol, kg, mol, total, writeEnergy } from './common.js';
import { DH_CR_DISSOLUTION_KJ, DH_FE_DISSOLUTION_KJ } from './hydromet-enthalpies.js';
import { compileSpeciesSet } from '../../../thermo/compiled.js';

const params = {
  cr_dissolution: param(0.95, '-', 0, 1, 'fraction of the alloy Cr dissolved', 'assumed'),
  fe_dissolution: param(0.98, '-', 0, 1, 'fraction of the alloy Fe dissolved', 'assumed'),
  acid_excess: param(
    1.1,
    '-',
    0,
    3,
    'H2SO4 charged / stoichiometric H2SO4 for the dissolved Cr and Fe',
    'assumed',
  ),
  water_per_alloy: param(
    8,
    'kg/kg',
    1,
    50,
    'process water per kg alloy (electrolyte make-up)',
    'assumed',
  ),
};

/** Si + 2H2O(l) → SiO2 + 2H2, per mol Si, from the thermo database [kJ/mol] (a constant). */
const DH_SI_OXIDATION_KJ = ((): number => {
  const set = compileSpeciesSet(['Si', 'H2O(l)', 'SiO2', 'H2(g)']);
  const h = (i: number): number => set.h_J_per_mol(i, 298.15);
  return (h(2) + 2 * h(3) - h(0) - 2 * h(1)) / 1000;
})();
const dhSiOxidation_kJ = (): number => DH_SI_OXIDATION_KJ;

/**
 * Sulfuric-acid leach of crushed HC ferrochrome (first step of the chrome-alum route):
 *   2Cr + 3H2SO4 → Cr2(SO4)3 + 3H2;  Fe + H2SO4 → FeSO4 + H2;  Si + 2H2O → SiO2 + 2H2
 * (acid-limited extents; carbon and undissolved metal to the residue with the SiO2).
 * Energy on the isothermal reaction-enthalpy basis (hydromet-enthalpies.ts): H_in = 0,
 * H_out = Σ ξ ΔH_r (exothermic), heat removed by cooling = −H_out.
 * The recycled anolyte (free H2SO4, ammonium and chrome-alum sulfates) joins the solution;
 * make-up acid = acid_excess · stoichiometric + acid for the ammonium the purification must
 * make (sulfates needing ammonium − recycled (NH4)2SO4) − recycled free acid, drawn from the `acid`
 * supply inlet (an upper bound set by the runner); the rest leaves by `acid-return` (the runner
 * books supply − return as consumption). Demand: water [kg/h].
 */
export const ferrochromeLeach: UnitKind<typeof params> = {
  kind: 'ferrochrome-acid-leach',
  title: 'H2SO4 leach of HC ferrochrome',
  inlets: ['alloy', 'acid', 'water', 'recycle'],
  outlets: ['solution', 'residue', 'gas', 'acid-return'],
  params,
  reagents: [],
  stateSize: 0,
  references: [
    'National Research Council 1995, “High-Purity Chromium Metal: Supply Issues for Gas-Turbine Superalloys”, ch. 3 (electrolytic route)',
    'USBM RI 5322, “Electrowinning chromium metal” https://www.onetunnel.org/documents/ri-5322-electrowinning-chromium-metal-summary',
    'Treccani, Enciclopedia Italiana, “Cromo” (chrome-alum electrolysis, current efficiency 40–50 %) http://156.54.191.164/enciclopedia/cromo_res-5c4cf8a8-87e9-11dc-8e9d-0016357eee51_%28Enciclopedia-Italiana%29',
  ],
  results: {
    acid_supply_short_mol_per_h: {
      unit: 'mol/h',
      description: 'H2SO4 short of the demand in this pass',
    },
    demand_water_kg_per_h: { unit: 'kg/h', description: 'leach water needed' },
    cr_dissolved: { unit: '1', description: 'share of the alloy Cr dissolved' },
    H2_kg_per_h: { unit: 'kg/h', description: 'hydrogen evolved' },
  },
  energy: true,
  design: tankAndFilterDesign(
    'ferrochrome-acid-leach',
    ['solution', 'residue', 'gas', 'acid-return'],
    'residue',
  ),
  solve(inlets, p, ctx, out) {
    const m = ctx.model;
    const [sol, res, gas, ret] = out.outlets;
    const [alloy, supply] = inlets;
    if (!sol || !res || !gas || !ret || !alloy || !supply) return;
    for (let i = 0; i < m.nComp; i++) {
      res.flow[i] = alloy.flow[i] ?? 0;
      sol.flow[i] = (inlets[2]?.flow[i] ?? 0) + (inlets[3]?.flow[i] ?? 0);
    }
    const ncr = p.cr_dissolution * mol(m, res, 'Cr(s)');
    const nfe = p.fe_dissolution * mol(m, res, 'Fe(s)');
    // make-up acid drawn from the supply: acid_excess · stoichiometric − recycled free acid
    const avail = mol(m, supply, 'H2SO4(aq)');
    // plus the free acid the purification needs to make (NH4)2SO4 for the alum and the iron
    // double salt beyond the ammonium already recycled
    const ammoniumAcid = Math.max(
      0,
      mol(m, sol, 'Cr2(SO4)3(aq)') +
        ncr / 2 +
        mol(m, sol, 'FeSO4(aq)') +
        nfe -
        mol(m, sol, '(NH4)2SO4(aq)'),
    );
    const want = p.acid_excess * (1.5 * ncr + nfe) + ammoniumAcid - mol(m, sol, 'H2SO4(aq)');
    const take = Math.min(avail, Math.max(0, want));
    addMol(m, sol, 'H2SO4(aq)', take);
    addMol(m, ret, 'H2SO4(aq)', avail - take);
    out.diagnostics.acid_supply_short_mol_per_h = Math.max(0, want - avail);
    const acid = mol(m, sol, 'H2SO4(aq)');
    const need = 1.5 * ncr + nfe;
    const f = need > 0 ? Math.min(1, acid / need) : 0;
    addMol(m, res, 'Cr(s)', -f * ncr);
    addMol(m, res, 'Fe(s)', -f * nfe);
    addMol(m, sol, 'H2SO4(aq)', -f * need);
    addMol(m, sol, 'Cr2(SO4)3(aq)', (f * ncr) / 2);
    addMol(m, sol, 'FeSO4(aq)', f * nfe);
    addMol(m, gas, 'H2(g)', f * need);
    const si = mol(m, res, 'Si(s)');
    const w = mol(m, sol, 'H2O(aq)');
    const xs = Math.min(si, w / 2);
    addMol(m, res, 'Si(s)', -xs);
    addMol(m, res, 'SiO2(s)', xs);
    addMol(m, sol, 'H2O(aq)', -2 * xs);
    addMol(m, gas, 'H2(g)', 2 * xs);
    const H_out =
      (f * ncr * DH_CR_DISSOLUTION_KJ + f * nfe * DH_FE_DISSOLUTION_KJ + xs * dhSiOxidation_kJ()) /
      3600;
    writeEnergy(out, {
      H_in_kW: 0,
      H_out_kW: H_out,
      electric_kW: 0,
      heat_in_kW: 0,
      heat_loss_kW: -H_out,
    });
    const d = out.diagnostics;
    d.demand_water_kg_per_h = p.water_per_alloy * total(alloy);
    d.cr_dissolved = mol(m, alloy, 'Cr(s)') > 0 ? (f * ncr) / mol(m, alloy, 'Cr(s)') : 0;
    d.H2_kg_per_h = kg(m, gas, 'H2(g)');
  },
};
