/**
 * Economics of the whole project: every computed stage on one calendar, each stage's own cash
 * flow (the first stage standalone, later stages as increments with their own start year and
 * capex), the combined cash flow, metrics and break-evens.
 */
import type { AppraisalMetrics, StageResult } from '../../appraisal.js';
import { operatingHours } from '../../plant/hours.js';
import type { Scenario } from '../../scenario/schema.js';
import { solveBreakEven } from '../cashflow/break-even.js';
import { buildCashflowTable } from '../cashflow/build-cashflow-table.js';
import { cashflowMetrics } from '../cashflow/cashflow-metrics.js';
import { sponsorReturn, type SponsorTerms } from '../cashflow/sponsor-return.js';
import { sponsorTermsOf } from './sponsor-terms.js';
import { covenantBreaches, type CovenantBreach, type Covenants } from '../cashflow/covenants.js';
import {
  addSourcesAndUses,
  sourcesAndUses,
  type SourcesAndUses,
} from '../cashflow/sources-and-uses.js';
import { combineTables } from '../cashflow/combine-tables.js';
import type { CashflowInput, CashflowTable, OpexItem, ProductInput } from '../cashflow/types.js';
import { npv } from '../metrics/npv.js';
import type { KeptStageEconomics } from './kept-stage-economics.js';
import { InputError } from '../../errors.js';
import type { CommercialBasis } from '../commercial/types.js';
import {
  feedPerYear,
  primaryPort,
  stageEconomics,
  utilisationAt,
  type ProjectFrame,
  type StageEconomics,
} from './stage-economics.js';

export interface StageCashflow {
  stage: string;
  economics: StageEconomics;
  table: CashflowTable;
  metrics: AppraisalMetrics;
}

export interface ProjectEconomics {
  stages: StageCashflow[];
  combined: CashflowTable;
  metrics: AppraisalMetrics;
  /** Row 0 calendar year. */
  start_year: number;
}

export interface EconomicsOptions {
  /** Solve break-even price and tariff (≈ 100 table builds); off in Monte Carlo loops. */
  breakEvens: boolean;
}

/**
 * Row 0 of every table: the base year (the year of the money and of the agreement, so every
 * scenario's NPV is at the same date), or an earlier first development/construction year.
 */
export function projectStartYear(scenario: Scenario): number {
  let y = scenario.site.base_year;
  for (const s of scenario.stages)
    y = Math.min(y, s.start_year - s.construction_years - (s.development_years ?? 0));
  return y;
}

function combinedFcf(inputs: readonly CashflowInput[]): number[] {
  let table: CashflowTable | undefined;
  for (const input of inputs) {
    const t = buildCashflowTable(input);
    table = table ? combineTables(table, t, 1) : t;
  }
  return table ? table.rows.map((r) => r.free_cash_flow_usd) : [];
}

/** The product with the largest sales value: the one whose price break-even is reported. */
function mainProduct(inputs: readonly CashflowInput[]): string | undefined {
  let best: string | undefined;
  let value = -Infinity;
  for (const input of inputs)
    for (const p of input.products) {
      const v = p.capacity_t_per_year * p.price_usd_per_t;
      if (v > value) {
        value = v;
        best = p.name;
      }
    }
  return best;
}

/** A product priced at `x` in row 0, its deck scaled in proportion (the break-even of the path's level). */
function scaledPrice(p: ProductInput, x: number): Partial<ProductInput> {
  const k = p.price_usd_per_t !== 0 ? x / p.price_usd_per_t : NaN;
  return {
    price_usd_per_t: x,
    ...(p.price_usd_per_t_by_row
      ? { price_usd_per_t_by_row: Array.from(p.price_usd_per_t_by_row, (v) => v * k) }
      : {}),
  };
}

/** Electricity at `x` USD/MWh in row 0, the tariff path scaled in proportion. */
function scaledTariff(o: OpexItem, x: number): Partial<OpexItem> {
  const k = o.unit_price_usd !== 0 ? x / o.unit_price_usd : NaN;
  return {
    unit_price_usd: x,
    ...(o.unit_price_usd_by_row
      ? { unit_price_usd_by_row: Array.from(o.unit_price_usd_by_row, (v) => v * k) }
      : {}),
  };
}

