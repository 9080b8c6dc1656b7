/**
 * Charge materials as species streams: chromite from an oxide analysis (as simple oxides or as
 * spinel species), carbon materials from a proximate analysis, fluxes from an oxide analysis.
 */
import data from '../../../data/pyro/fecr.json' with { type: 'json' };
import { InputError } from '../../errors.js';
import { emptySpeciesStream, molarMass, N_SPECIES, SP, type SpeciesStream } from './species.js';

/** Chromite analysis, dry basis [wt%]; LOI is taken as structural water (serpentine, chlorite). */
export interface OxideAnalysis {
  Cr2O3: number;
  FeO: number;
  Fe2O3?: number;
  MgO: number;
  Al2O3: number;
  SiO2: number;
  CaO?: number;
  LOI?: number;
}

/** Proximate analysis of a carbon material: dry basis [wt%] plus moisture as received [wt%]. */
export interface Proximate {
  fixed_C_wt_pct: number;
  ash_wt_pct: number;
  volatiles_wt_pct: number;
  moisture_wt_pct: number;
  /** Ash chemistry [wt% of ash]: SiO2, Al2O3, Fe2O3, CaO, MgO. */
  ash_oxides_wt_pct: Readonly<Record<string, number>>;
}

/** Flux / binder: dry oxide analysis [wt%] (H2O = structural water) and moisture [wt%]. */
export interface FluxAnalysis {
  oxides_wt_pct: Readonly<Record<string, number>>;
  moisture_wt_pct: number;
}

type Val<T> = { value: T };
const M = data.materials;
const prox = (m: {
  fixed_C_wt_pct: Val<number>;
  ash_wt_pct: Val<number>;
  volatiles_wt_pct: Val<number>;
  moisture_wt_pct: Val<number>;
  ash_oxides_wt_pct: Val<Record<string, number>>;
}): Proximate => ({
  fixed_C_wt_pct: m.fixed_C_wt_pct.value,
  ash_wt_pct: m.ash_wt_pct.value,
  volatiles_wt_pct: m.volatiles_wt_pct.value,
  moisture_wt_pct: m.moisture_wt_pct.value,
  ash_oxides_wt_pct: m.ash_oxides_wt_pct.value,
});
const flux = (m: {
  oxides_wt_pct: Val<Record<string, number>>;
  moisture_wt_pct: Val<number>;
}): FluxAnalysis => ({
  oxides_wt_pct: m.oxides_wt_pct.value,
  moisture_wt_pct: m.moisture_wt_pct.value,
});

/** Default materials (data/pyro/fecr.json). */
export const MATERIALS = {
  coke: prox(M.coke),
  coal: prox(M.coal),
  /** Söderberg paste: the self-baking electrode of AC submerged-arc furnaces. */
  electrodePaste: prox(M['electrode-paste']),
  /** Prebaked graphite electrode: the central cathode of DC open-arc furnaces. */
  graphiteElectrode: prox(M['graphite-electrode']),
  quartzite: flux(M.quartzite),
  lime: flux(M.lime),
  bentonite: flux(M.bentonite),
};

/** Solid (crystal) species index of each simple oxide name. */
const OXIDE_SOLID: Readonly<Record<string, number>> = {
  Cr2O3: SP['Cr2O3(s)'],
  FeO: SP['FeO(s)'],
  Fe2O3: SP['Fe2O3(s)'],
  MgO: SP['MgO(s)'],
  Al2O3: SP['Al2O3(s)'],
  SiO2: SP['SiO2(s)'],
  CaO: SP['CaO(s)'],
  H2O: SP['H2O(l)'],
};

/** Moisture is liquid water, so a wet material only exists at ≤ 373.15 K [K]. */
export const T_WET_MAX_K = 373.15;

function checkPct(field: string, v: number | undefined): number {
  const x = v ?? 0;
  if (!Number.isFinite(x) || x < 0 || x > 100)
    throw new InputError(field, v, 'a number in [0, 100] wt%');
  return x;
}

/**
 * Adds `kg_per_s` of an oxide analysis (dry) to a stream as solid species. The analysis must sum
 * to 100 ± 0.5 wt%; it is then normalised (so the stream's mass equals `kg_per_s` exactly).
 */
export function addOxides(
  s: SpeciesStream,
  oxides_wt_pct: Readonly<Record<string, number>>,
  kg_per_s: number,
  field: string,
): void {
  let sum = 0;
  // for…in, not Object.entries: no array of pairs per stream built (once per Monte Carlo sample)
  for (const ox in oxides_wt_pct) {
    const w = oxides_wt_pct[ox];
    if (OXIDE_SOLID[ox] === undefined)
      throw new InputError(
        `${field}.${ox}`,
        ox,
        `an oxide of ${Object.keys(OXIDE_SOLID).join(', ')}`,
      );
    sum += checkPct(`${field}.${ox}`, w);
  }
  if (Math.abs(sum - 100) > 0.5)
    throw new InputError(field, oxides_wt_pct, 'an analysis summing to 100 ± 0.5 wt%');
  for (const ox in oxides_wt_pct) {
    const w = oxides_wt_pct[ox] as number;
    const i = OXIDE_SOLID[ox] as number;
    s.mol_per_s[i] = (s.mol_per_s[i] ?? 0) + ((w / sum) * kg_per_s) / molarMass(i);
  }
}

