/**
 * The equations that fix the furnace's additions, its alloy rate and (with a slag Cr2O3 target)
 * its Cr recovery, as residuals of the element balance (furnace-element-balance.ts):
 *   alloy    (1 − w_C)·m_alloy − (M_Cr·Cr_alloy + M_Fe·Fe_alloy + M_Si·Si_alloy)          [kg/s]
 *   carbon   CO2 − 2·O2_air = O_gas − C_gas − 2·O2_air: all the reduction O leaves as CO  [mol/s]
 *   flux     M_SiO2·Si_slag − w_SiO2·m_slag                      (slag SiO2 target)       [kg/s]
 *            B·M_SiO2·Si_slag − (M_CaO·Ca_slag + M_MgO·Mg_slag)  (basicity target B > 0)
 *   Cr2O3    M_Cr2O3·Cr_slag/2 − w_Cr2O3·m_slag                  (when w_Cr2O3 > 0)       [kg/s]
 * Every residual is affine in (m_red, m_q, m_alloy) and in R_Cr; R_Cr multiplies only the inlet
 * Cr, which the additions do not carry (the default materials have no Cr2O3 in their ash), so the
 * system is linear in all four unknowns.
 */
import type { FurnaceBasis } from './furnace-basis.js';
import {
  createFurnaceElements,
  furnaceElementBalance,
  M_SLAG,
  type FurnaceElementsWork,
  type FurnaceUnknowns,
} from './furnace-element-balance.js';
import type { FurnaceParams } from './furnace-params.js';
import { ATOMIC_KG } from './species.js';

/** Unknowns of the furnace equations: m_red, m_q, m_alloy [kg/s], then R_Cr [–] when solved. */
export type FurnaceVector = readonly number[];

/** Whether the Cr recovery is an unknown (slag Cr2O3 target on) rather than a parameter. */
export const solvesRecovery = (p: FurnaceParams): boolean => p.slag_Cr2O3_wt_pct > 0;

export const unknownsOf = (v: FurnaceVector): FurnaceUnknowns => ({
  reductant_kg_per_s: v[0] ?? NaN,
  quartzite_kg_per_s: v[1] ?? NaN,
  alloy_kg_per_s: v[2] ?? NaN,
});

/** The Cr recovery of a vector: its 4th entry when solved, else the parameter [–]. */
export const recoveryOf = (p: FurnaceParams, v: FurnaceVector): number =>
  solvesRecovery(p) ? (v[3] ?? NaN) : p.cr_recovery;

/** The work objects of {@link furnaceResiduals}: its unknowns and element balance. */
export interface ResidualWork {
  x: { -readonly [K in keyof FurnaceUnknowns]: FurnaceUnknowns[K] };
  el: FurnaceElementsWork;
}

/** Work for {@link furnaceResiduals}, owned by one solve (it evaluates them a few times). */
export function createResidualWork(): ResidualWork {
  return { x: unknownsOf([0, 0, 0]), el: createFurnaceElements() };
}

/**
 * Residuals of the furnace equations at v, written into `out` (3 entries, or 4 with the slag
 * Cr2O3 target) [kg/s, mol/s, kg/s, kg/s].
 * @param work - The caller's work objects (default new ones)
 */
export function furnaceResiduals(
  b: FurnaceBasis,
  p: FurnaceParams,
  v: FurnaceVector,
  out: number[] | Float64Array,
  work: ResidualWork = createResidualWork(),
): void {
  const x = work.x;
  x.reductant_kg_per_s = v[0] ?? NaN;
  x.quartzite_kg_per_s = v[1] ?? NaN;
  x.alloy_kg_per_s = v[2] ?? NaN;
  const el = furnaceElementBalance(b, p, x, recoveryOf(p, v), work.el);
  const metal_kg_per_s =
    ATOMIC_KG.Cr * el.alloyCr + ATOMIC_KG.Fe * el.alloyFe + ATOMIC_KG.Si * el.alloySi;
  const silica = M_SLAG.SiO2 * el.slagSi;
  out[0] = (1 - p.alloy_C_wt_pct / 100) * x.alloy_kg_per_s - metal_kg_per_s;
  out[1] = el.gasO - el.gasC - 2 * el.airO2;
  out[2] =
    p.slag_basicity > 0
      ? p.slag_basicity * silica - (M_SLAG.CaO * el.slagCa + M_SLAG.MgO * el.slagMg)
      : silica - (p.slag_SiO2_wt_pct / 100) * el.slag_kg_per_s;
  if (solvesRecovery(p))
    out[3] = (M_SLAG.Cr2O3 * el.slagCr) / 2 - (p.slag_Cr2O3_wt_pct / 100) * el.slag_kg_per_s;
}