function withMetrics(
  table: CashflowTable,
  inputs: readonly CashflowInput[],
  kztPerUsd: number,
  options: EconomicsOptions,
  sourcesUses: SourcesAndUses | null,
  breaches: CovenantBreach[],
  sponsorTerms: SponsorTerms,
): AppraisalMetrics {
  const m = cashflowMetrics(table);
  const sponsor = sponsorReturn(table, sponsorTerms);
  const reasons: string[] = [];
  let price: number | null = null;
  let tariff: number | null = null;
  if (options.breakEvens) {
    const rate = table.discount_rate;
    const product = mainProduct(inputs);
    if (product !== undefined) {
      const base = inputs.flatMap((i) => i.products).find((p) => p.name === product);
      const g = (x: number) =>
        npv(
          rate,
          combinedFcf(
            inputs.map((i) => ({
              ...i,
              products: i.products.map((p) =>
                p.name === product ? { ...p, ...scaledPrice(p, x) } : p,
              ),
            })),
          ),
        );
      const be = solveBreakEven(
        g,
        Math.max(base?.price_usd_per_t ?? 1, 1),
        0,
        `break-even price of ${product}`,
      );
      price = be.value;
      if (be.reason !== null) reasons.push(be.reason);
    }
    const power = inputs.flatMap((i) => i.opex).find((o) => o.name === 'electricity');
    if (power) {
      const g = (usdPerMwh: number) =>
        npv(
          rate,
          combinedFcf(
            inputs.map((i) => ({
              ...i,
              opex: i.opex.map((o) =>
                o.name === 'electricity' ? { ...o, ...scaledTariff(o, usdPerMwh) } : o,
              ),
            })),
          ),
        );
      const be = solveBreakEven(
        g,
        Math.max(power.unit_price_usd, 1e-6),
        0,
        'break-even electricity tariff',
      );
      // USD/MWh × KZT/USD ÷ 1000 kWh/MWh = KZT/kWh
      tariff = be.value === null ? null : (be.value * kztPerUsd) / 1000;
      if (be.reason !== null) reasons.push(be.reason);
    } else {
      reasons.push('break-even electricity tariff: no stage buys electricity');
    }
  }
  return {
    ...m,
    ...sponsor,
    sources_uses: sourcesUses,
    covenant_breaches: breaches,
    basis: table.basis,
    breakeven_price_usd_per_t: price,
    breakeven_tariff_kzt_per_kwh: tariff,
    breakeven_reasons: reasons,
  };
}

/** A stage's covenant breaches, marked with the stage (none without a loan). */
function stageBreaches(
  stage: string,
  table: CashflowTable,
  covenants: Covenants | undefined,
): CovenantBreach[] {
  return covenants ? covenantBreaches(table, covenants).map((b) => ({ ...b, stage })) : [];
}

/** Each computed stage's economics on the project calendar (the inputs of its cash flow). */
export interface StageEconomicsEntry {
  stage: string;
  economics: StageEconomics;
}

/** Feed tonnage each computed stage consumes at nameplate, by feed id and stage id [t/a]. */
export function feedUseByStage(
  scenario: Scenario,
  results: readonly StageResult[],
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  scenario.stages.forEach((stage, i) => {
    const r = results[i];
    if (!r || r.status !== 'computed') return;
    const port = r.template === 'concentrate-sale' ? 'feed' : primaryPort(stage.flowsheet.template);
    const ref = stage.flowsheet.inputs[port];
    if (!ref?.startsWith('feed:')) return;
    const t =
      r.template === 'concentrate-sale'
        ? (r.products[0]?.t_per_year ?? 0)
        : feedPerYear(stage, r, operatingHours(stage.availability.value));
    const feed = ref.slice(5);
    const byStage = out.get(feed) ?? new Map<string, number>();
    byStage.set(stage.id, t);
    out.set(feed, byStage);
  });
  return out;
}

/** A feed used above its contract volume without a declared extra supply. */
export interface SupplyExcess {
  feed_index: number;
  feed_id: string;
  use_t_per_year: number;
  supply_t_per_year: number;
  message: string;
}

/**
 * Feeds whose use at nameplate exceeds the contract volume (supply_t_per_year) and that declare
 * no extra supply; and suppliers whose output is below the contract they must deliver.
 */
