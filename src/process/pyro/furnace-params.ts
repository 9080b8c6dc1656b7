/**
 * Parameters and materials of the smelting furnace (AC submerged-arc and DC open-arc share one
 * model with route parameters), their defaults from data/pyro/fecr.json and their range check.
 */
import data from '../../../data/pyro/fecr.json' with { type: 'json' };
import { InputError } from '../../errors.js';
import { MATERIALS, type FluxAnalysis, type Proximate } from './materials.js';

export type FurnaceRoute = 'ac-saf' | 'dc';

export interface FurnaceParams {
  route: FurnaceRoute;
  alloy_T_K: number;
  slag_T_K: number;
  offgas_T_K: number;
  cr_recovery: number;
  fe_recovery: number;
  si_recovery: number;
  dust_fraction: number;
  alloy_C_wt_pct: number;
  carbon_loss_fraction: number;
  air_ingress_Nm3_per_t: number;
  electrode_kg_per_t: number;
  lime_kg_per_t: number;
  /**
   * Slag basicity target (CaO + MgO)/SiO2 [mass ratio]; 0 = off. When > 0 the quartzite is solved
   * for this target instead of `slag_SiO2_wt_pct` (lime stays fixed by `lime_kg_per_t`).
   */
  slag_basicity: number;
  slag_SiO2_wt_pct: number;
  electrical_efficiency: number;
  power_factor: number;
  /**
   * Slag Cr2O3 target [wt%]; when > 0 the Cr recovery to the alloy is solved to reach it (an
   * iteration around the additions solve) and `cr_recovery` is not used; 0 = fixed recovery.
   */
  slag_Cr2O3_wt_pct: number;
  /** Required excess of the tapping temperature over the slag liquidus [K]. */
  slag_superheat_K: number;
  /**
   * 1 = the quartzite is solved so that the slag liquidus + `slag_superheat_K` = `slag_T_K`
   * (flux-solve.ts; `slag_SiO2_wt_pct` is then an output); 0 = off [–].
   */
  flux_by_liquidus: number;
  /** The single calibrated quantity [kWh per t alloy]. */
  heat_loss_kWh_per_t: number;
}

/** Route defaults from data/pyro/fecr.json. */
export function furnaceDefaults(route: FurnaceRoute): FurnaceParams {
  const d = data.furnace[route];
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(d)) out[k] = v.value;
  return { ...(out as unknown as Omit<FurnaceParams, 'route'>), route };
}

export interface FurnaceMaterials {
  reductant: Proximate;
  electrode: Proximate;
  quartzite: FluxAnalysis;
  lime: FluxAnalysis;
}

/** Materials of the AC submerged-arc furnace: coke, Söderberg paste, quartzite, lime. */
export const DEFAULT_FURNACE_MATERIALS: FurnaceMaterials = {
  reductant: MATERIALS.coke,
  electrode: MATERIALS.electrodePaste,
  quartzite: MATERIALS.quartzite,
  lime: MATERIALS.lime,
};

/** Materials of the DC open-arc furnace: as the AC furnace's, but a graphite electrode. */
export const DC_FURNACE_MATERIALS: FurnaceMaterials = {
  ...DEFAULT_FURNACE_MATERIALS,
  electrode: MATERIALS.graphiteElectrode,
};

/** The default materials of a route (the electrode differs: paste for AC, graphite for DC). */
export function routeMaterials(route: FurnaceRoute): FurnaceMaterials {
  return route === 'dc' ? DC_FURNACE_MATERIALS : DEFAULT_FURNACE_MATERIALS;
}

/** Physical ranges of the parameters [each parameter's unit]. */
const RANGES: Readonly<Partial<Record<keyof FurnaceParams, readonly [number, number]>>> = {
  cr_recovery: [0, 1],
  fe_recovery: [0, 1],
  si_recovery: [0, 1],
  dust_fraction: [0, 0.5],
  alloy_C_wt_pct: [0, 12],
  carbon_loss_fraction: [0, 0.5],
  air_ingress_Nm3_per_t: [0, 1000],
  electrode_kg_per_t: [0, 100],
  lime_kg_per_t: [0, 1000],
  slag_basicity: [0, 5],
  slag_SiO2_wt_pct: [1, 70],
  slag_Cr2O3_wt_pct: [0, 50],
  slag_superheat_K: [0, 500],
  flux_by_liquidus: [0, 1],
  electrical_efficiency: [0.5, 1],
  power_factor: [0.3, 1],
  heat_loss_kWh_per_t: [0, 5000],
  alloy_T_K: [1700, 2400],
  slag_T_K: [1700, 2400],
  offgas_T_K: [298.15, 1800],
};

/** {@link RANGES} as a list, in its key order (the furnace solve checks them on every call). */
const RANGE_LIST: readonly (readonly [keyof FurnaceParams, number, number])[] = Object.entries(
  RANGES,
).map(([k, [lo, hi]]) => [k as keyof FurnaceParams, lo, hi] as const);

/**
 * Checks every parameter against its physical range.
 * @throws InputError naming `furnace.<parameter>`, the value and the range
 */
export function validateFurnaceParams(p: FurnaceParams): void {
  for (const [k, lo, hi] of RANGE_LIST) {
    const v = p[k] as number;
    if (!(Number.isFinite(v) && v >= lo && v <= hi))
      throw new InputError(`furnace.${k}`, v, `a number in [${lo}, ${hi}]`);
  }
  if (p.flux_by_liquidus !== 0 && p.flux_by_liquidus !== 1)
    throw new InputError('furnace.flux_by_liquidus', p.flux_by_liquidus, '0 (off) or 1 (on)');
  if (p.flux_by_liquidus === 1 && p.slag_basicity > 0)
    throw new InputError(
      'furnace.slag_basicity',
      p.slag_basicity,
      '0 while flux_by_liquidus = 1 (the liquidus, not a basicity, sets the quartzite)',
    );
  for (const k of ['cr_recovery', 'fe_recovery'] as const)
    if (p[k] + p.dust_fraction > 1)
      throw new InputError(`furnace.${k}`, p[k], `≤ 1 − dust_fraction (${1 - p.dust_fraction})`);
}
