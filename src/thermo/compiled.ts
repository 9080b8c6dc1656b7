import { InputError } from '../errors.js';
import type { PhaseData } from './species-db.js';
import { resolveSpecies, type PhaseSelector, type ResolvedSpecies } from './species-db.js';
import { STRIDE, O_TLO, O_THI, cpAt, hAt, sAt, gAt } from './shomate.js';

/** One species' property records with the phase chosen at every temperature. */
interface SpeciesRecords {
  coef: Float64Array;
  phaseIndex: Int32Array;
  phases: PhaseData[];
}

function phaseRecords(p: PhaseData): Float64Array {
  const c = new Float64Array(p.segments.length * STRIDE);
  p.segments.forEach((s, k) => {
    c.set(
      [
        s.Tmin_K,
        s.Tmax_K,
        s.A,
        s.B,
        s.C,
        s.D,
        s.E,
        s.F_J_per_mol + p.dfH298_J_per_mol,
        s.G_J_per_mol_K,
      ],
      k * STRIDE,
    );
  });
  return c;
}

function recordAt(c: Float64Array, T: number): number {
  const n = c.length / STRIDE;
  for (let k = 0; k < n; k++) if (T <= (c[k * STRIDE + O_THI] as number)) return k * STRIDE;
  return (n - 1) * STRIDE;
}

/**
 * Splits [Tmin, Tmax] into intervals in each of which one phase has the lowest Gibbs energy
 * (only phases whose range contains T compete). Crossings are located by bisection to 1e-7 K.
 */
function stableIntervals(phases: PhaseData[]): { lo: number; hi: number; phase: number }[] {
  const recs = phases.map(phaseRecords);
  const Tmin = Math.min(...phases.map((p) => p.Tmin_K));
  const Tmax = Math.max(...phases.map((p) => p.Tmax_K));
  const inRange = (j: number, T: number): boolean =>
    T >= (phases[j] as PhaseData).Tmin_K - 1e-9 && T <= (phases[j] as PhaseData).Tmax_K + 1e-9;
  const g = (j: number, T: number): number => {
    const c = recs[j] as Float64Array;
    return gAt(c, recordAt(c, T), T);
  };
  const winner = (T: number): number => {
    let best = -1;
    let gBest = Infinity;
    for (let j = 0; j < phases.length; j++) {
      if (!inRange(j, T)) continue;
      const gj = g(j, T);
      if (gj < gBest) {
        gBest = gj;
        best = j;
      }
    }
    return best;
  };
  const grid: number[] = [Tmin];
  for (let T = Math.ceil(Tmin / 2) * 2; T < Tmax; T += 2) if (T > Tmin) grid.push(T);
  for (const p of phases) for (const e of [p.Tmin_K, p.Tmax_K]) grid.push(e);
  grid.push(Tmax);
  const Ts = [...new Set(grid)].sort((a, b) => a - b);
  const out: { lo: number; hi: number; phase: number }[] = [];
  let cur = winner(Tmin);
  let lo = Tmin;
  for (let k = 1; k < Ts.length; k++) {
    const T = Ts[k] as number;
    const w = winner(T);
    if (w === cur || w < 0) continue;
    const Tprev = Ts[k - 1] as number;
    let boundary: number;
    if (inRange(cur, T) && inRange(w, Tprev)) {
      let a = Tprev;
      let b = T;
      while (b - a > 1e-7) {
        const m = (a + b) / 2;
        if (g(cur, m) <= g(w, m)) a = m;
        else b = m;
      }
      boundary = (a + b) / 2;
    } else if (!inRange(cur, T)) boundary = (phases[cur] as PhaseData).Tmax_K;
    else boundary = (phases[w] as PhaseData).Tmin_K;
    out.push({ lo, hi: boundary, phase: cur });
    lo = boundary;
    cur = w;
  }
  out.push({ lo, hi: Tmax, phase: cur });
  return out.filter((x) => x.hi > x.lo);
}

