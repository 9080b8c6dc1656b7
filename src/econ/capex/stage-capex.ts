/**
 * Capital cost of one stage from the design of its units (docs/capex.md): the stage's design
 * records priced by its reference class, calibrated on the class's reference plants, with
 * off-sites, indirects, the location factor, owner's cost and contingency added once — and, with
 * a budget, the capacity the budget buys (the design scaled by homogeneity, no new plant solve).
 */
import type { SourceEntry } from '../../appraisal.js';
import { mapNumbers } from '../../numeric/number-array.js';
import { InputError } from '../../errors.js';
import { designUnits, type UnitDesignRecord } from '../../process/design/design-flowsheet.js';
import { dataValue } from '../../scenario/data-files.js';
import { sCurvePhasing } from './s-curve.js';
import type { StageRun } from '../../process/stage-run.js';
import type { Stage } from '../../scenario/schema.js';
import { calibrationFactor, STORED_CALIBRATION } from './calibration.js';
import { COST_CLASSES, type CostClass, type SourcedValue } from './cost-class.js';
import { templateFamily, type PlantFamily } from './reference-plants.js';
import { estimateStage, type EstimateSettings, type StageCapexEstimate } from './stage-estimate.js';
import { costUnits, type UnitCostLine, type UnpricedUnit } from './unit-costs.js';

/** The capacity a budget buys, with the range of the class's accuracy. */
export interface BudgetCapacity {
  budget_usd: number;
  within_budget: boolean;
  /** Capacity whose estimate equals the budget [t/year, the stage's capacity basis]. */
  capacity_within_budget_t_per_year: number;
  /** The same when capex turns out at the high end of the accuracy range (P10 of capacity). */
  capacity_p10_t_per_year: number;
  /** …and at the low end (P90 of capacity). */
  capacity_p90_t_per_year: number;
}

export interface StageCapex extends StageCapexEstimate {
  family: PlantFamily;
  /** Whether the class's items are calibrated on reference plants of this family. */
  calibrated: boolean;
  /** Capex per construction year, first year first [USD]. */
  phasing_usd: number[];
  budget?: BudgetCapacity;
  /** Model data the estimate used, with sources (added to the appraisal's sources). */
  sources: SourceEntry[];
}

/** What {@link stageCapex} computes besides the estimate and its phasing. */
export interface StageCapexOptions {
  /**
   * The budget inversion and the sources list (default true; false in sampling loops, where the
   * sources come back empty and `budget` is absent).
   */
  detail?: boolean;
}

/** A stage whose capex cannot be estimated, and why. */
export interface CapexMissing {
  missing: string;
}

/** The AACE accuracy range of each estimate class [%] (data/capex/estimating-factors.json). */
const ACCURACY_PCT: Readonly<Record<3 | 4 | 5, { low: number; high: number }>> = {
  3: accuracyOfClass(3),
  4: accuracyOfClass(4),
  5: accuracyOfClass(5),
};

function accuracyOfClass(c: 3 | 4 | 5): { low: number; high: number } {
  return {
    low: dataValue(`capex/estimating-factors#accuracy_low_pct_class${c}`).value,
    high: dataValue(`capex/estimating-factors#accuracy_high_pct_class${c}`).value,
  };
}

/** Settings of a stage's estimate: the scenario's keys, else the class's and AACE defaults. */
export function estimateSettings(
  stage: Stage,
  cls: CostClass,
  family: PlantFamily,
  currencyPerUsd: number,
): EstimateSettings {
  const c = stage.capex;
  const cal = calibrationFactor(cls.id, family);
  return {
    cls,
    calibration_factor: cal ?? 1,
    site: c.site,
    location_factor: c.location_factor?.value ?? cls.location_factor_kz.value,
    osbl_pct: c.osbl_pct?.value ?? cls.factors.osbl_pct_of_isbl.value,
    indirect_pct: c.indirect_pct?.value ?? cls.factors.indirect_pct_of_direct.value,
    owners_cost_pct: c.owners_cost_pct?.value ?? cls.factors.owners_cost_pct.value,
    contingency_pct: c.contingency_pct.value,
    aace_class: c.aace_class,
    accuracy_low_pct: ACCURACY_PCT[c.aace_class].low,
    accuracy_high_pct: ACCURACY_PCT[c.aace_class].high,
    capex_factor: c.factor.value,
    currency_per_usd: currencyPerUsd,
  };
}

/** Total estimate [USD] of a design. */
function totalOf(
  designs: readonly UnitDesignRecord[],
  s: EstimateSettings,
  baseYear: number,
): number {
  return estimateStage(costUnits(designs, s.cls, baseYear).lines, s).total_usd;
}

