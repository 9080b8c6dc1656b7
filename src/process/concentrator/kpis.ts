import { CR2O3_PER_CR } from '../assays.js';
import type { CompiledFlowsheet } from '../flowsheet/compile.js';
import type { FlowsheetSolution } from '../flowsheet/solve.js';
import { solids_kg_per_h } from '../stream.js';

/** Stage KPIs of a concentrator (names as in issue 4, item 6). Tonnages are dry. */
export interface ConcentratorKpis {
  feed_t_per_h: number;
  feed_cr2o3_wt_pct: number;
  concentrate_t_per_h: number;
  concentrate_cr2o3_wt_pct: number;
  concentrate_cr_fe_ratio: number;
  /** Fraction of the feed Cr (as Cr2O3) reporting to the products (0–1). */
  cr2o3_recovery: number;
  /** Dry concentrate / dry feed (0–1). */
  mass_yield: number;
  /** Σ unit power / dry feed [kWh/t]. */
  power_kWh_per_t_feed: number;
  /** (Σ water added by units − water returned to process-water sinks) / dry feed [m3/t], water at 1000 kg/m3. */
  water_m3_per_t_feed: number;
}

/**
 * Concentrator KPIs from a solved flowsheet: feed = the feed streams, concentrate = every stream
 * entering a `product` sink. No allocation.
 */
export function concentratorKpis(fs: CompiledFlowsheet, sol: FlowsheetSolution): ConcentratorKpis {
  const { model } = fs;
  const nEl = model.nEl;
  const crIdx = model.el.Cr;
  const feIdx = model.el.Fe;
  let feed = 0;
  let feedCr = 0;
  for (const f of fs.feeds) {
    const s = sol.streams[f];
    if (s) feed += solids_kg_per_h(model, s);
    if (crIdx >= 0) feedCr += sol.elementFlows[f * nEl + crIdx] ?? 0;
  }
  let conc = 0;
  let concCr = 0;
  let concFe = 0;
  let power = 0;
  let water = 0;
  fs.units.forEach((u, i) => {
    const d = sol.outputs[i]?.duties;
    if (d) {
      power += d.power_kW;
      water += d.water_added_kg_per_h;
    }
    if (u.kind.sink === 'product') {
      for (const s of u.inlets) {
        const st = sol.streams[s];
        if (st) conc += solids_kg_per_h(model, st);
        if (crIdx >= 0) concCr += sol.elementFlows[s * nEl + crIdx] ?? 0;
        if (feIdx >= 0) concFe += sol.elementFlows[s * nEl + feIdx] ?? 0;
      }
    } else if (u.kind.sink === 'process-water') {
      for (const s of u.inlets) water -= sol.streams[s]?.flow[model.water] ?? 0;
    }
  });
  return {
    feed_t_per_h: feed / 1000,
    feed_cr2o3_wt_pct: feed > 0 ? (100 * feedCr * CR2O3_PER_CR) / feed : NaN,
    concentrate_t_per_h: conc / 1000,
    concentrate_cr2o3_wt_pct: conc > 0 ? (100 * concCr * CR2O3_PER_CR) / conc : NaN,
    concentrate_cr_fe_ratio: concFe > 0 ? concCr / concFe : NaN,
    cr2o3_recovery: feedCr > 0 ? concCr / feedCr : NaN,
    mass_yield: feed > 0 ? conc / feed : NaN,
    power_kWh_per_t_feed: feed > 0 ? power / (feed / 1000) : NaN,
    water_m3_per_t_feed: feed > 0 ? water / 1000 / (feed / 1000) : NaN,
  };
}
