// Gibbs minimiser validated against equilibria computed directly from NIST-JANAF ΔfG columns
// (Chase 1998; rows in test/validation/reference/thermo/janaf_selected_rows.json):
// - Boudouard C + CO2 = 2 CO at 1 bar: K = exp(−(2ΔfG_CO − ΔfG_CO2)/RT), x_CO²/(1 − x_CO) = K;
// - onset of carbothermic reduction Cr2O3 + 3C = 2Cr + 3CO at 1 bar CO: the temperature where
//   ΔrG° = 0, which must coincide with the jump of the equilibrium amount of Cr.
import { describe, expect, it } from 'vitest';
import janaf from '../reference/thermo/janaf_selected_rows.json' with { type: 'json' };
import { equilibrate } from '../../../src/thermo/equilibrium.js';
import { compileReaction } from '../../../src/thermo/reaction.js';

const R = 8.314462618;
const rows = janaf.species as Record<string, { rows: { T: number; dfG: number | string }[] }>;
const dfG = (key: string, T: number): number => {
  const v = rows[key]?.rows.find((r) => r.T === T)?.dfG;
  if (typeof v !== 'number') throw new Error(`${key} ${T}`);
  return v * 1000;
};

describe('Boudouard equilibrium C + CO2 = 2CO at 1 bar versus JANAF', () => {
  for (const T of [800, 1000, 1200, 1400]) {
    it(`x_CO at ${T} K`, () => {
      const K = Math.exp(-(2 * dfG('CO(g)', T) - dfG('CO2(g)', T)) / (R * T));
      const xJanaf = (-K + Math.sqrt(K * K + 4 * K)) / 2; // x²/(1−x) = K
      const r = equilibrate({
        T_K: T,
        amounts_mol: { C: 5, 'CO2(g)': 1 },
        species: ['C(s)', 'CO(g)', 'CO2(g)'],
      });
      const x = r.species.find((s) => s.species === 'CO(g)')?.mole_fraction ?? NaN;
      expect(Math.abs(x - xJanaf)).toBeLessThan(0.003);
      // and graphite stays (excess carbon)
      expect(r.phases.find((p) => p.name === 'C(s)')?.present).toBe(true);
    });
  }
});

describe('carbothermic reduction of Cr2O3 at 1 bar CO', () => {
  const rx = compileReaction('Cr2O3 + 3C = 2Cr + 3CO(g)');
  const T0 = rx.zeroGibbsTemperature_K(1000, 2000) ?? NaN;

  it('ΔrG° = 0 temperature agrees with JANAF ΔfG (Cr-016, C-093) within 3 K', () => {
    // linear interpolation of JANAF ΔrG° = 3ΔfG(CO) − ΔfG(Cr2O3) between table rows
    const g = (T: number): number => 3 * dfG('CO(g)', T) - dfG('Cr2O3(cr,l)', T);
    const Ts = [1400, 1500, 1600, 1800];
    let Tj = NaN;
    for (let k = 0; k + 1 < Ts.length; k++) {
      const a = Ts[k] as number;
      const b = Ts[k + 1] as number;
      if (g(a) > 0 && g(b) <= 0) Tj = a + ((b - a) * g(a)) / (g(a) - g(b));
    }
    expect(Math.abs(T0 - Tj)).toBeLessThan(3);
  });

  it('the minimiser reduces nothing 5 K below and everything 5 K above that temperature', () => {
    const run = (T: number) =>
      equilibrate({
        T_K: T,
        amounts_mol: { Cr2O3: 1, C: 3 },
        species: ['Cr2O3(s)', 'C(s)', 'Cr(s)', 'CO(g)'],
      });
    const below = run(T0 - 5);
    const above = run(T0 + 5);
    const cr = (r: ReturnType<typeof run>): number =>
      r.species.find((s) => s.species === 'Cr(s)')?.amount_mol ?? NaN;
    expect(cr(below)).toBeLessThan(1e-6);
    expect(cr(above)).toBeGreaterThan(2 - 1e-6);
    expect(below.phases.find((p) => p.name === 'gas')?.present).toBe(false);
    expect(above.phases.find((p) => p.name === 'Cr2O3(s)')?.present).toBe(false);
  });
});
