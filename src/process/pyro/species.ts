/**
 * The species list of the pyrometallurgical (ferrochrome) unit models and the species stream
 * they exchange. One fixed list, each entry with a fixed phase, so a stream is a Float64Array of
 * molar flows [mol/s] and its enthalpy is Σ n_i H_i(T) from the thermochemistry database
 * (absolute enthalpy ΔfH298 + H(T) − H298, NIST-JANAF / FREED fits, docs/thermo.md).
 *
 * Phase choices (documented assumptions, docs/model.md §Ferrochrome): alloy metals as liquid
 * (JANAF liquid records, supercooled below their melting points — the ideal-solution reference);
 * slag oxides as liquid; alloy carbon as Cr7C3 (crystal record, the only carbide of the alloy)
 * with any carbon beyond the Cr available for Cr7C3 as graphite; feed and dust solids crystal.
 */
import { compileSpeciesSet, type CompiledSpeciesSet } from '../../thermo/compiled.js';

export const PYRO_SPECIES = [
  // feed solids (crystal)
  'FeCr2O4(s)',
  'MgCr2O4(s)',
  'MgAl2O4(s)',
  'Cr2O3(s)',
  'FeO(s)',
  'Fe2O3(s)',
  'MgO(s)',
  'Al2O3(s)',
  'SiO2(s)',
  'CaO(s)',
  'C(s)',
  'Cr(s)',
  'Fe(s)',
  'H2O(l)',
  'Si(s)',
  // alloy (liquid metals, carbide)
  'Cr(l)',
  'Fe(l)',
  'Si(l)',
  'Cr7C3(s)',
  // slag (liquid oxides)
  'Cr2O3(l)',
  'FeO(l)',
  'SiO2(l)',
  'MgO(l)',
  'Al2O3(l)',
  'CaO(l)',
  // gas
  'CO(g)',
  'CO2(g)',
  'H2(g)',
  'H2O(g)',
  'N2(g)',
  'O2(g)',
  'CH4(g)',
] as const;

export type PyroSpecies = (typeof PYRO_SPECIES)[number];
export const N_SPECIES = PYRO_SPECIES.length;

/** Index of each species in {@link PYRO_SPECIES}. */
export const SP = Object.fromEntries(PYRO_SPECIES.map((s, i) => [s, i])) as Record<
  PyroSpecies,
  number
>;

/** The compiled species set (a constant of the species list, built at load). */
const PYRO_SET: CompiledSpeciesSet = compileSpeciesSet(PYRO_SPECIES);
export function pyroSet(): CompiledSpeciesSet {
  return PYRO_SET;
}

/** A species stream: molar flows [mol/s] by {@link PYRO_SPECIES} index, at one temperature [K]. */
export interface SpeciesStream {
  id: string;
  T_K: number;
  readonly mol_per_s: Float64Array;
}

export function emptySpeciesStream(id: string, T_K: number): SpeciesStream {
  return { id, T_K, mol_per_s: new Float64Array(N_SPECIES) };
}

/**
 * Empty streams (id, T [K]) whose flows share one backing array: the caller's (zeroed here, at
 * least N_SPECIES per stream), else one new allocation.
 */
export function emptySpeciesStreams(
  specs: readonly (readonly [id: string, T_K: number])[],
  backing?: Float64Array,
): SpeciesStream[] {
  if (backing) backing.fill(0, 0, N_SPECIES * specs.length);
  else backing = new Float64Array(N_SPECIES * specs.length);
  return specs.map(([id, T_K], i) => ({
    id,
    T_K,
    mol_per_s: backing.subarray(i * N_SPECIES, (i + 1) * N_SPECIES),
  }));
}

/**
 * Molar enthalpies H_i(T) of every species at a few temperatures, computed once (a flowsheet
 * unit's `prepare`, for the temperatures its parameters fix): layout [T_0 … T_{m−1}, then H_i(T_k)
 * for k = 0 … m − 1, i = 0 … N_SPECIES − 1] [K, J/mol]; NaN where a species has no data at T.
 * A furnace solve evaluated ~100 of them per Monte Carlo sample at the same four temperatures.
 * @param temperatures_K - The temperatures [K]
 */
export function molarEnthalpyTable(temperatures_K: readonly number[]): Float64Array {
  const set = pyroSet();
  const m = temperatures_K.length;
  const table = new Float64Array(m * (1 + N_SPECIES));
  for (let k = 0; k < m; k++) {
    const T = temperatures_K[k] ?? NaN;
    table[k] = T;
    for (let i = 0; i < N_SPECIES; i++) {
      // no data at T (the range h_J_per_mol accepts): NaN, and enthalpy_W computes it — and
      // throws — only if the species is present (no exception here: a sample that moves a
      // furnace parameter prepares the table again, and a thrown error costs ~µs)
      table[m + k * N_SPECIES + i] = set.covers(i, T) ? set.h_J_per_mol(i, T) : NaN;
    }
  }
  return table;
}

