import { InputError } from '../errors.js';
import type { StageRun } from '../process/stage-run.js';
import type { Feed, Scenario, Stage } from '../scenario/schema.js';
import { runConcentratorStage } from './concentrator-stage.js';

/** Runs one template for a stage fed by a scenario feed. */
type FeedStageRunner = (stage: Stage, feed: Feed, index: number) => StageRun;

/** Templates whose unit models exist, by template id, with the input port they read. */
export const STAGE_RUNNERS: Readonly<Record<string, { port: string; run: FeedStageRunner }>> = {
  'kempirsai-concentrator': { port: 'ore', run: runConcentratorStage },
};

/**
 * Runs the flowsheet of a stage whose template has unit models, or returns undefined when the
 * template has none yet (the appraisal then lists it under `not_implemented`).
 */
export function runStage(scenario: Scenario, stage: Stage, index: number): StageRun | undefined {
  const runner = STAGE_RUNNERS[stage.flowsheet.template];
  if (!runner) return undefined;
  const ref = stage.flowsheet.inputs[runner.port] ?? '';
  const feedId = ref.startsWith('feed:') ? ref.slice('feed:'.length) : undefined;
  const feed = scenario.feeds.find((f) => f.id === feedId);
  if (!feed) {
    throw new InputError(
      `stages[${index}].flowsheet.inputs.${runner.port}`,
      ref,
      `a scenario feed ("feed:<id>") for template ${stage.flowsheet.template}`,
    );
  }
  return runner.run(stage, feed, index);
}
