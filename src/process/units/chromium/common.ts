/**
 * Shared helpers of the chromium-metal unit kinds (issue 5 item 4): component lookup by name,
 * molar amounts, stream enthalpies from the thermochemistry database and the energy-balance
 * diagnostics every reactive unit writes.
 *
 * Conventions of these units:
 * - Liquid process water is the component `H2O(aq)` (never `H2O(l)`): the flowsheet engine
 *   checks `H2O(l)` as a conserved component, which reactive units (evaporation, hydration,
 *   electrolysis) do not conserve; elements are always checked.
 * - Dissolved salts are `X(aq)`; their enthalpy is taken as the crystal's (heats of solution
 *   neglected, documented in docs/model.md).
 */
import { molarMass_g_per_mol, splitPhase } from '../../../chem/formula-elements.js';
import { InputError } from '../../../errors.js';
import { CompiledSpeciesSet } from '../../../thermo/compiled.js';
import { CHROMIUM_TEMPLATES } from '../../chromium/templates.js';
import { buildComponentModel, type ComponentModel } from '../../components.js';
import type { Stream } from '../../stream.js';
import type { EnergyTerms, UnitOutput } from '../../unit.js';

/** Faraday constant [C/mol] (CODATA 2018, exact). */
export const FARADAY_C_PER_MOL = 96_485.332_12;

/**
 * Air per mol of O2, 21/79 mol O2/N2 (argon lumped with N2) [kg/mol O2]; air mass fractions
 * AIR_O2_MASS_FRACTION of O2, the rest N2.
 */
export const AIR_KG_PER_MOL_O2 = (31.998 + (79 / 21) * 28.014) / 1000;
export const AIR_O2_MASS_FRACTION = 31.998 / (31.998 + (79 / 21) * 28.014);

/**
 * Component index of `name` in the model.
 * @throws InputError if the template does not list the component
 */
export function comp(model: ComponentModel, name: string): number {
  const i = model.index.get(name);
  if (i === undefined)
    throw new InputError('components.species', name, `a template listing the species ${name}`);
  return i;
}

/** Molar mass of a component of the model [kg/mol] (from the model: no parsing). */
export function molarMassOf(model: ComponentModel, name: string): number {
  return model.molarMass_kg_per_mol[comp(model, name)] ?? NaN;
}

/** Molar mass of a component name from its formula [kg/mol] (parsed on each call). */
export function mw(name: string): number {
  return molarMass_g_per_mol(name) / 1000;
}

/** Amount flow of a component in a stream [mol/h]. */
export function mol(model: ComponentModel, s: Stream, name: string): number {
  const i = comp(model, name);
  return (s.flow[i] ?? 0) / (model.molarMass_kg_per_mol[i] ?? NaN);
}

/**
 * Adds an amount flow [mol/h] of a component to a stream. A result within 1e-12 of the previous
 * flow of zero (round-off of "consume everything") is set to exactly 0.
 */
export function addMol(model: ComponentModel, s: Stream, name: string, mol_per_h: number): void {
  const i = comp(model, name);
  const before = s.flow[i] ?? 0;
  const after = before + mol_per_h * (model.molarMass_kg_per_mol[i] ?? NaN);
  s.flow[i] = Math.abs(after) <= 1e-12 * Math.abs(before) ? 0 : after;
}

/** Mass flow of a component [kg/h]. */
export function kg(model: ComponentModel, s: Stream, name: string): number {
  return s.flow[comp(model, name)] ?? 0;
}

/** Adds a mass flow [kg/h] of a component to a stream. */
export function addKg(model: ComponentModel, s: Stream, name: string, kg_per_h: number): void {
  const i = comp(model, name);
  s.flow[i] = (s.flow[i] ?? 0) + kg_per_h;
}

/** Sum of all component flows of a stream [kg/h]. */
export function total(s: Stream): number {
  let t = 0;
  for (const v of s.flow) t += v;
  return t;
}

/** Thermo database name of a component: phase suffix mapped (aq → crystal/liquid water). */
export function thermoName(component: string): string {
  const { formula, phase } = splitPhase(component);
  if (phase === 'g') return `${formula}(g)`;
  if (formula === 'H2O') return 'H2O(l)';
  return formula; // stable condensed phase at T (melting included)
}

interface EnthalpyMap {
  readonly set: CompiledSpeciesSet | null;
  /** Component index of each set entry. */
  readonly compOf: Int32Array;
  /** 1 for components absent from the database. */
  readonly missing: Uint8Array;
  /** Molar mass of each set entry's component (chemistry parser, as everywhere here) [kg/mol]. */
  readonly mw: Float64Array;
}

