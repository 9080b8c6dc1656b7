/**
 * The feasible region of two inputs: for a grid of the first input x, the value of the second
 * input y at which an appraisal output hits its target — the contour output(x, y) = target that
 * separates the region where the target is met from where it is not (e.g. the FeCr price and
 * the capex factor at which the equity IRR is 15 %).
 *
 * Per grid row, a bracketing root search in y (bracket-root.ts): first a narrow bracket around
 * the previous row's answer (the contour is usually smooth, so most rows cost two appraisals
 * plus Brent's), else a scan of the whole y range; Brent's method refines. A row where no y in
 * the range reaches the target says so, with the outputs seen at the ends of the range, never
 * a guessed value. Which side of the contour is feasible is reported from the output's slope
 * in y (`feasible_above`: the target is exceeded for y above the contour).
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
import { searchRange } from './solve-input.js';

export interface FeasibleRegionSpec {
  output: string;
  target: number;
  /** The gridded input x and the solved input y (stable input paths). */
  vary: [string, string];
  /** Ranges [unit of each input]; defaults as in solveInput. */
  xMin?: number;
  xMax?: number;
  yMin?: number;
  yMax?: number;
  /** Grid rows in x (2 … 41, default 9). */
  rows?: number;
  /** Scan points in y when the previous row gives no bracket (≥ 2, default 12). */
  scanPoints?: number;
}

export interface FeasibleRegionRow {
  /** The first input [its unit]. */
  x: number;
  /** The second input at which output = target [its unit]; null when none in range. */
  y: number | null;
  /** The output at (x, y); null with y. */
  achieved: number | null;
  /** True when output > target for y above the contour (null with y). */
  feasible_above: boolean | null;
  /** Why there is no y, in words (only when y is null). */
  reason?: string;
}

export interface FeasibleRegionResult {
  output: string;
  target: number;
  vary: [string, string];
  base_values: [number, number];
  range_x: [number, number];
  range_y: [number, number];
  rows: FeasibleRegionRow[];
  evaluations: number;
}

/** Bound on grid rows: each row costs about ten appraisals. */
export const MAX_FEASIBLE_ROWS = 41;

/**
 * @param scenario - A validated scenario (its inputs are restored before returning).
 * @param spec - Output, target, the two inputs and their ranges.
 * @returns The contour, one row per grid value of the first input.
 * @throws InputError for unknown paths, bad ranges or grid sizes.
 */
export function feasibleRegion(scenario: Scenario, spec: FeasibleRegionSpec): FeasibleRegionResult {
  const rows = spec.rows ?? 9;
  if (!Number.isInteger(rows) || rows < 2 || rows > MAX_FEASIBLE_ROWS)
    throw new InputError('--grid', rows, `an integer from 2 to ${MAX_FEASIBLE_ROWS}`);
  if (spec.vary[0] === spec.vary[1])
    throw new InputError('--vary', spec.vary[1], 'two different input paths');
  const model = compileScenario(scenario);
  const idx = parameterIndices(model, spec.vary);
  const bx = model.base[idx[0] ?? 0] ?? Number.NaN;
  const by = model.base[idx[1] ?? 0] ?? Number.NaN;
  const [x0, x1] = searchRange(bx, spec.xMin, spec.xMax);
  const [y0, y1] = searchRange(by, spec.yMin, spec.yMax);
  const scanPoints = Math.max(2, Math.floor(spec.scanPoints ?? 12));
  let evaluations = 0;
  const outputAt = (x: number, y: number): number => {
    setParameters(model, idx, [x, y]);
    evaluations++;
    try {
      const v = appraisalOutputs(
        appraise(scenario, { breakEvens: false, stageTimingOption: false }),
      ).get(spec.output);
      return v === undefined ? Number.NaN : v - spec.target;
    } catch (error) {
      if (error instanceof InputError) return Number.NaN;
      throw error;
    }
  };
  const out: FeasibleRegionRow[] = [];
  let previous: number | undefined;
  const step = (y1 - y0) / (scanPoints - 1);
  try {
    for (let i = 0; i < rows; i++) {
      const x = x0 + ((x1 - x0) * i) / (rows - 1);
      const g = (y: number) => outputAt(x, y);
      let bracket: [number, number] | undefined;
      if (previous !== undefined) {
        const near = scanGrid(g, Math.max(y0, previous - step), Math.min(y1, previous + step), 2);
        bracket = signChanges(near, previous)[0];
      }
      let scan;
      if (bracket === undefined) {
        scan = scanGrid(g, y0, y1, scanPoints);
        bracket = signChanges(scan, previous ?? by)[0];
      }
      if (bracket === undefined) {
        const ends = scan ? describeScanEnds(scan, spec.target) : undefined;
        out.push({
          x,
          y: null,
          achieved: null,
          feasible_above: null,
          reason: `no ${spec.vary[1]} in [${y0}, ${y1}] gives ${spec.output} = ${spec.target} (${ends !== undefined ? `output from ${ends}` : 'output not computable in the range'})`,
        });
        previous = undefined;
        continue;
      }
      const y = refineRoot(g, bracket, by, `${spec.vary[1]} at ${spec.vary[0]} = ${x}`);
      const gLo = g(bracket[0]);
      out.push({
        x,
        y,
        achieved: g(y) + spec.target,
        feasible_above: Number.isFinite(gLo) ? gLo < 0 : null,
      });
      previous = y;
    }
  } finally {
    resetParameters(model);
  }
  return {
    output: spec.output,
    target: spec.target,
    vary: spec.vary,
    base_values: [bx, by],
    range_x: [x0, x1],
    range_y: [y0, y1],
    rows: out,
    evaluations,
  };
}