function compileSpecies(rs: ResolvedSpecies): SpeciesRecords {
  const intervals =
    rs.phases.length === 1
      ? [
          {
            lo: (rs.phases[0] as PhaseData).Tmin_K,
            hi: (rs.phases[0] as PhaseData).Tmax_K,
            phase: 0,
          },
        ]
      : stableIntervals(rs.phases);
  const rows: number[] = [];
  const phaseIndex: number[] = [];
  for (const iv of intervals) {
    const p = rs.phases[iv.phase] as PhaseData;
    const c = phaseRecords(p);
    for (let k = 0; k < p.segments.length; k++) {
      const lo = Math.max(iv.lo, c[k * STRIDE + O_TLO] as number);
      const hi = Math.min(iv.hi, c[k * STRIDE + O_THI] as number);
      if (hi <= lo) continue;
      const rec = Array.from(c.subarray(k * STRIDE, (k + 1) * STRIDE));
      rec[O_TLO] = lo;
      rec[O_THI] = hi;
      rows.push(...rec);
      phaseIndex.push(iv.phase);
    }
  }
  return {
    coef: Float64Array.from(rows),
    phaseIndex: Int32Array.from(phaseIndex),
    phases: rs.phases,
  };
}

const cache = new Map<string, SpeciesRecords & { rs: ResolvedSpecies }>();
function selectorKey(s: PhaseSelector): string {
  return typeof s === 'string' ? s : `#${typeof s.id === 'string' ? s.id : s.id.join('|')}`;
}

/**
 * Species resolved and compiled once (cached by formula and phase selection).
 * @internal
 */
export function compiledSpecies(
  text: string,
  field: string,
  selector?: PhaseSelector,
): SpeciesRecords & { rs: ResolvedSpecies } {
  const rs = resolveSpecies(text, field, selector);
  const key = `${rs.data.formula}|${selectorKey(rs.selector)}`;
  let c = cache.get(key);
  if (!c) {
    c = { ...compileSpecies(rs), rs };
    cache.set(key, c);
  }
  return c;
}

/**
 * A set of species compiled for fast, allocation-free property evaluation in hot loops
 * (flowsheet and furnace models). Built once by {@link compileSpeciesSet}; every method takes
 * the species index `i` (position in the list given) and a temperature in kelvin, uses only
 * typed arrays and never allocates. The phase of each species is the most stable one at T
 * among the allowed phases (pre-computed transition temperatures), or the fixed phase.
 */
export class CompiledSpeciesSet {
  /** Species as given. */
  readonly names: readonly string[];
  /** Database formula of each species. */
  readonly formulas: readonly string[];
  readonly size: number;
  /** Molar mass of each species [kg/mol]. */
  readonly molarMass_kg_per_mol: Float64Array;
  /** Elements present in the set (rows of {@link elementMatrix}). */
  readonly elements: readonly string[];
  /** Element matrix, row-major: amount of element e in species j at `[e * size + j]` [mol/mol]. */
  readonly elementMatrix: Float64Array;
  /** Lowest and highest temperature each species can be evaluated at [K]. */
  readonly Tmin_K: Float64Array;
  readonly Tmax_K: Float64Array;
  private readonly coef: Float64Array;
  private readonly start: Int32Array;
  private readonly recPhase: Int32Array;
  private readonly phaseLists: PhaseData[][];

  /**
   * @param species - Formulas with optional phase suffix
   * @param selectors - Phase selection per species (overrides the suffix)
   * @param fields - Argument names for error messages (default `species[i]`)
   */
  constructor(
    species: readonly string[],
    selectors?: readonly (PhaseSelector | undefined)[],
    fields?: readonly string[],
  ) {
    const compiled = species.map((s, i) =>
      compiledSpecies(s, fields?.[i] ?? `species[${i}]`, selectors?.[i]),
    );
    this.names = [...species];
    this.formulas = compiled.map((c) => c.rs.data.formula);
    this.size = species.length;
    this.molarMass_kg_per_mol = Float64Array.from(
      compiled.map((c) => c.rs.data.molar_mass_g_per_mol / 1000),
    );
    const elements: string[] = [];
    for (const c of compiled)
      for (const e of Object.keys(c.rs.data.elements)) if (!elements.includes(e)) elements.push(e);
    this.elements = elements;
    this.elementMatrix = new Float64Array(elements.length * this.size);
    compiled.forEach((c, j) => {
      elements.forEach((e, k) => {
        this.elementMatrix[k * this.size + j] = c.rs.data.elements[e] ?? 0;
      });
    });
    const start = new Int32Array(this.size + 1);
    let total = 0;
    compiled.forEach((c, j) => {
      start[j] = total;
      total += c.coef.length;
    });
    start[this.size] = total;
    this.start = start;
    this.coef = new Float64Array(total);
    this.recPhase = new Int32Array(total / STRIDE);
    compiled.forEach((c, j) => {
      this.coef.set(c.coef, start[j]);
      this.recPhase.set(c.phaseIndex, (start[j] as number) / STRIDE);
    });
    this.phaseLists = compiled.map((c) => c.phases);
    this.Tmin_K = Float64Array.from(compiled.map((c) => c.coef[O_TLO] as number));
    this.Tmax_K = Float64Array.from(
      compiled.map((c) => c.coef[c.coef.length - STRIDE + O_THI] as number),
    );
  }

