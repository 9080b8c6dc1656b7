/**
 * The flux solve by liquidus (`flux_by_liquidus` = 1): the quartzite is the one that makes the
 * slag's liquidus plus the declared superheat equal the tapping temperature,
 *   T_liq(slag(w)) + ΔT_superheat − T_slag = 0,
 * an outer 1-D root on the slag SiO2 target w of the furnace's linear additions solve
 * (furnace-additions.ts), so the furnace stays explicit equations: each trial w is one linear
 * solve and one liquidus (slag-liquidus.ts). The liquidus falls as silica dilutes the MgO and
 * Al2O3 (periclase, spinel and forsterite fields) and rises again past the silicate valley, so the
 * root taken is the first one above the slag's SiO2 without quartzite — the least quartzite that
 * makes the slag liquid enough. Bounded: a scan in SCAN_STEP steps, then bisection.
 */
import { InputError } from '../../errors.js';
import type { FurnaceBasis } from './furnace-basis.js';
import { slagSiO2WithoutQuartzite_wt_pct, solveFurnaceAdditions } from './furnace-additions.js';
import { furnaceElementBalance, M_SLAG } from './furnace-element-balance.js';
import type { FurnaceParams } from './furnace-params.js';
import { slagLiquidus } from './slag-liquidus.js';
import type { SlagOxides } from './slag-viscosity.js';

/** Step of the upward scan in slag SiO2 [wt%] and the largest target tried [wt%]. */
const SCAN_STEP_WT_PCT = 2;
const SIO2_MAX_WT_PCT = 70;
/** Width of the final SiO2 bracket [wt%]. */
const SIO2_TOLERANCE_WT_PCT = 1e-7;

/** Slag oxide masses of a furnace solution at a given SiO2 target [kg/s]. */
function slagOxidesAt(b: FurnaceBasis, p: FurnaceParams, w: number): SlagOxides {
  const q: FurnaceParams = { ...p, slag_SiO2_wt_pct: w };
  const s = solveFurnaceAdditions(b, q);
  const el = furnaceElementBalance(b, q, s.additions, s.cr_recovery);
  return {
    Cr2O3: (M_SLAG.Cr2O3 * el.slagCr) / 2,
    FeO: M_SLAG.FeO * el.slagFe,
    SiO2: M_SLAG.SiO2 * el.slagSi,
    MgO: M_SLAG.MgO * el.slagMg,
    Al2O3: (M_SLAG.Al2O3 * el.slagAl) / 2,
    CaO: M_SLAG.CaO * el.slagCa,
  };
}

/** T_liq + ΔT_superheat − T_slag at slag SiO2 w [K]; ≤ 0 means liquid enough. */
function excess_K(b: FurnaceBasis, p: FurnaceParams, w: number): number {
  return slagLiquidus(slagOxidesAt(b, p, w)).T_K + p.slag_superheat_K - p.slag_T_K;
}

/**
 * The slag SiO2 target [wt%] that the liquidus sets: the slag's own SiO2 when it needs no
 * quartzite, else the least SiO2 with T_liq + ΔT_superheat = T_slag.
 * @throws InputError naming `furnace.slag_superheat_K` when no quartzite addition up to 70 wt%
 *   slag SiO2 reaches it (with the lowest liquidus found)
 */
export function slagSiO2ByLiquidus_wt_pct(b: FurnaceBasis, p: FurnaceParams): number {
  // a hair above the no-quartzite point, so the additions solve never sees a negative quartzite
  let lo = slagSiO2WithoutQuartzite_wt_pct(b, p) + 1e-9;
  const f0 = excess_K(b, p, lo);
  if (f0 <= 0) return lo;
  let best = { w: lo, f: f0 };
  let hi = NaN;
  for (let w = lo + SCAN_STEP_WT_PCT; w <= SIO2_MAX_WT_PCT; w += SCAN_STEP_WT_PCT) {
    const f = excess_K(b, p, w);
    if (f < best.f) best = { w, f };
    if (f <= 0) {
      hi = w;
      break;
    }
    lo = w;
  }
  if (Number.isNaN(hi))
    throw new InputError(
      'furnace.slag_superheat_K',
      p.slag_superheat_K,
      `a superheat the slag can reach at T_slag ${p.slag_T_K.toFixed(1)} K: no quartzite addition up to ${SIO2_MAX_WT_PCT} wt% slag SiO2 brings the liquidus below ${(p.slag_T_K - p.slag_superheat_K).toFixed(1)} K (lowest: ${(best.f + p.slag_T_K - p.slag_superheat_K).toFixed(1)} K at ${best.w.toFixed(1)} wt% SiO2)`,
    );
  while (hi - lo > SIO2_TOLERANCE_WT_PCT) {
    const mid = 0.5 * (lo + hi);
    if (excess_K(b, p, mid) > 0) lo = mid;
    else hi = mid;
  }
  return hi;
}
