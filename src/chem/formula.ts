import { InputError } from '../errors.js';
import { ATOMIC_WEIGHTS_G_PER_MOL } from './atomic-weights.js';

/** Phase of a species as written after its formula: `(s)`/`(cr)` crystal, `(l)` liquid, `(g)` gas. */
export type PhaseState = 's' | 'l' | 'g';

/** A parsed chemical formula. Element amounts are per formula unit (may be fractional). */
export interface ParsedFormula {
  /** The formula as given, without the phase suffix and surrounding blanks (e.g. `Fe0.947O`). */
  formula: string;
  /** Element → amount per formula unit [mol/mol], in order of first appearance. */
  elements: Readonly<Record<string, number>>;
  /** Phase from the suffix, or `undefined` when none was given. */
  phase: PhaseState | undefined;
}

const PHASE_SUFFIXES: Readonly<Record<string, PhaseState>> = {
  s: 's',
  cr: 's',
  c: 's',
  l: 'l',
  liq: 'l',
  g: 'g',
};

/**
 * Parses a chemical formula with optional parentheses, fractional stoichiometry and a phase
 * suffix: `Cr2O3`, `Fe0.947O`, `Ca(OH)2`, `Al2O3(s)`, `H2O(l)`, `CO(g)`, `Cr(cr)`.
 *
 * @param text - Formula [-]; the field name in errors is `field`
 * @param field - Name of the argument, used in error messages
 * @returns Elements per formula unit [mol/mol] and the phase suffix
 * @throws InputError naming `field` for an empty formula, unknown element, unbalanced
 *   parenthesis, bad number or unknown phase suffix
 */
export function parseFormula(text: string, field = 'formula'): ParsedFormula {
  let body = text.trim();
  let phase: PhaseState | undefined;
  const suffix = /\(([a-z]+)\)$/.exec(body);
  if (suffix) {
    const p = PHASE_SUFFIXES[suffix[1] ?? ''];
    if (p === undefined)
      throw new InputError(field, text, 'a phase suffix (s), (cr), (l) or (g) after the formula');
    phase = p;
    body = body.slice(0, suffix.index).trim();
  }
  if (body.length === 0) throw new InputError(field, text, 'a chemical formula such as Cr2O3');
  let pos = 0;
  const fail = (what: string): never => {
    throw new InputError(field, text, `${what} at position ${pos + 1} of the formula`);
  };
  const readNumber = (): number => {
    const m = /^(\d+(\.\d*)?|\.\d+)/.exec(body.slice(pos));
    if (!m) return 1;
    pos += m[0].length;
    const v = Number(m[0]);
    if (!(v > 0) || !Number.isFinite(v)) fail('a positive number');
    return v;
  };
  const readGroup = (depth: number): Map<string, number> => {
    const acc = new Map<string, number>();
    while (pos < body.length) {
      const ch = body[pos] ?? '';
      if (ch === '(' || ch === '[') {
        pos += 1;
        const inner = readGroup(depth + 1);
        const close = body[pos];
        if (close !== ')' && close !== ']') fail('a closing parenthesis');
        pos += 1;
        const k = readNumber();
        for (const [el, n] of inner) acc.set(el, (acc.get(el) ?? 0) + n * k);
      } else if (ch === ')' || ch === ']') {
        if (depth === 0) fail('an unmatched closing parenthesis');
        return acc;
      } else {
        const m = /^[A-Z][a-z]?/.exec(body.slice(pos));
        if (!m) fail(`an element symbol (found "${ch}")`);
        const sym = (m as RegExpExecArray)[0];
        if (ATOMIC_WEIGHTS_G_PER_MOL[sym] === undefined) fail(`a known element (found "${sym}")`);
        pos += sym.length;
        const k = readNumber();
        acc.set(sym, (acc.get(sym) ?? 0) + k);
      }
    }
    if (depth > 0) fail('a closing parenthesis');
    return acc;
  };
  const map = readGroup(0);
  if (map.size === 0) fail('at least one element');
  const elements: Record<string, number> = {};
  for (const [el, n] of map) elements[el] = n;
  return { formula: body, elements, phase };
}

/**
 * Molar mass of a formula, from the IUPAC 2021 standard atomic weights.
 *
 * M = Σ_e n_e · A_e
 *
 * @param formula - Formula string (phase suffix allowed) or parsed formula
 * @returns Molar mass [g/mol]
 */
export function molarMass_g_per_mol(formula: string | ParsedFormula): number {
  const parsed = typeof formula === 'string' ? parseFormula(formula) : formula;
  let m = 0;
  for (const [el, n] of Object.entries(parsed.elements))
    m += n * (ATOMIC_WEIGHTS_G_PER_MOL[el] ?? Number.NaN);
  return m;
}

/** Element matrix of a list of species. */
export interface ElementMatrix {
  /** Elements (rows), in order of first appearance. */
  elements: string[];
  /** Species (columns), as given. */
  species: string[];
  /** `matrix[e][j]` = amount of element e in one mol of species j [mol/mol]. */
  matrix: number[][];
}

/**
 * Element matrix A (elements × species) with A[e][j] the amount of element e per mol of j.
 *
 * @param species - Formulas (phase suffixes allowed)
 * @returns Elements, species and the matrix [mol/mol]
 */
export function elementMatrix(species: readonly string[]): ElementMatrix {
  const parsed = species.map((s, i) => parseFormula(s, `species[${i}]`));
  const elements: string[] = [];
  for (const p of parsed)
    for (const el of Object.keys(p.elements)) if (!elements.includes(el)) elements.push(el);
  const matrix = elements.map((el) => parsed.map((p) => p.elements[el] ?? 0));
  return { elements, species: [...species], matrix };
}
