/**
 * `appraise`: scenario → plant → economics → impact → one {@link Appraisal}. Pure (no I/O,
 * no clock). It computes every part the model supports and lists the rest in
 * `not_implemented`, so a user always sees which numbers exist and which do not yet.
 */
import type { Appraisal, NotImplemented, SourceEntry, StageResult } from './appraisal.js';
import { mergeBalances } from './plant/merge-balances.js';
import { PlantSolver } from './plant/plant-solver.js';
import type { StageRun } from './process/stage-run.js';
import { numericLeaves } from './scenario/numeric-leaves.js';
import { SCENARIO_FORMAT_VERSION, type Scenario } from './scenario/schema.js';
import { VERSION } from './version.js';
import { dataValue, lookupDataRef, type DataRef } from './scenario/data-files.js';
import { STAFFING_DATA } from './econ/opex/staffing.js';
import type { CashflowInput } from './econ/cashflow/types.js';
import { projectEconomics } from './econ/project/project-economics.js';
import { shareholderLoanTaxGap } from './econ/project/shareholder-loan-tax.js';
import { stageResults } from './stage-results.js';
import { appraisalEmissions } from './impact/emissions.js';
import { appraisalEnvironment } from './impact/environment.js';
import { operatingHours } from './plant/hours.js';
import { regionalImpact } from './impact/regional-impact.js';
import { assertFiniteResult } from './finite-result.js';
import { budgetByRoute } from './budget-by-route.js';
import { commercialBasis, type PathOverrides } from './commercial-basis.js';
import { commercialSummary } from './commercial-summary.js';
import { projectStartYear } from './econ/project/project-economics.js';
import { stakeholderViews } from './stakeholder-views.js';
import { scenarioTimingSpec, stageTimingOption } from './stage-timing-option.js';

/** What the economics cannot give when a stage has no plant model or no capex estimate. */
const ECONOMICS_NEED_EVERY_STAGE: NotImplemented = {
  what: 'opex, cash flow, metrics, regional impact and emissions (they need every stage computed with a capex estimate)',
  tracking: 'see the stage entries above',
};

/**
 * The price deck of HC ferrochrome quotes Chinese mill tenders on a 50 % Cr basis and publishes no
 * P or S penalty or premium, so a graded alloy is priced on its Cr alone (no invented penalty).
 */
const GRADE_PRICE_ADJUSTMENTS: NotImplemented = {
  what: 'price adjustments of hc-ferrochrome for its grade, P and S: the price deck (Chinese mill tenders, 50 % Cr basis) publishes no P or S penalty or premium, so the alloy is priced on its Cr content alone; the stage reports its grade (product_grade) and warns when it meets none',
  tracking: 'issue 16 item 6',
};

/** The data values the economics read directly (not through scenario defaults), with sources. */
function economicsSources(
  scenario: Scenario,
  stages: readonly StageResult[],
  cbam: boolean,
): SourceEntry[] {
  const refs: DataRef[] = ['econ/opex-defaults#buildings_share_of_capex'];
  if (stages.some((s) => s.template === 'concentrate-sale'))
    refs.push('econ/opex-defaults#concentrate_cash_cost_usd_per_t');
  if (cbam)
    for (let y = scenario.site.base_year; y <= 2034; y++)
      if (lookupDataRef(`impact/cbam#cbam_share_${y}`)) refs.push(`impact/cbam#cbam_share_${y}`);
  const out: SourceEntry[] = refs.map((ref) => {
    const v = dataValue(ref);
    return {
      path: `model.${ref}`,
      value: v.value,
      unit: v.unit,
      source: v.source,
      status: v.status,
      ...(v.note !== undefined ? { note: v.note } : {}),
    };
  });
  const crews = STAFFING_DATA.crews_continuous;
  if (stages.some((s) => s.staffing !== null))
    out.push({
      path: 'model.econ/staffing#crews_continuous',
      value: crews.value,
      unit: crews.unit,
      source: `${crews.source}; positions per unit and plant: ${STAFFING_DATA.description}`,
      status: crews.status,
    });
  return out;
}

