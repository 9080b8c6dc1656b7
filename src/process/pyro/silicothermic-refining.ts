/**
 * Medium/low-carbon ferrochrome by silicothermic reduction, Perrin type (issue 5 item 3): chromite
 * and lime are melted in an electric furnace; ferrosilicochrome (FeSiCr) reduces the melt:
 *   2 Cr2O3 + 3 Si → 4 Cr + 3 SiO2,   2 FeO + Si → 2 Fe + SiO2
 * Parameters: fraction of the melt's Cr2O3 and FeO reduced, Si utilisation (the rest stays in the
 * alloy). FeSiCr rate follows from the Si demand; lime is solved (Brent) for a slag CaO/SiO2 target.
 * Energy: P_el·η = ΣH_out(T) + Q_loss − ΣH_in (melting furnace + ladle as one balance).
 * A reactive unit: elements are conserved, not components.
 */
import data from '../../../data/pyro/fecr.json' with { type: 'json' };
import { InputError } from '../../errors.js';
import { brent } from '../../numeric/brent.js';
import { addFlux, MATERIALS, toSimpleOxides } from './materials.js';
import {
  emptySpeciesStream,
  enthalpy_W,
  mass_kg_per_s,
  molarMass,
  SP,
  type SpeciesStream,
} from './species.js';

const R = data.refining;
export const REFINING_DEFAULTS = {
  cr_reduction: R.cr_reduction.value,
  fe_reduction: R.fe_reduction.value,
  si_utilisation: R.si_utilisation.value,
  slag_basicity: R.slag_basicity.value,
  melt_T_K: R.melt_T_K.value,
  heat_loss_kWh_per_t: R.heat_loss_kWh_per_t.value,
  electrical_efficiency: R.electrical_efficiency.value,
};
export type RefiningParams = typeof REFINING_DEFAULTS & {
  fesicr_wt_pct?: Readonly<Record<string, number>>;
};

export interface RefiningResult {
  inlets: SpeciesStream[];
  outlets: SpeciesStream[];
  alloy: SpeciesStream;
  slag: SpeciesStream;
  /** Water vapour of the ore's moisture and LOI [mol/s] at the melt temperature. */
  gas: SpeciesStream;
  fesicr_kg_per_s: number;
  lime_kg_per_s: number;
  alloy_kg_per_s: number;
  electric_W: number;
  heat_loss_W: number;
  electrical_loss_W: number;
  H_in_W: number;
  H_out_W: number;
}

/**
 * @param ore - Chromite at its temperature [mol/s]; its water (moisture, LOI) leaves as vapour
 * @returns Streams [mol/s], additions [kg/s], electricity and balance terms [W]
 */
