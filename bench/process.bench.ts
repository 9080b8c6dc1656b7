// Flowsheet solves per second of the reference Kempirsai concentrator (two recycle loops:
// grinding circuit and spiral cleaner tails), cold (tears from zero) and warm-started from the
// previous solution (the Monte Carlo case). The feed alternates between two tonnages so the warm
// start has real work to do.
import type { BenchSuite } from './harness.js';
import { compileFlowsheet, reparameterize } from '../src/process/flowsheet/compile.js';
import { createSolution, solveFlowsheet } from '../src/process/flowsheet/solve.js';
import { oreFeedStream } from '../src/process/flowsheet/feed.js';
import { concentratorKpis } from '../src/process/concentrator/kpis.js';
import { KEMPIRSAI_CONCENTRATOR, runConcentrator } from '../src/process/concentrator/run.js';

export function suite(): Promise<BenchSuite> {
  const fs = compileFlowsheet(KEMPIRSAI_CONCENTRATOR);
  const feeds = [
    { rom: oreFeedStream(fs.model, { ore_t_per_h: 150, cr2o3_wt_pct: 40 }) },
    { rom: oreFeedStream(fs.model, { ore_t_per_h: 157, cr2o3_wt_pct: 42 }) },
  ];
  const sol = createSolution(fs);
  // JIT warm-up (the harness times from the first call): both paths, a few hundred solves
  for (let i = 0; i < 300; i++) {
    solveFlowsheet(fs, feeds[i & 1]!, { into: sol });
    solveFlowsheet(fs, feeds[i & 1]!, { into: sol, warmStart: sol });
    const fsi = reparameterize(fs, { 'units.cyclones.d50c_um': 150 - 20 * (i & 1) });
    solveFlowsheet(fsi, feeds[i & 1]!, { into: sol, warmStart: sol });
  }
  return Promise.resolve({
    area: 'process',
    cases: [
      {
        name: 'kempirsai-concentrator solve + KPIs, cold start',
        run: (n) => {
          let y = 0;
          for (let i = 0; i < n; i++) {
            solveFlowsheet(fs, feeds[i & 1]!, { into: sol });
            y += concentratorKpis(fs, sol).mass_yield;
          }
          return y;
        },
      },
      {
        name: 'kempirsai-concentrator solve + KPIs, warm start',
        run: (n) => {
          let y = 0;
          for (let i = 0; i < n; i++) {
            solveFlowsheet(fs, feeds[i & 1]!, { into: sol, warmStart: sol });
            y += concentratorKpis(fs, sol).mass_yield;
          }
          return y;
        },
      },
      {
        name: 'Monte Carlo sample: reparameterize (3 params) + warm solve + KPIs',
        run: (n) => {
          let y = 0;
          for (let i = 0; i < n; i++) {
            const f = i & 1;
            const fsi = reparameterize(fs, {
              'units.dms-drum.ep_kg_per_m3': 50 + 20 * f,
              'units.cyclones.d50c_um': 150 - 20 * f,
              'units.ball-mill.product_p80_um': 300 + 30 * f,
            });
            solveFlowsheet(fsi, feeds[f]!, { into: sol, warmStart: sol });
            y += concentratorKpis(fsi, sol).mass_yield;
          }
          return y;
        },
      },
      {
        name: 'runConcentrator: compile + solve + balance JSON (one appraisal)',
        run: (n) => {
          let y = 0;
          for (let i = 0; i < n; i++)
            y += runConcentrator({ feed: { ore_t_per_h: 150, cr2o3_wt_pct: 40 } }).balance.streams
              .length;
          return y;
        },
      },
    ],
    ratios: [
      {
        label: 'warm / cold solves per second',
        numerator: 'kempirsai-concentrator solve + KPIs, warm start',
        denominator: 'kempirsai-concentrator solve + KPIs, cold start',
      },
    ],
  });
}
