import type { BalanceReport } from '../process/flowsheet/report.js';

/** The plant balance of an appraisal: every stage's streams and units, tagged by stage. */
export interface PlantBalance {
  streams: (BalanceReport['streams'][number] & { stage: string })[];
  units: (BalanceReport['units'][number] & { stage: string })[];
  /** Worst relative closure of any element, water or total mass over all units and stages [–]. */
  max_closure_rel: number;
  /** Sankey-ready flows; node names are prefixed with the stage id (`smelter/furnace`). */
  sankey: BalanceReport['sankey'];
  tears: (BalanceReport['tears'][number] & { stage: string })[];
}

export function mergeBalances(
  byStage: readonly { stage: string; balance: BalanceReport }[],
): PlantBalance {
  const out: PlantBalance = { streams: [], units: [], max_closure_rel: 0, sankey: [], tears: [] };
  for (const { stage, balance } of byStage) {
    out.streams.push(...balance.streams.map((s) => ({ ...s, stage })));
    out.units.push(...balance.units.map((u) => ({ ...u, stage })));
    out.tears.push(...balance.tears.map((t) => ({ ...t, stage })));
    out.sankey.push(
      ...balance.sankey.map((f) => ({
        ...f,
        source: `${stage}/${f.source}`,
        target: `${stage}/${f.target}`,
      })),
    );
    out.max_closure_rel = Math.max(out.max_closure_rel, balance.max_closure_rel);
  }
  return out;
}
