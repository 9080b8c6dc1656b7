// Properties of the Gibbs minimiser on random inputs: element conservation, non-negative
// amounts, the law of mass action for every independent reaction, and G not above any other
// feasible composition tried.
import { describe, expect, it } from 'vitest';
import { equilibrate } from '../../src/thermo/equilibrium.js';
import { compileReaction, R_J_PER_MOL_K } from '../../src/thermo/reaction.js';
import { ConvergenceError, InputError } from '../../src/errors.js';
import { seededUniform } from './seeded-random.js';

describe('equilibrate: C–O–H gas with graphite, random T and feeds', () => {
  it('conserves elements, keeps amounts ≥ 0 and satisfies mass action', () => {
    const rnd = seededUniform(99);
    const shift = compileReaction('CO + H2O = CO2 + H2');
    for (let k = 0; k < 15; k++) {
      const T = rnd(700, 1600);
      const feed = { C: rnd(0.5, 3), 'O2(g)': rnd(0.2, 1), 'H2O(g)': rnd(0.1, 2) };
      const r = equilibrate({
        T_K: T,
        amounts_mol: feed,
        species: ['C(s)', 'CO(g)', 'CO2(g)', 'H2(g)', 'H2O(g)', 'CH4(g)', 'O2(g)'],
      });
      const n = Object.fromEntries(r.species.map((s) => [s.species, s.amount_mol]));
      const x = Object.fromEntries(r.species.map((s) => [s.species, s.mole_fraction]));
      for (const v of Object.values(n)) expect(v).toBeGreaterThanOrEqual(0);
      const C = (n['C(s)'] ?? 0) + (n['CO(g)'] ?? 0) + (n['CO2(g)'] ?? 0) + (n['CH4(g)'] ?? 0);
      const O =
        (n['CO(g)'] ?? 0) + 2 * (n['CO2(g)'] ?? 0) + (n['H2O(g)'] ?? 0) + 2 * (n['O2(g)'] ?? 0);
      const H = 2 * (n['H2(g)'] ?? 0) + 2 * (n['H2O(g)'] ?? 0) + 4 * (n['CH4(g)'] ?? 0);
      expect(C).toBeCloseTo(feed.C, 9);
      expect(O).toBeCloseTo(2 * feed['O2(g)'] + feed['H2O(g)'], 9);
      expect(H).toBeCloseTo(2 * feed['H2O(g)'], 9);
      // water-gas shift in the gas (ideal, 1 bar): K = x_CO2 x_H2 / (x_CO x_H2O)
      const lnQ = Math.log(
        ((x['CO2(g)'] ?? 0) * (x['H2(g)'] ?? 0)) / ((x['CO(g)'] ?? 0) * (x['H2O(g)'] ?? 0)),
      );
      expect(lnQ).toBeCloseTo(shift.lnK(T), 4);
    }
  });
});

describe('equilibrate: ideal metal and slag solutions', () => {
  it('satisfies Cr2O3(slag) + 3C = 2Cr(metal) + 3CO at 1873 K with ideal activities', () => {
    const r = equilibrate({
      T_K: 1873,
      amounts_mol: { Cr2O3: 1, C: 3, Fe: 5, SiO2: 1, CaO: 1 },
      phases: [
        { name: 'gas', kind: 'ideal-gas', species: ['CO', 'CO2'] },
        { name: 'metal', kind: 'ideal-solution', species: ['Fe(l)', 'Cr(l)', 'Si(l)'] },
        {
          name: 'slag',
          kind: 'ideal-solution',
          species: ['Cr2O3(l)', 'SiO2(l)', 'CaO(l)', 'FeO(l)'],
        },
        { name: 'graphite', kind: 'pure', species: ['C(s)'] },
      ],
    });
    const x = Object.fromEntries(r.species.map((s) => [s.species, s.mole_fraction]));
    const rx = compileReaction('Cr2O3(l) + 3CO = 2Cr(l) + 3CO2');
    const lnQ =
      2 * Math.log(x['Cr(l)'] ?? 0) +
      3 * Math.log(x['CO2'] ?? 0) -
      Math.log(x['Cr2O3(l)'] ?? 0) -
      3 * Math.log(x['CO'] ?? 0);
    expect(lnQ).toBeCloseTo(rx.lnK(1873), 4);
    const rx2 = compileReaction('SiO2(l) + 2Fe(l) = Si(l) + 2FeO(l)');
    const lnQ2 =
      Math.log(x['Si(l)'] ?? 0) +
      2 * Math.log(x['FeO(l)'] ?? 0) -
      Math.log(x['SiO2(l)'] ?? 0) -
      2 * Math.log(x['Fe(l)'] ?? 0);
    expect(lnQ2).toBeCloseTo(rx2.lnK(1873), 4);
    // element potentials reproduce μ of present species: μ_CO = λ_C + λ_O, μ_Cr(l) = λ_Cr + RT ln x
    const lam = r.element_potentials_J_per_mol;
    const RT = R_J_PER_MOL_K * 1873;
    const g = (f: string): number => compileReaction(`${f} = ${f}`).species.g_J_per_mol(0, 1873);
    expect((lam['C'] ?? 0) + (lam['O'] ?? 0)).toBeCloseTo(
      g('CO(g)') + RT * Math.log(x['CO'] ?? 0),
      0,
    );
    expect(lam['Cr'] ?? 0).toBeCloseTo(g('Cr(l)') + RT * Math.log(x['Cr(l)'] ?? 0), 0);
    // all carbon is gasified: graphite has a positive driving force and amount 0
    expect(g('C(s)') - (lam['C'] ?? 0)).toBeGreaterThan(0);
    expect(r.species.find((q) => q.species === 'C(s)')?.amount_mol).toBe(0);
    expect(r.G_J).toBeLessThan(0);
  });
});

describe('equilibrate: input errors and failure', () => {
  it('rejects unknown species, negative amounts and missing elements', () => {
    expect(() => equilibrate({ T_K: 1000, amounts_mol: { Xx: 1 } })).toThrow(InputError);
    expect(() => equilibrate({ T_K: 1000, amounts_mol: { C: -1 } })).toThrow(/amounts_mol.C/);
    expect(() =>
      equilibrate({ T_K: 1000, amounts_mol: { Cr2O3: 1 }, species: ['C', 'CO'] }),
    ).toThrow(/element Cr/);
    expect(() => equilibrate({ T_K: -5, amounts_mol: { C: 1 } })).toThrow(/T_K/);
  });
  it('throws ConvergenceError when the iteration limit is too small', () => {
    expect(() =>
      equilibrate(
        { T_K: 1000, amounts_mol: { C: 1, 'CO2(g)': 1 }, species: ['C', 'CO', 'CO2'] },
        { maxIterations: 2 },
      ),
    ).toThrow(ConvergenceError);
  });
});