  /** Whether the data of species i cover T (the range every property accepts). @param T - [K] */
  covers(i: number, T: number): boolean {
    const a = this.start[i] as number;
    const b = this.start[i + 1] as number;
    const c = this.coef;
    return T >= (c[a + O_TLO] as number) - 1e-9 && T <= (c[b - STRIDE + O_THI] as number) + 1e-9;
  }

  /** Offset of the coefficient record of species i at T; throws InputError out of range. */
  private rec(i: number, T: number): number {
    const a = this.start[i] as number;
    const b = this.start[i + 1] as number;
    const c = this.coef;
    if (!this.covers(i, T)) this.outOfRange(i, T);
    for (let r = a; r < b - STRIDE; r += STRIDE) if (T <= (c[r + O_THI] as number)) return r;
    return b - STRIDE;
  }

  private outOfRange(i: number, T: number): never {
    if (i < 0 || i >= this.size || !Number.isInteger(i))
      throw new InputError('species index', i, `an integer from 0 to ${this.size - 1}`);
    throw new InputError(
      'T_K',
      T,
      `a temperature within ${String(this.Tmin_K[i])}–${String(this.Tmax_K[i])} K for ${this.names[i] ?? ''}`,
    );
  }

  /** Heat capacity of species i at T. @param T_K - [K] @returns Cp [J/(mol·K)] */
  cp(i: number, T_K: number): number {
    return cpAt(this.coef, this.rec(i, T_K), T_K);
  }

  /** Absolute enthalpy ΔfH298 + H(T) − H(298.15). @param T_K - [K] @returns [J/mol] */
  h_J_per_mol(i: number, T_K: number): number {
    return hAt(this.coef, this.rec(i, T_K), T_K);
  }

  /** Standard entropy (1 bar). @param T_K - [K] @returns [J/(mol·K)] */
  s(i: number, T_K: number): number {
    return sAt(this.coef, this.rec(i, T_K), T_K);
  }

  /** Standard Gibbs energy G = H − T·S with absolute H. @param T_K - [K] @returns [J/mol] */
  g_J_per_mol(i: number, T_K: number): number {
    return gAt(this.coef, this.rec(i, T_K), T_K);
  }

  /** Phase record used for species i at T (the most stable allowed phase). */
  phaseAt(i: number, T_K: number): PhaseData {
    const r = this.rec(i, T_K);
    return (this.phaseLists[i] as PhaseData[])[this.recPhase[r / STRIDE] as number] as PhaseData;
  }

  /** Whether species i is liquid at T (in its selected phase). */
  isLiquid(i: number, T_K: number): boolean {
    return this.phaseAt(i, T_K).state === 'l';
  }

  /**
   * Enthalpy flow of a stream: Σ ṅ_i · H_i(T) (absolute H, so reaction heats are included).
   * @param molFlows_mol_per_s - Molar flows in the order of the set [mol/s]
   * @param T_K - Stream temperature [K]
   * @returns Enthalpy flow [W]
   */
  streamEnthalpy_W(molFlows_mol_per_s: Float64Array, T_K: number): number {
    let sum = 0;
    for (let i = 0; i < this.size; i++) {
      const n = molFlows_mol_per_s[i] as number;
      if (n !== 0) sum += n * hAt(this.coef, this.rec(i, T_K), T_K);
    }
    return sum;
  }

