/**
 * "What does the budget buy?" answered by route and reference class: for a ferrochrome stage with
 * a capex budget, each smelting route is solved at the stage's capacity on the stage's feed, and
 * its design is priced under every reference class — the capex at the stage's capacity and the
 * capacity the budget buys, with the P10–P90 range of the class's accuracy (issue 13 item 6).
 */
import type { RouteBudget } from './appraisal.js';
import { COST_CLASS_IDS } from './econ/capex/cost-class.js';
import { stageCapex } from './econ/capex/stage-capex.js';
import { InfeasibleError, InputError } from './errors.js';
import { runStage } from './plant/run-stage.js';
import { FECR_TEMPLATES } from './process/pyro/run-fecr.js';
import type { StageRun } from './process/stage-run.js';
import type { StageSolveOptions } from './process/stage-solve-options.js';
import type { Scenario, Stage } from './scenario/schema.js';

/** The smelting routes a ferrochrome stage can take (the MC/LC refining template is not one). */
const ROUTES: readonly string[] = FECR_TEMPLATES;

function withTemplate(stage: Stage, template: string): Stage {
  return { ...stage, flowsheet: { ...stage.flowsheet, template } };
}

function withClass(stage: Stage, reference_class: 'china-epc' | 'western'): Stage {
  return { ...stage, capex: { ...stage.capex, reference_class } };
}

/**
 * @param runs - The scenario's stage runs (the stage's own run is reused for its route)
 * @returns One row per route and class, or undefined for a stage without a budget or that is
 *   not a ferrochrome smelter
 */
export function budgetByRoute(
  scenario: Scenario,
  index: number,
  runs: ReadonlyMap<string, StageRun>,
  options: StageSolveOptions = {},
): RouteBudget[] | undefined {
  const stage = scenario.stages[index];
  if (!stage?.capex_budget_usd || !ROUTES.includes(stage.flowsheet.template)) return undefined;
  const rows: RouteBudget[] = [];
  for (const template of ROUTES) {
    const s = withTemplate(stage, template);
    let run = template === stage.flowsheet.template ? runs.get(stage.id) : undefined;
    try {
      run ??= runStage(scenario, s, index, runs, options);
    } catch (error) {
      // a route the stage's feed or overrides cannot take (e.g. a wet feed for a cold charge)
      if (error instanceof InputError || error instanceof InfeasibleError) continue;
      throw error;
    }
    if (!run) continue;
    for (const cls of COST_CLASS_IDS) {
      const c = stageCapex(
        withClass(s, cls),
        template,
        run,
        scenario.site.base_year,
        scenario.markets.fx.rmb_per_usd.value,
      );
      if ('missing' in c || !c.budget) continue;
      rows.push({
        template,
        reference_class: cls,
        capex_usd: c.total_usd,
        capacity_within_budget_t_per_year: c.budget.capacity_within_budget_t_per_year,
        capacity_p10_t_per_year: c.budget.capacity_p10_t_per_year,
        capacity_p90_t_per_year: c.budget.capacity_p90_t_per_year,
      });
    }
  }
  return rows;
}
