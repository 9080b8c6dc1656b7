// Ferrochrome furnace solves per second — the explicit equations (one small linear system,
// heat balance) beside the nested searches they replaced (test/reference/nested-solve, measured
// in the same run) — and whole-template runs on the flowsheet engine (unit-rate solve, make-up
// pass, StageRun report) of fecr-dc and fecr-prereduced with a PlantSolver's compiled
// flowsheets. Each template run asks a different capacity.
import type { BenchSuite } from './harness.js';
import { FlowsheetCache } from '../src/process/flowsheet/flowsheet-cache.js';
import { chromiteStream } from '../src/process/pyro/materials.js';
import { runFerrochromeStage } from '../src/process/pyro/run-fecr.js';
import { furnaceDefaults, solveSmeltingFurnace } from '../src/process/pyro/smelting-furnace.js';
import { solveSmeltingFurnaceNested } from '../test/reference/nested-solve/smelting-furnace.js';

const EXPLICIT =
  'DC furnace solve, explicit equations (linear system for the additions, heat balance)';
const NESTED = 'DC furnace solve, nested searches before issue 19 (reference implementation)';

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
  const flowsheets = new FlowsheetCache();
  return Promise.resolve({
    area: 'pyro',
    cases: [
      {
        name: EXPLICIT,
        run: (n) => {
          let y = 0;
          for (let i = 0; i < n; i++)
            y += solveSmeltingFurnace(ores[i & 1] ?? ores[0]!, p).electric_W;
          return y;
        },
      },
      {
        name: NESTED,
        run: (n) => {
          let y = 0;
          for (let i = 0; i < n; i++)
            y += solveSmeltingFurnaceNested(ores[i & 1] ?? ores[0]!, p).electric_W;
          return y;
        },
      },
      {
        name: 'fecr-dc template run (StageRun)',
        run: (n) => {
          let y = 0;
          for (let i = 0; i < n; i++)
            y +=
              runFerrochromeStage(
                'fecr-dc',
                { ...input, capacity_t_per_year: 440_000 + i },
                { flowsheets },
              ).kpis.furnace_MW ?? 0;
          return y;
        },
      },
      {
        name: 'fecr-prereduced template run (pelletiser, kiln, SAF)',
        run: (n) => {
          let y = 0;
          for (let i = 0; i < n; i++)
            y +=
              runFerrochromeStage(
                'fecr-prereduced',
                { ...input, capacity_t_per_year: 440_000 + i },
                { flowsheets },
              ).kpis.furnace_MW ?? 0;
          return y;
        },
      },
    ],
    ratios: [
      {
        label: 'furnace solve: explicit equations / nested searches',
        numerator: EXPLICIT,
        denominator: NESTED,
      },
    ],
  });
}
