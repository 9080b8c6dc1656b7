import { InputError } from '../errors.js';
import { runConcentrator } from '../process/concentrator/run.js';
import type { StageRun } from '../process/stage-run.js';
import type { Feed, Stage } from '../scenario/schema.js';
import { operatingHours } from './hours.js';

/**
 * Runs a `kempirsai-concentrator` stage: the scenario's ore feed (dry oxide analysis, moisture)
 * at the stage's capacity (t/year of dry feed) over its operating hours.
 */
export function runConcentratorStage(stage: Stage, feed: Feed, index: number): StageRun {
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
  const k = result.kpis;
  return {
    balance: result.balance,
    kpis: { ...k },
    products: [
      {
        id: 'chromite-concentrate',
        t_per_h: k.concentrate_t_per_h,
        composition_wt_pct: { Cr2O3: k.concentrate_cr2o3_wt_pct },
      },
    ],
    consumptions: [
      { id: 'electricity', per_h: (k.power_kWh_per_t_feed * k.feed_t_per_h) / 1000, unit: 'MWh/h' },
      { id: 'water', per_h: k.water_m3_per_t_feed * k.feed_t_per_h, unit: 'm3/h' },
    ],
    byproducts: [{ id: 'tailings', t_per_h: k.feed_t_per_h - k.concentrate_t_per_h }],
    energy: [],
  };
}