export function supplyExcesses(
  scenario: Scenario,
  results: readonly StageResult[],
): SupplyExcess[] {
  const out: SupplyExcess[] = [];
  const use = feedUseByStage(scenario, results);
  scenario.feeds.forEach((feed, i) => {
    const total = [...(use.get(feed.id)?.values() ?? [])].reduce((a, b) => a + b, 0);
    const supply = feed.supply_t_per_year?.value;
    const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
    if (supply !== undefined && total > supply * (1 + 1e-9) && !feed.extra_supply)
      out.push({
        feed_index: i,
        feed_id: feed.id,
        use_t_per_year: total,
        supply_t_per_year: supply,
        message: `feed "${feed.id}": the stages use ${fmt(total)} t/year at nameplate (${[...(use.get(feed.id) ?? [])].map(([s, t]) => `${s} ${fmt(t)}`).join(', ')}), above the supply of ${fmt(supply)} t/year; raise the contract or declare extra_supply (where the extra comes from and at what price)`,
      });
    const sup = feed.supplier?.production_t_per_year.value;
    if (sup !== undefined && supply !== undefined && supply > sup * (1 + 1e-9))
      out.push({
        feed_index: i,
        feed_id: feed.id,
        use_t_per_year: supply,
        supply_t_per_year: sup,
        message: `feed "${feed.id}": the contract volume ${fmt(supply)} t/year exceeds the supplier's production ${fmt(sup)} t/year`,
      });
  });
  return out;
}

/**
 * Tonnage above each feed's contract, assigned to the last stage (in scenario order) using it.
 * @param use - {@link feedUseByStage} of the scenario and results.
 */
function extraFeed(
  scenario: Scenario,
  results: readonly StageResult[],
  use: Map<string, Map<string, number>>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const feed of scenario.feeds) {
    const byStage = use.get(feed.id);
    const supply = feed.supply_t_per_year?.value;
    if (!byStage || supply === undefined) continue;
    let excess = [...byStage.values()].reduce((a, b) => a + b, 0) - supply;
    if (excess <= 0) continue;
    if (!feed.extra_supply) {
      const e = supplyExcesses(scenario, results).find((x) => x.feed_id === feed.id);
      throw new InputError(`feeds.${feed.id}.supply_t_per_year`, supply, e?.message ?? '');
    }
    for (const [stage, t] of [...byStage].reverse()) {
      const take = Math.min(t, excess);
      out.set(stage, take);
      excess -= take;
      if (excess <= 0) break;
    }
  }
  return out;
}

/**
 * Take-or-pay: from the contract's start year, the buyer pays for the shortfall of the tonnage
 * taken (every stage using the feed, at its utilisation) below take_or_pay_share × volume, at
 * the contract price; charged to the first stage that uses the feed.
 */
function takeOrPayByStage(
  scenario: Scenario,
  use: Map<string, Map<string, number>>,
  start: number,
  basis: CommercialBasis,
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const rows = scenario.finance.horizon_years.value;
  for (const feed of scenario.feeds) {
    const c = basis.feed(feed.id);
    const byStage = use.get(feed.id);
    if (!byStage || c.take_or_pay_share <= 0 || c.volume_t_per_year === null) continue;
    const buyers = scenario.stages.filter(
      (s) => byStage.has(s.id) && s.flowsheet.template !== 'concentrate-sale',
    );
    const holder = buyers[0];
    if (!holder || !c.usd_per_t_by_row) continue;
    const from = (c.start_year ?? Math.min(...buyers.map((b) => b.start_year))) - start;
    const floor = c.take_or_pay_share * c.volume_t_per_year;
    const tonnes: number[] = [];
    for (const b of buyers) tonnes.push(byStage.get(b.id) ?? 0);
    // pushed (as the tonnes): a plain array stored into `new Array(n)` or built by `map` stays
    // holey in V8, and reads of it box every number
    const usd: number[] = [];
    for (let r = 0; r < rows; r++) {
      let taken = 0;
      for (let k = 0; k < buyers.length; k++)
        taken +=
          (tonnes[k] ?? 0) * utilisationAt(buyers[k] as Scenario['stages'][number], start, r);
      usd.push(r < from ? 0 : Math.max(floor - taken, 0) * (c.usd_per_t_by_row[r] ?? 0));
    }
    out.set(holder.id, usd);
  }
  return out;
}

