/**
 * Fits the capex calibration of every class and plant family on the reference plants
 * (data/capex/reference-plants.json): each reference priced all-in by the model from its own
 * design — off-sites for greenfield sites, indirects, owner's cost and the class-4 contingency, at
 * the reference's own site (location factor 1) and cost year — against its normalised cost.
 * scripts/calibrate-capex.ts writes the result to data/capex/calibration.json.
 */
import { COST_CLASSES } from '../econ/capex/cost-class.js';
import {
  fitFamily,
  type CalibrationPoint,
  type FamilyCalibration,
} from '../econ/capex/calibration.js';
import {
  normalisedCost,
  REFERENCE_PLANTS,
  type ReferencePlant,
} from '../econ/capex/reference-plants.js';
import { estimateStage } from '../econ/capex/stage-estimate.js';
import { costUnits } from '../econ/capex/unit-costs.js';
import { InputError } from '../errors.js';
import { defaultParam } from '../scenario/data-files.js';
import { referenceDesign } from '../plant/reference-design.js';

/** The contingency at which references are compared (AACE class 4, a sponsor's budget) [%]. */
export function calibrationContingencyPct(): number {
  return defaultParam('capex/estimating-factors#contingency_pct_class4').value;
}

/**
 * All-in model cost of a reference's design with k = 1: off-sites on a greenfield site,
 * indirects, the class's owner's cost and the calibration contingency, at the reference's own
 * site and cost year [class currency of the cost year].
 */
export function referenceModelCost(plant: ReferencePlant): number {
  const cls = COST_CLASSES[plant.class];
  if (!cls) throw new InputError(`reference ${plant.id}.class`, plant.class, 'a cost class');
  const designs = referenceDesign(
    plant.model.template,
    plant.capacity_t_per_year,
    plant.model.design,
  );
  const { lines, unpriced } = costUnits(designs, cls, plant.cost.year);
  if (unpriced.length > 0)
    throw new InputError(
      `reference ${plant.id}`,
      unpriced.map((u) => u.unit_id),
      `units priced by class ${cls.id}`,
    );
  return estimateStage(lines, {
    cls,
    calibration_factor: 1,
    site: plant.scope.site,
    location_factor: 1,
    osbl_pct: cls.factors.osbl_pct_of_isbl.value,
    indirect_pct: cls.factors.indirect_pct_of_direct.value,
    owners_cost_pct: cls.factors.owners_cost_pct.value,
    contingency_pct: calibrationContingencyPct(),
    aace_class: 4,
    accuracy_low_pct: 0,
    accuracy_high_pct: 0,
    capex_factor: 1,
    currency_per_usd: 1,
  }).total_usd;
}

/** The calibration of every class/family that has references, by `<class>/<family>`. */
export function calibrateCapex(): Record<string, FamilyCalibration> {
  const groups = new Map<string, CalibrationPoint[]>();
  for (const p of REFERENCE_PLANTS) {
    const cls = COST_CLASSES[p.class];
    if (!cls) throw new InputError(`reference ${p.id}.class`, p.class, 'a cost class');
    const key = `${p.class}/${p.family}`;
    const list = groups.get(key) ?? [];
    list.push({
      reference_id: p.id,
      use: p.use,
      reference_cost: normalisedCost(p, cls.currency, calibrationContingencyPct()),
      model_cost: referenceModelCost(p),
    });
    groups.set(key, list);
  }
  const out: Record<string, FamilyCalibration> = {};
  for (const [key, points] of groups) {
    const fit = fitFamily(points);
    if (fit) out[key] = fit;
  }
  return out;
}
