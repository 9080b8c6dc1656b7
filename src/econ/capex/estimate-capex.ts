import type { DataFile } from '../../provenance/data-value.js';
import { costIndexFactor } from './cost-index.js';
import { REFERENCE_PLANT_DATA, type ReferencePlant } from './reference-plants.js';

/** AACE International estimate classes (RP 18R-97): 5 = concept screening … 1 = check estimate. */
export type AaceClass = 1 | 2 | 3 | 4 | 5;

export interface CapexSettings {
  reference: ReferencePlant;
  /** Capacity exponent n in cost ∝ capacity^n [–]. */
  exponent: number;
  /** Multiplier for building in Kazakhstan relative to the reference location [–]. */
  location_factor: number;
  /** Owner's costs as a share of the installed cost [%]. */
  owners_cost_pct: number;
  /** Contingency as a share of installed + owner's cost [%]. */
  contingency_pct: number;
  aace_class: AaceClass;
  /** Accuracy range of the class [%], e.g. −30 and +50 for class 4. */
  accuracy_low_pct: number;
  accuracy_high_pct: number;
}

export interface CapexEstimate {
  /** Total capital cost in base-year USD [USD]. */
  total_usd: number;
  /** Reference cost scaled to the capacity, in cost-year USD [USD]. */
  scaled_reference_usd: number;
  /** CEPCI factor from the reference's cost year to the base year [–]. */
  escalation_factor: number;
  /** Installed cost in base-year USD at the site [USD]. */
  installed_usd: number;
  owners_cost_usd: number;
  contingency_usd: number;
  /** The AACE accuracy range of the total [USD]. */
  accuracy_usd: { low: number; high: number; aace_class: AaceClass };
  reference_id: string;
  /** Capacity / reference capacity [–]. */
  scale_ratio: number;
  warnings: string[];
}

/**
 * Capacity-scaled capital cost of a stage (a class 4–5 "factored" estimate):
 *
 *   C = C_ref / fx_ref × (Q / Q_ref)^n × I(base) / I(ref) × f_loc,
 *   total = C × (1 + owner's) × (1 + contingency),
 *
 * with the accuracy range of the AACE class applied to the total.
 *
 * @param capacity_t_per_year - Stage capacity on the reference's basis (product or feed) [t/year].
 * @param baseYear - Year of money of the appraisal [year].
 * @param settings - Reference plant, exponent and estimating factors (with provenance upstream).
 * @param cepci - Cost index data (data/capex/cepci.json).
 * @see R. Williams Jr., Chemical Engineering 54(12):124 (1947) (capacity exponent);
 *   AACE International RP 18R-97 (classes and accuracy).
 */
export function estimateCapex(
  capacity_t_per_year: number,
  baseYear: number,
  settings: CapexSettings,
  cepci: DataFile,
): CapexEstimate {
  const ref = settings.reference;
  const ratio = capacity_t_per_year / ref.reference_capacity_t_per_year;
  const warnings: string[] = [];
  const { min_ratio, max_ratio } = REFERENCE_PLANT_DATA.validity;
  if (ratio < min_ratio || ratio > max_ratio) {
    warnings.push(
      `capacity ${capacity_t_per_year} t/year is ${ratio.toFixed(2)}× the reference ${ref.id} (${ref.reference_capacity_t_per_year} t/year); capacity scaling is credible only within ${min_ratio}–${max_ratio}×`,
    );
  }
  const scaled = (ref.reference_cost / ref.fx_per_usd) * ratio ** settings.exponent;
  const escalation = costIndexFactor(cepci, ref.cost_year, baseYear);
  const installed = scaled * escalation * settings.location_factor;
  const owners = (installed * settings.owners_cost_pct) / 100;
  const contingency = ((installed + owners) * settings.contingency_pct) / 100;
  const total = installed + owners + contingency;
  return {
    total_usd: total,
    scaled_reference_usd: scaled,
    escalation_factor: escalation,
    installed_usd: installed,
    owners_cost_usd: owners,
    contingency_usd: contingency,
    accuracy_usd: {
      low: total * (1 + settings.accuracy_low_pct / 100),
      high: total * (1 + settings.accuracy_high_pct / 100),
      aace_class: settings.aace_class,
    },
    reference_id: ref.id,
    scale_ratio: ratio,
    warnings,
  };
}

/**
 * The largest capacity whose capex fits a budget. Capex grows monotonically with capacity
 * (C ∝ Q^n, n > 0), so the inverse is closed-form: Q = Q_ref × (budget / C(Q_ref))^(1/n).
 *
 * @param budget_usd - Capex ceiling in base-year USD [USD].
 * @returns Capacity [t/year] on the reference's basis.
 */
export function capacityWithinBudget(
  budget_usd: number,
  baseYear: number,
  settings: CapexSettings,
  cepci: DataFile,
): number {
  const atReference = estimateCapex(
    settings.reference.reference_capacity_t_per_year,
    baseYear,
    settings,
    cepci,
  );
  return (
    settings.reference.reference_capacity_t_per_year *
    (budget_usd / atReference.total_usd) ** (1 / settings.exponent)
  );
}

/**
 * Spend per construction year: the given fractions (which must sum to 1), or an even split.
 *
 * @returns Capex per construction year, first year first [USD].
 */
export function phaseCapex(
  total_usd: number,
  constructionYears: number,
  fractions?: readonly number[],
): number[] {
  if (constructionYears === 0) return [total_usd];
  const f = fractions ?? Array.from({ length: constructionYears }, () => 1 / constructionYears);
  return f.map((x) => x * total_usd);
}
