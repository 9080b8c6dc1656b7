// Monte Carlo speed on the stage 1+2 reference scenario's uncertainty section: full-chain
// appraisals per second in this thread, the headline-output fast path a sample uses, and
// samples per second through the worker-thread pool with 1 and 2 threads (chunks of 500
// samples, the CLI's size for large runs; the run compiled once per thread beforehand).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createHeadlineWork,
  HEADLINE_OUTPUTS,
  headlineOutputs,
} from '../src/analysis/headline-outputs.js';
import { PlantSolver } from '../src/plant/plant-solver.js';
import { appraise, runPlant } from '../src/appraise.js';
import { stageResults } from '../src/stage-results.js';
import { scenarioTimingSpec, stageTimingOption } from '../src/stage-timing-option.js';
import { cashflowSheetXml } from '../src/report/cashflow-sheet.js';
import { loadScenario } from '../src/scenario/index.js';
import { runChunk } from '../src/uncertainty/runner/chunk.js';
import { poolExecutor, type ChunkExecutor } from '../src/workers/executor.js';
import { resolveSource, sourceKey } from '../src/workers/mc-source.js';
import type { BenchCase, BenchSuite } from './harness.js';

const N = 100_000;
const CHUNK = 500;

/**
 * The suite compares chromflow with a Gnumeric recalculation: without `ssconvert` it stops at
 * once, naming the tool and how to get it (not with the bare ENOENT of its first call).
 */
function requireSsconvert(): void {
  try {
    execFileSync('ssconvert', ['--version'], { stdio: 'pipe' });
  } catch {
    throw new Error(
      "npm run bench: the workers suite needs Gnumeric's ssconvert, which is not installed here. Install it: bash scripts/install-system-deps.sh (or run one area, e.g. npm run bench plant).",
    );
  }
}

