// Chromium-metal stage runs per second (runChromiumStage with a caller-owned FlowsheetCache:
// reagent make-up + scaling + StageRun with balance JSON) for both templates on the reference
// feeds; capacity alternates between two values so nothing is reused across runs. The
// aluminothermic route also with the Wegstein make-up of before issue 19 (reference
// implementation, test/reference/nested-solve), side by side.
import type { BenchSuite } from './harness.js';
import feeds from '../data/process/chromium/reference-feeds.json' with { type: 'json' };
import { runChromiumStage } from '../src/process/chromium/run.js';
import { FlowsheetCache } from '../src/process/flowsheet/flowsheet-cache.js';
import type { StageSolveOptions } from '../src/process/stage-solve-options.js';
import { wegsteinMakeup } from '../test/reference/nested-solve/chromium-makeup.js';

const SPECIFIED = 'cr-aluminothermic stage run (runChromiumStage)';
const WEGSTEIN = 'cr-aluminothermic stage run, Wegstein make-up before issue 19 (reference)';

export function suite(): Promise<BenchSuite> {
  const chromite = { oxides_wt_pct: feeds.chromite_concentrate.oxides_wt_pct.value };
  const fecr = { alloy_wt_pct: feeds.hc_ferrochrome.alloy_wt_pct.value };
  const flowsheets = new FlowsheetCache();
  const alu = (i: number, options: StageSolveOptions): number =>
    runChromiumStage(
      'cr-aluminothermic',
      { feed: chromite, capacity_t_per_year: 5000 + 100 * (i & 1), availability: 0.9 },
      options,
    ).kpis.adiabatic_T_K ?? 0;
  const ele = (i: number): number =>
    runChromiumStage(
      'cr-electrolytic',
      { feed: fecr, capacity_t_per_year: 3000 + 100 * (i & 1), availability: 0.9 },
      { flowsheets },
    ).kpis.cell_kWh_per_kg_cr ?? 0;
  const loop = (f: (i: number) => number) => (n: number) => {
    let y = 0;
    for (let i = 0; i < n; i++) y += f(i);
    return y;
  };
  return Promise.resolve({
    area: 'chromium',
    cases: [
      { name: SPECIFIED, run: loop((i) => alu(i, { flowsheets })) },
      {
        name: WEGSTEIN,
        run: loop((i) => alu(i, { flowsheets, chromiumMakeup: wegsteinMakeup })),
      },
      { name: 'cr-electrolytic stage run (runChromiumStage)', run: loop(ele) },
    ],
    ratios: [
      {
        label: 'cr-aluminothermic run: specified make-up / Wegstein passes',
        numerator: SPECIFIED,
        denominator: WEGSTEIN,
      },
    ],
  });
}
