import type { BalanceReport } from '../process/flowsheet/report.js';
import type { PlantBalance } from './merge-balances.js';

/** A Sankey of contained chromium: nodes (units and feeds) and links [t Cr/h]. */
export interface ChromiumSankey {
  nodes: { id: string; label: string }[];
  links: { source: string; target: string; cr_t_per_h: number }[];
}

/**
 * Sankey of contained chromium for one stage's balance or the whole plant balance: one node per
 * unit (sinks included) and per feed stream, one link per pair of nodes joined by streams that
 * carry chromium, its value the chromium they carry. Chromium is counted as the element, whatever
 * its form (chromite spinel, Cr2O3, chromate, alloy, metal): the streams' `elements_kg_per_h.Cr`
 * from their compositions. Since every unit conserves Cr, in = out at every inner node, and the
 * feed nodes' total equals the sink nodes' total.
 *
 * Node ids: the unit id (`saf`) or `feed:<stream>` for a stage balance; prefixed with the stage
 * (`smelter/saf`, `feed:smelter/chromite`) for a plant balance. A stage fed by another stage's
 * product shows it as a feed (the product sink of the upstream stage and the feed of the
 * downstream stage are separate nodes).
 * @param balance - A stage's balance report or the plant balance of an appraisal
 * @returns Nodes and links; links with no chromium are left out [t/h]
 */
export function chromiumSankey(balance: PlantBalance | BalanceReport): ChromiumSankey {
  const nodes = new Map<string, string>();
  const unitLabel = new Map<string, string>();
  const stageOf = (x: object): string | undefined =>
    'stage' in x && typeof x.stage === 'string' && isPlant(balance) ? x.stage : undefined;
  for (const u of balance.units) {
    const st = stageOf(u);
    const id = st === undefined ? u.id : `${st}/${u.id}`;
    unitLabel.set(id, `${st === undefined ? '' : `${st}: `}${u.id} (${u.kind})`);
  }
  const links = new Map<string, { source: string; target: string; cr_t_per_h: number }>();
  for (const s of balance.streams) {
    const st = stageOf(s);
    const pre = st === undefined ? '' : `${st}/`;
    const cr = (s.elements_kg_per_h.Cr ?? 0) / 1000;
    const source = s.from === null ? `feed:${pre}${s.id}` : `${pre}${s.from}`;
    const target = `${pre}${s.to}`;
    if (s.from === null) nodes.set(source, `${st === undefined ? '' : `${st}: `}${s.id} (feed)`);
    if (!(cr > 0)) continue;
    const key = `${source}\u0000${target}`;
    const l = links.get(key);
    if (l) l.cr_t_per_h += cr;
    else links.set(key, { source, target, cr_t_per_h: cr });
  }
  for (const [id, label] of unitLabel) nodes.set(id, label);
  return {
    nodes: [...nodes].map(([id, label]) => ({ id, label })),
    links: [...links.values()],
  };
}

function isPlant(b: PlantBalance | BalanceReport): b is PlantBalance {
  return !('plant_closure_rel' in b);
}
