/**
 * The object that solves a scenario's plant and owns whatever is kept between solves: the
 * compiled flowsheets of its templates and, for the samples of a Monte Carlo run
 * ({@link PlantSolver.runSample}), one reused solution per stage. Create one per worker thread,
 * per Monte Carlo run or per optimiser, never share one between threads; a pure one-off
 * appraisal needs none (the stage runners then compile afresh). The core holds no cache of its
 * own (docs/architecture.md, "State").
 */
import type { ReagentMakeup } from '../process/chromium/run.js';
import { FlowsheetCache, type FlowsheetSource } from '../process/flowsheet/flowsheet-cache.js';
import { SolutionSlot } from '../process/flowsheet/solution-slot.js';
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
  /** The solution buffers of each stage's sample runs, by stage id (`runSample`). */
  private readonly slots = new Map<string, SolutionSlot>();

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
    return this.solve(scenario, false, true, keep, warm);
  }

  /**
   * {@link runPlant} for a Monte Carlo sample whose stage runs are read before the next sample
   * and never after (the headline outputs and the appraisal's outputs are numbers): each stage
   * solved is solved into this solver's solution for that stage (`StageSolveOptions.solution`),
   * so a sample allocates no solution, and the runs returned are valid only until the next call.
   * @param keep - Runs of the base solve (`runPlant`), reused as they are
   * @param warm - Runs of the base solve to start from
   * @param detail - false for a sample that reads only headline outputs: the runs leave out what
   *   only a report reads (`StageSolveOptions.detail`)
   * @throws Error when a kept or warm-start run is one of this method's (its solution would be
   *   overwritten while it is read)
   */
  runSample(
    scenario: Scenario,
    keep?: ReadonlyMap<string, StageRun>,
    warm?: ReadonlyMap<string, StageRun>,
    detail = true,
  ): Map<string, StageRun> {
    for (const runs of [keep, warm])
      for (const [id, run] of runs ?? [])
        if ('solution' in run && this.slots.get(id)?.holds(run.solution))
          throw new Error(
            `PlantSolver.runSample: stage ${id}'s kept or warm-start run is a sample's run; pass runs of runPlant`,
          );
    return this.solve(scenario, true, detail, keep, warm);
  }

  private solve(
    scenario: Scenario,
    sample: boolean,
    detail: boolean,
    keep?: ReadonlyMap<string, StageRun>,
    warm?: ReadonlyMap<string, StageRun>,
  ): Map<string, StageRun> {
    const runs = new Map<string, StageRun>();
    for (const i of stageOrder(scenario)) {
      const stage = scenario.stages[i];
      if (!stage) continue;
      const kept = keep?.get(stage.id);
      if (kept) {
        runs.set(stage.id, kept);
        continue;
      }
      const start = warm?.get(stage.id);
      const options: StageSolveOptions =
        start || sample
          ? {
              flowsheets: this.flowsheets,
              ...this.makeup(),
              ...(start ? { warmStart: start } : {}),
              ...(sample ? { solution: this.slot(stage.id) } : {}),
              ...(detail ? {} : { detail: false }),
            }
          : this;
      const run = runStage(scenario, stage, i, runs, options);
      if (run) runs.set(stage.id, run);
    }
    return runs;
  }

  private slot(stage: string): SolutionSlot {
    let s = this.slots.get(stage);
    if (!s) {
      s = new SolutionSlot();
      this.slots.set(stage, s);
    }
    return s;
  }

  private makeup(): Pick<StageSolveOptions, 'chromiumMakeup'> {
    return this.chromiumMakeup ? { chromiumMakeup: this.chromiumMakeup } : {};
  }
}
