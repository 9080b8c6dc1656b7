import { InputError } from '../errors.js';
import { CompiledSpeciesSet } from './compiled.js';
import type { PhaseSelector } from './species-db.js';

/** Compiled single-species sets of recent calls (bounded). */
const setCache = new Map<string, CompiledSpeciesSet>();

/** Properties of one species at one temperature (CLI `thermo species --json` rows). */
export interface SpeciesProperties {
  /** Database formula, e.g. `Cr2O3`. */
  species: string;
  /** Id of the phase used at T (`cr`, `l`, `g`, `cr-quartz`, …). */
  phase: string;
  T_K: number;
  cp_J_per_mol_K: number;
  /** Absolute enthalpy ΔfH298 + H(T) − H(298.15) [kJ/mol]. */
  h_kJ_per_mol: number;
  s_J_per_mol_K: number;
  /** g = h − T·s [kJ/mol]. */
  g_kJ_per_mol: number;
}

/**
 * Standard-state (1 bar) properties of a species at one or more temperatures, in the most
 * stable phase at each T (or the phase given by the suffix `(s)`, `(l)`, `(g)`).
 *
 * @param formula - Formula with optional phase suffix, e.g. `Cr2O3`, `Al(l)`
 * @param T_K - Temperature(s) [K]
 * @param options.phase - Phase selection overriding the suffix
 * @returns One row per temperature: Cp [J/(mol·K)], h [kJ/mol], s [J/(mol·K)], g [kJ/mol]
 * @throws InputError naming `formula` (unknown species or phase) or `T_K` (out of range)
 * @see docs/thermo.md for the data sources
 */
export function species(
  formula: string,
  T_K: number | readonly number[],
  options: { phase?: PhaseSelector } = {},
): SpeciesProperties[] {
  const key = `${formula}|${JSON.stringify(options.phase ?? null)}`;
  let set = setCache.get(key);
  if (!set) {
    set = new CompiledSpeciesSet([formula], [options.phase], ['formula']);
    if (setCache.size >= 512) setCache.clear();
    setCache.set(key, set);
  }
  const Ts = typeof T_K === 'number' ? [T_K] : T_K;
  if (Ts.length === 0) throw new InputError('T_K', T_K, 'at least one temperature');
  return Ts.map((T) => {
    if (!Number.isFinite(T)) throw new InputError('T_K', T, 'a finite temperature in K');
    const h = set.h_J_per_mol(0, T);
    const s = set.s(0, T);
    return {
      species: set.formulas[0] ?? formula,
      phase: set.phaseAt(0, T).id,
      T_K: T,
      cp_J_per_mol_K: set.cp(0, T),
      h_kJ_per_mol: h / 1000,
      s_J_per_mol_K: s,
      g_kJ_per_mol: (h - T * s) / 1000,
    };
  });
}
