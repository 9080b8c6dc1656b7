/**
 * What a stage runner takes from its caller besides the stage's input: where compiled
 * flowsheets come from and, for the chromium stages, how reagents are made up. A caller that
 * solves many plants (a Monte Carlo worker) passes its `PlantSolver` (src/plant/plant-solver.ts),
 * which owns a flowsheet cache; a one-off run passes nothing and compiles afresh.
 */
import type { ReagentMakeup } from './chromium/run.js';
import type { FlowsheetSource } from './flowsheet/flowsheet-cache.js';
import type { SolutionSlot } from './flowsheet/solution-slot.js';
import type { StageRun } from './stage-run.js';

export interface StageSolveOptions {
  /** Compiled flowsheets (default: compile on every call, keeping nothing). */
  readonly flowsheets?: FlowsheetSource;
  /** Reagent make-up of the chromium stages (default: `specifiedMakeup`). */
  readonly chromiumMakeup?: ReagentMakeup;
  /**
   * A run of the same stage at other inputs (a Monte Carlo run's base solve) to start from:
   * changes the work, not the result beyond 1e-12 (the ferrochrome runners use it,
   * `solveTemplate`).
   */
  readonly warmStart?: StageRun;
  /**
   * Buffers of the stage's solution, reused by every run given the same slot (a Monte Carlo
   * sample's, `PlantSolver.runSample`): the run returned is valid only until the next run with
   * this slot, which overwrites its solution and with it the run's design snapshot, balance
   * report and report checks. Never for a run that outlives that (a base solve, a warm start of
   * other runs, a run kept between samples). Used by the ferrochrome runners (`solveTemplate`);
   * the other runners allocate their solution per run.
   */
  readonly solution?: SolutionSlot;
  /**
   * false: the run leaves out what only an appraisal's report reads, for a Monte Carlo sample's
   * headline outputs, which read none of it: the units' energy balances (empty), the report
   * checks (absent) and the smelter alloy's quality (minor-element ledger, grade, S/P/Ti KPIs and
   * its warnings). Default true.
   * Used by the ferrochrome runners; the other runners give every result.
   */
  readonly detail?: boolean;
}
