import { assays, type Assays } from '../assays.js';
import { totalMass_kg_per_h } from '../stream.js';
import { balanceVector, relImbalance } from './closure.js';
import type { CompiledFlowsheet } from './compile.js';
import type { FlowsheetSolution } from './solve.js';

export interface StreamRecord {
  id: string;
  /** Producing unit id, null for a feed. */
  from: string | null;
  to: string;
  T_K: number;
  t_per_h: number;
  components_kg_per_h: Record<string, number>;
  elements_kg_per_h: Record<string, number>;
  assays: Assays;
}

export interface UnitRecord {
  id: string;
  kind: string;
  stage: string;
  inlets: string[];
  outlets: string[];
  duties: {
    power_kW: number;
    water_added_kg_per_h: number;
    reagents_kg_per_h: Record<string, number>;
  };
  diagnostics: Record<string, number>;
  /** Design results of the unit (sizes with units), when the stage summary sized it. */
  design?: Record<string, { value: number; unit: string }>;
  /**
   * Relative imbalance per element, plus `H2O` (water component; not for reactive units) and
   * `total` [-]. Sinks: empty.
   */
  closure_rel: Record<string, number>;
}

export interface SankeyFlow {
  source: string;
  target: string;
  stream: string;
  t_per_h: number;
  cr_t_per_h: number;
}

/** The balance section of the appraisal JSON (issue 4, item 6). */
export interface BalanceReport {
  streams: StreamRecord[];
  units: UnitRecord[];
  max_closure_rel: number;
  plant_closure_rel: Record<string, number>;
  sankey: SankeyFlow[];
  tears: {
    loop_units: string[];
    tear_streams: string[];
    iterations: number;
    worst_rel_change: number;
    worst_stream: string;
  }[];
}

/** Node name of a feed in the Sankey list. */
export const feedNode = (streamId: string): string => `feed:${streamId}`;

/**
 * Builds the balance report (allocates; not for the Monte Carlo hot path).
 */
export function balanceReport(fs: CompiledFlowsheet, sol: FlowsheetSolution): BalanceReport {
  const { model } = fs;
  const nEl = model.nEl;
  const unitId = (u: number): string => fs.units[u]?.id ?? '';
  const work = new Float64Array(Math.max(model.nEl, model.nSize));
  const streams: StreamRecord[] = fs.streams.map((cs, i) => {
    const s = sol.streams[i];
    const comps: Record<string, number> = {};
    const els: Record<string, number> = {};
    for (let c = 0; c < model.nComp; c++) comps[model.names[c] ?? ''] = s?.flow[c] ?? 0;
    for (let e = 0; e < nEl; e++) els[model.elements[e] ?? ''] = sol.elementFlows[i * nEl + e] ?? 0;
    return {
      id: cs.id,
      from: cs.from >= 0 ? unitId(cs.from) : null,
      to: unitId(cs.to),
      T_K: s?.T_K ?? NaN,
      t_per_h: s ? totalMass_kg_per_h(s) / 1000 : 0,
      components_kg_per_h: comps,
      elements_kg_per_h: els,
      assays: s
        ? assays(model, s, work)
        : { cr2o3_wt_pct: null, cr_fe_ratio: null, solids_wt_pct: null, p80_um: null },
    };
  });
  const a = new Float64Array(nEl + 2);
  const b = new Float64Array(nEl + 2);
  const labels = [...model.elements, 'H2O', 'total'];
  const units: UnitRecord[] = fs.units.map((u, i) => {
    const out = sol.outputs[i];
    const reagents: Record<string, number> = {};
    u.kind.reagents.forEach((r, k) => {
      reagents[r] = out?.duties.reagents_kg_per_h[k] ?? 0;
    });
    const closure: Record<string, number> = {};
    if (!u.kind.sink) {
      balanceVector(fs, sol, u.inlets, out?.duties.water_added_kg_per_h ?? 0, a);
      balanceVector(fs, sol, u.outlets, 0, b);
      labels.forEach((l, k) => {
        if (k !== nEl || u.kind.reactive !== true) closure[l] = relImbalance(a[k] ?? 0, b[k] ?? 0);
      });
    }
    return {
      id: u.id,
      kind: u.kind.kind,
      stage: u.stage,
      inlets: u.inlets.map((s) => fs.streams[s]?.id ?? ''),
      outlets: u.outlets.map((s) => fs.streams[s]?.id ?? ''),
      duties: {
        power_kW: out?.duties.power_kW ?? 0,
        water_added_kg_per_h: out?.duties.water_added_kg_per_h ?? 0,
        reagents_kg_per_h: reagents,
      },
      diagnostics: out ? { ...out.diagnostics } : {},
      closure_rel: closure,
    };
  });
  let water = 0;
  const sinkInlets: number[] = [];
  fs.units.forEach((u, i) => {
    water += sol.outputs[i]?.duties.water_added_kg_per_h ?? 0;
    if (u.kind.sink) sinkInlets.push(...u.inlets);
  });
  balanceVector(fs, sol, fs.feeds, water, a);
  balanceVector(fs, sol, sinkInlets, 0, b);
  const plant: Record<string, number> = {};
  const reactive = fs.units.some((u) => u.kind.reactive === true);
  labels.forEach((l, k) => {
    if (k !== nEl || !reactive) plant[l] = relImbalance(a[k] ?? 0, b[k] ?? 0);
  });
  const crIdx = model.el.Cr;
  const sankey: SankeyFlow[] = fs.streams.map((cs, i) => ({
    source: cs.from >= 0 ? unitId(cs.from) : feedNode(cs.id),
    target: unitId(cs.to),
    stream: cs.id,
    t_per_h: streams[i]?.t_per_h ?? 0,
    cr_t_per_h: crIdx >= 0 ? (sol.elementFlows[i * nEl + crIdx] ?? 0) / 1000 : 0,
  }));
  return {
    streams,
    units,
    max_closure_rel: sol.closure.max_rel,
    plant_closure_rel: plant,
    sankey,
    tears: sol.tears.map((t) => ({
      ...t,
      loop_units: [...t.loop_units],
      tear_streams: [...t.tear_streams],
    })),
  };
}
