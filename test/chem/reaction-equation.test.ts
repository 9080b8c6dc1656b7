import { describe, expect, it } from 'vitest';
import { parseReaction, elementImbalance } from '../../src/chem/reaction-equation.js';
import { InputError } from '../../src/errors.js';
import { SPECIES_DATA } from '../../src/thermo/species-db.js';
import { seededUniform } from '../thermo/seeded-random.js';

describe('parseReaction', () => {
  it('parses coefficients (integer, decimal, fraction), arrows and phase suffixes', () => {
    const r = parseReaction('2/3 Cr2O3(s) + 2 C -> 4/3 Cr + 2 CO(g)');
    expect(r.reactants.map((t) => [t.species, t.coefficient])).toEqual([
      ['Cr2O3(s)', 2 / 3],
      ['C', 2],
    ]);
    expect(r.products.map((t) => [t.species, t.coefficient])).toEqual([
      ['Cr', 4 / 3],
      ['CO(g)', 2],
    ]);
    expect(parseReaction('C + 0.5O2 = CO').reactants[1]?.coefficient).toBe(0.5);
    expect(parseReaction('Cr2O3+2Al=2Cr+Al2O3').products).toHaveLength(2);
    expect(parseReaction('C + CO2 <=> 2CO').products[0]?.coefficient).toBe(2);
  });
  it('rejects unbalanced equations naming each element with both sides', () => {
    expect(() => parseReaction('Cr2O3 + C = Cr + CO')).toThrow(InputError);
    expect(() => parseReaction('Cr2O3 + C = Cr + CO')).toThrow(
      /Cr: 2 on the left, 1 on the right; O: 3 on the left, 1 on the right/,
    );
  });
  it('rejects syntax errors', () => {
    expect(() => parseReaction('Cr2O3 + 2Al')).toThrow(/one "="/);
    expect(() => parseReaction('Cr2O3 + = Cr')).toThrow(/species on each side/);
    expect(() => parseReaction('A = B = C')).toThrow(/one "="/);
    expect(() => parseReaction('0 C = 0 C')).toThrow(/positive coefficient/);
  });
  it('formation reactions of every database species from the elements are balanced; perturbed ones are rejected', () => {
    const rnd = seededUniform(2);
    const ref: Record<string, [string, number]> = { O: ['O2', 2], N: ['N2', 2], H: ['H2', 2] };
    for (const s of SPECIES_DATA) {
      const lhs = Object.entries(s.elements)
        .map(([e, n]) => {
          const [name, atoms] = ref[e] ?? [e, 1];
          return `${String(n / atoms)} ${name}`;
        })
        .join(' + ');
      const k = rnd(0.5, 3);
      const eq = `${lhs} = ${s.formula}`;
      const r = parseReaction(eq);
      for (const v of Object.values(elementImbalance(r))) expect(Math.abs(v)).toBeLessThan(1e-12);
      expect(() => parseReaction(`${lhs} = ${String(1 + k)} ${s.formula}`)).toThrow(/unbalanced/);
    }
  });
});
