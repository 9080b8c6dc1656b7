/**
 * Chrome-ore contract pricing per dry metric tonne unit (dmtu) of Cr2O3, as Chinese and South
 * African contracts quote it: a basis unit price at a basis grade, a step per 1 % Cr2O3 above or
 * below the basis, a premium per unit of Cr/Fe ratio above the basis (penalty below), and
 * penalties per excess SiO2 and P, graded on the analysis of the concentrate sold.
 *
 *   price [USD/dmt] = Cr2O3 × (b + s·(Cr2O3 − Cr2O3_b) + c·(Cr/Fe − Cr/Fe_b))
 *                     − p_Si·max(0, SiO2 − SiO2_max) − p_P·max(0, P − P_max)/0.01
 *
 * Cr/Fe is the mass ratio of Cr to total Fe (FeO and Fe2O3), P comes from P2O5; molar masses
 * from the IUPAC 2021 atomic weights (src/chem).
 */
import { molarMass_g_per_mol } from '../../chem/formula.js';

/** Formula terms in USD (an RMB, VAT-included basis is converted by the caller). */
export interface ConcentrateFormula {
  basis_usd_per_dmtu: number;
  basis_cr2o3_pct: number;
  cr2o3_step_usd_per_dmtu_per_pct: number;
  basis_cr_fe: number;
  cr_fe_premium_usd_per_dmtu: number;
  sio2_max_pct: number;
  sio2_penalty_usd_per_dmt_per_pct: number;
  p_max_pct: number;
  p_penalty_usd_per_dmt_per_0_01pct: number;
}

/** One term of a graded price [USD/dmt]. */
export interface FormulaTerm {
  term: string;
  usd_per_dmt: number;
}

const CR_IN_CR2O3 = (2 * molarMass_g_per_mol('Cr')) / molarMass_g_per_mol('Cr2O3');
const FE_IN_FEO = molarMass_g_per_mol('Fe') / molarMass_g_per_mol('FeO');
const FE_IN_FE2O3 = (2 * molarMass_g_per_mol('Fe')) / molarMass_g_per_mol('Fe2O3');
const P_IN_P2O5 = (2 * molarMass_g_per_mol('P')) / molarMass_g_per_mol('P2O5');

/** Cr/Fe mass ratio of a dry analysis [-]; Infinity without iron. */
export function crFeRatio(analysis: Readonly<Record<string, number>>): number {
  const cr = (analysis.Cr2O3 ?? 0) * CR_IN_CR2O3;
  const fe = (analysis.FeO ?? 0) * FE_IN_FEO + (analysis.Fe2O3 ?? 0) * FE_IN_FE2O3;
  return fe > 0 ? cr / fe : Infinity;
}

/** The graded terms as numbers [USD/dmt], in the order of the formula, with Cr/Fe and P [wt%]. */
function termValues(
  f: ConcentrateFormula,
  analysis: Readonly<Record<string, number>>,
): { values: [number, number, number, number, number]; crFe: number; p: number } {
  const cr2o3 = analysis.Cr2O3 ?? 0;
  const crFe = crFeRatio(analysis);
  const p = (analysis.P2O5 ?? 0) * P_IN_P2O5;
  return {
    values: [
      cr2o3 * f.basis_usd_per_dmtu,
      cr2o3 * f.cr2o3_step_usd_per_dmtu_per_pct * (cr2o3 - f.basis_cr2o3_pct),
      // An analysis without iron has no ratio to grade: no premium (never an infinite one).
      Number.isFinite(crFe) ? cr2o3 * f.cr_fe_premium_usd_per_dmtu * (crFe - f.basis_cr_fe) : 0,
      -f.sio2_penalty_usd_per_dmt_per_pct * Math.max(0, (analysis.SiO2 ?? 0) - f.sio2_max_pct),
      (-f.p_penalty_usd_per_dmt_per_0_01pct * Math.max(0, p - f.p_max_pct)) / 0.01,
    ],
    crFe,
    p,
  };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/**
 * The graded price alone, without the terms' descriptions (a price path prices every row).
 * @returns Price per dry t [USD/dmt], equal to {@link gradedConcentratePrice}'s.
 */
export function gradedConcentratePrice_usd_per_dmt(
  f: ConcentrateFormula,
  analysis: Readonly<Record<string, number>>,
): number {
  return sum(termValues(f, analysis).values);
}

/**
 * @param f - Formula terms [USD].
 * @param analysis - Dry analysis of the concentrate [wt%] (Cr2O3, FeO, Fe2O3, SiO2, P2O5).
 * @returns Price per dry t and its terms (they add up to the price) [USD/dmt].
 */
export function gradedConcentratePrice(
  f: ConcentrateFormula,
  analysis: Readonly<Record<string, number>>,
): { usd_per_dmt: number; terms: FormulaTerm[] } {
  const cr2o3 = analysis.Cr2O3 ?? 0;
  const { values, crFe, p } = termValues(f, analysis);
  const names = [
    `basis ${cr2o3} dmtu × ${f.basis_usd_per_dmtu} USD/dmtu`,
    `Cr2O3 step (${cr2o3} vs ${f.basis_cr2o3_pct} %)`,
    `Cr/Fe premium (${Number.isFinite(crFe) ? crFe.toFixed(2) : '∞'} vs ${f.basis_cr_fe})`,
    `SiO2 penalty (${analysis.SiO2 ?? 0} vs max ${f.sio2_max_pct} %)`,
    `P penalty (${p.toFixed(4)} vs max ${f.p_max_pct} %)`,
  ];
  const terms = values.map((usd_per_dmt, i) => ({ term: names[i] ?? '', usd_per_dmt }));
  return { usd_per_dmt: sum(values), terms };
}
