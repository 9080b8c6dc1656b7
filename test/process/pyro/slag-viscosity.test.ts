/**
 * Urbain's slag viscosity model (src/process/pyro/slag-viscosity.ts): the published form and its
 * properties. Parameters: Urbain et al. 1981, Trans. J. Br. Ceram. Soc. 80, 139–141, as tabulated
 * by Kondratiev, Jak and Hayes 2002, JOM 54(11), 41–45.
 *
 * Not here: a comparison with measured viscosities of MgO–Al2O3–SiO2(–Cr2O3) melts — none could
 * be obtained with its table (docs/model.md §Slag properties lists the search). The last block pins
 * the sensitivities that section reports, so the documented numbers cannot drift from the code.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import {
  slagViscosity_Pa_s,
  URBAIN_PARAMETERS,
  urbainTerms,
  type SlagOxides,
} from '../../../src/process/pyro/slag-viscosity.js';

/** Reference-stage slag of aktobe-stage1 (DC, Kempirsai concentrate) [wt%]. */
const REF: SlagOxides = { Cr2O3: 6, FeO: 0.83, SiO2: 30, MgO: 40.83, Al2O3: 19.94, CaO: 2.4 };

/** The DC template's slag tapping temperature, 1,750 °C [K] (data/pyro/fecr.json). */
const T_TAP_K = 2023.15;

/** °C → K. */
const kelvin = (t_C: number): number => t_C + 273.15;

describe('Urbain slag viscosity', () => {
  it('has the Weymann–Frenkel form: ln(η/T) is linear in 1/T with slope 1000·B', () => {
    const { B } = urbainTerms(REF);
    const f = (T: number): number => Math.log(slagViscosity_Pa_s(REF, T) / T);
    const slope = (f(1800) - f(2100)) / (1 / 1800 - 1 / 2100);
    expect(slope / (1000 * B)).toBeCloseTo(1, 10);
  });

  it('gives A from B as ln A = −(0.2693 B + 11.6725) and η in Pa·s (0.1 × poise)', () => {
    const t = urbainTerms(REF);
    expect(t.lnA).toBeCloseTo(-(0.2693 * t.B + 11.6725), 12);
    const poise = Math.exp(t.lnA) * 1973 * Math.exp((1000 * t.B) / 1973);
    expect(slagViscosity_Pa_s(REF, 1973) / poise).toBeCloseTo(0.1, 12);
  });

  it('for a pure MgO–SiO2 melt uses only the Mg set at α = 1', () => {
    // 1 mol MgO + 1 mol SiO2: X_G = 0.5, α = 1
    const w: SlagOxides = { Cr2O3: 0, FeO: 0, SiO2: 60.083, MgO: 40.304, Al2O3: 0, CaO: 0 };
    const t = urbainTerms(w);
    expect(t.xG).toBeCloseTo(0.5, 12);
    expect(t.alpha).toBe(1);
    const b = URBAIN_PARAMETERS.Mg.map(([a, beta, gamma]) => a + beta + gamma);
    const expected = b.reduce((s, bk, k) => s + bk * 0.5 ** k, 0);
    expect(t.B).toBeCloseTo(expected, 12);
  });

  it('does not depend on the basis of the composition (wt% or mass fraction)', () => {
    const frac = Object.fromEntries(
      Object.entries(REF).map(([k, v]) => [k, v / 100]),
    ) as unknown as SlagOxides;
    expect(slagViscosity_Pa_s(frac, 1973)).toBeCloseTo(slagViscosity_Pa_s(REF, 1973), 14);
  });

  it('falls with temperature and rises with silica (a more polymerised melt)', () => {
    expect(slagViscosity_Pa_s(REF, 2023)).toBeLessThan(slagViscosity_Pa_s(REF, 1873));
    const acid = { ...REF, SiO2: 40 };
    expect(slagViscosity_Pa_s(acid, 1973)).toBeGreaterThan(slagViscosity_Pa_s(REF, 1973));
  });

  it('refuses a slag outside the model, naming the oxide', () => {
    expect(() => slagViscosity_Pa_s({ ...REF, MgO: -1 }, 1973)).toThrow(InputError);
    expect(() => slagViscosity_Pa_s({ ...REF, SiO2: 0 }, 1973)).toThrow(/slag\.SiO2/);
    expect(() =>
      slagViscosity_Pa_s({ Cr2O3: 0, FeO: 0, SiO2: 50, MgO: 0, Al2O3: 50, CaO: 0 }, 1973),
    ).toThrow(/slag\.MgO/);
    expect(() => slagViscosity_Pa_s(REF, Number.NaN)).toThrow(/slag\.T_K/);
  });
});

describe('Urbain slag viscosity: the sensitivities docs/model.md reports', () => {
  it('gives 0.078 Pa·s for the reference slag at 1,750 °C, 0.094 at 1,700 and 0.142 at 1,600', () => {
    expect(slagViscosity_Pa_s(REF, T_TAP_K)).toBeCloseTo(0.078, 3);
    expect(slagViscosity_Pa_s(REF, kelvin(1700))).toBeCloseTo(0.094, 3);
    expect(slagViscosity_Pa_s(REF, kelvin(1600))).toBeCloseTo(0.142, 3);
  });

  it('drops 12 % when Cr2O3 counts as a modifier (mole for mole as FeO, Mn set)', () => {
    // the same moles of Cr2O3 moved to FeO: modifiers grow, amphoterics shrink, so α rises
    const M_FeO = 71.844;
    const M_Cr2O3 = 151.99;
    const asModifier = { ...REF, Cr2O3: 0, FeO: REF.FeO + (REF.Cr2O3 * M_FeO) / M_Cr2O3 };
    expect(urbainTerms(asModifier).xG).toBeCloseTo(urbainTerms(REF).xG, 12);
    expect(urbainTerms(asModifier).alpha).toBeGreaterThan(urbainTerms(REF).alpha);
    const eta = slagViscosity_Pa_s(asModifier, T_TAP_K);
    expect(eta).toBeCloseTo(0.069, 3);
    expect(eta / slagViscosity_Pa_s(REF, T_TAP_K) - 1).toBeCloseTo(-0.12, 2);
  });

  it('gives 0.072 Pa·s without the Cr2O3', () => {
    expect(slagViscosity_Pa_s({ ...REF, Cr2O3: 0 }, T_TAP_K)).toBeCloseTo(0.072, 3);
  });
});
