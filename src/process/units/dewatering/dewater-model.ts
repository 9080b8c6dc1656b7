import { rejectOtherSpecies, sizedTotal } from '../../separate.js';
import type { UnitContext, UnitOutput } from '../../unit.js';
import type { Stream } from '../../stream.js';

/**
 * Dewatering (thickener, filter): solids split with a fixed loss to the liquid product, then the
 * solids product takes the water needed for its target % solids x:
 * W_s = S_s (100 − x)/x, capped at the water available; the liquid product takes the rest.
 * Reports the % solids reached (below target only when the feed is thicker than the target).
 */
export function solveDewater(
  inlets: readonly Stream[],
  solidsLoss: number,
  targetSolids_wt_pct: number,
  energy_kWh_per_t: number,
  reagent_g_per_t: number,
  ctx: UnitContext,
  out: UnitOutput,
): void {
  const inlet = inlets[0];
  const thick = out.outlets[0];
  const liquid = out.outlets[1];
  if (!inlet || !thick || !liquid) return;
  const { model } = ctx;
  rejectOtherSpecies(model, inlet, ctx.unitId);
  const len = model.nMin * model.nSize;
  for (let i = 0; i < len; i++) {
    const m = inlet.sized[i] ?? 0;
    const lost = m * solidsLoss;
    liquid.sized[i] = lost;
    thick.sized[i] = m - lost;
  }
  const solidsThick = sizedTotal(model, thick);
  const w = inlet.flow[model.water] ?? 0;
  const want = (solidsThick * (100 - targetSolids_wt_pct)) / targetSolids_wt_pct;
  const wt = Math.min(w, want);
  thick.flow[model.water] = wt;
  liquid.flow[model.water] = w - wt;
  thick.T_K = liquid.T_K = inlet.T_K;
  thick.P_Pa = liquid.P_Pa = inlet.P_Pa;
  const feedSolids = sizedTotal(model, inlet);
  out.duties.power_kW = (energy_kWh_per_t * feedSolids) / 1000;
  out.duties.reagents_kg_per_h[0] = (reagent_g_per_t * feedSolids) / 1e6;
  out.diagnostics.solids_wt_pct_reached =
    solidsThick + wt > 0 ? (100 * solidsThick) / (solidsThick + wt) : 0;
}
