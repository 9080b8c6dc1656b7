import type { ComponentModel } from './components.js';
import { Float64Block } from '../numeric/float64-block.js';

/** Standard ambient temperature [K] and pressure [Pa] used for new streams. */
export const T_AMBIENT_K = 298.15;
export const P_ATM_PA = 101_325;

/**
 * A material stream. Component flows are kg/h in `flow` (indexed like the model's component
 * list); minerals additionally carry a size distribution in `sized` (row-major mineral row ×
 * size class, kg/h). Invariant kept by the solver: flow[mineral] = Σ_k sized[row, k].
 * Assays (grades, ratios, % solids, P80) are derived by `assays.ts`, never stored.
 */
export interface Stream {
  T_K: number;
  P_Pa: number;
  readonly flow: Float64Array;
  readonly sized: Float64Array;
}

/** Allocates an empty stream at ambient conditions. */
export function createStream(model: ComponentModel): Stream {
  return {
    T_K: T_AMBIENT_K,
    P_Pa: P_ATM_PA,
    flow: new Float64Array(model.nComp),
    sized: new Float64Array(model.nMin * model.nSize),
  };
}

/** Numbers a stream of `model` holds in its flow arrays (flow and sized flows) [-]. */
export function streamLength(model: ComponentModel): number {
  return model.nComp + model.nMin * model.nSize;
}

/**
 * Allocates n empty streams whose flows are views of one block (one allocation instead of 2n:
 * typed arrays beyond a few elements are allocated outside the JavaScript heap, at a cost).
 * @param block - Where to take the flows from (n × {@link streamLength} elements; default: a
 *   new block of that size)
 */
export function createStreams(
  model: ComponentModel,
  n: number,
  block: Float64Block = new Float64Block(n * streamLength(model)),
): Stream[] {
  const out: Stream[] = [];
  for (let i = 0; i < n; i++)
    out.push({
      T_K: T_AMBIENT_K,
      P_Pa: P_ATM_PA,
      flow: block.take(model.nComp),
      sized: block.take(model.nMin * model.nSize),
    });
  return out;
}

/** Sets every flow of `s` to zero (conditions back to ambient). */
export function zeroStream(s: Stream): void {
  s.flow.fill(0);
  s.sized.fill(0);
  s.T_K = T_AMBIENT_K;
  s.P_Pa = P_ATM_PA;
}

/** Copies `src` into `dst` (same model). */
export function copyStream(dst: Stream, src: Stream): void {
  dst.flow.set(src.flow);
  dst.sized.set(src.sized);
  dst.T_K = src.T_K;
  dst.P_Pa = src.P_Pa;
}

/** Recomputes each mineral's total flow from its size distribution. */
export function syncMineralTotals(model: ComponentModel, s: Stream): void {
  const n = model.nSize;
  for (let r = 0; r < model.nMin; r++) {
    let t = 0;
    const o = r * n;
    for (let k = 0; k < n; k++) t += s.sized[o + k] ?? 0;
    s.flow[model.mineralComp[r] ?? 0] = t;
  }
}

/** Total mass flow [kg/h]. */
export function totalMass_kg_per_h(s: Stream): number {
  let t = 0;
  for (let i = 0; i < s.flow.length; i++) t += s.flow[i] ?? 0;
  return t;
}

/** Dry solids flow (minerals and solid species) [kg/h]. */
export function solids_kg_per_h(model: ComponentModel, s: Stream): number {
  let t = 0;
  for (let i = 0; i < model.nComp; i++) if (model.isSolid[i] === 1) t += s.flow[i] ?? 0;
  return t;
}

/**
 * Element flows of a stream: e_k = Σ_c flow_c · w_{c,k}.
 * @param out - Receives the flows [kg/h], length model.nEl
 */
export function elementFlows(
  model: ComponentModel,
  s: Stream,
  out: Float64Array,
  offset = 0,
): void {
  const nEl = model.nEl;
  for (let e = 0; e < nEl; e++) out[offset + e] = 0;
  for (let c = 0; c < model.nComp; c++) {
    const f = s.flow[c] ?? 0;
    if (f === 0) continue;
    const o = c * nEl;
    for (let e = 0; e < nEl; e++)
      out[offset + e] = (out[offset + e] ?? 0) + f * (model.elementFraction[o + e] ?? 0);
  }
}