/** How the chromite is represented: simple oxides, or spinels FeCr2O4, MgCr2O4, MgAl2O4 first. */
export type ChromiteForm = 'spinel' | 'oxides';

/**
 * Chromite stream from an oxide analysis.
 * Spinel form: FeO pairs with Cr2O3 as FeCr2O4, remaining Cr2O3 with MgO as MgCr2O4, remaining
 * MgO with Al2O3 as MgAl2O4 (normative allocation); the rest stays as simple oxides.
 * @param dry_kg_per_s - Dry ore [kg/s]
 * @param moisture_wt_pct - Free moisture as received [wt% of wet ore]
 * @param T_K - Temperature [K]; a wet ore must be ≤ 373.15 K
 * @param into - Holds the molar flows (the caller's work, N_SPECIES long, overwritten), default
 *   a new array
 */
export function chromiteStream(
  id: string,
  analysis: OxideAnalysis,
  dry_kg_per_s: number,
  moisture_wt_pct: number,
  T_K: number,
  form: ChromiteForm = 'spinel',
  into?: Float64Array,
): SpeciesStream {
  const s: SpeciesStream = into
    ? { id, T_K, mol_per_s: into.fill(0, 0, N_SPECIES).subarray(0, N_SPECIES) }
    : emptySpeciesStream(id, T_K);
  const a: Record<string, number> = {
    Cr2O3: analysis.Cr2O3,
    FeO: analysis.FeO,
    Fe2O3: analysis.Fe2O3 ?? 0,
    MgO: analysis.MgO,
    Al2O3: analysis.Al2O3,
    SiO2: analysis.SiO2,
    CaO: analysis.CaO ?? 0,
    H2O: analysis.LOI ?? 0,
  };
  if (a.H2O && T_K > T_WET_MAX_K)
    throw new InputError(
      `${id}.LOI`,
      analysis.LOI,
      `no LOI above ${T_WET_MAX_K} K (calcine the ore first)`,
    );
  addOxides(s, a, dry_kg_per_s, `${id}.analysis`);
  checkPct(`${id}.moisture_wt_pct`, moisture_wt_pct);
  if (moisture_wt_pct > 0) {
    if (T_K > T_WET_MAX_K)
      throw new InputError(
        `${id}.moisture_wt_pct`,
        moisture_wt_pct,
        `0 for a charge above ${T_WET_MAX_K} K`,
      );
    const wet = dry_kg_per_s / (1 - moisture_wt_pct / 100);
    s.mol_per_s[SP['H2O(l)']] =
      (s.mol_per_s[SP['H2O(l)']] ?? 0) + (wet - dry_kg_per_s) / molarMass(SP['H2O(l)']);
  }
  if (form === 'spinel') toSpinels(s);
  return s;
}

/** Recombines simple oxides into FeCr2O4, MgCr2O4, MgAl2O4 (normative allocation). */
export function toSpinels(s: SpeciesStream): void {
  const n = s.mol_per_s;
  const take = (a: number, b: number, spinel: number): void => {
    const x = Math.min(n[a] ?? 0, n[b] ?? 0);
    n[a] = (n[a] ?? 0) - x;
    n[b] = (n[b] ?? 0) - x;
    n[spinel] = (n[spinel] ?? 0) + x;
  };
  take(SP['FeO(s)'], SP['Cr2O3(s)'], SP['FeCr2O4(s)']);
  take(SP['MgO(s)'], SP['Cr2O3(s)'], SP['MgCr2O4(s)']);
  take(SP['MgO(s)'], SP['Al2O3(s)'], SP['MgAl2O4(s)']);
}

/** Splits spinels into simple oxides (in place). */
export function toSimpleOxides(s: SpeciesStream): void {
  const n = s.mol_per_s;
  const split = (spinel: number, a: number, b: number): void => {
    const x = n[spinel] ?? 0;
    n[spinel] = 0;
    n[a] = (n[a] ?? 0) + x;
    n[b] = (n[b] ?? 0) + x;
  };
  split(SP['FeCr2O4(s)'], SP['FeO(s)'], SP['Cr2O3(s)']);
  split(SP['MgCr2O4(s)'], SP['MgO(s)'], SP['Cr2O3(s)']);
  split(SP['MgAl2O4(s)'], SP['MgO(s)'], SP['Al2O3(s)']);
}

