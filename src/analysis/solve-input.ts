/**
 * Reverse solving: the value of one numeric input at which an appraisal output hits a target
 * (e.g. the FeCr price at which NPV = 0, or the capex factor at which the minimum DSCR is 1.3).
 *
 * The search range [min, max] is scanned on a grid for the sign change of output − target
 * nearest the input's current value, then Brent's method (src/numeric/brent.ts) refines it.
 * A grid point where the appraisal refuses the value (an InputError) or the output is absent
 * (e.g. no IRR) is skipped. No sign change in the range is a clear error naming the range and
 * the outputs seen at its ends, never a guess.
 */
import { appraise } from '../appraise.js';
import { InputError } from '../errors.js';
import {
  compileScenario,
  parameterIndices,
  resetParameters,
  setParameters,
} from '../scenario/compile.js';
import type { Scenario } from '../scenario/schema.js';
import { appraisalOutputs } from './appraisal-outputs.js';
import { describeScanEnds, refineRoot, scanGrid, signChanges } from './bracket-root.js';

export interface SolveInputSpec {
  /** Output name as in {@link appraisalOutputs}, e.g. `metrics.npv_usd`. */
  output: string;
  target: number;
  /** Stable input path, e.g. `stages.smelter.capex.factor`. */
  vary: string;
  /** Search range of the input [its unit]; default [0, 4 × its value] (or ±1 around 0). */
  min?: number;
  max?: number;
  /** Grid points of the scan (≥ 2, default 16). */
  gridPoints?: number;
}

export interface SolveInputResult {
  vary: string;
  output: string;
  target: number;
  /** The input value found [its unit]. */
  value: number;
  /** The output at `value` (target within the solver's tolerance). */
  achieved: number;
  /** The input's value in the file. */
  base_value: number;
  range: [number, number];
  evaluations: number;
}

/**
 * The search range of an input: as given, else [0, 4 × its value] (or ±1 around 0, or
 * [4 × a negative value, 0]).
 *
 * @throws InputError for a range that is not finite with min < max.
 */
export function searchRange(base: number, min?: number, max?: number): [number, number] {
  const lo = min ?? (base > 0 ? 0 : base === 0 ? -1 : 4 * base);
  const hi = max ?? (base > 0 ? 4 * base : base === 0 ? 1 : 0);
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi))
    throw new InputError('--min/--max', `[${lo}, ${hi}]`, 'a finite range with min < max');
  return [lo, hi];
}

/**
 * @param scenario - A validated scenario (its inputs are restored before returning).
 * @param spec - What to solve.
 * @returns The input value and the output it gives.
 * @throws InputError for an unknown input or output path, a bad range, or no solution in range.
 */
export function solveInput(scenario: Scenario, spec: SolveInputSpec): SolveInputResult {
  const model = compileScenario(scenario);
  const idx = parameterIndices(model, [spec.vary]);
  const base = model.base[idx[0] ?? 0] ?? Number.NaN;
  const [lo, hi] = searchRange(base, spec.min, spec.max);
  const n = Math.max(2, Math.floor(spec.gridPoints ?? 16));
  let evaluations = 0;
  const output = (x: number): number | undefined => {
    setParameters(model, idx, [x]);
    evaluations++;
    try {
      return appraisalOutputs(
        appraise(scenario, { breakEvens: false, stageTimingOption: false }),
      ).get(spec.output);
    } catch (error) {
      if (error instanceof InputError) return undefined;
      throw error;
    }
  };
  try {
    const g = (x: number) => {
      const v = output(x);
      return v === undefined ? Number.NaN : v - spec.target;
    };
    const scan = scanGrid(g, lo, hi, n);
    const bracket = signChanges(scan, base)[0];
    if (bracket === undefined) {
      const seen = describeScanEnds(scan, spec.target);
      throw new InputError(
        spec.vary,
        `[${lo}, ${hi}]`,
        `a range in which ${spec.output} reaches ${spec.target}; it does not (output at the grid: ${seen ?? `none computable: is ${spec.output} an output of \`chromflow mc --json\`?`}); widen it with --min/--max`,
      );
    }
    const value = refineRoot(g, bracket, base, `${spec.vary} for ${spec.output} = ${spec.target}`);
    const achieved = output(value) ?? Number.NaN;
    return {
      vary: spec.vary,
      output: spec.output,
      target: spec.target,
      value,
      achieved,
      base_value: base,
      range: [lo, hi],
      evaluations,
    };
  } finally {
    resetParameters(model);
  }
}
