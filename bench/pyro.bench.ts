// Ferrochrome furnace solves per second (reductant + quartzite inner Brent solves and the heat
// balance), and whole-template runs on the flowsheet engine (unit-rate solve, make-up passes,
// StageRun report) of fecr-dc and fecr-prereduced. Each run asks a different capacity, so the
// furnace memo (identical charges within one run) never serves a result across runs.
import type { BenchSuite } from './harness.js';
import { chromiteStream } from '../src/process/pyro/materials.js';
import { runFerrochromeStage } from '../src/process/pyro/run-fecr.js';
import { furnaceDefaults, solveSmeltingFurnace } from '../src/process/pyro/smelting-furnace.js';

export function suite(): Promise<BenchSuite> {
  const analysis = { Cr2O3: 48.5, FeO: 12.2, MgO: 19, Al2O3: 8.5, SiO2: 8, CaO: 1, LOI: 2.8 };
  const ores = [
    chromiteStream('ore', analysis, 10, 0, 298.15),
    chromiteStream('ore', analysis, 12, 0, 298.15),
  ];
  const p = furnaceDefaults('dc');
  const input = {
    feed: { analysis, moisture_wt_pct: 0 },
    capacity_t_per_year: 440_000,
    availability: 0.9,
  };
  for (let i = 0; i < 50; i++) solveSmeltingFurnace(ores[i & 1] ?? ores[0]!, p);
  // the furnace function itself is not memoised (the memo sits in the engine's unit kind)
  return Promise.resolve({
    area: 'pyro',
    cases: [
      {
        name: 'DC furnace solve (inner reductant + flux solves, heat balance)',
        run: (n) => {
          let y = 0;
          for (let i = 0; i < n; i++)
            y += solveSmeltingFurnace(ores[i & 1] ?? ores[0]!, p).electric_W;
          return y;
        },
      },
      {
        name: 'fecr-dc template run (StageRun)',
        run: (n) => {
          let y = 0;
          for (let i = 0; i < n; i++)
            y +=
              runFerrochromeStage('fecr-dc', { ...input, capacity_t_per_year: 440_000 + i }).kpis
                .furnace_MW ?? 0;
          return y;
        },
      },
      {
        name: 'fecr-prereduced template run (pelletiser, kiln, SAF)',
        run: (n) => {
          let y = 0;
          for (let i = 0; i < n; i++)
            y +=
              runFerrochromeStage('fecr-prereduced', {
                ...input,
                capacity_t_per_year: 440_000 + i,
              }).kpis.furnace_MW ?? 0;
          return y;
        },
      },
    ],
  });
}
