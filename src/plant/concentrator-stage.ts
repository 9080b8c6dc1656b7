import { InputError } from '../errors.js';
import { runConcentrator } from '../process/concentrator/run.js';
import type { DesignOverrides } from '../process/design/design-flowsheet.js';
import { summariseStage } from '../process/flowsheet/summarise.js';
import type { StageSummarySpec } from '../process/flowsheet/summary-spec.js';
import type { StageRun } from '../process/stage-run.js';
import type { Feed, Stage } from '../scenario/schema.js';
import concentrator from '../../data/templates/kempirsai-concentrator.json' with { type: 'json' };
import { operatingHours } from './hours.js';

/** The stage-level results the reference concentrator template declares. */
const SUMMARY = concentrator.summary as StageSummarySpec;

/**
 * Runs a `kempirsai-concentrator` stage: the scenario's ore feed (dry oxide analysis, moisture)
 * at the stage's capacity (t/year of dry feed) over its operating hours, summarised by the
 * template's declared summary plus the concentrator KPIs (src/process/concentrator/kpis.ts).
 */
export function runConcentratorStage(
  stage: Stage,
  feed: Feed,
  index: number,
  design: DesignOverrides = {},
): StageRun {
  const hours = operatingHours(stage.availability.value);
  const basis = stage.capacity_basis ?? 'feed';
  if (basis !== 'feed') {
    throw new InputError(
      `stages[${index}].capacity_basis`,
      basis,
      '"feed" for a concentrator (product tonnage follows from the mass yield)',
    );
  }
  const oxides: Record<string, number> = {};
  for (const [k, p] of Object.entries(feed.composition_wt_pct)) oxides[k] = p.value;
  const overrides: Record<string, number> = {};
  for (const [key, v] of Object.entries(stage.flowsheet.overrides)) {
    const value = typeof v === 'object' ? v.value : v;
    if (typeof value !== 'number') {
      throw new InputError(`stages[${index}].flowsheet.overrides.${key}`, value, 'a number');
    }
    overrides[key.startsWith('units.') ? key : `units.${key}`] = value;
  }
  const result = runConcentrator({
    template: stage.flowsheet.template,
    overrides,
    feed: {
      ore_t_per_h: stage.capacity_t_per_year.value / hours,
      oxides_wt_pct: oxides,
      ...(feed.moisture_wt_pct ? { moisture_wt_pct: feed.moisture_wt_pct.value } : {}),
    },
  });
  const run = summariseStage(result.flowsheet, result.solution, SUMMARY, { design });
  // assigned, not spread: a spread would build the on-demand balance report
  return Object.assign(run, { kpis: { ...run.kpis, ...result.kpis } });
}
