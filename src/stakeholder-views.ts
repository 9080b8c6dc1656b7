/**
 * Stakeholder views of an appraisal (appraise layer):
 *
 * * **investor** — the project company as a taxpayer: the scenario's stages (NPV, IRR, equity
 *   IRR, its own taxes and jobs);
 * * **economy** — every entity inside Kazakhstan the scenario touches: the project stages plus
 *   the supplier of each feed that lives in Kazakhstan (the Kempirsai mine), which produces the
 *   same tonnage in every scenario and sells what the project does not take at the same
 *   ex-works price. Sales of a supplier to the project are transfers inside the boundary: they
 *   are netted from the economy's revenue, costs and tonnage (its free cash flow, taxes and value
 *   added are sums over the entities, where the transfer cancels). Government take includes the
 *   supplier's mineral extraction tax (MET) and CIT; jobs are every entity's direct jobs,
 *   construction jobs by year and indirect jobs from the multiplier.
 */
import type { ExportLine, InvestorView, EconomyView, StageResult, ViewJobs } from './appraisal.js';
import { containedCrWtPct } from './chem/contained-cr.js';
import { buildCashflowTable } from './econ/cashflow/build-cashflow-table.js';
import { cashflowMetrics } from './econ/cashflow/cashflow-metrics.js';
import { combineTables } from './econ/cashflow/combine-tables.js';
import type { CashflowRow, CashflowTable } from './econ/cashflow/types.js';
import type { CommercialBasis } from './econ/commercial/types.js';
import type { StageCashflow } from './econ/project/project-economics.js';
import { stageEconomics, type StageEconomics } from './econ/project/stage-economics.js';
import { stageValueAdded } from './impact/regional-impact.js';
import { PRODUCTS } from './scenario/product-catalogue.js';
import type { Scenario, Stage } from './scenario/schema.js';

/** An entity of a view with its economics and cash-flow table. */
interface Entity {
  id: string;
  name: string;
  kind: 'project-stage' | 'supplier';
  economics: StageEconomics;
  table: CashflowTable;
}

const VIEW_PRICE_POINT = 'ex-works' as const;

/** The supplier of a feed as a stage that sells its whole output as concentrate. */
function supplierStage(scenario: Scenario, feedId: string, basis: CommercialBasis): Stage {
  const sup = basis.feed(feedId).supplier;
  const template = scenario.stages[0];
  if (!sup || !template) throw new Error(`feed ${feedId} has no supplier`);
  return {
    ...template,
    id: `supplier-${feedId}`,
    name: sup.name,
    start_year: Math.max(sup.start_year, basis.start_year),
    construction_years: 0,
    capacity_t_per_year: {
      value: sup.production_t_per_year,
      unit: 't/year',
      source: `feeds.${feedId}.supplier.production_t_per_year`,
      status: 'input',
    },
    capacity_basis: 'product',
    ramp_up: [],
    power_plant: undefined,
    flowsheet: { template: 'concentrate-sale', inputs: { feed: `feed:${feedId}` }, overrides: {} },
  };
}

function supplierResult(stage: Stage, analysis: Readonly<Record<string, number>>): StageResult {
  const t = stage.capacity_t_per_year.value;
  return {
    id: stage.id,
    name: stage.name,
    template: 'concentrate-sale',
    start_year: stage.start_year,
    construction_years: 0,
    capacity_t_per_year: t,
    capacity_basis: 'product',
    status: 'computed',
    products: [{ id: 'chromite-concentrate', t_per_year: t, composition_wt_pct: { ...analysis } }],
    consumptions: {},
    kpis: {},
    byproducts: [],
    energy_balances: [],
    capex_usd: 0,
    capex: null,
    opex_usd_per_year: null,
    opex: null,
    revenue_usd_per_year: null,
    staffing: null,
    metrics: null,
    warnings: [],
  };
}

/** Feeds whose supplier is an entity of the economy not already in the scenario's stages. */
function outsideSuppliers(scenario: Scenario, basis: CommercialBasis): string[] {
  const sold = new Set(
    scenario.stages
      .filter((s) => s.flowsheet.template === 'concentrate-sale')
      .map((s) => (s.flowsheet.inputs.feed ?? '').slice('feed:'.length)),
  );
  return scenario.feeds
    .filter((f) => basis.feed(f.id).supplier?.inside_economy === true && !sold.has(f.id))
    .map((f) => f.id);
}

/** Money of row t in the table's basis per base-year USD (1 for real, (1 + i)^t nominal). */
function moneyFactor(scenario: Scenario, t: number): number {
  const f = scenario.finance;
  return f.analysis === 'nominal' ? Math.pow(1 + f.inflation_rate.value, t) : 1;
}

/**
 * The supplier's sales to the project by row: tonnage, contained Cr and value — a transfer
 * inside the economy (take-or-pay payments cancel by themselves: a cost of the buyer, a negative
 * cost of the supplier).
 */