/** The offset of T's enthalpies in a {@link molarEnthalpyTable} (−1: T not in it). */
function tableOffset(table: Float64Array, T_K: number): number {
  const m = table.length / (1 + N_SPECIES);
  for (let k = 0; k < m; k++) if (table[k] === T_K) return m + k * N_SPECIES;
  return -1;
}

/**
 * Absolute enthalpy flow of a stream, Σ n_i H_i(T) [W]; species with zero flow are skipped (so a
 * species outside its data range at T may be present in the list).
 * @param s - Stream (mol/s at T_K [K])
 * @param table - Molar enthalpies at fixed temperatures ({@link molarEnthalpyTable}): read when
 *   the stream is at one of them (the same numbers as computed)
 * @returns Enthalpy flow [W]
 */
export function enthalpy_W(s: SpeciesStream, table?: Float64Array): number {
  const set = pyroSet();
  const at = table ? tableOffset(table, s.T_K) : -1;
  let h = 0;
  for (let i = 0; i < N_SPECIES; i++) {
    const n = s.mol_per_s[i] ?? 0;
    if (n === 0) continue;
    const tabled = at < 0 || table === undefined ? NaN : (table[at + i] ?? NaN);
    h += n * (Number.isNaN(tabled) ? set.h_J_per_mol(i, s.T_K) : tabled);
  }
  return h;
}

/** Mass flow of a stream [kg/s]. */
export function mass_kg_per_s(s: SpeciesStream): number {
  const M = pyroSet().molarMass_kg_per_mol;
  let m = 0;
  for (let i = 0; i < N_SPECIES; i++) m += (s.mol_per_s[i] ?? 0) * (M[i] ?? 0);
  return m;
}

/** Mass flow of species i [kg/s]. */
export function speciesMass_kg_per_s(s: SpeciesStream, i: number): number {
  return (s.mol_per_s[i] ?? 0) * (pyroSet().molarMass_kg_per_mol[i] ?? 0);
}

/** Element amounts of a stream [mol/s] by `pyroSet().elements`, added into `out`. */
export function addElements(s: SpeciesStream, out: Float64Array, sign = 1): void {
  const set = pyroSet();
  const n = N_SPECIES;
  for (let e = 0; e < set.elements.length; e++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += (set.elementMatrix[e * n + j] ?? 0) * (s.mol_per_s[j] ?? 0);
    out[e] = (out[e] ?? 0) + sign * sum;
  }
}

/** Element mass flows of a stream [kg/s] by element symbol. */
export function elementMasses_kg_per_s(s: SpeciesStream): Record<string, number> {
  const set = pyroSet();
  const v = new Float64Array(set.elements.length);
  addElements(s, v);
  const out: Record<string, number> = {};
  set.elements.forEach((e, k) => {
    out[e] = (v[k] ?? 0) * ((ATOMIC_KG as Record<string, number>)[e] ?? NaN);
  });
  return out;
}

/** Molar masses of the elements in the set [kg/mol] (IUPAC 2021 conventional values). */
export const ATOMIC_KG = {
  Cr: 0.0519961,
  Fe: 0.055845,
  Mg: 0.024305,
  Al: 0.0269815385,
  Si: 0.028085,
  Ca: 0.040078,
  C: 0.012011,
  O: 0.015999,
  H: 0.001008,
  N: 0.014007,
} as const;

/**
 * Worst relative element imbalance of a unit, max_e |Σin − Σout| / max(Σin, Σout) over elements
 * (by mass) [–].
 */
export function elementClosure(
  inlets: readonly SpeciesStream[],
  outlets: readonly SpeciesStream[],
): {
  worst: number;
  byElement: Record<string, number>;
} {
  const set = pyroSet();
  const nE = set.elements.length;
  const vin = new Float64Array(nE);
  const vout = new Float64Array(nE);
  for (const s of inlets) addElements(s, vin);
  for (const s of outlets) addElements(s, vout);
  let worst = 0;
  const byElement: Record<string, number> = {};
  for (let e = 0; e < nE; e++) {
    const a = vin[e] ?? 0;
    const b = vout[e] ?? 0;
    const scale = Math.max(Math.abs(a), Math.abs(b));
    const r = scale > 0 ? Math.abs(a - b) / scale : 0;
    byElement[set.elements[e] ?? ''] = r;
    worst = Math.max(worst, r);
  }
  return { worst, byElement };
}

/** Molar mass of species i [kg/mol]. */
export function molarMass(i: number): number {
  return pyroSet().molarMass_kg_per_mol[i] ?? NaN;
}
