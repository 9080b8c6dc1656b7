import { describe, expect, it } from 'vitest';
import { reaction, compileReaction } from '../../src/thermo/reaction.js';
import { species } from '../../src/thermo/species.js';
import { ellingham, ELLINGHAM_REACTIONS } from '../../src/thermo/ellingham.js';
import { heatBalance, streamEnthalpy_J } from '../../src/thermo/heat-balance.js';
import { adiabaticTemperature } from '../../src/thermo/adiabatic.js';
import { compileSpeciesSet } from '../../src/thermo/compiled.js';
import { parseReaction, elementImbalance } from '../../src/chem/reaction-equation.js';
import { InputError } from '../../src/errors.js';
import { seededUniform } from './seeded-random.js';
import janaf from '../validation/reference/thermo/janaf_selected_rows.json' with { type: 'json' };

const rows = janaf.species as Record<string, { rows: { T: number; dfH: number | string }[] }>;
const dfH298 = (key: string): number => rows[key]?.rows[0]?.dfH as number;

describe('aluminothermic reduction Cr2O3 + 2Al = 2Cr + Al2O3', () => {
  it('ΔH298 equals ΔfH(Al2O3) − ΔfH(Cr2O3) of JANAF (Al-101, Cr-016) to 0.01 kJ', () => {
    const [r] = reaction('Cr2O3 + 2Al = 2Cr + Al2O3', 298.15);
    expect(r?.dH_kJ).toBeCloseTo(dfH298('Al2O3(cr,l)') - dfH298('Cr2O3(cr,l)'), 2);
  });
  it('ΔH298 ≈ −536 kJ/mol Cr2O3 (facts.md §4.1, derived from ΔfH Al2O3 −1675.7 and Cr2O3 −1139.7) within the 5 kJ Cr2O3 disagreement', () => {
    // JANAF's Cr2O3 (−1134.7) is 5.0 kJ/mol less stable than the value used in facts.md
    // (−1139.7, close to USBM −1140.6): see docs/thermo.md, known disagreements.
    const [r] = reaction('Cr2O3 + 2Al = 2Cr + Al2O3', 298.15);
    expect(Math.abs((r?.dH_kJ ?? 0) - -536)).toBeLessThanOrEqual(6);
    expect((r?.dH_kJ ?? 0) - (-1675.7 + 1134.701)).toBeCloseTo(0, 0);
  });
  it('is adiabatic at the Al2O3 melting point with Cr molten and Al2O3 partly molten', () => {
    const a = adiabaticTemperature('Cr2O3 + 2Al = 2Cr + Al2O3');
    expect(a.T_ad_K).toBeCloseTo(2327, 0);
    expect(a.molten_fraction['Cr']).toBe(1);
    const f = a.molten_fraction['Al2O3'] ?? -1;
    expect(f).toBeGreaterThan(0);
    expect(f).toBeLessThan(1);
    // energy closure: products at T_ad with the molten fraction hold the reactants' enthalpy
    const s = species('Al2O3(s)', 2327)[0]?.h_kJ_per_mol ?? 0;
    const l = species('Al2O3(l)', 2327)[0]?.h_kJ_per_mol ?? 0;
    const cr = species('Cr', 2327)[0]?.h_kJ_per_mol ?? 0;
    const hp = 2 * cr + (1 - f) * s + f * l;
    expect(hp * 1000).toBeCloseTo(a.H_J, -1);
  });
});

describe('adiabatic temperature, energy closure on random preheats', () => {
  it('H_products(T_ad) = H_reactants(T0) for C + O2 = CO2 diluted (CO + O2 + N2)', () => {
    const rnd = seededUniform(11);
    for (let k = 0; k < 10; k++) {
      const T0 = rnd(298.15, 900);
      const a = adiabaticTemperature('2CO + O2 + 8N2 = 2CO2 + 8N2', { T0_K: T0 });
      const set = compileSpeciesSet(['CO2', 'N2']);
      const H = set.streamEnthalpy_W(new Float64Array([2, 8]), a.T_ad_K);
      expect(H).toBeCloseTo(a.H_J, 0);
      expect(a.molten_fraction).toEqual({});
    }
  });
  it('rejects a reaction whose products exceed the data range with a ConvergenceError', () => {
    expect(() => adiabaticTemperature('C + O2 = CO2')).toThrow(/above 6000 K/);
  });
});