export function suite(): Promise<BenchSuite> {
  requireSsconvert();
  const file = new URL('../scenarios/aktobe-stage1-2.yaml', import.meta.url);
  const scenario = loadScenario(readFileSync(file, 'utf8'), 'aktobe-stage1-2.yaml');
  const { source, run } = resolveSource(scenario, { samples: N, seed: 1 });
  const key = sourceKey(source);
  let offset = 0;
  /** The next n sample indices as chunk ranges (wrapping around N). */
  const ranges = (n: number) => {
    const out: { start: number; end: number }[] = [];
    for (let done = 0; done < n;) {
      if (offset >= N) offset = 0;
      const size = Math.min(CHUNK, n - done, N - offset);
      out.push({ start: offset, end: offset + size });
      offset += size;
      done += size;
    }
    return out;
  };
  const pools: ChunkExecutor[] = [];
  // The same cash-flow table as a Gnumeric workbook with live formulas, for the ratio of one
  // chromflow appraisal to one spreadsheet recalculation (issue 7 item 9).
  const plantRuns = runPlant(scenario);
  const base = appraise(scenario, { breakEvens: false, plantRuns, byRoute: false });
  const out = new Float64Array(HEADLINE_OUTPUTS.length);
  // what a Monte Carlo run owns: its plant solver (compiled flowsheets) and headline work arrays
  const solver = new PlantSolver();
  const work = createHeadlineWork();
  const fixedStages = stageResults(scenario, plantRuns, { detail: false }).stages;
  // A separate copy whose smelter capacity the cold-plant case moves.
  const plantScenario = loadScenario(readFileSync(file, 'utf8'), 'aktobe-stage1-2.yaml');
  const capacityParam = plantScenario.stages[0]?.capacity_t_per_year;
  if (!capacityParam) throw new Error('the reference scenario has no stage');
  const capacity = capacityParam;
  const capacity0 = capacity.value;
  let moved = 0;
  const wc = scenario.finance.working_capital;
  const { xml } = cashflowSheetXml(
    {
      basis: base.metrics?.basis ?? 'real',
      discount_rate: base.metrics?.discount_rate ?? 0.1,
      rows: base.cashflow,
    },
    {
      receivable_days: wc.receivable_days.value,
      inventory_days: wc.inventory_days.value,
      payable_days: wc.payable_days.value,
      inflation_rate: 0,
    },
  );
  const dir = mkdtempSync(join(tmpdir(), 'chromflow-bench-'));
  const sheet = join(dir, 'cashflow.gnumeric');
  writeFileSync(sheet, xml);
  const pooled = (threads: number): BenchCase => {
    let executor: ChunkExecutor | undefined;
    return {
      name: `Monte Carlo samples, stage 1+2, pool of ${threads} thread${threads > 1 ? 's' : ''}`,
      run: () => 0,
      runAsync: async (n) => {
        if (!executor) {
          // First call (calibration only): start the threads, compile the run in each and warm the
          // JIT with four chunks per thread (cold worker code would be measured otherwise).
          executor = poolExecutor(threads);
          pools.push(executor);
          await executor.run({ source, key, ranges: ranges(4 * CHUNK * threads) }, () =>
            Promise.resolve(),
          );
        }
        let count = 0;
        await executor.run({ source, key, ranges: ranges(n) }, (c) => {
          count += c.end - c.start;
          return Promise.resolve();
        });
        return count;
      },
    };
  };
  return Promise.resolve({
    area: 'workers',
    cases: [
      {
        // without the stage-timing option the scenario declares (its own case below), so the
        // ratio stays comparable with earlier runs
        name: 'full-chain appraise(aktobe-stage1-2), in process (with a PlantSolver)',
        run: (n) => {
          let s = 0;
          for (let i = 0; i < n; i++)
            s += appraise(scenario, { solver, stageTimingOption: false }).stages.length;
          return s;
        },
      },
      {
        name: 'appraise(aktobe-stage1-2), plant solved once, no break-evens (whole appraisal object)',
        run: (n) => {
          let s = 0;
          for (let i = 0; i < n; i++)
            s += appraise(scenario, {
              breakEvens: false,
              plantRuns,
              byRoute: false,
              stageTimingOption: false,
            }).cashflow.length;
          return s;
        },
      },
      {
        name: 'stage-timing option of aktobe-stage1-2 as declared (4000 paths, plant solved once)',
        run: (n) => {
          let s = 0;
          const declared = scenario.finance.stage_timing_option;
          if (!declared) throw new Error('aktobe-stage1-2.yaml declares no stage_timing_option');
          for (let i = 0; i < n; i++)
            s += stageTimingOption(scenario, scenarioTimingSpec(declared), { plantRuns }).paths;
          return s;
        },
      },
      {
        name: 'headline outputs of one sample (plant solved and costed once): the Monte Carlo fast path',
        run: (n) => {
          let s = 0;
          for (let i = 0; i < n; i++) {
            headlineOutputs(scenario, fixedStages, HEADLINE_OUTPUTS, out, work);
            s += out[0] ?? 0;
          }
          return s;
        },
      },
      {
        // Capacity moves by a few ppm every time: each call solves both stages' flowsheets (with
        // the solver's compiled flowsheets, but none of a Monte Carlo run's per-stage reuse).
        name: 'full chain with the plant solved, headline outputs (a sample that moves the plant)',
        run: (n) => {
          let s = 0;
          for (let i = 0; i < n; i++) {
            capacity.value = capacity0 * (1 + 1e-6 * (++moved % 100_000));
            headlineOutputs(
              plantScenario,
              stageResults(plantScenario, solver.runPlant(plantScenario), { detail: false }).stages,
              HEADLINE_OUTPUTS,
              out,
              work,
            );
            s += out[0] ?? 0;
          }
          return s;
        },
      },
      {
        name: 'Gnumeric: ssconvert --recalc of the same cash-flow workbook',
        run: (n) => {
          for (let i = 0; i < n; i++)
            execFileSync('ssconvert', ['--recalc', sheet, join(dir, 'out.csv')], { stdio: 'pipe' });
          return n;
        },
      },
      {
        name: 'Monte Carlo samples, stage 1+2, in process (runChunk)',
        run: (n) => {
          const start = offset + n > N ? 0 : offset;
          offset = start + n;
          return runChunk(run, start, start + n).failed.length;
        },
      },
      pooled(1),
      pooled(2),
    ],
    ratios: [
      {
        label:
          'one chromflow appraisal (whole object, plant solved once) / one Gnumeric recalculation',
        numerator:
          'appraise(aktobe-stage1-2), plant solved once, no break-evens (whole appraisal object)',
        denominator: 'Gnumeric: ssconvert --recalc of the same cash-flow workbook',
      },
      {
        label: 'one Monte Carlo sample (headline fast path) / one Gnumeric recalculation',
        numerator:
          'headline outputs of one sample (plant solved and costed once): the Monte Carlo fast path',
        denominator: 'Gnumeric: ssconvert --recalc of the same cash-flow workbook',
      },
      {
        label: 'headline fast path / appraise with the plant solved once',
        numerator:
          'headline outputs of one sample (plant solved and costed once): the Monte Carlo fast path',
        denominator:
          'appraise(aktobe-stage1-2), plant solved once, no break-evens (whole appraisal object)',
      },
      {
        label: 'pool of 2 threads / pool of 1 thread',
        numerator: 'Monte Carlo samples, stage 1+2, pool of 2 threads',
        denominator: 'Monte Carlo samples, stage 1+2, pool of 1 thread',
      },
    ],
    dispose: async () => {
      await Promise.all(pools.map((p) => p.close()));
    },
  });
}
