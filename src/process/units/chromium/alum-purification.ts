import { param } from '../../params.js';
import { tankAndFilterDesign } from '../../design/tank-and-filter.js';
import type { UnitKind } from '../../unit.js';
import { addMol, mol, writeEnergy } from './common.js';
import { DH_AMMONIUM_SULFATE_KJ } from './hydromet-enthalpies.js';

const FAS = 'Fe(NH4)2(SO4)2·6H2O(s)';
const params = {
  fe_removal: param(
    0.99,
    '-',
    0,
    1,
    'fraction of the dissolved Fe crystallised as ferrous ammonium sulfate',
    'assumed',
  ),
  cr_loss_to_fas: param(
    0.02,
    '-',
    0,
    0.5,
    'fraction of the Cr entrained with the ferrous ammonium sulfate crystals',
    'assumed',
  ),
  ammonia_excess: param(
    1,
    '-',
    0,
    1,
    'usable fraction of the NH3 supply (1: all available)',
    'flowsheet choice',
  ),
};

/**
 * Purification of the leach liquor and make-up of the chrome-alum electrolyte:
 *   FeSO4 + 2NH3 + H2SO4 + 6H2O → Fe(NH4)2(SO4)2·6H2O(s)   (iron removal, fe_removal)
 *   Cr2(SO4)3 + 2NH3 + H2SO4 → 2NH4Cr(SO4)2                 (chrome alum in solution)
 * Ammonium comes first from the (NH4)2SO4 in solution (recycled anolyte), the shortfall from
 * 2NH3 + H2SO4 → (NH4)2SO4 with the free acid of the leach, then make-up acid. The Cr
 * entrained with the crystals is cr_loss_to_fas of the electrolyte's alum.
 * Energy (isothermal reaction basis): only the neutralisation 2NH3 + H2SO4 → (NH4)2SO4
 * (−173.1 kJ/mol, NBS 1982) is counted; double-salt and alum formation heats are neglected.
 * NH3 is drawn from the `ammonia` supply inlet (upper bound set by the runner); the rest leaves
 * by `ammonia-return` (consumption = supply − return). A shortfall of free acid or NH3 is
 * reported in `ammonium_short_mol_per_h`.
 */
export const alumPurification: UnitKind<typeof params> = {
  kind: 'chrome-alum-purification',
  title: 'Iron removal (ferrous ammonium sulfate) and chrome-alum make-up',
  inlets: ['solution', 'ammonia'],
  outlets: ['electrolyte', 'fas', 'ammonia-return'],
  params,
  reagents: [],
  stateSize: 0,
  references: [
    'National Research Council 1995, “High-Purity Chromium Metal: Supply Issues for Gas-Turbine Superalloys”, ch. 3',
    'US 5,096,548 (Bayer 1992), FeCr → H2SO4 → ammonium chrome alum → Cr http://www.everypatent.com/comp/pat5096548.html',
  ],
  results: {
    ammonium_short_mol_per_h: {
      unit: 'mol/h',
      description: 'ammonium short of the alum make-up in this pass',
    },
  },
  energy: true,
  design: tankAndFilterDesign(
    'chrome-alum-purification',
    ['electrolyte', 'fas', 'ammonia-return'],
    'fas',
  ),

  solve(inlets, p, ctx, out) {
    const m = ctx.model;
    const [el, fas, ret] = out.outlets;
    const [solution, supply] = inlets;
    if (!el || !fas || !ret || !solution || !supply) return;
    for (let i = 0; i < m.nComp; i++) el.flow[i] = solution.flow[i] ?? 0;
    const fe = p.fe_removal * mol(m, el, 'FeSO4(aq)');
    const cr2 = mol(m, el, 'Cr2(SO4)3(aq)');
    const need = fe + cr2; // mol (NH4)2SO4 needed
    const water = mol(m, el, 'H2O(aq)');
    // ammonium: first the (NH4)2SO4 in solution (recycled anolyte), then 2NH3 + H2SO4
    const have = mol(m, el, '(NH4)2SO4(aq)');
    const short = Math.max(0, need - have);
    const nh3 = p.ammonia_excess * mol(m, supply, 'NH3(g)');
    const acid = mol(m, el, 'H2SO4(aq)');
    const made = Math.min(short, nh3 / 2, acid);
    addMol(m, ret, 'NH3(g)', mol(m, supply, 'NH3(g)') - 2 * made);
    out.diagnostics.ammonium_short_mol_per_h = short - made;
    addMol(m, el, 'H2SO4(aq)', -made);
    addMol(m, el, '(NH4)2SO4(aq)', made);
    const am = mol(m, el, '(NH4)2SO4(aq)');
    const f = need > 0 ? Math.min(1, am / need, fe > 0 ? water / (6 * fe) : 1) : 0;
    addMol(m, el, '(NH4)2SO4(aq)', -f * need);
    addMol(m, el, 'FeSO4(aq)', -f * fe);
    addMol(m, el, 'H2O(aq)', -6 * f * fe);
    addMol(m, fas, FAS, f * fe);
    addMol(m, el, 'Cr2(SO4)3(aq)', -f * cr2);
    const alum = 2 * f * cr2;
    addMol(m, el, 'NH4Cr(SO4)2(aq)', alum);
    const loss = p.cr_loss_to_fas * mol(m, el, 'NH4Cr(SO4)2(aq)');
    addMol(m, el, 'NH4Cr(SO4)2(aq)', -loss);
    addMol(m, fas, 'NH4Cr(SO4)2(aq)', loss);
    const H_out = (made * DH_AMMONIUM_SULFATE_KJ) / 3600;
    writeEnergy(out, {
      H_in_kW: 0,
      H_out_kW: H_out,
      electric_kW: 0,
      heat_in_kW: 0,
      heat_loss_kW: -H_out,
    });
  },
};
