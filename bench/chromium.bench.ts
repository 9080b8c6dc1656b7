// Chromium-metal stage runs per second (runChromiumStage: compile + reagent make-up passes +
// scaling + StageRun with balance JSON) for both templates on the reference feeds; capacity
// alternates between two values so nothing is cached across runs.
import type { BenchSuite } from './harness.js';
import feeds from '../data/process/chromium/reference-feeds.json' with { type: 'json' };
import { runChromiumStage } from '../src/process/chromium/run.js';

export function suite(): Promise<BenchSuite> {
  const chromite = { oxides_wt_pct: feeds.chromite_concentrate.oxides_wt_pct.value };
  const fecr = { alloy_wt_pct: feeds.hc_ferrochrome.alloy_wt_pct.value };
  const alu = (i: number): number =>
    runChromiumStage('cr-aluminothermic', {
      feed: chromite,
      capacity_t_per_year: 5000 + 100 * (i & 1),
      availability: 0.9,
    }).kpis.adiabatic_T_K ?? 0;
  const ele = (i: number): number =>
    runChromiumStage('cr-electrolytic', {
      feed: fecr,
      capacity_t_per_year: 3000 + 100 * (i & 1),
      availability: 0.9,
    }).kpis.cell_kWh_per_kg_cr ?? 0;
  for (let i = 0; i < 10; i++) {
    alu(i);
    ele(i);
  }
  return Promise.resolve({
    area: 'chromium',
    cases: [
      {
        name: 'cr-aluminothermic stage run (runChromiumStage)',
        run: (n) => {
          let y = 0;
          for (let i = 0; i < n; i++) y += alu(i);
          return y;
        },
      },
      {
        name: 'cr-electrolytic stage run (runChromiumStage)',
        run: (n) => {
          let y = 0;
          for (let i = 0; i < n; i++) y += ele(i);
          return y;
        },
      },
    ],
  });
}