function transfersByRow(
  scenario: Scenario,
  project: readonly StageCashflow[],
  feedIds: readonly string[],
  basis: CommercialBasis,
): { t: Float64Array; cr: Float64Array; usd: Float64Array } {
  const n = basis.horizon_years;
  const out = { t: new Float64Array(n), cr: new Float64Array(n), usd: new Float64Array(n) };
  for (const s of project) {
    for (const f of s.economics.feeds) {
      const id = f.ref.startsWith('feed:') && !f.ref.endsWith(':extra') ? f.ref.slice(5) : '';
      if (!feedIds.includes(id)) continue;
      const crPct = containedCrWtPct(basis.feed(id).analysis);
      s.table.rows.forEach((row, r) => {
        const q = f.t_per_year * (row.utilisation ?? 0);
        const m = moneyFactor(scenario, r);
        out.t[r] = (out.t[r] ?? 0) + q;
        out.cr[r] = (out.cr[r] ?? 0) + (q * crPct) / 100;
        out.usd[r] =
          (out.usd[r] ?? 0) + q * (f.price_usd_per_t_by_row?.[r] ?? f.price_usd_per_t) * m;
      });
    }
  }
  return out;
}

/** Take-or-pay payments the project makes for a feed, as the supplier's (negative) cost. */
function takeOrPayReceipts(project: readonly StageCashflow[], feedId: string) {
  for (const s of project) {
    const top = s.economics.input.yearly_costs?.find((y) => y.name === 'take-or-pay shortfall');
    if (top && s.economics.feeds.some((f) => f.ref === `feed:${feedId}`))
      return {
        name: 'take-or-pay receipts',
        usd_by_row: top.usd_by_row.map((v) => -v),
        receipt: true,
      };
  }
  return null;
}

function netTransfers(table: CashflowTable, x: ReturnType<typeof transfersByRow>): CashflowRow[] {
  return table.rows.map((row, r) => ({
    ...row,
    revenue_usd: row.revenue_usd - (x.usd[r] ?? 0),
    opex_usd: row.opex_usd - (x.usd[r] ?? 0),
    production_t: row.production_t - (x.t[r] ?? 0),
    production_cr_t: row.production_cr_t - (x.cr[r] ?? 0),
  }));
}

function governmentTake(rows: readonly CashflowRow[]): { total: number; met: number } {
  let total = 0;
  let met = 0;
  for (const r of rows) {
    total += r.discount_factor * r.tax_usd;
    met += r.discount_factor * r.met_usd;
  }
  return { total, met };
}

function jobsOf(
  scenario: Scenario,
  entities: readonly Entity[],
  rows: readonly CashflowRow[],
): ViewJobs {
  const byEntity: Record<string, number> = {};
  let direct = 0;
  for (const e of entities) {
    const j = e.economics.staffing?.direct_jobs ?? 0;
    byEntity[e.id] = j;
    direct += j;
  }
  const perM = scenario.impact.construction_jobs_per_usd_m_per_year;
  const mult = scenario.impact.indirect_jobs_per_direct_job;
  const construction = rows
    .filter((r) => r.capex_usd > 0)
    .map((r) => ({ year: r.year, jobs: Math.round((r.capex_usd / 1e6) * perM.value) }));
  return {
    direct,
    direct_by_entity: byEntity,
    construction_by_year: construction,
    construction_source: `impact.construction_jobs_per_usd_m_per_year × capex of the year: ${perM.source}`,
    indirect: direct * mult.value,
    indirect_per_direct_job: mult.value,
    indirect_source: `impact.indirect_jobs_per_direct_job (${mult.status}): ${mult.source}`,
  };
}

/** Exports at nameplate of the entities, valued at the FCA border (the customs value). */
function exportsOf(entities: readonly Entity[], transferredT: number): ExportLine[] {
  const out: ExportLine[] = [];
  for (const e of entities)
    for (const sale of e.economics.sales) {
      let t = (sale.t_per_year - sale.internal_t_per_year) * sale.export_share;
      if (e.kind === 'supplier') t -= transferredT;
      const usd = t * sale.fca_border_usd_per_t;
      if (usd <= 0) continue;
      const hs = PRODUCTS.find((p) => p.id === sale.id)?.hs_code ?? 'unknown';
      const line = out.find((x) => x.product === sale.id);
      if (line) line.usd_per_year += usd;
      else out.push({ product: sale.id, hs_code: hs, usd_per_year: usd });
    }
  return out;
}

function opexByCategory(entities: readonly Entity[], transfer: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entities)
    for (const l of e.economics.opex.lines)
      out[l.category] = (out[l.category] ?? 0) + l.cost_usd_per_year;
  out.feed = (out.feed ?? 0) - transfer;
  return out;
}

/**
 * @param scenario - The scenario.
 * @param project - The project's stages with their economics and tables (investor view).
 * @param combined - Their combined table.
 * @param basis - The commercial basis.
 * @returns Both views.
 */