describe('reactions: element balance, consistency, random properties', () => {
  it('every Ellingham reaction is element-balanced', () => {
    for (const e of ELLINGHAM_REACTIONS) {
      const imb = elementImbalance(parseReaction(e.reaction));
      for (const v of Object.values(imb)) expect(Math.abs(v)).toBeLessThan(1e-12);
    }
  });
  it('rejects an unbalanced equation naming the elements', () => {
    expect(() => reaction('Cr2O3 + Al = Cr + Al2O3', 1000)).toThrow(InputError);
    expect(() => reaction('Cr2O3 + Al = Cr + Al2O3', 1000)).toThrow(
      /Cr: 2 on the left, 1 on the right/,
    );
  });
  it('ΔG = ΔH − TΔS and K = exp(−ΔG/RT), reversal changes signs, scaling scales (random T)', () => {
    const rnd = seededUniform(5);
    const fwd = compileReaction('Cr2O3 + 3C = 2Cr + 3CO');
    const rev = compileReaction('2Cr + 3CO = Cr2O3 + 3C');
    const half = compileReaction('1/2 Cr2O3 + 3/2 C = Cr + 3/2 CO');
    for (let k = 0; k < 50; k++) {
      const T = rnd(300, 2500);
      const [r] = reaction('Cr2O3 + 3C = 2Cr + 3CO', T);
      expect(r?.dG_kJ).toBeCloseTo((r?.dH_kJ ?? 0) - (T * (r?.dS_J_per_K ?? 0)) / 1000, 8);
      expect(Math.log(r?.K ?? 0)).toBeCloseTo((-(r?.dG_kJ ?? 0) * 1000) / (8.314462618 * T), 8);
      expect(rev.dG_J(T)).toBeCloseTo(-fwd.dG_J(T), 6);
      expect(half.dH_J(T)).toBeCloseTo(fwd.dH_J(T) / 2, 6);
    }
  });
  it('Ellingham: C + O2 = CO2 is nearly flat, 2C + O2 = 2CO falls with T, Al2O3 lies below Cr2O3', () => {
    const lines = ellingham([1000, 2000]);
    const get = (rx: string, T: number): number =>
      lines.find((l) => l.reaction === rx)?.points.find((p) => p.T_K === T)?.dG_kJ_per_mol_O2 ??
      NaN;
    expect(Math.abs(get('C + O2 = CO2', 2000) - get('C + O2 = CO2', 1000))).toBeLessThan(3);
    expect(get('2 C + O2 = 2 CO', 2000)).toBeLessThan(get('2 C + O2 = 2 CO', 1000) - 100);
    expect(get('4/3 Al + O2 = 2/3 Al2O3', 1000)).toBeLessThan(get('4/3 Cr + O2 = 2/3 Cr2O3', 1000));
  });
});