  /**
   * Heat capacity flow Σ ṅ_i · Cp_i(T).
   * @param molFlows_mol_per_s - [mol/s] @param T_K - [K] @returns [W/K]
   */
  streamCp_W_per_K(molFlows_mol_per_s: Float64Array, T_K: number): number {
    let sum = 0;
    for (let i = 0; i < this.size; i++) {
      const n = molFlows_mol_per_s[i] as number;
      if (n !== 0) sum += n * cpAt(this.coef, this.rec(i, T_K), T_K);
    }
    return sum;
  }

  /** Fills `out[i]` with G_i(T) [J/mol] for every species; returns `out`. */
  gibbsVector(T_K: number, out: Float64Array): Float64Array {
    for (let i = 0; i < this.size; i++) out[i] = gAt(this.coef, this.rec(i, T_K), T_K);
    return out;
  }

  /** Fills `out[i]` with H_i(T) [J/mol]; returns `out`. */
  enthalpyVector(T_K: number, out: Float64Array): Float64Array {
    for (let i = 0; i < this.size; i++) out[i] = hAt(this.coef, this.rec(i, T_K), T_K);
    return out;
  }

  /** Upper temperature limits of the coefficient records of species i (segment ends) [K]. */
  segmentEnds_K(i: number): number[] {
    const out: number[] = [];
    for (let r = this.start[i] as number; r < (this.start[i + 1] as number); r += STRIDE)
      out.push(this.coef[r + O_THI] as number);
    return out;
  }

  /**
   * Temperatures [K] where the selected phase of species i changes (phase boundaries and
   * transitions within a record, e.g. Fe α→γ 1184 K), with the enthalpy jump [J/mol].
   */
  transitions(i: number): { T_K: number; dH_J_per_mol: number; from: string; to: string }[] {
    const out: { T_K: number; dH_J_per_mol: number; from: string; to: string }[] = [];
    const a = this.start[i] as number;
    const b = this.start[i + 1] as number;
    const phases = this.phaseLists[i] as PhaseData[];
    for (let r = a; r < b - STRIDE; r += STRIDE) {
      const T = this.coef[r + O_THI] as number;
      const h1 = hAt(this.coef, r, T);
      const h2 = hAt(this.coef, r + STRIDE, T);
      const p1 = this.recPhase[r / STRIDE] as number;
      const p2 = this.recPhase[r / STRIDE + 1] as number;
      if (p1 !== p2 || Math.abs(h2 - h1) > 0.5)
        out.push({
          T_K: T,
          dH_J_per_mol: h2 - h1,
          from: (phases[p1] as PhaseData).id,
          to: (phases[p2] as PhaseData).id,
        });
    }
    return out;
  }
}

/**
 * Compiles species for hot loops. Example:
 * ```ts
 * const set = compileSpeciesSet(['Cr2O3(s)', 'C(s)', 'CO(g)', 'Cr']);
 * set.h_J_per_mol(0, 1800); // J/mol, absolute
 * set.streamEnthalpy_W(new Float64Array([1, 3, 0, 0]), 298.15); // W
 * ```
 * @param species - Formulas with optional phase suffix; without suffix the stable phase is used
 * @returns The compiled set (indices follow the order given)
 * @throws InputError naming `species[i]` for an unknown species or phase
 */
export function compileSpeciesSet(species: readonly string[]): CompiledSpeciesSet {
  return new CompiledSpeciesSet(species);
}

/** Sets built by {@link cachedSpeciesSet}, by species list (bounded: cleared when full). */
const SETS = new Map<string, CompiledSpeciesSet>();
const MAX_CACHED_SETS = 1024;

/**
 * {@link compileSpeciesSet} built once per distinct species list. Sets are immutable, and a
 * flowsheet solve evaluates the heat balance of the same streams many times (a plant solve
 * spent ~20 % of its time re-resolving formulas into new sets).
 *
 * @param species - Formulas with optional phase suffix (order matters: it gives the indices)
 * @returns The compiled set, shared by every caller with the same list
 * @throws InputError naming `species[i]` for an unknown species or phase (nothing is cached)
 */
export function cachedSpeciesSet(species: readonly string[]): CompiledSpeciesSet {
  const key = species.join('\n');
  let set = SETS.get(key);
  if (!set) {
    set = new CompiledSpeciesSet(species);
    if (SETS.size >= MAX_CACHED_SETS) SETS.clear();
    SETS.set(key, set);
  }
  return set;
}
