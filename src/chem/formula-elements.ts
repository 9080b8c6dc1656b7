/**
 * STOPGAP formula → element parser, written by the process helper because `src/chem` did not
 * exist yet. The thermochemistry helper owns `src/chem`; the integrator should replace this file
 * (keeping the two exported functions' contracts) with that parser. Only `src/process` uses it.
 *
 * Formulas: element symbols with integer or decimal counts, nested parentheses, an optional
 * phase suffix `(s)`, `(l)`, `(g)`, `(aq)`, `(cr)` and hydrate dots (`·` or `*`), e.g.
 * `Cr2O3(s)`, `Mg3Si2O5(OH)4`, `CO(g)`, `CuSO4·5H2O`.
 */
import { InputError } from '../errors.js';

/**
 * Standard atomic weights [g/mol], IUPAC 2021 conventional values (abridged values where
 * IUPAC gives an interval). Source: IUPAC CIAAW, "Standard atomic weights of the elements
 * 2021", Pure Appl. Chem. 94 (2022) 573; https://www.ciaaw.org/atomic-weights.htm
 */
export const ATOMIC_MASS_G_PER_MOL: Readonly<Record<string, number>> = {
  H: 1.008,
  He: 4.0026,
  C: 12.011,
  N: 14.007,
  O: 15.999,
  F: 18.998,
  Na: 22.99,
  Mg: 24.305,
  Al: 26.982,
  Si: 28.085,
  P: 30.974,
  S: 32.06,
  Cl: 35.45,
  Ar: 39.95,
  K: 39.098,
  Ca: 40.078,
  Ti: 47.867,
  V: 50.942,
  Cr: 51.996,
  Mn: 54.938,
  Fe: 55.845,
  Co: 58.933,
  Ni: 58.693,
  Cu: 63.546,
  Zn: 65.38,
  Zr: 91.224,
  Mo: 95.95,
  Ba: 137.33,
  W: 183.84,
  Pb: 207.2,
};

const PHASE_RE = /\((s|l|g|aq|cr|am)\d*\)$/;

/** Splits a species name like `Cr2O3(s)` into formula `Cr2O3` and phase `s` (or `null`). */
export function splitPhase(name: string): { formula: string; phase: string | null } {
  const m = PHASE_RE.exec(name);
  if (!m) return { formula: name, phase: null };
  return { formula: name.slice(0, m.index), phase: m[1] ?? null };
}

/**
 * Element counts of a chemical formula.
 * @param name - Formula, optionally with a phase suffix, e.g. `Mg3Si2O5(OH)4` or `CO(g)`
 * @returns Atoms of each element per formula unit [mol/mol]
 * @throws InputError if the formula is empty, unbalanced or uses an unknown element
 */
export function formulaElements(name: string): Record<string, number> {
  const { formula } = splitPhase(name.trim());
  if (formula.length === 0)
    throw new InputError('formula', name, 'a chemical formula such as "Cr2O3(s)"');
  const out: Record<string, number> = {};
  for (const part of formula.split(/[·*]/)) {
    const lead = /^(\d+(?:\.\d+)?)/.exec(part);
    const mult = lead ? Number(lead[1]) : 1;
    const body = lead ? part.slice(lead[0].length) : part;
    const counts = parseGroup(body, name);
    for (const [el, n] of Object.entries(counts)) out[el] = (out[el] ?? 0) + n * mult;
  }
  return out;
}

function parseGroup(s: string, whole: string): Record<string, number> {
  const stack: Record<string, number>[] = [{}];
  let i = 0;
  const readCount = (): number => {
    const m = /^\d+(?:\.\d+)?/.exec(s.slice(i));
    if (!m) return 1;
    i += m[0].length;
    return Number(m[0]);
  };
  while (i < s.length) {
    const ch = s.charAt(i);
    if (ch === '(' || ch === '[') {
      stack.push({});
      i++;
    } else if (ch === ')' || ch === ']') {
      i++;
      const group = stack.pop();
      const top = stack[stack.length - 1];
      if (!group || !top) throw new InputError('formula', whole, 'balanced parentheses');
      const n = readCount();
      for (const [el, c] of Object.entries(group)) top[el] = (top[el] ?? 0) + c * n;
    } else {
      const m = /^[A-Z][a-z]?/.exec(s.slice(i));
      if (!m)
        throw new InputError(
          'formula',
          whole,
          'element symbols (e.g. "Fe"), counts and parentheses',
        );
      const el = m[0];
      if (ATOMIC_MASS_G_PER_MOL[el] === undefined)
        throw new InputError('formula', whole, `known element symbols (unknown: "${el}")`);
      i += el.length;
      const n = readCount();
      const top = stack[stack.length - 1];
      if (!top) throw new InputError('formula', whole, 'balanced parentheses');
      top[el] = (top[el] ?? 0) + n;
    }
  }
  const root = stack[0];
  if (stack.length !== 1 || !root) throw new InputError('formula', whole, 'balanced parentheses');
  return root;
}

/**
 * Molar mass of a formula.
 * @param name - Formula with optional phase suffix
 * @returns Molar mass [g/mol]
 */
export function molarMass_g_per_mol(name: string): number {
  let m = 0;
  for (const [el, n] of Object.entries(formulaElements(name)))
    m += n * (ATOMIC_MASS_G_PER_MOL[el] ?? NaN);
  return m;
}

/**
 * Mass fraction of each element in a formula.
 * @param name - Formula with optional phase suffix
 * @returns Element mass fractions [kg/kg], summing to 1
 */
export function elementMassFractions(name: string): Record<string, number> {
  const counts = formulaElements(name);
  const M = molarMass_g_per_mol(name);
  const out: Record<string, number> = {};
  for (const [el, n] of Object.entries(counts))
    out[el] = (n * (ATOMIC_MASS_G_PER_MOL[el] ?? NaN)) / M;
  return out;
}