/** Whether any CBAM cost can arise (EU sales of a covered product are possible). */
function emissionsUsed(scenario: Scenario): boolean {
  return scenario.impact.eu_export_share.value > 0;
}

export interface AppraiseOptions {
  /** Solve the break-even product price and electricity tariff (default true; off in Monte Carlo loops). */
  breakEvens?: boolean;
  /**
   * Stage runs from {@link runPlant} of a scenario with the same feeds and stages: the plant is
   * then not solved again. Only valid when nothing under `feeds` or `stages` changed (Monte
   * Carlo over prices, tariffs and finance); the caller guarantees it.
   */
  plantRuns?: ReadonlyMap<string, StageRun>;
  /** Sampled price paths (Monte Carlo) replacing the deck of their series, quote units by row. */
  pricePaths?: PathOverrides;
  /** Solver of the plant when `plantRuns` is not given (default: a new one for this call). */
  solver?: PlantSolver;
  /**
   * What a stage's budget buys on every smelting route under every reference class (solves the
   * other routes; default true, off in sampling loops and live what-if steps).
   */
  byRoute?: boolean;
  /**
   * Value the stage-timing option the scenario declares in `finance.stage_timing_option`
   * (default true; ≈ (1 + 2 × price series) × window revaluations of the stage's economics).
   * Off in Monte Carlo samples, live what-if steps and reverse solving: they never recompute
   * it, and their appraisals have no `stage_timing_option` section.
   */
  stageTimingOption?: boolean;
}

/**
 * Solves every stage's flowsheet, upstream stages before the stages they feed.
 * @param solver - The caller's plant solver (its compiled flowsheets are reused); default: a
 *   new one for this call
 * @returns Stage runs by stage id (stages without unit models are absent).
 */
export function runPlant(
  scenario: Scenario,
  solver: PlantSolver = new PlantSolver(),
): Map<string, StageRun> {
  return solver.runPlant(scenario);
}

/** The appraisal plus the cash-flow inputs behind it (for spreadsheets that rebuild the table). */
export interface DetailedAppraisal {
  appraisal: Appraisal;
  /** One cash-flow input per stage; `appraisal.cashflow` is the row-wise sum of their tables. */
  cashflow_inputs: { stage: string; input: CashflowInput }[];
}

/**
 * Appraises a validated scenario.
 *
 * @param scenario - Output of `parseScenario`/`loadScenario` (defaults filled, provenance attached).
 * @returns The appraisal; parts not yet computable are null and listed in `not_implemented`.
 */
export function appraise(scenario: Scenario, options: AppraiseOptions = {}): Appraisal {
  return appraiseDetailed(scenario, options).appraisal;
}

/**
 * {@link appraise} that also returns the per-stage cash-flow inputs.
 */
