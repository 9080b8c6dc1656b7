/**
 * The per-stage results of a scenario from its solved flowsheets: plant figures (products,
 * consumptions, KPIs) and the capex estimate of each stage, before any economics. Shared by
 * `appraise` and the sampling fast path. Reads only the scenario's `site`, `feeds` and `stages`
 * sections and the RMB exchange rate `markets.fx.rmb_per_usd` of the china-epc class (the Monte
 * Carlo spec relies on it to reuse the results when none of these is sampled).
 */
import type { NotImplemented, SourceEntry, StageResult } from './appraisal.js';
import { stageCapex, type StageCapex, type StageCapexOptions } from './econ/capex/stage-capex.js';
import { InputError } from './errors.js';
import { stageFromRun } from './plant/stage-from-run.js';
import { mergeKpis } from './process/merge-kpis.js';
import { defineOnDemand } from './process/on-demand.js';
import type { BalanceReport } from './process/flowsheet/report.js';
import type { StageRun } from './process/stage-run.js';
import type { Scenario, Stage } from './scenario/schema.js';
import { templateInfo } from './scenario/template-catalogue.js';

/** What {@link stageResults} gives. */
export interface StageResults {
  /** One result per scenario stage, in scenario order. */
  stages: StageResult[];
  /** Parts that could not be computed (templates without unit models, missing capex). */
  notImplemented: NotImplemented[];
  /** Model data behind the capex estimates, with sources. */
  modelSources: SourceEntry[];
  /** The mass balance of every solved stage (none with `detail: false`). */
  balances: { stage: string; balance: BalanceReport }[];
}

function feedOfStage(scenario: Scenario, stage: Stage, port: string) {
  const ref = stage.flowsheet.inputs[port] ?? '';
  const id = ref.startsWith('feed:') ? ref.slice(5) : undefined;
  return scenario.feeds.find((f) => f.id === id);
}

/** The raw-export stage: the feed is sold as it is, so product = feed, analysis unchanged. */
function appraiseConcentrateSale(
  scenario: Scenario,
  stage: Stage,
  index: number,
  base: StageResult,
): StageResult {
  const feed = feedOfStage(scenario, stage, 'feed');
  if (!feed)
    throw new InputError(
      `stages[${index}].flowsheet.inputs.feed`,
      stage.flowsheet.inputs.feed,
      'a feed reference',
    );
  const tonnage = stage.capacity_t_per_year.value;
  const supply = feed.supply_t_per_year?.value;
  if (supply !== undefined && supply < tonnage) {
    throw new InputError(
      `stages[${index}].capacity_t_per_year`,
      tonnage,
      `at most the supply of feed "${feed.id}" (${supply} t/year)`,
    );
  }
  const composition: Record<string, number> = {};
  for (const [k, p] of Object.entries(feed.composition_wt_pct)) composition[k] = p.value;
  return {
    ...base,
    status: 'computed',
    products: [
      { id: 'chromite-concentrate', t_per_year: tonnage, composition_wt_pct: composition },
    ],
    kpis: { product_t_per_year: tonnage, product_cr2o3_wt_pct: composition.Cr2O3 ?? 0 },
  };
}

/**
 * `detail: false` (sampling loops) also leaves out each stage's report-only checks (the smelter
 * slag's viscosity and liquidus), its KPI `capex_usd_per_t_capacity` (its `kpis` are then the
 * run's own record, shared, never to be written) and the stages' mass balances.
 */
export interface StageResultsOptions extends StageCapexOptions {
  /**
   * Results to reuse as they are, by stage id (a Monte Carlo sample that changes neither the
   * stage's run nor its section nor the site); their sources are not listed again.
   */
  keep?: ReadonlyMap<string, StageResult>;
}

/**
 * @param scenario - The scenario (validated).
 * @param runs - Solved stage flowsheets by stage id (`runPlant`).
 * @param options - Capex detail (benchmarks, budget check, sources; default all), results to keep.
 * @returns Stage results with capex, and what is not implemented.
 * @throws InputError for an unknown template or an inconsistent raw-export stage.
 */
