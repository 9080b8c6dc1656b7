import { describe, expect, it } from 'vitest';
import { parseFormula, molarMass_g_per_mol, elementMatrix } from '../../src/chem/formula.js';
import { ATOMIC_WEIGHTS_G_PER_MOL, atomicWeight_g_per_mol } from '../../src/chem/atomic-weights.js';
import { InputError } from '../../src/errors.js';
import { seededUniform } from '../thermo/seeded-random.js';

describe('atomic weights (IUPAC CIAAW 2021)', () => {
  it('has the values of the 2021 table for the chain elements', () => {
    // https://www.ciaaw.org/atomic-weights.htm (abridged/conventional values)
    expect(ATOMIC_WEIGHTS_G_PER_MOL['Cr']).toBe(51.9961);
    expect(ATOMIC_WEIGHTS_G_PER_MOL['Fe']).toBe(55.845);
    expect(ATOMIC_WEIGHTS_G_PER_MOL['O']).toBe(15.999);
    expect(ATOMIC_WEIGHTS_G_PER_MOL['Al']).toBe(26.9815384);
    expect(atomicWeight_g_per_mol('Zr')).toBe(91.222);
    expect(() => atomicWeight_g_per_mol('Xx')).toThrow(InputError);
  });
});

describe('parseFormula', () => {
  it('parses plain, fractional, parenthesised formulas and phase suffixes', () => {
    expect(parseFormula('Cr2O3').elements).toEqual({ Cr: 2, O: 3 });
    expect(parseFormula('Fe0.947O').elements).toEqual({ Fe: 0.947, O: 1 });
    expect(parseFormula('Ca(OH)2').elements).toEqual({ Ca: 1, O: 2, H: 2 });
    expect(parseFormula('Mg3(Si4O10)(OH)2').elements).toEqual({ Mg: 3, Si: 4, O: 12, H: 2 });
    expect(parseFormula('Al2O3(s)').phase).toBe('s');
    expect(parseFormula('Cr(cr)').phase).toBe('s');
    expect(parseFormula('H2O(l)').phase).toBe('l');
    expect(parseFormula(' CO(g) ').formula).toBe('CO');
    expect(parseFormula('FeCr2O4').phase).toBeUndefined();
  });
  it('rejects bad formulas naming the field and the position', () => {
    expect(() => parseFormula('', 'x')).toThrow(/x: found "", expected a chemical formula/);
    expect(() => parseFormula('Cr2O3(aq)')).toThrow(/phase suffix/);
    expect(() => parseFormula('Ca(OH2')).toThrow(/closing parenthesis/);
    expect(() => parseFormula('CaOH)2')).toThrow(/unmatched/);
    expect(() => parseFormula('cr2o3')).toThrow(/element symbol/);
    expect(() => parseFormula('Qq2')).toThrow(/known element/);
  });
  it('molar masses from IUPAC weights', () => {
    expect(molarMass_g_per_mol('Cr2O3')).toBeCloseTo(151.9892, 4); // 2·51.9961 + 3·15.999
    expect(molarMass_g_per_mol('FeCr2O4')).toBeCloseTo(223.8332, 4);
    expect(molarMass_g_per_mol('Fe0.947O')).toBeCloseTo(0.947 * 55.845 + 15.999, 9);
  });
  it('molar mass is additive and parentheses multiply (random formulas)', () => {
    const rnd = seededUniform(1);
    const els = ['Cr', 'Fe', 'O', 'C', 'Si', 'Al', 'Mg', 'Ca', 'Na', 'S', 'H', 'N'];
    for (let k = 0; k < 200; k++) {
      const parts = Array.from({ length: 1 + Math.floor(rnd(0, 4)) }, () => {
        const e = els[Math.floor(rnd(0, els.length))] ?? 'O';
        const n = Math.round(rnd(0.1, 9) * 1000) / 1000;
        return [e, n] as const;
      });
      const f = parts.map(([e, n]) => `${e}${String(n)}`).join('');
      const k2 = 1 + Math.floor(rnd(0, 5));
      const m = parts.reduce((a, [e, n]) => a + n * (ATOMIC_WEIGHTS_G_PER_MOL[e] ?? 0), 0);
      expect(molarMass_g_per_mol(f)).toBeCloseTo(m, 9);
      expect(molarMass_g_per_mol(`(${f})${String(k2)}`)).toBeCloseTo(k2 * m, 8);
    }
  });
  it('element matrix', () => {
    const em = elementMatrix(['Cr2O3', 'C', 'CO(g)', 'Cr']);
    expect(em.elements).toEqual(['Cr', 'O', 'C']);
    expect(em.matrix).toEqual([
      [2, 0, 0, 1],
      [3, 0, 1, 0],
      [0, 1, 1, 0],
    ]);
  });
});
