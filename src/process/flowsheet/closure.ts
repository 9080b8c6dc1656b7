import { elementFlows } from '../stream.js';
import type { CompiledFlowsheet } from './compile.js';
import type { FlowsheetSolution } from './solve.js';

/** Closure of the balances after a solve (relative imbalances, 0 = perfect). */
export interface Closure {
  /** Worst relative imbalance over elements, water and total mass, per unit [-]. */
  readonly unit_max_rel: Float64Array;
  /** Worst relative imbalance of the whole plant (feeds + water added vs sinks) [-]. */
  plant_rel: number;
  /** max(unit_max_rel, plant_rel) [-]. */
  max_rel: number;
}

/** Relative imbalance |in − out| / max(|in|, |out|), 0 when both are 0. */
export function relImbalance(inFlow: number, outFlow: number): number {
  const d = Math.abs(inFlow - outFlow);
  if (d === 0) return 0;
  return d / Math.max(Math.abs(inFlow), Math.abs(outFlow));
}

/**
 * Balance quantities of a set of inflows/outflows: every element, water and total mass.
 * Returns a vector of length nEl + 2 laid out [elements…, water, total].
 */
export function balanceVector(
  fs: CompiledFlowsheet,
  sol: Omit<FlowsheetSolution, 'closure'>,
  streams: readonly number[],
  waterAdded_kg_per_h: number,
  out: Float64Array,
): void {
  const { model } = fs;
  const nEl = model.nEl;
  out.fill(0);
  for (const s of streams) {
    for (let e = 0; e < nEl; e++) out[e] = (out[e] ?? 0) + (sol.elementFlows[s * nEl + e] ?? 0);
    const st = sol.streams[s];
    if (!st) continue;
    out[nEl] = (out[nEl] ?? 0) + (st.flow[model.water] ?? 0);
    let t = 0;
    for (let c = 0; c < model.nComp; c++) t += st.flow[c] ?? 0;
    out[nEl + 1] = (out[nEl + 1] ?? 0) + t;
  }
  if (waterAdded_kg_per_h !== 0) {
    for (let e = 0; e < nEl; e++)
      out[e] =
        (out[e] ?? 0) + waterAdded_kg_per_h * (model.elementFraction[model.water * nEl + e] ?? 0);
    out[nEl] = (out[nEl] ?? 0) + waterAdded_kg_per_h;
    out[nEl + 1] = (out[nEl + 1] ?? 0) + waterAdded_kg_per_h;
  }
}

/** Fills `sol.elementFlows` from the solved streams (every solve: the summary reads them). */
export function computeElementFlows(fs: CompiledFlowsheet, sol: FlowsheetSolution): void {
  const { model } = fs;
  const nEl = model.nEl;
  sol.streams.forEach((s, i) => {
    elementFlows(model, s, sol.elementFlows, i * nEl);
  });
}

/**
 * The closure of a solution's balances, per unit and plant-wide, from its streams, element flows
 * and duties, written into `into` (computed when read: `FlowsheetSolution.closure`).
 */
export function solutionClosure(
  fs: CompiledFlowsheet,
  sol: Omit<FlowsheetSolution, 'closure'>,
  into: Closure,
): Closure {
  const nEl = fs.model.nEl;
  const a = sol.work.balIn;
  const b = sol.work.balOut;
  let max = 0;
  let plantWater = 0;
  fs.units.forEach((u, i) => {
    const out = sol.outputs[i];
    const added = out?.duties.water_added_kg_per_h ?? 0;
    plantWater += added;
    balanceVector(fs, sol, u.inlets, added, a);
    balanceVector(fs, sol, u.outlets, 0, b);
    let worst = 0;
    if (!u.kind.sink)
      for (let k = 0; k < nEl + 2; k++)
        if (k !== nEl || u.kind.reactive !== true)
          worst = Math.max(worst, relImbalance(a[k] ?? 0, b[k] ?? 0));
    into.unit_max_rel[i] = worst;
    max = Math.max(max, worst);
  });
  balanceVector(fs, sol, fs.feeds, plantWater, a);
  balanceVector(fs, sol, fs.sinkInlets, 0, b);
  let plant = 0;
  const reactive = fs.units.some((u) => u.kind.reactive === true);
  for (let k = 0; k < nEl + 2; k++)
    if (k !== nEl || !reactive) plant = Math.max(plant, relImbalance(a[k] ?? 0, b[k] ?? 0));
  into.plant_rel = plant;
  into.max_rel = Math.max(max, plant);
  return into;
}