export function stageResults(
  scenario: Scenario,
  runs: ReadonlyMap<string, StageRun>,
  options: StageResultsOptions = {},
): StageResults {
  const notImplemented: NotImplemented[] = [];
  const modelSources: SourceEntry[] = [];
  const balances: { stage: string; balance: BalanceReport }[] = [];
  const stages = scenario.stages.map((stage, i): StageResult => {
    const kept = options.keep?.get(stage.id);
    if (kept) return kept;
    const template = templateInfo(stage.flowsheet.template);
    if (!template) {
      throw new InputError(
        `stages[${i}].flowsheet.template`,
        stage.flowsheet.template,
        'a known template',
      );
    }
    const base: StageResult = {
      id: stage.id,
      name: stage.name,
      template: template.id,
      start_year: stage.start_year,
      construction_years: stage.construction_years,
      capacity_t_per_year: stage.capacity_t_per_year.value,
      capacity_basis: stage.capacity_basis ?? template.capacity_basis,
      status: 'not_implemented',
      products: [],
      consumptions: {},
      kpis: {},
      byproducts: [],
      energy_balances: [],
      capex_usd: null,
      capex: null,
      opex_usd_per_year: null,
      opex: null,
      revenue_usd_per_year: null,
      staffing: null,
      metrics: null,
      warnings: [],
    };
    if (template.id === 'concentrate-sale') {
      // No plant is built: the concentrate is sold as it is.
      return { ...appraiseConcentrateSale(scenario, stage, i, base), capex_usd: 0 };
    }
    const run = runs.get(stage.id);
    if (!run) {
      notImplemented.push({
        what: `stage "${stage.id}": unit models of template ${template.id}`,
        tracking: template.tracking ?? 'not tracked',
      });
      return base;
    }
    // the report is built only when the appraisal reads it (not in a Monte Carlo sample)
    // (with the getter shared by every stage: a getter closure per object gave each object its
    // own V8 hidden class, and a Monte Carlo sample's garbage then outlived the young generation)
    if (options.detail !== false)
      balances.push(defineOnDemand({ stage: stage.id }, 'balance', () => run.balance));
    const capex = stageCapex(
      stage,
      template.id,
      run,
      scenario.site.base_year,
      scenario.markets.fx.rmb_per_usd.value,
      options,
    );
    if ('missing' in capex)
      notImplemented.push({
        what: `stage "${stage.id}": capex (${capex.missing})`,
        tracking: 'issue 13 (capital cost from unit design); docs/capex.md',
      });
    else modelSources.push(...capex.sources);
    return solvedStageResult(base, stage, run, template.limitations ?? [], capex, options);
  });
  return { stages, notImplemented, modelSources, balances };
}

/**
 * The result of a solved stage: its plant figures, the report-only checks and the capex per t of
 * capacity (not with `detail: false`) and its capex. One object literal with the keys of `base`
 * in its order, then the product grade and the slag liquidus: V8 builds it with one fixed shape,
 * where an `Object.assign` of the parts (or a spread per part, or a copy of `base` whose `null`
 * capex then takes a number) made it slow to build and to read in a Monte Carlo sample that
 * moves the stage.
 */
function solvedStageResult(
  base: StageResult,
  stage: Stage,
  run: StageRun,
  limitations: readonly string[],
  capex: ReturnType<typeof stageCapex>,
  options: StageResultsOptions,
): StageResult {
  const plant = stageFromRun(run, stage.availability.value);
  // report-only checks (the smelter slag's liquidus): not in a Monte Carlo sample's results
  const checks = options.detail === false ? undefined : run.report_checks;
  const warnings = [...plant.warnings, ...(checks?.warnings ?? []), ...limitations];
  const priced = 'missing' in capex ? undefined : capex;
  // without detail (a sampling loop) the run's own KPIs, not a copy with the report-only capex
  // per t of capacity (no headline output reads it; the run is never written)
  const kpis =
    options.detail === false
      ? plant.kpis
      : priced
        ? mergeKpis(plant.kpis, checks?.kpis ?? {}, {
            capex_usd_per_t_capacity: priced.total_usd / stage.capacity_t_per_year.value,
          })
        : mergeKpis(plant.kpis, checks?.kpis ?? {});
  if (priced) pushAll(warnings, priced.warnings);
  const out: StageResult = {
    id: base.id,
    name: base.name,
    template: base.template,
    start_year: base.start_year,
    construction_years: base.construction_years,
    capacity_t_per_year: base.capacity_t_per_year,
    capacity_basis: base.capacity_basis,
    status: plant.status,
    products: plant.products,
    consumptions: plant.consumptions,
    kpis,
    byproducts: plant.byproducts,
    energy_balances: plant.energy_balances,
    capex_usd: priced ? priced.total_usd : base.capex_usd,
    capex: priced ? capexDetail(priced) : base.capex,
    opex_usd_per_year: base.opex_usd_per_year,
    opex: base.opex,
    revenue_usd_per_year: base.revenue_usd_per_year,
    staffing: base.staffing,
    metrics: base.metrics,
    warnings,
  };
  if (plant.product_grade) out.product_grade = plant.product_grade;
  if (checks?.slag_liquidus) out.slag_liquidus = checks.slag_liquidus;
  return out;
}

/**
 * A stage result's capex: the estimate without its total, sources and warnings (listed
 * elsewhere); keys in the estimate's order, the units (the estimate's own lines) last. Written
 * out, not as a rest copy: V8 builds a rest copy key by key (≈ 1 % of a Monte Carlo sample that
 * re-costs the stage).
 */
function capexDetail(c: StageCapex): NonNullable<StageResult['capex']> {
  const detail: NonNullable<StageResult['capex']> = {
    reference_class: c.reference_class,
    currency: c.currency,
    isbl_usd: c.isbl_usd,
    osbl_usd: c.osbl_usd,
    indirect_usd: c.indirect_usd,
    owners_cost_usd: c.owners_cost_usd,
    contingency_usd: c.contingency_usd,
    accuracy_usd: c.accuracy_usd,
    calibration_factor: c.calibration_factor,
    location_factor: c.location_factor,
    capex_factor: c.capex_factor,
    currency_per_usd: c.currency_per_usd,
    family: c.family,
    calibrated: c.calibrated,
    phasing_usd: c.phasing_usd,
    units: c.units,
  };
  if (c.budget === undefined) return detail;
  // (report only) the budget after the phasing as in the estimate, the units still last
  const { units, ...head } = detail;
  return { ...head, budget: c.budget, units };
}

function pushAll(into: string[], more: readonly string[]): string[] {
  for (const w of more) into.push(w);
  return into;
}
