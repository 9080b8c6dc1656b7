import { InputError } from '../errors.js';
import { parseFormula, type ParsedFormula } from './formula.js';

/** One species of a reaction equation with its stoichiometric coefficient. */
export interface ReactionTerm {
  /** Species as written, including a phase suffix if given (e.g. `Al2O3(l)`). */
  species: string;
  /** Parsed formula of the species. */
  parsed: ParsedFormula;
  /** Stoichiometric coefficient, positive, as written [mol]. */
  coefficient: number;
}

/** A parsed, element-balanced reaction equation. */
export interface ReactionEquation {
  /** The equation as given. */
  equation: string;
  reactants: ReactionTerm[];
  products: ReactionTerm[];
}

const ARROW = /<=>|<->|->|→|⇌|=/;

/**
 * Parses a reaction equation such as `Cr2O3 + 2Al = 2Cr + Al2O3` or
 * `2/3 Cr2O3(s) + 2 C -> 4/3 Cr + 2 CO(g)`. Coefficients may be integers, decimals or
 * fractions (`4/3`); `=`, `->`, `<=>` and `→` separate the sides. The equation must be
 * balanced in every element (relative tolerance 1e-9).
 *
 * @param equation - The equation text
 * @param field - Name of the argument, used in error messages
 * @returns Reactants and products with coefficients [mol per mol of reaction]
 * @throws InputError naming `field` for a syntax error, bad formula or unbalanced equation
 *   (the message lists each unbalanced element with both sides' amounts)
 */
export function parseReaction(equation: string, field = 'equation'): ReactionEquation {
  const sides = equation.split(ARROW);
  if (sides.length !== 2)
    throw new InputError(field, equation, 'one "=" (or "->") separating reactants and products');
  const parseSide = (side: string, which: string): ReactionTerm[] => {
    const parts = side.split(/\s\+\s|\s\+(?=\S)|(?<=\S)\+\s|(?<=[A-Za-z0-9)\]])\+(?=[0-9.A-Z([])/);
    const terms: ReactionTerm[] = [];
    for (const raw of parts) {
      const text = raw.trim();
      if (text.length === 0)
        throw new InputError(field, equation, `a species on each side of every "+" (${which})`);
      const m = /^(\d+(?:\.\d*)?(?:\/\d+(?:\.\d*)?)?|\.\d+)?\s*(.*)$/.exec(text);
      const coefText = m?.[1];
      const speciesText = (m?.[2] ?? '').trim();
      let coefficient = 1;
      if (coefText !== undefined) {
        const [num, den] = coefText.split('/');
        coefficient = Number(num) / (den === undefined ? 1 : Number(den));
      }
      if (!(coefficient > 0) || !Number.isFinite(coefficient))
        throw new InputError(field, equation, `a positive coefficient for "${text}"`);
      const parsed = parseFormula(speciesText, `${field} (${which} "${text}")`);
      const existing = terms.find((t) => t.species === speciesText);
      if (existing) existing.coefficient += coefficient;
      else terms.push({ species: speciesText, parsed, coefficient });
    }
    return terms;
  };
  const reactants = parseSide(sides[0] ?? '', 'reactants');
  const products = parseSide(sides[1] ?? '', 'products');
  const balance = new Map<string, [number, number]>();
  for (const [terms, k] of [
    [reactants, 0],
    [products, 1],
  ] as const)
    for (const t of terms)
      for (const [el, n] of Object.entries(t.parsed.elements)) {
        const b = balance.get(el) ?? [0, 0];
        b[k] += n * t.coefficient;
        balance.set(el, b);
      }
  const bad: string[] = [];
  for (const [el, [l, r]] of balance)
    if (Math.abs(l - r) > 1e-9 * Math.max(Math.abs(l), Math.abs(r)))
      bad.push(`${el}: ${fmt(l)} on the left, ${fmt(r)} on the right`);
  if (bad.length > 0)
    throw new InputError(field, equation, `a balanced equation (unbalanced ${bad.join('; ')})`);
  return { equation, reactants, products };
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(6).replace(/\.?0+$/, '');
}

/**
 * Element balance of a reaction: for each element, amount in products minus reactants [mol].
 * Zero (to rounding) for every equation returned by {@link parseReaction}.
 *
 * @param r - A parsed reaction
 * @returns Element → (products − reactants) [mol per mol of reaction]
 */
export function elementImbalance(r: ReactionEquation): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of r.reactants)
    for (const [el, n] of Object.entries(t.parsed.elements))
      out[el] = (out[el] ?? 0) - n * t.coefficient;
  for (const t of r.products)
    for (const [el, n] of Object.entries(t.parsed.elements))
      out[el] = (out[el] ?? 0) + n * t.coefficient;
  return out;
}
