// Transition rows of the NIST-JANAF (cr,l) tables (Chase 1998, https://janaf.nist.gov/tables/
// <id>.txt): at each transition temperature the table prints two rows; [H − H298] below and
// above are copied here [kJ/mol]. The database must place the transition within 1.5 K of
// JANAF's temperature with the same enthalpy jump (0.3 kJ/mol or 1 %), and reproduce
// H − H298 just below it (0.2 kJ/mol plus Cp × the temperature offset).
import { describe, expect, it } from 'vitest';
import { CompiledSpeciesSet } from '../../../src/thermo/compiled.js';

const ROWS: [string, string, number, number, number][] = [
  ['Cr', 'Cr-004', 2130.0, 68.056, 88.558],
  ['Fe', 'Fe-007', 1184.0, 33.619, 34.519],
  ['Fe', 'Fe-007', 1665.0, 51.784, 52.621],
  ['Fe', 'Fe-007', 1809.0, 58.645, 72.452],
  ['Al', 'Al-004', 933.45, 17.982, 28.693],
  ['Al2O3', 'Al-101', 2327.0, 254.761, 365.847],
  ['Cr2O3', 'Cr-016', 2603.0, 301.824, 431.528],
  ['Si', 'Si-004', 1685.0, 35.979, 86.187],
  ['MgO', 'Mg-010', 3105.0, 150.284, 228.107],
  ['CaO', 'Ca-029', 3200.0, 164.621, 244.117],
  ['Na2CO3', 'C-092', 723.15, 62.524, 63.214],
  ['Na2CO3', 'C-092', 1123.15, 130.922, 160.586],
  ['Mg2SiO4', 'Mg-030', 2171.0, 331.6, 402.728],
  ['MgAl2O4', 'Al-091', 2408.0, 400.378, 592.842],
  ['FeO', 'Fe-020', 1650.0, 79.081, 103.139],
  ['Na2O', 'Na-014', 1023.15, 62.219, 63.977],
  ['Na2O', 'Na-014', 1243.15, 85.264, 97.188],
  ['Na2O', 'Na-014', 1405.2, 113.239, 160.936],
  ['Na2SO4', 'Na-025', 458.0, 22.602, 22.857],
  ['Na2SO4', 'Na-025', 514.0, 31.653, 42.56],
  ['Na2SO4', 'Na-025', 1157.0, 164.671, 188.52],
  ['MgSiO3', 'Mg-014', 903.0, 63.715, 64.384],
  ['MgSiO3', 'Mg-014', 1258.0, 107.105, 108.737],
  ['MgSiO3', 'Mg-014', 1850.0, 181.217, 256.529],
  ['SiO2', 'O-039', 847.0, 34.196, 34.924],
  ['Mg', 'Mg-004', 923.0, 17.751, 26.228],
  ['Ca', 'Ca-005', 716.0, 12.051, 12.981],
  ['Ca', 'Ca-005', 1115.0, 27.837, 36.377],
  ['Na', 'Na-004', 370.98, 2.152, 4.755],
];

describe('JANAF transition rows', () => {
  for (const [formula, table, T, hLo, hHi] of ROWS) {
    it(`${formula} at ${T} K (JANAF ${table}): ΔH = ${(hHi - hLo).toFixed(3)} kJ/mol`, () => {
      const set = new CompiledSpeciesSet([formula]);
      const tr = set.transitions(0);
      const near = tr.reduce((a, b) => (Math.abs(b.T_K - T) < Math.abs(a.T_K - T) ? b : a));
      expect(Math.abs(near.T_K - T)).toBeLessThanOrEqual(1.5);
      const dH = near.dH_J_per_mol / 1000;
      expect(Math.abs(dH - (hHi - hLo))).toBeLessThanOrEqual(Math.max(0.3, 0.01 * (hHi - hLo)));
      const Tb = near.T_K - 1e-6;
      const hBelow = (set.h_J_per_mol(0, Tb) - set.h_J_per_mol(0, 298.15)) / 1000;
      const slack = 0.2 + (set.cp(0, Tb) * Math.abs(near.T_K - T)) / 1000;
      expect(Math.abs(hBelow - hLo)).toBeLessThanOrEqual(slack);
    });
  }

  const MELTING: [string, number][] = [
    ['Cr', 2130],
    ['Fe', 1809],
    ['Al', 933.45],
    ['Al2O3', 2327],
    ['Cr2O3', 2603],
    ['Si', 1685],
    ['MgO', 3105],
    ['CaO', 3200],
    ['Na2CO3', 1123.15],
    ['Mg2SiO4', 2171],
    ['MgAl2O4', 2408],
    ['FeO', 1650],
    ['Na2O', 1405.2],
    ['Na2SO4', 1157],
    ['MgSiO3', 1850],
    ['Mg', 923],
    ['Ca', 1115],
    ['Na', 370.98],
  ];
  it('the stable phase is crystalline 2 K below and liquid 2 K above each JANAF melting point', () => {
    for (const [formula, T] of MELTING) {
      const set = new CompiledSpeciesSet([formula]);
      expect(set.phaseAt(0, T - 2).state, `${formula} below ${T} K`).toBe('s');
      expect(set.phaseAt(0, T + 2).state, `${formula} above ${T} K`).toBe('l');
    }
  });
});