/**
 * Adds a carbon material: fixed C as graphite, volatiles as CH4 (assumption: volatile matter
 * taken as methane), ash as its oxides, moisture as liquid water (only if `wet`).
 * @param kg_per_s - As-received mass [kg/s] (wet if `wet`, else dry)
 */
function addCarbonMaterialDirect(
  s: SpeciesStream,
  p: Proximate,
  kg_per_s: number,
  wet: boolean,
  field: string,
): void {
  const sum = p.fixed_C_wt_pct + p.ash_wt_pct + p.volatiles_wt_pct;
  if (Math.abs(sum - 100) > 0.5)
    throw new InputError(field, p, 'fixed C + ash + volatiles = 100 ± 0.5 wt% (dry)');
  const dry = wet ? kg_per_s * (1 - p.moisture_wt_pct / 100) : kg_per_s;
  s.mol_per_s[SP['C(s)']] =
    (s.mol_per_s[SP['C(s)']] ?? 0) + (dry * p.fixed_C_wt_pct) / sum / molarMass(SP['C(s)']);
  s.mol_per_s[SP['CH4(g)']] =
    (s.mol_per_s[SP['CH4(g)']] ?? 0) + (dry * p.volatiles_wt_pct) / sum / molarMass(SP['CH4(g)']);
  if (p.ash_wt_pct > 0)
    addOxides(s, p.ash_oxides_wt_pct, (dry * p.ash_wt_pct) / sum, `${field}.ash_oxides_wt_pct`);
  if (wet)
    s.mol_per_s[SP['H2O(l)']] =
      (s.mol_per_s[SP['H2O(l)']] ?? 0) + (kg_per_s - dry) / molarMass(SP['H2O(l)']);
}

/** Adds a flux or binder (dry or wet as received). */
function addFluxDirect(
  s: SpeciesStream,
  f: FluxAnalysis,
  kg_per_s: number,
  wet: boolean,
  field: string,
): void {
  const dry = wet ? kg_per_s * (1 - f.moisture_wt_pct / 100) : kg_per_s;
  addOxides(s, f.oxides_wt_pct, dry, `${field}.oxides_wt_pct`);
  if (wet)
    s.mol_per_s[SP['H2O(l)']] =
      (s.mol_per_s[SP['H2O(l)']] ?? 0) + (kg_per_s - dry) / molarMass(SP['H2O(l)']);
}

/** Standard molar volume of an ideal gas at 0 °C and 1 atm [m3/mol] (Nm3 basis). */
export const NM3_PER_MOL = 0.022414;

/**
 * Species vector of 1 kg of a material [mol/kg], as received (`wet`) or dry, checked against its
 * analysis. Computed on each call (a few dozen operations): no cache, so the result depends only
 * on the arguments.
 */
function perKg(
  wet: boolean,
  field: string,
  add: (s: SpeciesStream, kg: number, wet: boolean) => void,
): Float64Array {
  const v = emptySpeciesStream(field, 298.15);
  add(v, 1, wet);
  return v.mol_per_s;
}

/** Species of 1 kg of a carbon material [mol/kg] (see {@link addCarbonMaterial}). */
export function carbonMaterialPerKg(p: Proximate, wet: boolean, field: string): Float64Array {
  return perKg(wet, field, (t, kg, w) => {
    addCarbonMaterialDirect(t, p, kg, w, field);
  });
}

/** Species of 1 kg of a flux or binder [mol/kg] (see {@link addFlux}). */
export function fluxPerKg(f: FluxAnalysis, wet: boolean, field: string): Float64Array {
  return perKg(wet, field, (t, kg, w) => {
    addFluxDirect(t, f, kg, w, field);
  });
}

function axpy(s: SpeciesStream, a: number, x: Float64Array): void {
  const y = s.mol_per_s;
  for (let j = 0; j < y.length; j++) y[j] = (y[j] ?? 0) + a * (x[j] ?? 0);
}

/**
 * Adds a carbon material: fixed C as graphite, volatiles as CH4 (assumption: volatile matter
 * taken as methane), ash as its oxides, moisture as liquid water (only if `wet`): `kg_per_s`
 * times the material's per-kg species vector.
 * @param kg_per_s - As-received mass [kg/s] (wet if `wet`, else dry)
 */
export function addCarbonMaterial(
  s: SpeciesStream,
  p: Proximate,
  kg_per_s: number,
  wet: boolean,
  field: string,
): void {
  if (kg_per_s === 0) return;
  axpy(s, kg_per_s, carbonMaterialPerKg(p, wet, field));
}

/** Adds a flux or binder (dry or wet as received) [kg/s]: `kg_per_s` times its per-kg vector. */
export function addFlux(
  s: SpeciesStream,
  f: FluxAnalysis,
  kg_per_s: number,
  wet: boolean,
  field: string,
): void {
  if (kg_per_s === 0) return;
  axpy(s, kg_per_s, fluxPerKg(f, wet, field));
}
