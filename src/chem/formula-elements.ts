/**
 * Element vectors of component names (`Cr2O3(s)`, `Mg3Si2O5(OH)4`, `CO(g)`) for the flowsheet
 * engine: a thin adapter over the chemistry parser (`formula.ts`) and the IUPAC atomic weights
 * (`atomic-weights.ts`), keeping the contract `src/process` was written against.
 */
import { ATOMIC_WEIGHTS_G_PER_MOL } from './atomic-weights.js';
import { parseFormula } from './formula.js';

/** Standard atomic weights [g/mol] (IUPAC 2021; see atomic-weights.ts). */
export const ATOMIC_MASS_G_PER_MOL: Readonly<Record<string, number>> = ATOMIC_WEIGHTS_G_PER_MOL;

const PHASE_RE = /\((s|l|g|aq|cr|c|am)\d*\)$/;

/** Splits a species name like `Cr2O3(s)` into formula `Cr2O3` and phase `s` (or `null`). */
export function splitPhase(name: string): { formula: string; phase: string | null } {
  const m = PHASE_RE.exec(name);
  if (!m) return { formula: name, phase: null };
  return { formula: name.slice(0, m.index), phase: m[1] ?? null };
}

/**
 * Element counts per formula unit [mol/mol] of a component name (phase suffix ignored).
 * Hydrates and adducts are written with `·` or `*` and an optional leading count per part,
 * e.g. `CuSO4·5H2O`.
 */
export function formulaElements(name: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of splitPhase(name).formula.split(/[·*]/)) {
    const m = /^(\d+(?:\.\d+)?)?(.*)$/.exec(part);
    const count = m?.[1] === undefined ? 1 : Number(m[1]);
    for (const [el, n] of Object.entries(parseFormula(m?.[2] ?? part, name).elements)) {
      out[el] = (out[el] ?? 0) + count * n;
    }
  }
  return out;
}

/** Molar mass [g/mol] of a component name (phase suffix ignored). */
export function molarMass_g_per_mol(name: string): number {
  let total = 0;
  for (const [el, n] of Object.entries(formulaElements(name)))
    total += n * (ATOMIC_WEIGHTS_G_PER_MOL[el] ?? Number.NaN);
  return total;
}

/** Mass fraction of each element in a component [kg element / kg component]. */
export function elementMassFractions(name: string): Record<string, number> {
  const elements = formulaElements(name);
  const total = molarMass_g_per_mol(name);
  const out: Record<string, number> = {};
  for (const [el, n] of Object.entries(elements))
    out[el] = (n * (ATOMIC_WEIGHTS_G_PER_MOL[el] ?? Number.NaN)) / total;
  return out;
}