export function appraiseDetailed(
  scenario: Scenario,
  options: AppraiseOptions = {},
): DetailedAppraisal {
  const runs = options.plantRuns ?? runPlant(scenario, options.solver);
  const { stages, notImplemented, modelSources, balances } = stageResults(scenario, runs);
  if (stages.some((s) => s.product_grade !== undefined))
    notImplemented.push(GRADE_PRICE_ADJUSTMENTS);
  if (options.byRoute !== false)
    stages.forEach((st, i) => {
      const rows = st.capex ? budgetByRoute(scenario, i, runs, options.solver) : undefined;
      if (st.capex && rows) st.capex.by_route = rows;
    });
  const computable =
    stages.length > 0 && stages.every((s) => s.status === 'computed' && s.capex_usd !== null);
  const basis = commercialBasis(scenario, projectStartYear(scenario), options.pricePaths);
  const econ = computable
    ? projectEconomics(scenario, stages, basis, { breakEvens: options.breakEvens ?? true })
    : undefined;
  let impact: Appraisal['impact'] = null;
  let views: Appraisal['views'] = null;
  let commercial: Appraisal['commercial'] = null;
  let emissions: Appraisal['emissions'] = null;
  const cashflowInputs: DetailedAppraisal['cashflow_inputs'] = [];
  if (econ) {
    const byId = new Map(econ.stages.map((s) => [s.stage, s]));
    const production = new Map<string, Map<number, number>>();
    let fullYear = -Infinity;
    stages.forEach((result, i) => {
      const e = byId.get(result.id);
      const stage = scenario.stages[i];
      if (!e || !stage) return;
      stages[i] = {
        ...result,
        opex: e.economics.opex,
        opex_usd_per_year: e.economics.opex.total_usd_per_year,
        revenue_usd_per_year: e.economics.revenue_usd_per_year,
        staffing: e.economics.staffing,
        metrics: e.metrics,
        power_plant: e.economics.power_plant,
        grid_connection: e.economics.grid_connection
          ? {
              demand_MW: e.economics.grid_connection.demand_MW,
              capex_usd: e.economics.grid_connection.capex_usd,
              first_year: econ.start_year + e.economics.grid_connection.first_row,
              years: e.economics.grid_connection.rows,
            }
          : null,
        warnings: [...result.warnings, ...e.economics.warnings],
      };
      cashflowInputs.push({ stage: result.id, input: e.economics.input });
      fullYear = Math.max(fullYear, stage.start_year + (stage.ramp_up?.length ?? 0));
      for (const sale of e.economics.sales) {
        const years = production.get(sale.id) ?? new Map<number, number>();
        for (const row of e.table.rows) {
          // Exported tonnes (the CBAM base): external sales × export share × utilisation.
          const t =
            (sale.t_per_year - sale.internal_t_per_year) *
            sale.export_share *
            (row.utilisation ?? 0);
          if (t > 0) years.set(row.year, (years.get(row.year) ?? 0) + t);
        }
        production.set(sale.id, years);
      }
    });
    modelSources.push(...economicsSources(scenario, stages, emissionsUsed(scenario)));
    impact = regionalImpact(
      scenario,
      stages,
      new Map(econ.stages.map((s) => [s.stage, s.economics])),
      econ.combined,
      basis,
    );
    emissions = appraisalEmissions(scenario, stages, production, econ.combined.rows, fullYear);
    views = stakeholderViews(scenario, econ.stages, econ.combined, basis);
    commercial = commercialSummary(scenario, stages, basis);
    const taxGap = shareholderLoanTaxGap(scenario);
    if (taxGap) notImplemented.push(taxGap);
  } else {
    notImplemented.push(ECONOMICS_NEED_EVERY_STAGE);
  }
  const appraisal: Appraisal = {
    chromflow: { version: VERSION, scenario_format: SCENARIO_FORMAT_VERSION },
    scenario: {
      name: scenario.name,
      ...(scenario.description !== undefined ? { description: scenario.description } : {}),
      site: scenario.site.name,
      region: scenario.site.region,
      country: scenario.site.country,
      base_year: scenario.site.base_year,
    },
    stages,
    balance: balances.length > 0 ? mergeBalances(balances) : null,
    cashflow: econ ? econ.combined.rows : [],
    metrics: econ ? econ.metrics : null,
    impact,
    views,
    commercial,
    emissions,
    environment: appraisalEnvironment(
      scenario.stages.map((st) => ({
        stage: st.id,
        template: st.flowsheet.template,
        per_hour: runs.get(st.id)?.environment ?? null,
        hours_per_year: operatingHours(st.availability.value),
        sulphur_to_air_kg_per_h: runs.get(st.id)?.sulphur_to_air_kg_per_h ?? null,
      })),
    ),
    sources: [
      ...numericLeaves(scenario).map(({ path, param }) => ({
        path,
        value: param.value,
        unit: param.unit,
        source: param.source,
        status: param.status,
        ...(param.note !== undefined ? { note: param.note } : {}),
      })),
      ...modelSources,
    ],
    not_implemented: notImplemented,
  };
  const timing = scenario.finance.stage_timing_option;
  if (timing && econ && options.stageTimingOption !== false)
    appraisal.stage_timing_option = stageTimingOption(scenario, scenarioTimingSpec(timing), {
      plantRuns: runs,
    });
  assertFiniteResult(appraisal);
  return { appraisal, cashflow_inputs: cashflowInputs };
}
