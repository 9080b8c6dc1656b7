import { describe, expect, it } from 'vitest';
import {
  elementMassFractions,
  formulaElements,
  molarMass_g_per_mol,
} from '../../src/chem/formula-elements.js';
import { InputError } from '../../src/errors.js';

describe('formula → elements (adapter over the chemistry parser)', () => {
  it('parses phases, parentheses and hydrates', () => {
    expect(formulaElements('Cr2O3(s)')).toEqual({ Cr: 2, O: 3 });
    expect(formulaElements('CO(g)')).toEqual({ C: 1, O: 1 });
    expect(formulaElements('Mg3Si2O5(OH)4')).toEqual({ Mg: 3, Si: 2, O: 9, H: 4 });
    expect(formulaElements('CuSO4·5H2O')).toEqual({ Cu: 1, S: 1, O: 9, H: 10 });
    expect(formulaElements('(Mg0.9Fe0.1)2SiO4')).toEqual({ Mg: 1.8, Fe: 0.2, Si: 1, O: 4 });
  });
  it('gives molar masses from IUPAC atomic weights', () => {
    expect(molarMass_g_per_mol('Cr2O3')).toBeCloseTo(151.99, 2);
    // facts.md §1: Cr fraction in Cr2O3 = 0.6842 (D)
    expect(elementMassFractions('Cr2O3').Cr).toBeCloseTo(0.6842, 4);
  });
  it('rejects bad formulas naming them', () => {
    expect(() => formulaElements('Xx2O3')).toThrow(InputError);
    expect(() => formulaElements('Cr2(O3')).toThrow(/Cr2\(O3.*expected a clos/);
    expect(() => formulaElements('')).toThrow(InputError);
  });
});