export function stakeholderViews(
  scenario: Scenario,
  project: readonly StageCashflow[],
  combined: CashflowTable,
  basis: CommercialBasis,
): { investor: InvestorView; economy: EconomyView } {
  const projectEntities: Entity[] = project.map((s) => ({
    id: s.stage,
    name: scenario.stages.find((x) => x.id === s.stage)?.name ?? s.stage,
    kind: 'project-stage',
    economics: s.economics,
    table: s.table,
  }));
  const frame = {
    start_year: basis.start_year,
    horizon_years: basis.horizon_years,
    internal_use_t_per_year: new Map<string, number>(),
    transfer_price_usd_per_t_by_row: new Map<string, ArrayLike<number>>(),
    extra_feed_t_per_year: new Map<string, number>(),
    take_or_pay_usd_by_row: new Map<string, number[]>(),
  };
  const feedIds = outsideSuppliers(scenario, basis);
  const suppliers: Entity[] = feedIds.map((id) => {
    const stage = supplierStage(scenario, id, basis);
    const economics = stageEconomics(
      scenario,
      stage,
      -1,
      supplierResult(stage, basis.feed(id).analysis),
      frame,
      basis,
    );
    const receipts = takeOrPayReceipts(project, id);
    if (receipts)
      economics.input.yearly_costs = [...(economics.input.yearly_costs ?? []), receipts];
    return {
      id: stage.id,
      name: stage.name,
      kind: 'supplier',
      economics,
      table: buildCashflowTable(economics.input),
    };
  });
  const entities = [...projectEntities, ...suppliers];
  let economyTable = combined;
  for (const s of suppliers) economyTable = combineTables(economyTable, s.table, 1);
  const x = transfersByRow(scenario, project, feedIds, basis);
  const economyRows = netTransfers(economyTable, x);
  const em = cashflowMetrics(economyTable);
  const im = cashflowMetrics(combined);
  const transferredT = project
    .flatMap((s) => s.economics.feeds)
    .filter((f) => feedIds.includes(f.ref.slice(5)))
    .reduce((a, f) => a + f.t_per_year, 0);
  const transferUsd = project
    .flatMap((s) => s.economics.feeds)
    .filter((f) => feedIds.includes(f.ref.slice(5)))
    .reduce((a, f) => a + f.t_per_year * f.price_usd_per_t, 0);
  const gva = (list: readonly Entity[]) => {
    const by: Record<string, number> = {};
    let total = 0;
    for (const e of list) {
      const v = stageValueAdded(e.economics);
      by[e.id] = v;
      total += v;
    }
    return { by, total };
  };
  const ig = gva(projectEntities);
  const eg = gva(entities);
  const it = governmentTake(combined.rows);
  const et = governmentTake(economyRows);
  return {
    investor: {
      boundary: 'the project company: the scenario’s stages, each taxed as its own contract',
      entities: projectEntities.map((e) => ({ id: e.id, name: e.name, kind: e.kind })),
      price_point: VIEW_PRICE_POINT,
      npv_usd: im.npv_usd,
      irr: im.irr,
      irr_reason: im.irr_reason,
      equity_irr: im.equity_irr,
      value_added_usd_per_year: ig.total,
      government_take_npv_usd: it.total,
      met_npv_usd: it.met,
      jobs: jobsOf(scenario, projectEntities, combined.rows),
      exports_usd_per_year: exportsOf(projectEntities, 0),
      exports_price_point: 'fca-border',
    },
    economy: {
      boundary:
        'every entity inside Kazakhstan: the project stages and the suppliers of their feeds (same ore tonnage in every scenario); sales between them are netted',
      entities: entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind })),
      price_point: VIEW_PRICE_POINT,
      npv_usd: em.npv_usd,
      ...economyIrr(entities, em),
      value_added_usd_per_year: eg.total,
      value_added_by_entity_usd_per_year: eg.by,
      government_take_npv_usd: et.total,
      met_npv_usd: et.met,
      jobs: jobsOf(scenario, entities, economyRows),
      exports_usd_per_year: exportsOf(entities, transferredT),
      exports_price_point: 'fca-border',
      cashflow: economyRows,
      opex_usd_per_year_by_category: opexByCategory(entities, transferUsd),
    },
  };
}

/**
 * The economy view's IRR. Its boundary takes in the feed suppliers (the Kempirsai mines), which
 * operate on capital spent long ago and absent from the cash flow: the IRR of such a flow (over
 * 1,000 % on the reference scenarios) is no return on any investment, so it is withheld with
 * its reason; the NPV and the NPV bridge between scenarios carry the comparison.
 */
function economyIrr(
  entities: readonly Entity[],
  m: { irr: number | null; irr_reason: string | null },
): { irr: number | null; irr_reason: string | null } {
  if (entities.some((e) => e.kind === 'supplier'))
    return {
      irr: null,
      irr_reason:
        'not a return on investment: the economy view includes the feed suppliers, whose capital was spent before the cash flow starts; compare NPVs (the NPV bridge)',
    };
  return { irr: m.irr, irr_reason: m.irr_reason };
}
