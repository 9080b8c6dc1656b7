/**
 * The supply check of a scenario (appraise layer): every feed's use by the stages at nameplate,
 * from the solved plant, against its contract volume (`supply_t_per_year`). Use above the
 * contract is an error naming the feed and both tonnages unless the scenario declares where the
 * extra comes from and at what price (`extra_supply`). `chromflow validate` reports it with the
 * file position; `appraise` refuses such a scenario with the same message.
 */
import { runPlant } from './appraise.js';
import { InputError } from './errors.js';
import { supplyExcesses } from './econ/project/project-economics.js';
import type { Scenario } from './scenario/schema.js';
import { stageResults } from './stage-results.js';

/** An issue with its document path (located by the caller in the scenario text). */
export interface SupplyIssue {
  path: (string | number)[];
  message: string;
  value?: unknown;
}

/** `stages[0].capacity_t_per_year` → `['stages', 0, 'capacity_t_per_year']`. */
function fieldPath(field: string): (string | number)[] {
  return field
    .split(/\.|\[(\d+)\]/)
    .filter((x: string | undefined): x is string => typeof x === 'string' && x !== '')
    .map((x) => (/^\d+$/.test(x) ? Number(x) : x));
}

/**
 * @param scenario - A parsed scenario.
 * @returns Supply issues; empty when every feed's use fits its contract. A stage whose plant
 *   cannot be solved is skipped (appraise reports it as not implemented).
 */
export function feedSupplyIssues(scenario: Scenario): SupplyIssue[] {
  let results;
  try {
    results = stageResults(scenario, runPlant(scenario), { detail: false }).stages;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return [
      { path: fieldPath(error.field), message: `expected ${error.expected}`, value: error.value },
    ];
  }
  return supplyExcesses(scenario, results).map((e) => ({
    path: ['feeds', e.feed_index, 'supply_t_per_year'],
    message: e.message,
    value: e.supply_t_per_year,
  }));
}