describe('stream enthalpy and heat balance (random inputs)', () => {
  it('stream enthalpy is linear in the amounts', () => {
    const rnd = seededUniform(3);
    const set = compileSpeciesSet(['Cr2O3', 'C', 'CO', 'Cr', 'Fe', 'SiO2']);
    for (let k = 0; k < 30; k++) {
      const T = rnd(300, 2000);
      const a = Float64Array.from({ length: 6 }, () => rnd(0, 5));
      const b = Float64Array.from({ length: 6 }, () => rnd(0, 5));
      const ab = a.map((x, i) => x + (b[i] as number));
      expect(set.streamEnthalpy_W(ab, T)).toBeCloseTo(
        set.streamEnthalpy_W(a, T) + set.streamEnthalpy_W(b, T),
        4,
      );
    }
  });
  it('heat to add for an isothermal step equals extent × ΔrH(T)', () => {
    const rnd = seededUniform(17);
    for (let k = 0; k < 20; k++) {
      const T = rnd(1500, 2000);
      const x = rnd(0.1, 2);
      const q = heatBalance(
        [{ amounts_mol: { Cr2O3: x, C: 3 * x }, T_K: T }],
        [{ amounts_mol: { Cr: 2 * x, CO: 3 * x }, T_K: T }],
      );
      const [r] = reaction('Cr2O3 + 3C = 2Cr + 3CO', T);
      expect(q.heat_to_add_J).toBeCloseTo(x * (r?.dH_kJ ?? 0) * 1000, 3);
    }
  });
  it('heat to add with inputs and outputs at different temperatures (path independence)', () => {
    // Q(in at 298 → out at 1800) = ΔrH(298) + H_out(1800) − H_out(298)
    const q = heatBalance(
      [{ amounts_mol: { Cr2O3: 1, C: 3 }, T_K: 298.15 }],
      [
        { amounts_mol: { Cr: 2 }, T_K: 1800 },
        { amounts_mol: { CO: 3 }, T_K: 1200 },
      ],
    );
    const h = (f: string, T: number): number => (species(f, T)[0]?.h_kJ_per_mol ?? 0) * 1000;
    const [r] = reaction('Cr2O3 + 3C = 2Cr + 3CO', 298.15);
    const expected =
      (r?.dH_kJ ?? 0) * 1000 +
      2 * (h('Cr', 1800) - h('Cr', 298.15)) +
      3 * (h('CO', 1200) - h('CO', 298.15));
    expect(q.heat_to_add_J).toBeCloseTo(expected, 3);
    expect(streamEnthalpy_J({ amounts_mol: { Cr: 2 }, T_K: 1800 })).toBeCloseTo(
      2 * h('Cr', 1800),
      6,
    );
  });
  it('refuses a step that does not conserve elements', () => {
    expect(() =>
      heatBalance(
        [{ amounts_mol: { Cr2O3: 1, C: 3 }, T_K: 298.15 }],
        [{ amounts_mol: { Cr: 2, CO: 2 }, T_K: 1800 }],
      ),
    ).toThrow(/conserve every element/);
  });
});

describe('convenience and compiled APIs agree', () => {
  it('species() equals CompiledSpeciesSet at random T', () => {
    const rnd = seededUniform(23);
    const set = compileSpeciesSet(['Fe', 'Al2O3', 'H2O']);
    for (let k = 0; k < 30; k++) {
      const T = rnd(300, 2400);
      ['Fe', 'Al2O3', 'H2O'].forEach((f, i) => {
        const [p] = species(f, T);
        expect(p?.h_kJ_per_mol).toBeCloseTo(set.h_J_per_mol(i, T) / 1000, 9);
        expect(p?.s_J_per_mol_K).toBeCloseTo(set.s(i, T), 9);
        expect(p?.cp_J_per_mol_K).toBeCloseTo(set.cp(i, T), 9);
        expect(p?.g_kJ_per_mol).toBeCloseTo(
          (p?.h_kJ_per_mol ?? 0) - (T * (p?.s_J_per_mol_K ?? 0)) / 1000,
          9,
        );
      });
    }
  });
  it('rejects T out of range naming T_K, unknown species naming the formula', () => {
    expect(() => species('Al(s)', 1500)).toThrow(/T_K: found 1500/);
    expect(() => species('Cr2O3', 100)).toThrow(/T_K/);
    expect(() => species('MnO', 1000)).toThrow(/formula: found "MnO"/);
    expect(() => species('Cr2O3(g)', 1000)).toThrow(/a phase the database has/);
  });
});
