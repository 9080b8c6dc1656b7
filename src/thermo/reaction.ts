import { InputError } from '../errors.js';
import { parseReaction, type ReactionEquation } from '../chem/reaction-equation.js';
import { CompiledSpeciesSet } from './compiled.js';

/** Molar gas constant [J/(mol·K)] (CODATA 2018, exact). */
export const R_J_PER_MOL_K = 8.314462618;

/** Reaction properties at one temperature (CLI `thermo reaction --json` rows). */
export interface ReactionProperties {
  T_K: number;
  /** ΔrH° for the equation as written [kJ]. */
  dH_kJ: number;
  /** ΔrS° [J/K]. */
  dS_J_per_K: number;
  /** ΔrG° = ΔrH° − T ΔrS° [kJ]. */
  dG_kJ: number;
  /** Equilibrium constant K = exp(−ΔrG°/RT) (standard state 1 bar) [-]. */
  K: number;
}

/**
 * A reaction compiled for repeated evaluation: species are resolved once, stoichiometric
 * coefficients are stored in a typed array (ν < 0 reactants, ν > 0 products), and the methods
 * allocate nothing.
 */
export class CompiledReaction {
  readonly equation: ReactionEquation;
  readonly species: CompiledSpeciesSet;
  /** Stoichiometric coefficients in the order of {@link species} [mol]. */
  readonly nu: Float64Array;

  constructor(equation: string, field = 'equation') {
    this.equation = parseReaction(equation, field);
    const terms = [...this.equation.reactants, ...this.equation.products];
    this.species = new CompiledSpeciesSet(
      terms.map((t) => t.species),
      undefined,
      terms.map((t) => `${field} (species "${t.species}")`),
    );
    this.nu = Float64Array.from(
      terms.map((t, i) => (i < this.equation.reactants.length ? -t.coefficient : t.coefficient)),
    );
  }

  /** ΔrH° at T. @param T_K - [K] @returns [J] */
  dH_J(T_K: number): number {
    let s = 0;
    for (let i = 0; i < this.nu.length; i++)
      s += (this.nu[i] as number) * this.species.h_J_per_mol(i, T_K);
    return s;
  }

  /** ΔrS° at T. @param T_K - [K] @returns [J/K] */
  dS_J_per_K(T_K: number): number {
    let s = 0;
    for (let i = 0; i < this.nu.length; i++) s += (this.nu[i] as number) * this.species.s(i, T_K);
    return s;
  }

  /** ΔrG° at T. @param T_K - [K] @returns [J] */
  dG_J(T_K: number): number {
    let s = 0;
    for (let i = 0; i < this.nu.length; i++)
      s += (this.nu[i] as number) * this.species.g_J_per_mol(i, T_K);
    return s;
  }

  /** ln K = −ΔrG°/(R T). @param T_K - [K] @returns [-] */
  lnK(T_K: number): number {
    return -this.dG_J(T_K) / (R_J_PER_MOL_K * T_K);
  }

  /**
   * Temperature where ΔrG°(T) = 0 within [lo, hi], by bisection (to 1e-6 K).
   * @param lo_K - Lower bracket [K] @param hi_K - Upper bracket [K]
   * @returns T [K], or `undefined` when ΔrG° has the same sign at both ends
   */
  zeroGibbsTemperature_K(lo_K: number, hi_K: number): number | undefined {
    let a = lo_K;
    let b = hi_K;
    let ga = this.dG_J(a);
    if (ga * this.dG_J(b) > 0) return undefined;
    while (b - a > 1e-6) {
      const m = (a + b) / 2;
      const gm = this.dG_J(m);
      if (gm * ga > 0) {
        a = m;
        ga = gm;
      } else b = m;
    }
    return (a + b) / 2;
  }
}

/**
 * Compiles a reaction equation for hot loops (see {@link CompiledReaction}).
 * @param equation - e.g. `Cr2O3 + 3C = 2Cr + 3CO(g)`
 */
export function compileReaction(equation: string): CompiledReaction {
  return new CompiledReaction(equation);
}

/** Compiled reactions of recent calls (bounded). */
const reactionCache = new Map<string, CompiledReaction>();

/**
 * ΔrH°, ΔrS°, ΔrG° and K of a reaction as written, each species in its most stable phase at
 * T unless a phase suffix is given.
 *
 * @param equation - Balanced equation, e.g. `Cr2O3 + 2Al = 2Cr + Al2O3`
 * @param T_K - Temperature(s) [K]
 * @returns One row per temperature: dH [kJ], dS [J/K], dG [kJ], K [-]
 * @throws InputError naming `equation` (syntax, unknown species, unbalanced) or `T_K`
 */
export function reaction(equation: string, T_K: number | readonly number[]): ReactionProperties[] {
  let r = reactionCache.get(equation);
  if (!r) {
    r = new CompiledReaction(equation);
    if (reactionCache.size >= 512) reactionCache.clear();
    reactionCache.set(equation, r);
  }
  const rx = r;
  const Ts = typeof T_K === 'number' ? [T_K] : T_K;
  if (Ts.length === 0) throw new InputError('T_K', T_K, 'at least one temperature');
  return Ts.map((T) => {
    if (!Number.isFinite(T)) throw new InputError('T_K', T, 'a finite temperature in K');
    const dG = rx.dG_J(T);
    return {
      T_K: T,
      dH_kJ: rx.dH_J(T) / 1000,
      dS_J_per_K: rx.dS_J_per_K(T),
      dG_kJ: dG / 1000,
      K: Math.exp(-dG / (R_J_PER_MOL_K * T)),
    };
  });
}
