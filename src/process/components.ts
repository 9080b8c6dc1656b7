import { elementMassFractions, molarMass_g_per_mol, splitPhase } from '../chem/formula-elements.js';
import { InputError } from '../errors.js';
import { MAGNETIC_CLASSES, MINERALS, validateMineral, type MineralData } from './minerals.js';
import { DEFAULT_SIEVE, sieveSeries, type SieveSeries, type SieveSpec } from './sieve.js';

/** Name of the water component (liquid water is always component of every model). */
export const WATER = 'H2O(l)';

/**
 * The component list of a model, fixed at compile time. A component is either a *mineral*
 * (solid, size-distributed, composition as an oxide analysis) or a *chemical species* given by
 * formula and phase (`Cr2O3(s)`, `CO(g)`, `H2O(l)`). Every component maps to an element vector
 * so that element balances always close. Flows are kg/h in Float64Arrays indexed like `names`.
 */
export interface ComponentModel {
  readonly names: readonly string[];
  readonly nComp: number;
  /** 1 for minerals, 0 for species. */
  readonly isMineral: Uint8Array;
  /** 1 for components counted as solids (minerals, species with phase s/cr). */
  readonly isSolid: Uint8Array;
  /** Component index of liquid water. */
  readonly water: number;
  /** Component index of each mineral row of the size matrix. */
  readonly mineralComp: Int32Array;
  /** Mineral row of each component (−1 for species). */
  readonly mineralRow: Int32Array;
  readonly nMin: number;
  readonly minerals: readonly MineralData[];
  /** Density of each mineral row [kg/m3]. */
  readonly density_kg_per_m3: Float64Array;
  /** Magnetic class of each mineral row, index into MAGNETIC_CLASSES. */
  readonly magneticClass: Uint8Array;
  readonly elements: readonly string[];
  readonly nEl: number;
  /** Element mass fractions, row-major nComp × nEl [kg element / kg component]. */
  readonly elementFraction: Float64Array;
  readonly sieve: SieveSeries;
  /** Number of size classes (= sieve.n). */
  readonly nSize: number;
  /**
   * Broadbent–Callcott breakage distribution on this sieve, row-major nSize × nSize:
   * b[j·nSize + i] = mass fraction of broken class-i material reporting to class j (> i).
   */
  readonly breakage: Float64Array;
  /** Element indices used by assays (−1 if absent). */
  readonly el: { readonly Cr: number; readonly Fe: number };
  /**
   * Each component's name without its phase suffix (`Cr2O3(l)` → `Cr2O3`; minerals as named):
   * the keys of an oxide analysis, built with the model rather than per summary.
   */
  readonly formulas: readonly string[];
  /** Component index by name (built with the model: unit kinds look components up by name). */
  readonly index: ReadonlyMap<string, number>;
  /** The component list as one string (names joined by newlines): a key for tables by list. */
  readonly key: string;
  /** Molar mass of each species component from its formula [kg/mol] (NaN for minerals). */
  readonly molarMass_kg_per_mol: Float64Array;
  /**
   * Molar mass [g/mol] of each gas-phase species (`(g)`), 0 for every other component: the
   * gas measures read it instead of parsing the formula per call (a derived constant).
   */
  readonly gasMolarMass_g_per_mol: Float64Array;
}

/** What a template lists as its components. */
export interface ComponentSpec {
  /** Mineral ids (from `data/minerals/` unless given in `mineralData`). */
  minerals: readonly string[];
  /** Species as formula(phase); `H2O(l)` is added if missing. */
  species?: readonly string[];
  sieve?: SieveSpec;
  /** Extra or replacement mineral definitions (tests, user minerals). */
  mineralData?: Readonly<Record<string, MineralData>>;
}

const ELEMENT_ORDER = ['Cr', 'Fe', 'Mg', 'Al', 'Si', 'Ca', 'C', 'O', 'H'];

/**
 * Builds the component model.
 * @throws InputError for unknown minerals, bad mineral data, duplicate names or bad formulas
 */
