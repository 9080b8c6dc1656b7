/**
 * `appraise`: scenario → plant → economics → impact → one {@link Appraisal}. Pure (no I/O,
 * no clock). It computes every part the model supports and lists the rest in
 * `not_implemented`, so a user always sees which numbers exist and which do not yet.
 */
import type { Appraisal, NotImplemented, SourceEntry, StageResult } from './appraisal.js';
import { stageCapex } from './econ/capex/stage-capex.js';
import { mergeBalances } from './plant/merge-balances.js';
import { runStage, stageOrder } from './plant/run-stage.js';
import type { StageRun } from './process/stage-run.js';
import { stageFromRun } from './plant/stage-from-run.js';
import type { BalanceReport } from './process/flowsheet/report.js';
import { InputError } from './errors.js';
import { numericLeaves } from './scenario/numeric-leaves.js';
import { SCENARIO_FORMAT_VERSION, type Scenario, type Stage } from './scenario/schema.js';
import { templateInfo } from './scenario/template-catalogue.js';
import { VERSION } from './version.js';

/** Everything downstream of the plant balance, by the issue that builds it. */
const DOWNSTREAM_NOT_IMPLEMENTED: NotImplemented[] = [
  {
    what: 'opex, cash flow and metrics (NPV, IRR, payback, LCOP)',
    tracking: 'issue 6 (economics)',
  },
  { what: 'regional impact (value added, jobs, taxes, exports)', tracking: 'issue 6 (impact)' },
  { what: 'emissions and EU CBAM exposure', tracking: 'issue 6 (emissions)' },
];

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
 * Appraises a validated scenario.
 *
 * @param scenario - Output of `parseScenario`/`loadScenario` (defaults filled, provenance attached).
 * @returns The appraisal; parts not yet computable are null and listed in `not_implemented`.
 */
export function appraise(scenario: Scenario): Appraisal {
  const notImplemented: NotImplemented[] = [];
  const modelSources: SourceEntry[] = [];
  const balances: { stage: string; balance: BalanceReport }[] = [];
  // Run the flowsheets first, upstream stages before the stages they feed.
  const runs = new Map<string, StageRun>();
  for (const i of stageOrder(scenario)) {
    const stage = scenario.stages[i];
    if (!stage) continue;
    const run = runStage(scenario, stage, i, runs);
    if (run) runs.set(stage.id, run);
  }
  const stages = scenario.stages.map((stage, i): StageResult => {
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
    let result = base;
    const run = runs.get(stage.id);
    if (run) {
      balances.push({ stage: stage.id, balance: run.balance });
      result = { ...base, ...stageFromRun(run, stage.availability.value) };
    } else {
      notImplemented.push({
        what: `stage "${stage.id}": unit models of template ${template.id}`,
        tracking: template.tracking ?? 'not tracked',
      });
    }
    const capex = stageCapex(stage, scenario.site.base_year, base.capacity_basis);
    if (!capex) {
      notImplemented.push({
        what: `stage "${stage.id}": capex (no reference plant cost for template ${template.id} on a ${base.capacity_basis} basis in data/capex/reference-plants.json)`,
        tracking: 'issue 6 (capex); shared/domain/facts.md §8 lists the missing benchmarks',
      });
      return result;
    }
    modelSources.push(...capex.sources);
    const { sources: _sources, warnings, total_usd, ...detail } = capex;
    return {
      ...result,
      capex_usd: total_usd,
      capex: detail,
      kpis: {
        ...result.kpis,
        capex_usd_per_t_capacity: total_usd / stage.capacity_t_per_year.value,
      },
      warnings: [...result.warnings, ...warnings],
    };
  });
  return {
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
    cashflow: [],
    metrics: null,
    impact: null,
    emissions: null,
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
    not_implemented: [...notImplemented, ...DOWNSTREAM_NOT_IMPLEMENTED],
  };
}
