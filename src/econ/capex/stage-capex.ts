import type { SourceEntry } from '../../appraisal.js';
import { DATA_FILES, defaultParam } from '../../scenario/data-files.js';
import type { Stage } from '../../scenario/schema.js';
import {
  capacityWithinBudget,
  estimateCapex,
  phaseCapex,
  type CapexEstimate,
  type CapexSettings,
} from './estimate-capex.js';
import { REFERENCE_PLANT_DATA, referenceCandidates, referencePlant } from './reference-plants.js';

export interface StageCapex extends CapexEstimate {
  /** Capex per construction year, first year first [USD]. */
  phasing_usd: number[];
  /** The same estimate under every reference plant of the template's kind (the spread of benchmarks). */
  benchmarks: { reference_id: string; total_usd: number; scale_ratio: number; in_range: boolean }[];
  /** Present when the stage has a capex budget. */
  budget?: {
    budget_usd: number;
    within_budget: boolean;
    capacity_within_budget_t_per_year: number;
  };
  /** Model data the estimate used, with sources (added to the appraisal's sources). */
  sources: SourceEntry[];
}

/** What {@link stageCapex} computes besides the estimate and its phasing. */
export interface StageCapexOptions {
  /**
   * Benchmarks against every candidate reference plant, the budget check (capacity within
   * budget is a root solve) and the sources list (default true; false in sampling loops, where
   * they come back empty and `budget` is absent).
   */
  detail?: boolean;
}

/**
 * Capex of one stage from its template's reference plant (or the one the scenario names),
 * or `undefined` when no reference cost exists for the template (reported, never guessed).
 */
export function stageCapex(
  stage: Stage,
  baseYear: number,
  capacityBasis: 'product' | 'feed',
  options: StageCapexOptions = {},
): StageCapex | undefined {
  const template = stage.flowsheet.template;
  const capacity = stage.capacity_t_per_year.value;
  const candidates = referenceCandidates(template, capacityBasis, capacity);
  const named =
    stage.capex.reference === undefined ? undefined : referencePlant(stage.capex.reference);
  const reference = named ?? candidates[0];
  if (!reference || reference.basis !== capacityBasis) return undefined;
  const kindExponent = REFERENCE_PLANT_DATA.exponents[reference.kind];
  const exponent = stage.capex.exponent ?? (kindExponent ? { ...kindExponent } : undefined);
  if (!exponent) return undefined;
  const cls = stage.capex.aace_class;
  const accLow = defaultParam(`capex/estimating-factors#accuracy_low_pct_class${cls}`);
  const accHigh = defaultParam(`capex/estimating-factors#accuracy_high_pct_class${cls}`);
  const settings: CapexSettings = {
    reference,
    exponent: exponent.value,
    location_factor: stage.capex.location_factor.value,
    owners_cost_pct: stage.capex.owners_cost_pct.value,
    contingency_pct: stage.capex.contingency_pct.value,
    aace_class: cls,
    accuracy_low_pct: accLow.value,
    accuracy_high_pct: accHigh.value,
  };
  const cepci = DATA_FILES['capex/cepci'];
  if (!cepci) throw new Error('data/capex/cepci.json is not registered');
  const estimate = estimateCapex(stage.capacity_t_per_year.value, baseYear, settings, cepci);
  const phasing = phaseCapex(
    estimate.total_usd,
    stage.construction_years,
    stage.capex.phasing?.map((p) => p.value),
  );
  // A sampling loop needs the total and its phasing only.
  if (options.detail === false)
    return { ...estimate, phasing_usd: phasing, benchmarks: [], sources: [] };
  const prefix = `model.stages.${stage.id}.capex`;
  const sources: SourceEntry[] = [
    {
      path: `${prefix}.reference.${reference.id}`,
      value: reference.reference_cost,
      unit: reference.currency,
      source: `${reference.description}: ${reference.reference_cost} ${reference.currency} (${reference.cost_year}) for ${reference.reference_capacity_t_per_year} t/year; ${reference.scope}. ${reference.source}${reference.fx_source ? `; FX ${reference.fx_per_usd} ${reference.currency}/USD: ${reference.fx_source}` : ''}`,
      status: reference.status,
    },
    {
      path: `${prefix}.exponent`,
      value: exponent.value,
      unit: '1',
      source: exponent.source,
      status: exponent.status,
    },
    {
      path: `${prefix}.escalation_factor`,
      value: estimate.escalation_factor,
      unit: '1',
      source: `CEPCI ${baseYear} / CEPCI ${reference.cost_year} (data/capex/cepci.json)`,
      status: baseYear > 2024 ? 'assumed' : 'verified',
      ...(baseYear > 2024
        ? { note: 'years after 2024 escalated at the assumed rate in data/capex/cepci.json' }
        : {}),
    },
    {
      path: `${prefix}.accuracy_low_pct`,
      value: accLow.value,
      unit: '%',
      source: accLow.source,
      status: accLow.status,
    },
    {
      path: `${prefix}.accuracy_high_pct`,
      value: accHigh.value,
      unit: '%',
      source: accHigh.source,
      status: accHigh.status,
    },
  ];
  const benchmarks = candidates.map((plant) => {
    const e = estimateCapex(capacity, baseYear, { ...settings, reference: plant }, cepci);
    return {
      reference_id: plant.id,
      total_usd: e.total_usd,
      scale_ratio: e.scale_ratio,
      in_range: e.warnings.length === 0,
    };
  });
  const result: StageCapex = { ...estimate, phasing_usd: phasing, benchmarks, sources };
  if (stage.capex_budget_usd) {
    const budget = stage.capex_budget_usd.value;
    result.budget = {
      budget_usd: budget,
      within_budget: estimate.total_usd <= budget,
      capacity_within_budget_t_per_year: capacityWithinBudget(budget, baseYear, settings, cepci),
    };
  }
  return result;
}