/** The enthalpy map of a component list (compiles its species: not for a hot path). */
function buildEnthalpyMap(componentNames: readonly string[]): EnthalpyMap {
  const model = { names: componentNames, nComp: componentNames.length };
  const names: string[] = [];
  const compOf: number[] = [];
  const missing = new Uint8Array(model.nComp);
  model.names.forEach((c, i) => {
    const t = thermoName(c);
    try {
      new CompiledSpeciesSet([t]);
      names.push(t);
      compOf.push(i);
    } catch {
      missing[i] = 1;
    }
  });
  return {
    set: names.length > 0 ? new CompiledSpeciesSet(names) : null,
    compOf: Int32Array.from(compOf),
    missing,
    mw: Float64Array.from(compOf.map((c) => mw(model.names[c] ?? ''))),
  };
}

/**
 * The enthalpy maps of the chromium templates' component lists, built once at load: constants
 * of the template data (data/process/chromium), by component list.
 */
const TEMPLATE_ENTHALPY_MAPS: ReadonlyMap<string, EnthalpyMap> = new Map(
  Object.values(CHROMIUM_TEMPLATES).map((t) => {
    const model = buildComponentModel(t.template.components);
    return [model.key, buildEnthalpyMap(model.names)];
  }),
);

/** The enthalpy map of a model: a template's constant, or built for another component list. */
function enthalpyMap(model: ComponentModel): EnthalpyMap {
  return TEMPLATE_ENTHALPY_MAPS.get(model.key) ?? buildEnthalpyMap(model.names);
}

/**
 * Absolute enthalpy flow of a stream at temperature T: Σ ṅ_i (ΔfH298,i + H_i(T) − H298,i),
 * stable phase of each species at T (NIST-JANAF / USBM data, docs/thermo.md).
 * @param T_K - Temperature [K] (default: the stream's)
 * @returns Enthalpy flow [kW]; NaN if a component with non-zero flow is not in the database
 */
export function enthalpy_kW(model: ComponentModel, s: Stream, T_K = s.T_K): number {
  const m = enthalpyMap(model);
  for (let i = 0; i < model.nComp; i++) if (m.missing[i] === 1 && (s.flow[i] ?? 0) > 0) return NaN;
  if (!m.set) return 0;
  const n = new Float64Array(m.compOf.length);
  for (let k = 0; k < m.compOf.length; k++) {
    const c = m.compOf[k] ?? 0;
    n[k] = (s.flow[c] ?? 0) / 3600 / (m.mw[k] ?? 1); // mol/s
  }
  try {
    return m.set.streamEnthalpy_W(n, T_K) / 1000;
  } catch {
    return NaN;
  }
}

/** Writes the energy-balance terms into the unit's typed energy slot (read by the stage summary). */
export function writeEnergy(out: UnitOutput, e: EnergyTerms): void {
  out.energy = { ...e };
}

/**
 * Fired heat: the heat a process needs, Q = H_out − H_in [kW], is supplied by burners; the
 * shell loses a fraction `loss` of the fired heat: heat_in = Q/(1 − loss), loss = loss·heat_in.
 * When Q ≤ 0 no heat is fired and −Q is lost.
 */
export function firedHeat(H_in_kW: number, H_out_kW: number, loss: number): EnergyTerms {
  const Q = H_out_kW - H_in_kW;
  const heat_in_kW = Q > 0 ? Q / (1 - loss) : 0;
  return {
    H_in_kW,
    H_out_kW,
    electric_kW: 0,
    heat_in_kW,
    heat_loss_kW: Q > 0 ? heat_in_kW * loss : -Q,
  };
}

/** Natural gas, air and flue species (a constant of the species database). */
const AIR_SET = new CompiledSpeciesSet(['CH4(g)', 'O2(g)', 'N2(g)', 'CO2(g)', 'H2O(g)']);
/**
 * Available-heat fraction of natural gas (as CH4) burnt with excess air λ, flue gas leaving at
 * T_flue: α = [H_reactants(298) − H_flue(T_flue)] / LHV, LHV = H_reactants(298) − H_flue(298)
 * with water as vapour. Air 21/79 O2/N2 (argon lumped with N2).
 * @param T_flue_K - Flue-gas exit temperature [K]
 * @param lambda - Air excess ratio [–] (≥ 1)
 * @returns α [–] and LHV [kJ/mol CH4]
 */
export function naturalGasAvailableHeat(
  T_flue_K: number,
  lambda: number,
): { alpha: number; lhv_kJ_per_mol: number } {
  const n2 = (2 * lambda * 79) / 21;
  const react = Float64Array.from([1, 2 * lambda, n2, 0, 0]);
  const flue = Float64Array.from([0, 2 * (lambda - 1), n2, 1, 2]);
  const Hr = AIR_SET.streamEnthalpy_W(react, 298.15);
  const lhv = Hr - AIR_SET.streamEnthalpy_W(flue, 298.15);
  const avail = Hr - AIR_SET.streamEnthalpy_W(flue, T_flue_K);
  return { alpha: avail / lhv, lhv_kJ_per_mol: lhv / 1000 };
}

/** Copies a subset of components in fraction f from `src` to `dst` (kg/h). */
export function moveFraction(
  model: ComponentModel,
  src: Stream,
  dst: Stream,
  names: readonly string[],
  f: number,
): void {
  for (const n of names) addKg(model, dst, n, f * kg(model, src, n));
}
