// Shared by the fast and slow plant re-solve tests: a Monte Carlo run that moves the plant,
// solved by the shipped PlantSolver and by the pre-issue-19 nested-solve path
// (test/reference/nested-solve), sample by sample.
import { monteCarloSpec } from '../../src/analysis/monte-carlo.js';
import { compileRun } from '../../src/uncertainty/runner/compile.js';
import { runChunk } from '../../src/uncertainty/runner/chunk.js';
import { plantSampleScenario, type PlantSample } from '../helpers/plant-samples.js';
import { NestedPlantSolver } from '../reference/nested-solve/plant-solver.js';

export interface Comparison {
  samples: number;
  failed: [number, number];
  /** Largest |a − b| / max(|a|, |b|) over every output of every sample [–]. */
  worst: number;
  worstOutput: string;
  /** Outputs compared as finite numbers on both paths (a vacuous comparison has none). */
  finite: number;
  /** Outputs whose value differs between samples (the sampled input moves them). */
  moved: number;
}

export function compareWithNested(which: PlantSample, samples: number, seed = 1): Comparison {
  const scenario = plantSampleScenario(which, samples, seed);
  const a = runChunk(compileRun(monteCarloSpec(scenario)), 0, samples);
  const b = runChunk(
    compileRun(monteCarloSpec(scenario, { solver: new NestedPlantSolver() })),
    0,
    samples,
  );
  const spec = monteCarloSpec(scenario);
  let worst = 0;
  let worstOutput = '';
  let finite = 0;
  let moved = 0;
  a.outputs.forEach((column, k) => {
    if (column.some((x) => x !== column[0])) moved++;
    column.forEach((x, i) => {
      const y = b.outputs[k]?.[i] ?? NaN;
      if (Number.isFinite(x) && Number.isFinite(y)) finite++;
      const r =
        x === y || (Number.isNaN(x) && Number.isNaN(y))
          ? 0
          : Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y));
      if (!(r <= worst)) {
        worst = r;
        worstOutput = spec.outputs[k] ?? '';
      }
    });
  });
  return {
    samples,
    failed: [a.failed.length, b.failed.length],
    worst,
    worstOutput,
    finite,
    moved,
  };
}