/**
 * Throughput ratio r at which the estimate equals `budget` [–]: capex rises with throughput
 * (monotone, with steps where a furnace is added), so bisection on ln r finds the largest r
 * within budget to 1e-9 relative. The design at r is the solved design scaled (homogeneity).
 */
export function ratioWithinBudget(
  designsAt: (ratio: number) => readonly UnitDesignRecord[],
  s: EstimateSettings,
  baseYear: number,
  budget_usd: number,
): number {
  const cost = (r: number): number => totalOf(designsAt(r), s, baseYear);
  let lo = 1e-4;
  let hi = 1e4;
  if (cost(lo) > budget_usd) return 0;
  if (cost(hi) <= budget_usd) return hi;
  for (let it = 0; it < 200 && hi / lo - 1 > 1e-9; it++) {
    const mid = Math.sqrt(lo * hi);
    if (cost(mid) <= budget_usd) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Spend per construction year: the given fractions (which must sum to 1), or the DHSS S-curve
 * (s-curve.ts, data/capex/schedule.json).
 */
export function phaseCapex(
  total_usd: number,
  constructionYears: number,
  fractions?: readonly number[],
): number[] {
  if (constructionYears === 0) return [total_usd];
  const f =
    fractions ??
    sCurvePhasing(
      constructionYears,
      dataValue('capex/schedule#s_curve_c').value,
      dataValue('capex/schedule#s_curve_k').value,
    );
  // packed (mapNumbers): the cash-flow engine reads the phasing in every Monte Carlo sample
  return mapNumbers(f, (x) => x * total_usd);
}

function sourced(path: string, v: SourcedValue): SourceEntry {
  return { path, value: v.value, unit: v.unit, source: v.source, status: v.status };
}

function sourcesOf(stage: Stage, est: StageCapexEstimate, cls: CostClass, family: PlantFamily) {
  const prefix = `model.stages.${stage.id}.capex`;
  const out: SourceEntry[] = [];
  const seen = new Set<string>();
  for (const u of est.units) {
    if (seen.has(u.item_id)) continue;
    seen.add(u.item_id);
    const item = (COST_CLASSES[u.priced_by.split(' ')[0] ?? ''] ?? cls).items.find(
      (i) => i.id === u.item_id,
    );
    if (item)
      out.push({
        path: `${prefix}.items.${u.item_id}`,
        value: item.base_cost,
        unit: `${u.priced_by.startsWith(cls.id) ? cls.currency : 'USD'} (${item.cost_year}) per item of ${item.base_size} ${u.size_unit}, exponent ${item.exponent}`,
        source: `${item.source} — scope: ${item.scope}`,
        status: item.status,
      });
  }
  out.push(sourced(`${prefix}.class.${cls.id}.osbl_pct_of_isbl`, cls.factors.osbl_pct_of_isbl));
  out.push(
    sourced(`${prefix}.class.${cls.id}.indirect_pct_of_direct`, cls.factors.indirect_pct_of_direct),
  );
  if (stage.capex.owners_cost_pct === undefined)
    out.push(sourced(`${prefix}.class.${cls.id}.owners_cost_pct`, cls.factors.owners_cost_pct));
  if (stage.capex.location_factor === undefined)
    out.push(sourced(`${prefix}.class.${cls.id}.location_factor_kz`, cls.location_factor_kz));
  if (cls.escalation_pct_per_year)
    out.push(
      sourced(`${prefix}.class.${cls.id}.escalation_pct_per_year`, cls.escalation_pct_per_year),
    );
  const fit = STORED_CALIBRATION[`${cls.id}/${family}`];
  out.push({
    path: `${prefix}.calibration_factor`,
    value: est.calibration_factor,
    unit: '1',
    source: fit
      ? `derived: geometric mean of normalised reference cost / model cost over ${fit.points
          .filter((p) => p.use === 'calibration')
          .map((p) => `${p.reference_id} (residual ${(100 * p.residual).toFixed(0)} %)`)
          .join(', ')} — data/capex/calibration.json`
      : `no reference plant of family ${family} with a cost in class ${cls.id}: uncalibrated (factor 1)`,
    status: fit ? 'derived' : 'assumed',
  });
  return out;
}

/**
 * The capex of a stage from its solved units.
 * @param stage - The scenario stage (capex settings, capacity, budget)
 * @param template - Its flowsheet template
 * @param run - The stage run: its units' design, the snapshot to redesign at other throughputs
 *   (budget inversion), the design overrides, and the off-gas energy (power plant)
 * @param baseYear - Year of money [year]
 * @param cnyPerUsd - The scenario's RMB per USD (china-epc class)
 * @returns The estimate, or why it is missing (no items for the template's units)
 */
export function stageCapex(
  stage: Stage,
  template: string,
  run: Pick<StageRun, 'design' | 'design_snapshot' | 'design_overrides' | 'byproducts'>,
  baseYear: number,
  cnyPerUsd: number,
  options: StageCapexOptions = {},
): StageCapex | CapexMissing {
  const family = templateFamily(template);
  if (!family)
    return {
      missing: `no plant family for template ${template} (data/capex/reference-plants.json)`,
    };
  const cls = COST_CLASSES[stage.capex.reference_class];
  if (!cls)
    throw new InputError('capex.reference_class', stage.capex.reference_class, 'a cost class');
  const plant = powerPlantDesign(stage, run);
  // the solved design itself at r = 1 (read only: costUnits copies what it prices)
  const designsAt = (r: number): readonly UnitDesignRecord[] => {
    const d = r === 1 ? run.design : designUnits(run.design_snapshot, run.design_overrides, r);
    return plant ? [...d, scaledPlant(plant, r)] : d;
  };
  const { lines, unpriced } = costUnits(designsAt(1), cls, baseYear);
  if (unpriced.length > 0) return { missing: missingText(unpriced, cls) };
  const perUsd = cls.currency === 'USD' ? 1 : cnyPerUsd;
  const settings = estimateSettings(stage, cls, family, perUsd);
  // each family's factor looked up once (the stage's, then the others' in order of first use)
  const uncalibrated: string[] = [];
  const calibrated = calibrationFactor(cls.id, family) !== undefined;
  if (!calibrated) uncalibrated.push(family);
  const byFamily: Record<string, number> = {};
  for (const f of otherFamilies(lines)) {
    const k = calibrationFactor(cls.id, f);
    if (k === undefined) uncalibrated.push(f);
    byFamily[f] = k ?? 1;
  }
  settings.calibration_by_family = byFamily;
  const est = estimateStage(lines, settings);
  for (const f of uncalibrated)
    est.warnings.push(
      `capex class ${cls.id} has no reference plant of the ${f} family with a cost: its unit costs are uncalibrated (docs/capex.md)`,
    );
  const phasing = phaseCapex(
    est.total_usd,
    stage.construction_years,
    stage.capex.phasing?.map((p) => p.value),
  );
  // the estimate is this call's own object: extended in place, not copied (keys in the same
  // order as a spread of it followed by these four)
  const sources: SourceEntry[] = [];
  const result: StageCapex = Object.assign(est, {
    family,
    calibrated,
    phasing_usd: phasing,
    sources,
  });
  if (options.detail === false) return result;
  result.sources = sourcesOf(stage, est, cls, family);
  if (stage.capex_budget_usd) {
    const budget = stage.capex_budget_usd.value;
    const q = stage.capacity_t_per_year.value;
    const at = (b: number): number => q * ratioWithinBudget(designsAt, settings, baseYear, b);
    result.budget = {
      budget_usd: budget,
      within_budget: est.total_usd <= budget,
      capacity_within_budget_t_per_year: at(budget),
      capacity_p10_t_per_year: at(budget / (1 + settings.accuracy_high_pct / 100)),
      capacity_p90_t_per_year: at(budget / (1 + settings.accuracy_low_pct / 100)),
    };
  }
  return result;
}

/**
 * The design of a stage's off-gas power plant (`stages[].power_plant`), not a flowsheet unit:
 * electric power = chemical energy of the exported off-gas × the plant's efficiency [MW].
 */
function powerPlantDesign(
  stage: Stage,
  run: Pick<StageRun, 'byproducts'>,
): UnitDesignRecord | undefined {
  if (!stage.power_plant) return undefined;
  const gas = run.byproducts.find((b) => b.id === 'off-gas');
  const MW = (gas?.energy_MWh_per_h ?? 0) * stage.power_plant.offgas_efficiency.value;
  if (!(MW > 0)) return undefined; // no off-gas energy: offgasPower credits nothing either
  return {
    unit_id: 'offgas-power-plant',
    kind: 'offgas-power-plant',
    results: { power_MW: { value: MW, unit: 'MW' } },
    basis: {},
  };
}

function scaledPlant(d: UnitDesignRecord, r: number): UnitDesignRecord {
  const p = d.results.power_MW;
  return p ? { ...d, results: { power_MW: { value: p.value * r, unit: p.unit } } } : d;
}

/** The calibration families of priced items other than the stage's, in order of first use. */
function otherFamilies(lines: readonly UnitCostLine[]): string[] {
  const out: string[] = [];
  for (const l of lines) if (l.family !== undefined && !out.includes(l.family)) out.push(l.family);
  return out;
}

function missingText(unpriced: readonly UnpricedUnit[], cls: CostClass): string {
  return `units without a cost item in class ${cls.id} (data/capex/classes/${cls.id}.json): ${unpriced.map((u) => `${u.unit_id} (${u.kind})`).join(', ')}`;
}