export function silicothermicRefining(
  ore: SpeciesStream,
  params: Partial<RefiningParams> = {},
): RefiningResult {
  const p = { ...REFINING_DEFAULTS, ...params };
  for (const k of ['cr_reduction', 'fe_reduction', 'si_utilisation'] as const)
    if (!(p[k] > 0 && p[k] <= 1)) throw new InputError(`refining.${k}`, p[k], 'in (0, 1]');
  if (!(p.slag_basicity > 0 && p.slag_basicity < 5))
    throw new InputError('refining.slag_basicity', p.slag_basicity, 'in (0, 5)');
  const fs: Readonly<Record<string, number>> = params.fesicr_wt_pct ?? R.fesicr_wt_pct.value;
  const melt = emptySpeciesStream('melt', p.melt_T_K);
  melt.mol_per_s.set(ore.mol_per_s);
  // moisture and LOI water of the ore leave the melting furnace as vapour at the melt temperature
  const gas = emptySpeciesStream('refining-gas', p.melt_T_K);
  gas.mol_per_s[SP['H2O(g)']] = melt.mol_per_s[SP['H2O(l)']] ?? 0;
  melt.mol_per_s[SP['H2O(l)']] = 0;
  if (ore.mol_per_s.some((v, j) => v !== 0 && j >= SP['C(s)'] && j !== SP['H2O(l)']))
    throw new InputError('refining.ore', ore.id, 'a chromite (oxides and water only)');
  toSimpleOxides(melt);
  const n = melt.mol_per_s;
  const crRed = p.cr_reduction * 2 * (n[SP['Cr2O3(s)']] ?? 0); // mol Cr
  const feTot = (n[SP['FeO(s)']] ?? 0) + 2 * (n[SP['Fe2O3(s)']] ?? 0);
  const feRed = p.fe_reduction * feTot;
  // Si demand: 3/4 per Cr, 1/2 per Fe (from FeO), plus 1/2 per Fe2O3 → FeO
  const siOx = 0.75 * crRed + 0.5 * feRed + 0.5 * (n[SP['Fe2O3(s)']] ?? 0);
  const siTot = siOx / p.si_utilisation;
  const fesicrKg = (siTot * molarMass(SP['Si(s)'])) / ((fs.Si ?? 0) / 100);
  const fesicr = emptySpeciesStream('fesicr', 298.15);
  fesicr.mol_per_s[SP['Si(s)']] = siTot;
  fesicr.mol_per_s[SP['Cr(s)']] = (fesicrKg * (fs.Cr ?? 0)) / 100 / molarMass(SP['Cr(s)']);
  fesicr.mol_per_s[SP['Fe(s)']] = (fesicrKg * (fs.Fe ?? 0)) / 100 / molarMass(SP['Fe(s)']);
  fesicr.mol_per_s[SP['C(s)']] = (fesicrKg * (fs.C ?? 0)) / 100 / molarMass(SP['C(s)']);
  const build = (limeKg: number): RefiningResult => {
    const lime = emptySpeciesStream('lime', 298.15);
    addFlux(lime, MATERIALS.lime, limeKg, false, 'lime');
    const alloy = emptySpeciesStream('lc-alloy', p.melt_T_K);
    const a = alloy.mol_per_s;
    a[SP['Cr(l)']] = crRed + (fesicr.mol_per_s[SP['Cr(s)']] ?? 0);
    a[SP['Fe(l)']] = feRed + (fesicr.mol_per_s[SP['Fe(s)']] ?? 0);
    a[SP['Si(l)']] = siTot - siOx;
    a[SP['C(s)']] = fesicr.mol_per_s[SP['C(s)']] ?? 0;
    const slag = emptySpeciesStream('refining-slag', p.melt_T_K);
    const s = slag.mol_per_s;
    const l = lime.mol_per_s;
    s[SP['Cr2O3(l)']] = (n[SP['Cr2O3(s)']] ?? 0) - crRed / 2;
    s[SP['FeO(l)']] = feTot - feRed;
    s[SP['SiO2(l)']] = (n[SP['SiO2(s)']] ?? 0) + siOx + (l[SP['SiO2(s)']] ?? 0);
    s[SP['MgO(l)']] = (n[SP['MgO(s)']] ?? 0) + (l[SP['MgO(s)']] ?? 0);
    s[SP['Al2O3(l)']] = (n[SP['Al2O3(s)']] ?? 0) + (l[SP['Al2O3(s)']] ?? 0);
    s[SP['CaO(l)']] = (n[SP['CaO(s)']] ?? 0) + (l[SP['CaO(s)']] ?? 0);
    const inlets = [ore, fesicr, lime];
    const outlets = [alloy, slag, gas];
    let Hin = 0;
    for (const x of inlets) Hin += enthalpy_W(x);
    let Hout = 0;
    for (const x of outlets) Hout += enthalpy_W(x);
    const aKg = mass_kg_per_s(alloy);
    const loss = p.heat_loss_kWh_per_t * aKg * 3.6 * 1000;
    const delivered = Hout + loss - Hin;
    const el = delivered / p.electrical_efficiency;
    return {
      inlets,
      outlets,
      alloy,
      slag,
      gas,
      fesicr_kg_per_s: fesicrKg,
      lime_kg_per_s: limeKg,
      alloy_kg_per_s: aKg,
      electric_W: el,
      heat_loss_W: loss,
      electrical_loss_W: el - delivered,
      H_in_W: Hin,
      H_out_W: Hout,
    };
  };
  const basicity = (r: RefiningResult): number =>
    ((r.slag.mol_per_s[SP['CaO(l)']] ?? 0) * molarMass(SP['CaO(l)'])) /
      ((r.slag.mol_per_s[SP['SiO2(l)']] ?? 0) * molarMass(SP['SiO2(l)'])) -
    p.slag_basicity;
  const scale = mass_kg_per_s(ore);
  if (basicity(build(0)) > 0)
    throw new InputError(
      'refining.slag_basicity',
      p.slag_basicity,
      'above the basicity without lime',
    );
  const m = brent((x) => basicity(build(x)), 0, 10 * scale, {
    what: 'refining lime addition',
    xtol: 1e-13 * scale,
    rtol: 1e-13,
  });
  const r = build(m);
  if (!(r.electric_W >= 0))
    throw new InputError(
      'refining.heat_loss_kWh_per_t',
      p.heat_loss_kWh_per_t,
      'a balance that needs electrical energy (the reaction heat exceeds the melt demand)',
    );
  return r;
}