/**
 * The project calendar and internal transfers (products of one stage consumed by a later one:
 * tonnage and transfer price at the ex-works market price by row), the feed contracts (extra
 * supply, take-or-pay), then each computed stage's economics.
 *
 * @param scenario - The scenario.
 * @param results - Stage results in scenario order, with plant figures and capex filled.
 * @param basis - The commercial basis (prices, tariffs, contracts) on the project calendar.
 * @param only - Id of the one stage wanted (the frame still reads every stage); default all.
 * @param kept - A sampling loop's kept economics of the stages its samples cannot move.
 * @returns Economics of every computed stage with a capex estimate, in scenario order.
 * @throws InputError naming the feed, its use and its supply when the use exceeds the contract.
 */
export function projectStageEconomics(
  scenario: Scenario,
  results: readonly StageResult[],
  basis: CommercialBasis,
  only?: string,
  kept?: KeptStageEconomics,
): StageEconomicsEntry[] {
  const start = basis.start_year;
  const horizon = basis.horizon_years;
  const internal = new Map<string, number>();
  const transfer = new Map<string, ArrayLike<number>>();
  scenario.stages.forEach((stage, i) => {
    const r = results[i];
    if (!r || r.status !== 'computed') return;
    const ref = stage.flowsheet.inputs[primaryPort(stage.flowsheet.template)];
    const m = ref === undefined ? null : /^stage:([^/]+)\/(.+)$/.exec(ref);
    if (!m?.[1] || !m[2]) return;
    const key = `${m[1]}/${m[2]}`;
    const t = feedPerYear(stage, r, operatingHours(stage.availability.value));
    internal.set(key, (internal.get(key) ?? 0) + t);
    const upstream = results[scenario.stages.findIndex((s) => s.id === m[1])];
    const product = upstream?.products.find((p) => p.id === m[2]);
    if (product)
      transfer.set(
        key,
        basis.product(product.id, product.composition_wt_pct ?? {}).ex_works_usd_per_t_by_row,
      );
  });
  const use = feedUseByStage(scenario, results);
  const frame: ProjectFrame = {
    start_year: start,
    horizon_years: horizon,
    internal_use_t_per_year: internal,
    transfer_price_usd_per_t_by_row: transfer,
    extra_feed_t_per_year: extraFeed(scenario, results, use),
    take_or_pay_usd_by_row: takeOrPayByStage(scenario, use, start, basis),
  };
  const out: StageEconomicsEntry[] = [];
  scenario.stages.forEach((stage, i) => {
    const r = results[i];
    if (!r || r.status !== 'computed' || r.capex_usd === null) return;
    if (only !== undefined && stage.id !== only) return;
    const compute = () => stageEconomics(scenario, stage, i, r, frame, basis, kept?.staffing);
    out.push({
      stage: stage.id,
      economics: kept
        ? kept.economics(stage.id, stage.flowsheet.inputs, r, frame, basis, compute)
        : compute(),
    });
  });
  return out;
}

/**
 * @param scenario - The scenario.
 * @param results - Stage results in scenario order, with plant figures and capex filled.
 * @param basis - The commercial basis on the project calendar.
 * @param options - What to compute.
 * @returns Per-stage and combined cash flows with metrics; undefined when no stage is computed.
 */
export function projectEconomics(
  scenario: Scenario,
  results: readonly StageResult[],
  basis: CommercialBasis,
  options: EconomicsOptions,
): ProjectEconomics | undefined {
  const kzt = basis.kzt_per_usd;
  const sponsor = (input: CashflowInput | undefined): SponsorTerms =>
    sponsorTermsOf(scenario, input);
  const stages: StageCashflow[] = projectStageEconomics(scenario, results, basis).map(
    ({ stage, economics }) => {
      const table = buildCashflowTable(economics.input);
      return {
        stage,
        economics,
        table,
        metrics: withMetrics(
          table,
          [economics.input],
          kzt,
          options,
          sourcesAndUses(table),
          stageBreaches(stage, table, economics.input.financing?.covenants),
          sponsor(economics.input),
        ),
      };
    },
  );
  if (stages.length === 0) return undefined;
  let combined = stages[0]?.table as CashflowTable;
  for (const s of stages.slice(1)) combined = combineTables(combined, s.table, 1);
  const metrics =
    stages.length === 1 && stages[0]
      ? stages[0].metrics
      : withMetrics(
          combined,
          stages.map((s) => s.economics.input),
          kzt,
          options,
          addSourcesAndUses(stages.map((s) => s.metrics.sources_uses)),
          stages.flatMap((s) => s.metrics.covenant_breaches),
          sponsor(stages[0]?.economics.input),
        );
  return { stages, combined, metrics, start_year: projectStartYear(scenario) };
}
