// Thermo benchmarks: species property and reaction evaluations per second, compiled
// (allocation-free, typed arrays) versus the convenience API (parses and resolves each call).
import type { BenchSuite } from './harness.js';
import { compileSpeciesSet } from '../src/thermo/compiled.js';
import { compileReaction, reaction } from '../src/thermo/reaction.js';
import { species } from '../src/thermo/species.js';
import { equilibrate } from '../src/thermo/equilibrium.js';

export function suite(): Promise<BenchSuite> {
  const set = compileSpeciesSet(['Cr2O3', 'C', 'CO(g)', 'Cr', 'Fe', 'SiO2', 'Al2O3', 'MgO']);
  const flows = new Float64Array([1, 3, 0.5, 2, 4, 0.3, 0.2, 0.7]);
  const rx = compileReaction('Cr2O3 + 3C = 2Cr + 3CO');
  const T = (k: number): number => 400 + (k % 2000);
  return Promise.resolve({
    area: 'thermo',
    cases: [
      {
        name: 'compiled h_J_per_mol(i, T) (one species property)',
        run: (n) => {
          let s = 0;
          for (let k = 0; k < n; k++) s += set.h_J_per_mol(k & 7, T(k));
          return s;
        },
      },
      {
        name: 'compiled cp, h, s, g of one species at T (4 properties)',
        run: (n) => {
          let s = 0;
          for (let k = 0; k < n; k++) {
            const i = k & 7;
            const t = T(k);
            s += set.cp(i, t) + set.h_J_per_mol(i, t) + set.s(i, t) + set.g_J_per_mol(i, t);
          }
          return s;
        },
      },
      {
        name: 'convenience species(formula, T) (cp, h, s, g of one species)',
        run: (n) => {
          let s = 0;
          for (let k = 0; k < n; k++) s += species('Cr2O3', T(k))[0]?.h_kJ_per_mol ?? 0;
          return s;
        },
      },
      {
        name: 'compiled streamEnthalpy_W (8 species)',
        run: (n) => {
          let s = 0;
          for (let k = 0; k < n; k++) s += set.streamEnthalpy_W(flows, T(k));
          return s;
        },
      },
      {
        name: 'compiled reaction dG_J(T) (Cr2O3 + 3C = 2Cr + 3CO)',
        run: (n) => {
          let s = 0;
          for (let k = 0; k < n; k++) s += rx.dG_J(T(k));
          return s;
        },
      },
      {
        name: 'convenience reaction(equation, T) (dH, dS, dG, K)',
        run: (n) => {
          let s = 0;
          for (let k = 0; k < n; k++) s += reaction('Cr2O3 + 3C = 2Cr + 3CO', T(k))[0]?.dG_kJ ?? 0;
          return s;
        },
      },
      {
        name: 'equilibrate Boudouard C–CO–CO2 at 1 bar',
        run: (n) => {
          let s = 0;
          for (let k = 0; k < n; k++)
            s += equilibrate({
              T_K: 800 + (k % 600),
              amounts_mol: { C: 2, 'CO2(g)': 1 },
              species: ['C(s)', 'CO(g)', 'CO2(g)'],
            }).G_J;
          return s;
        },
      },
    ],
    ratios: [
      {
        label: 'species property: compiled h vs convenience species()',
        numerator: 'compiled h_J_per_mol(i, T) (one species property)',
        denominator: 'convenience species(formula, T) (cp, h, s, g of one species)',
      },
      {
        label: 'reaction: compiled dG_J vs convenience reaction()',
        numerator: 'compiled reaction dG_J(T) (Cr2O3 + 3C = 2Cr + 3CO)',
        denominator: 'convenience reaction(equation, T) (dH, dS, dG, K)',
      },
    ],
  });
}
