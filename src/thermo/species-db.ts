import speciesJson from '../../data/thermo/species.json' with { type: 'json' };
import { InputError } from '../errors.js';
import { parseFormula, type PhaseState } from '../chem/formula.js';

/** One Shomate segment: Cp = A + B t + C t² + D t³ + E/t², t = T/1000 (see data/thermo). */
export interface ShomateSegment {
  Tmin_K: number;
  Tmax_K: number;
  A: number;
  B: number;
  C: number;
  D: number;
  E: number;
  /** H(T) − H(298.15) = 1000(A t + B t²/2 + C t³/3 + D t⁴/4 − E/t) + F [J/mol]. */
  F_J_per_mol: number;
  /** S(T) = A ln t + B t + C t²/2 + D t³/3 − E/(2t²) + G [J/(mol·K)]. */
  G_J_per_mol_K: number;
}

/** A transition inside one phase record (polymorph change, lambda point, glass transition). */
export interface PhaseTransition {
  T_K: number;
  dH_J_per_mol: number;
  label: string;
}

/** One phase of a species (one source table). */
export interface PhaseData {
  /** Phase id, unique within the species: `cr`, `l`, `g`, `cr-gamma`, … */
  id: string;
  /** State of aggregation: crystal `s`, liquid `l`, gas `g`. */
  state: PhaseState;
  label: string;
  /** Where the data came from (database, table or record, URL). */
  source: Record<string, string>;
  /** Standard enthalpy of formation at 298.15 K of the reference state of this record [J/mol]. */
  dfH298_J_per_mol: number;
  /** Standard entropy at 298.15 K [J/(mol·K)], null when the record starts above 298.15 K. */
  S298_J_per_mol_K: number | null;
  Tmin_K: number;
  Tmax_K: number;
  transitions: PhaseTransition[];
  segments: ShomateSegment[];
  fit: {
    rows: number;
    max_cp_rel_err: number;
    max_h_err_J_per_mol: number;
    max_s_err_J_per_mol_K: number;
  };
}

/** A species of the database with all its phases. */
export interface SpeciesData {
  formula: string;
  name: string;
  elements: Record<string, number>;
  molar_mass_g_per_mol: number;
  note?: string;
  phases: PhaseData[];
}

interface SpeciesFile {
  schema: string;
  species: SpeciesData[];
}

const db = speciesJson as unknown as SpeciesFile;

/** All species of the database (data/thermo/species.json), read-only. */
export const SPECIES_DATA: readonly SpeciesData[] = db.species;

const byFormula = new Map<string, SpeciesData>();
const byComposition = new Map<string, SpeciesData>();
for (const s of db.species) {
  byFormula.set(s.formula, s);
  byComposition.set(compositionKey(s.elements), s);
}

function compositionKey(elements: Readonly<Record<string, number>>): string {
  return Object.keys(elements)
    .sort()
    .map((e) => `${e}${String(elements[e])}`)
    .join('');
}

/**
 * Phase selection: the most stable phase, the most stable condensed (s or l) phase, any phase
 * of one state, or the most stable of the phases with the given ids.
 */
export type PhaseSelector =
  'stable' | 'condensed' | PhaseState | { id: string | readonly string[] };

/** A species reference resolved against the database. */
export interface ResolvedSpecies {
  /** The text as given (e.g. `Al2O3(l)`). */
  text: string;
  data: SpeciesData;
  /** Phases allowed by the selector, in database order. */
  phases: PhaseData[];
  selector: PhaseSelector;
}

/**
 * Finds a species by formula (with optional phase suffix `(s)`, `(cr)`, `(l)`, `(g)`).
 * The formula is matched as written first, then by elemental composition (`O3Cr2` → Cr2O3).
 *
 * @param text - Formula with optional phase suffix
 * @param field - Argument name for error messages
 * @param selector - Overrides the phase given by the suffix
 * @throws InputError naming `field` for a bad formula, unknown species or phase not in the database
 */
export function resolveSpecies(
  text: string,
  field = 'species',
  selector?: PhaseSelector,
): ResolvedSpecies {
  const parsed = parseFormula(text, field);
  const data = byFormula.get(parsed.formula) ?? byComposition.get(compositionKey(parsed.elements));
  if (!data)
    throw new InputError(
      field,
      text,
      `a species of the thermo database (${db.species.map((s) => s.formula).join(', ')})`,
    );
  const sel: PhaseSelector = selector ?? parsed.phase ?? 'stable';
  const phases = data.phases.filter((p) =>
    sel === 'stable'
      ? true
      : sel === 'condensed'
        ? p.state !== 'g'
        : typeof sel === 'string'
          ? p.state === sel
          : typeof sel.id === 'string'
            ? p.id === sel.id
            : sel.id.includes(p.id),
  );
  if (phases.length === 0)
    throw new InputError(
      field,
      text,
      `a phase the database has for ${data.formula}: ${data.phases.map((p) => `${p.id} (${p.state})`).join(', ')}`,
    );
  return { text, data, phases, selector: sel };
}
