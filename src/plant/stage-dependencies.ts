/**
 * Which stages' flowsheet runs can change when given scenario inputs change. A stage's run reads
 * only the fields of its own section that {@link STAGE_RUN_FIELDS} lists, the fields its runner
 * reads of the scenario feed on its input port (`feeds.<feed>.<field>…`,
 * `STAGE_RUNNERS[…].feedFields`) and the products of the stage feeding it. A Monte Carlo run
 * keeps the runs of every other stage from its base solve.
 */
import type { Scenario } from '../scenario/schema.js';
import { STAGE_RUNNERS, stageOrder } from './run-stage.js';

/**
 * The fields of a stage's section (`stages.<id>.<field>…`) that its run reads: run-stage.ts and
 * concentrator-stage.ts pass these, and only these, to the stage runners. The rest of the
 * section (capex, calendar, ramp-up, budget, opex and staffing settings) is read by the stage's
 * results and economics, never by its flowsheet: sampling it (the reference uncertainty samples
 * each stage's capex factor) re-costs the stage without solving it again. Tested field by field
 * against a re-solve (test/plant/stage-dependencies.test.ts).
 */
export const STAGE_RUN_FIELDS: readonly string[] = [
  'flowsheet',
  'design',
  'capacity_t_per_year',
  'capacity_basis',
  'availability',
];

/** The field of the section a path under `prefix` names (`stages.x.capex.factor` → `capex`). */
const fieldAfter = (path: string, prefix: string): string =>
  path.slice(prefix.length).split('.')[0] ?? '';

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
    let moves = paths.some(
      (p) => p.startsWith(own) && STAGE_RUN_FIELDS.includes(fieldAfter(p, own)),
    );
    if (ref.startsWith('feed:')) {
      const prefix = `feeds.${ref.slice('feed:'.length)}.`;
      const fields = runner.feedFields;
      moves ||= paths.some(
        (p) => p.startsWith(prefix) && (fields === 'all' || fields.includes(fieldAfter(p, prefix))),
      );
    } else {
      const upstream = /^stage:([^/]+)\//.exec(ref)?.[1];
      moves ||= upstream !== undefined && moved.has(upstream);
    }
    if (moves) moved.add(stage.id);
  }
  return moved;
}
