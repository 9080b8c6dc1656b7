/**
 * The object that solves a scenario's plant and owns whatever is kept between solves: the
 * compiled flowsheets of its templates. Create one per worker thread, per Monte Carlo run or per
 * optimiser, never share one between threads; a pure one-off appraisal needs none (the stage
 * runners then compile afresh). The core holds no cache of its own (docs/architecture.md,
 * "State").
 */
import type { ReagentMakeup } from '../process/chromium/run.js';
import { FlowsheetCache, type FlowsheetSource } from '../process/flowsheet/flowsheet-cache.js';
import type { StageRun } from '../process/stage-run.js';
import type { StageSolveOptions } from '../process/stage-solve-options.js';
import type { Scenario } from '../scenario/schema.js';
import { runStage, stageOrder } from './run-stage.js';

export interface PlantSolverOptions {
  /** Where compiled flowsheets come from (default: a new cache owned by this solver). */
  flowsheets?: FlowsheetSource;
  /** Reagent make-up of the chromium stages (default: the shipped one). */
  chromiumMakeup?: ReagentMakeup;
}

export class PlantSolver implements StageSolveOptions {
  readonly flowsheets: FlowsheetSource;
  readonly chromiumMakeup?: ReagentMakeup;

  constructor(options: PlantSolverOptions = {}) {
    this.flowsheets = options.flowsheets ?? new FlowsheetCache();
    if (options.chromiumMakeup) this.chromiumMakeup = options.chromiumMakeup;
  }

  /**
   * Solves every stage's flowsheet, upstream stages before the stages they feed.
   * @param keep - Runs to reuse as they are, by stage id: the caller guarantees that nothing
   *   these stages read changed (`stagesMovedBy`)
   * @param warm - Runs of the stages at other inputs to start the solves from, by stage id
   *   (`StageSolveOptions.warmStart`: the work changes, not the result)
   * @returns Stage runs by stage id (stages without unit models are absent)
   */
  runPlant(
    scenario: Scenario,
    keep?: ReadonlyMap<string, StageRun>,
    warm?: ReadonlyMap<string, StageRun>,
  ): Map<string, StageRun> {
    const runs = new Map<string, StageRun>();
    for (const i of stageOrder(scenario)) {
      const stage = scenario.stages[i];
      if (!stage) continue;
      const start = warm?.get(stage.id);
      const options: StageSolveOptions = start
        ? { flowsheets: this.flowsheets, ...this.makeup(), warmStart: start }
        : this;
      const run = keep?.get(stage.id) ?? runStage(scenario, stage, i, runs, options);
      if (run) runs.set(stage.id, run);
    }
    return runs;
  }

  private makeup(): Pick<StageSolveOptions, 'chromiumMakeup'> {
    return this.chromiumMakeup ? { chromiumMakeup: this.chromiumMakeup } : {};
  }
}
