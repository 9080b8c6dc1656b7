/**
 * Viscosity of a fully liquid silicate slag by Urbain's model (Urbain, Cambier, Deletter and
 * Anseau 1981, "Viscosity of silicate melts", Trans. J. Br. Ceram. Soc. 80, 139–141; the
 * parameters as tabulated by Kondratiev, Jak and Hayes 2002, "Predicting slag viscosities in
 * metallurgical systems", JOM 54(11), 41–45, and by Mills 2011, "The estimation of slag
 * properties", Southern African Pyrometallurgy 2011,
 * http://www.pyrometallurgy.co.za/KenMills/KenMills.pdf):
 *
 *   η [poise] = A·T·exp(1000·B/T),   ln A = −(0.2693·B + 11.6725)          (Weymann–Frenkel form)
 *   oxides grouped by mole fraction into glass formers X_G (SiO2), modifiers X_M (CaO, MgO,
 *   FeO) and amphoterics X_A (Al2O3; Cr2O3 with them, as Urbain's Fe2O3 — an assumption, the
 *   1981 fit has no Cr2O3), each normalised by X_G + X_M + X_A;  α = X_M/(X_M + X_A)
 *   B = Σ_i x_i·B_i / Σ_i x_i over the modifiers i (CaO: the Ca set, MgO: the Mg set, FeO: the
 *   Mn set as Mills 2011 does for FeO), B_i = b0 + b1·X_G + b2·X_G² + b3·X_G³ and
 *   b_k = a_k + β_k·α + γ_k·α² from URBAIN_PARAMETERS.
 *
 * The model gives the viscosity of the liquid: a slag below its liquidus carries solid spinel or
 * olivine and is more viscous than this. Not validated: no measured FeCr-slag viscosities could be
 * obtained with their tables; docs/model.md §Slag properties lists the search and the sensitivities.
 */
import { InputError } from '../../errors.js';

/** The slag oxides the furnace produces, as mass fractions or wt% (any common basis). */
export interface SlagOxides {
  Cr2O3: number;
  FeO: number;
  SiO2: number;
  MgO: number;
  Al2O3: number;
  CaO: number;
}

/** Molar masses of the slag oxides [g/mol] (IUPAC 2021 conventional atomic weights). */
const M_G_PER_MOL: Readonly<SlagOxides> = {
  Cr2O3: 151.99,
  FeO: 71.844,
  SiO2: 60.083,
  MgO: 40.304,
  Al2O3: 101.961,
  CaO: 56.077,
};

/** a, β, γ of b0…b3 for one modifier type (Urbain et al. 1981, Table; Kondratiev et al. 2002). */
type ModifierSet = readonly (readonly [number, number, number])[];

export const URBAIN_PARAMETERS: Readonly<Record<'Ca' | 'Mg' | 'Mn', ModifierSet>> = {
  Ca: [
    [13.2, 41.5, -45.0],
    [30.5, -117.2, 130.0],
    [-40.4, 232.1, -298.6],
    [60.8, -156.4, 213.6],
  ],
  Mg: [
    [13.2, 15.9, -18.6],
    [30.5, -54.1, 33.0],
    [-40.4, 138.0, -112.0],
    [60.8, -99.8, 97.6],
  ],
  Mn: [
    [13.2, 20.0, -25.6],
    [30.5, 26.0, -56.0],
    [-40.4, -110.3, 186.2],
    [60.8, 64.3, -104.6],
  ],
};

/** B of one modifier set at α and X_G [kK]. */
function modifierB(set: ModifierSet, alpha: number, xG: number): number {
  let b = 0;
  let power = 1;
  for (const [a, beta, gamma] of set) {
    b += (a + beta * alpha + gamma * alpha * alpha) * power;
    power *= xG;
  }
  return b;
}

/** Urbain's grouped, normalised mole fractions and the parameter B of a slag. */
export interface UrbainTerms {
  /** Glass formers, modifiers, amphoterics [mol fraction of X_G + X_M + X_A]. */
  xG: number;
  xM: number;
  xA: number;
  alpha: number;
  /** Urbain's B [kK] and ln A (A in poise/K). */
  B: number;
  lnA: number;
}

/**
 * Urbain's terms of a slag.
 * @param w - Oxide mass fractions (any common basis; non-negative, finite, some SiO2 and modifier)
 * @throws InputError naming the oxide for a negative or non-finite amount, or a slag without
 *   SiO2 or without modifiers (outside the model)
 */
export function urbainTerms(w: Readonly<SlagOxides>): UrbainTerms {
  const n: Record<keyof SlagOxides, number> = { ...w };
  for (const k of Object.keys(M_G_PER_MOL) as (keyof SlagOxides)[]) {
    const v = w[k];
    if (!(Number.isFinite(v) && v >= 0))
      throw new InputError(`slag.${k}`, v, 'a non-negative, finite amount');
    n[k] = v / M_G_PER_MOL[k];
  }
  const modifiers = n.CaO + n.MgO + n.FeO;
  const G = n.SiO2;
  const A = n.Al2O3 + n.Cr2O3;
  if (!(G > 0)) throw new InputError('slag.SiO2', w.SiO2, 'a silicate slag (SiO2 > 0)');
  if (!(modifiers > 0))
    throw new InputError('slag.MgO', w.MgO, 'a slag with modifiers (CaO + MgO + FeO > 0)');
  const sum = G + modifiers + A;
  const xG = G / sum;
  const xM = modifiers / sum;
  const xA = A / sum;
  const alpha = xM / (xM + xA);
  const B =
    (n.CaO * modifierB(URBAIN_PARAMETERS.Ca, alpha, xG) +
      n.MgO * modifierB(URBAIN_PARAMETERS.Mg, alpha, xG) +
      n.FeO * modifierB(URBAIN_PARAMETERS.Mn, alpha, xG)) /
    modifiers;
  return { xG, xM, xA, alpha, B, lnA: -(0.2693 * B + 11.6725) };
}

/** Pa·s per poise. */
const PA_S_PER_POISE = 0.1;

/**
 * Viscosity of the liquid slag [Pa·s] at T [K] by Urbain's model (file comment).
 * @throws InputError for a bad composition or a temperature that is not a positive number
 */
export function slagViscosity_Pa_s(w: Readonly<SlagOxides>, T_K: number): number {
  if (!(Number.isFinite(T_K) && T_K > 0))
    throw new InputError('slag.T_K', T_K, 'a positive temperature [K]');
  const { B, lnA } = urbainTerms(w);
  return PA_S_PER_POISE * Math.exp(lnA) * T_K * Math.exp((1000 * B) / T_K);
}
