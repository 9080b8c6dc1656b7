/**
 * Which stages' flowsheet runs can change when given scenario inputs change. A stage's run reads
 * only its own section (`stages.<id>.…`), the fields its runner reads of the scenario feed on its
 * input port (`feeds.<feed>.<field>…`, `STAGE_RUNNERS[…].feedFields`) and the products of the
 * stage feeding it. A Monte Carlo run keeps the runs of every other stage from its base solve.
 */
import type { Scenario } from '../scenario/schema.js';
import { STAGE_RUNNERS, stageOrder } from './run-stage.js';

/**
 * @param paths - Numeric input paths that change (`numericLeaves` paths)
 * @returns Ids of the stages whose run may change (stages without unit models are never listed)
 */
export function stagesMovedBy(scenario: Scenario, paths: readonly string[]): Set<string> {
  const moved = new Set<string>();
  for (const i of stageOrder(scenario)) {
    const stage = scenario.stages[i];
    const runner = stage ? STAGE_RUNNERS[stage.flowsheet.template] : undefined;
    if (!stage || !runner) continue;
    const ref = stage.flowsheet.inputs[runner.port] ?? '';
    const own = `stages.${stage.id}.`;
    let moves = paths.some((p) => p.startsWith(own));
    if (ref.startsWith('feed:')) {
      const prefix = `feeds.${ref.slice('feed:'.length)}.`;
      const fields = runner.feedFields;
      moves ||= paths.some(
        (p) =>
          p.startsWith(prefix) &&
          (fields === 'all' || fields.includes(p.slice(prefix.length).split('.')[0] ?? '')),
      );
    } else {
      const upstream = /^stage:([^/]+)\//.exec(ref)?.[1];
      moves ||= upstream !== undefined && moved.has(upstream);
    }
    if (moves) moved.add(stage.id);
  }
  return moved;
}