export function buildComponentModel(spec: ComponentSpec): ComponentModel {
  const minerals: MineralData[] = [];
  spec.minerals.forEach((id, k) => {
    const m = spec.mineralData?.[id] ?? MINERALS[id];
    if (!m)
      throw new InputError(
        `components.minerals[${k}]`,
        id,
        `a mineral defined in data/minerals (${Object.keys(MINERALS).join(', ')})`,
      );
    validateMineral(m);
    minerals.push(m);
  });
  const species = [...(spec.species ?? [])];
  if (!species.includes(WATER)) species.push(WATER);
  const names = [...minerals.map((m) => m.id), ...species];
  const seen = new Set<string>();
  names.forEach((n, k) => {
    if (seen.has(n)) throw new InputError(`components[${k}]`, n, 'unique component names');
    seen.add(n);
  });
  const nComp = names.length;
  const nMin = minerals.length;
  // element mass fractions per component
  const fractions: Record<string, number>[] = [];
  for (const m of minerals) {
    const f: Record<string, number> = {};
    let sum = 0;
    for (const v of Object.values(m.oxides_wt_pct.value)) sum += v;
    for (const [ox, wt] of Object.entries(m.oxides_wt_pct.value)) {
      for (const [el, x] of Object.entries(elementMassFractions(ox)))
        f[el] = (f[el] ?? 0) + (wt / sum) * x;
    }
    fractions.push(f);
  }
  for (const s of species) fractions.push(elementMassFractions(s));
  const elSet = new Set<string>();
  for (const f of fractions) for (const el of Object.keys(f)) elSet.add(el);
  const elements = [...elSet].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const nEl = elements.length;
  const elementFraction = new Float64Array(nComp * nEl);
  fractions.forEach((f, c) => {
    elements.forEach((el, e) => {
      elementFraction[c * nEl + e] = f[el] ?? 0;
    });
  });
  const isMineral = new Uint8Array(nComp);
  const isSolid = new Uint8Array(nComp);
  const mineralComp = new Int32Array(nMin);
  const mineralRow = new Int32Array(nComp).fill(-1);
  const density = new Float64Array(nMin);
  const magneticClass = new Uint8Array(nMin);
  const molarMass = new Float64Array(nComp).fill(NaN);
  const gasMolarMass = new Float64Array(nComp);
  minerals.forEach((m, r) => {
    isMineral[r] = 1;
    isSolid[r] = 1;
    mineralComp[r] = r;
    mineralRow[r] = r;
    density[r] = m.density_kg_per_m3.value;
    magneticClass[r] = (MAGNETIC_CLASSES as readonly string[]).indexOf(
      m.magnetic_susceptibility_class.value,
    );
  });
  species.forEach((s, k) => {
    const phase = splitPhase(s).phase;
    if (phase === null)
      throw new InputError(
        `components.species[${k}]`,
        s,
        'a formula with a phase suffix, e.g. "Cr2O3(s)" or "CO(g)"',
      );
    molarMass[nMin + k] = molarMass_g_per_mol(s) / 1000;
    if (s.endsWith('(g)')) gasMolarMass[nMin + k] = molarMass_g_per_mol(s);
    isSolid[nMin + k] = phase === 's' || phase === 'cr' ? 1 : 0;
  });
  const sieve = sieveSeries(spec.sieve ?? DEFAULT_SIEVE);
  return {
    names,
    nComp,
    isMineral,
    isSolid,
    water: names.indexOf(WATER),
    mineralComp,
    mineralRow,
    nMin,
    minerals,
    density_kg_per_m3: density,
    magneticClass,
    elements,
    nEl,
    elementFraction,
    sieve,
    nSize: sieve.n,
    breakage: breakageMatrix(sieve),
    el: { Cr: elements.indexOf('Cr'), Fe: elements.indexOf('Fe') },
    formulas: names.map((n) => n.replace(/\([a-z]+\)$/, '')),
    index: new Map(names.map((n, i) => [n, i])),
    key: names.join('\n'),
    molarMass_kg_per_mol: molarMass,
    gasMolarMass_g_per_mol: gasMolarMass,
  };
}

function rank(el: string): number {
  const i = ELEMENT_ORDER.indexOf(el);
  return i < 0 ? ELEMENT_ORDER.length : i;
}

/**
 * Broadbent–Callcott cumulative breakage function B(x, y) = (1 − e^(−x/y)) / (1 − e^(−1)),
 * the fraction of the products of breaking a particle of size y that is finer than x,
 * normalised over the classes below the parent so that every column sums to exactly 1
 * (the pan takes the remainder).
 * @see S. R. Broadbent, T. G. Callcott, "Coal breakage processes", J. Inst. Fuel 29 (1956) 524;
 *   B. A. Wills, J. Finch, Wills' Mineral Processing Technology, 8th ed. (2016), ch. 5.
 */
export function breakageMatrix(sieve: SieveSeries): Float64Array {
  const n = sieve.n;
  const b = new Float64Array(n * n);
  const B = (x: number, y: number): number => (1 - Math.exp(-x / y)) / (1 - Math.exp(-1));
  for (let i = 0; i < n - 1; i++) {
    const y = sieve.mid_um[i] ?? 1;
    const norm = B(sieve.upper_um[i + 1] ?? 0, y);
    let acc = 0;
    for (let j = i + 1; j < n - 1; j++) {
      const f = (B(sieve.upper_um[j] ?? 0, y) - B(sieve.lower_um[j] ?? 0, y)) / norm;
      b[j * n + i] = f;
      acc += f;
    }
    b[(n - 1) * n + i] = 1 - acc;
  }
  return b;
}
