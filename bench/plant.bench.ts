// Full-chain Monte Carlo samples per second with the plant re-solved (issue 19): the stage 1 + 2
// reference scenario with one plant input sampled — the concentrate's free moisture (2–8 wt %),
// its Cr2O3 grade (48.1–48.9 wt %) or the smelter's slag Cr2O3 target (4–8 wt %) — each sample
// from the sampled value to the headline outputs (NPV, IRR, LCOP, payback, value added,
// government take, CO2). Shipped path (PlantSolver: explicit furnace equations, homogeneity,
// specified make-up, only the stages a sample moves re-solved) beside the path before issue 19
// (test/reference/nested-solve: nested-search furnace, Wegstein make-up, every stage re-solved),
// measured in the same run on the same samples.
import type { BenchCase, BenchSuite } from './harness.js';
import { monteCarloSpec } from '../src/analysis/monte-carlo.js';
import { compileRun, type CompiledRun } from '../src/uncertainty/runner/compile.js';
import { runChunk } from '../src/uncertainty/runner/chunk.js';
import { plantSampleScenario, type PlantSample } from '../test/helpers/plant-samples.js';
import { NestedPlantSolver } from '../test/reference/nested-solve/plant-solver.js';

const N = 200_000;
const CASES: readonly PlantSample[] = ['moisture', 'grade', 'slag-target'];
const name = (which: PlantSample, path: 'explicit' | 'nested'): string =>
  `full chain, plant re-solved, ${which} sampled: ${path === 'explicit' ? 'explicit equations (PlantSolver)' : 'nested solves before issue 19 (reference)'} (samples)`;

/** A case evaluating the next n samples of a run (wrapping around N). */
function samples(label: string, run: CompiledRun): BenchCase {
  let offset = 0;
  return {
    name: label,
    run: (n) => {
      let failed = 0;
      for (let done = 0; done < n;) {
        if (offset >= N) offset = 0;
        const end = Math.min(offset + n - done, N);
        failed += runChunk(run, offset, end).failed.length;
        done += end - offset;
        offset = end;
      }
      return failed;
    },
  };
}

export function suite(): Promise<BenchSuite> {
  const cases: BenchCase[] = [];
  const ratios: NonNullable<BenchSuite['ratios']> = [];
  for (const which of CASES) {
    const scenario = plantSampleScenario(which, N);
    cases.push(samples(name(which, 'explicit'), compileRun(monteCarloSpec(scenario))));
    cases.push(
      samples(
        name(which, 'nested'),
        compileRun(monteCarloSpec(scenario, { solver: new NestedPlantSolver() })),
      ),
    );
    ratios.push({
      label: `plant re-solved, ${which} sampled: explicit / nested samples per second`,
      numerator: name(which, 'explicit'),
      denominator: name(which, 'nested'),
    });
  }
  return Promise.resolve({ area: 'plant', cases, ratios });
}
