/**
 * Economics of the whole project: every computed stage on one calendar, each stage's own cash
 * flow (the first stage standalone, later stages as increments with their own start year and
 * capex), the combined cash flow, metrics and break-evens.
 */
import type { AppraisalMetrics, StageResult } from '../../appraisal.js';
import { containedCrWtPct } from '../../chem/contained-cr.js';
import { operatingHours } from '../../plant/hours.js';
import type { Scenario } from '../../scenario/schema.js';
import { solveBreakEven } from '../cashflow/break-even.js';
import { buildCashflowTable } from '../cashflow/build-cashflow-table.js';
import { cashflowMetrics } from '../cashflow/cashflow-metrics.js';
import { combineTables } from '../cashflow/combine-tables.js';
import type { CashflowInput, CashflowTable } from '../cashflow/types.js';
import { npv } from '../metrics/npv.js';
import { productPrice } from '../revenue/product-price.js';
import {
  feedPerYear,
  primaryPort,
  stageEconomics,
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

/** First construction year of the project: row 0 of every table. */
export function projectStartYear(scenario: Scenario): number {
  let y = Infinity;
  for (const s of scenario.stages) y = Math.min(y, s.start_year - s.construction_years);
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

function withMetrics(
  table: CashflowTable,
  inputs: readonly CashflowInput[],
  kztPerUsd: number,
  options: EconomicsOptions,
): AppraisalMetrics {
  const m = cashflowMetrics(table);
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
                p.name === product ? { ...p, price_usd_per_t: x } : p,
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
                o.name === 'electricity' ? { ...o, unit_price_usd: usdPerMwh } : o,
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
    basis: table.basis,
    breakeven_price_usd_per_t: price,
    breakeven_tariff_kzt_per_kwh: tariff,
    breakeven_reasons: reasons,
  };
}

/** Each computed stage's economics on the project calendar (the inputs of its cash flow). */
export interface StageEconomicsEntry {
  stage: string;
  economics: StageEconomics;
}

/**
 * The project calendar and internal transfers (products of one stage consumed by a later one:
 * tonnage and transfer price at market), then each computed stage's economics.
 *
 * @param scenario - The scenario.
 * @param results - Stage results in scenario order, with plant figures and capex filled.
 * @returns Economics of every computed stage with a capex estimate, in scenario order.
 */
export function projectStageEconomics(
  scenario: Scenario,
  results: readonly StageResult[],
): StageEconomicsEntry[] {
  const start = projectStartYear(scenario);
  const horizon = scenario.finance.horizon_years.value;
  const internal = new Map<string, number>();
  const transfer = new Map<string, number>();
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
        productPrice(scenario, product.id, containedCrWtPct(product.composition_wt_pct ?? {}))
          .price_usd_per_t,
      );
  });
  const frame = {
    start_year: start,
    horizon_years: horizon,
    internal_use_t_per_year: internal,
    transfer_price_usd_per_t: transfer,
  };
  const out: StageEconomicsEntry[] = [];
  scenario.stages.forEach((stage, i) => {
    const r = results[i];
    if (!r || r.status !== 'computed' || r.capex_usd === null) return;
    out.push({ stage: stage.id, economics: stageEconomics(scenario, stage, i, r, frame) });
  });
  return out;
}

/**
 * @param scenario - The scenario.
 * @param results - Stage results in scenario order, with plant figures and capex filled.
 * @param options - What to compute.
 * @returns Per-stage and combined cash flows with metrics; undefined when no stage is computed.
 */
export function projectEconomics(
  scenario: Scenario,
  results: readonly StageResult[],
  options: EconomicsOptions,
): ProjectEconomics | undefined {
  const kzt = scenario.markets.fx.kzt_per_usd.value;
  const stages: StageCashflow[] = projectStageEconomics(scenario, results).map(
    ({ stage, economics }) => {
      const table = buildCashflowTable(economics.input);
      return {
        stage,
        economics,
        table,
        metrics: withMetrics(table, [economics.input], kzt, options),
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
        );
  return { stages, combined, metrics, start_year: projectStartYear(scenario) };
}
