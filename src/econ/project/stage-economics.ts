/**
 * The economics of one computed stage: what it buys (feeds, consumables, power, labour), what it
 * sells (products at their quoted basis), and the yearly cash-flow input that places both on the
 * project's calendar (construction, ramp-up, taxes, financing).
 */
import type { StageResult, StageStaffing } from '../../appraisal.js';
import { containedCrWtPct } from '../../chem/contained-cr.js';
import { InputError } from '../../errors.js';
import { operatingHours } from '../../plant/hours.js';
import type { Scenario, Stage } from '../../scenario/schema.js';
import { dataValue } from '../../scenario/data-files.js';
import { filledNumbers, mapNumbers } from '../../numeric/number-array.js';
import type {
  CashflowInput,
  CapexItem,
  OpexItem,
  ProductInput,
  YearlyCost,
} from '../cashflow/types.js';
import { scenarioCbamCostUsd, stageEmissions } from '../../impact/emissions.js';
import { kazakhstan } from '../fiscal/kazakhstan.js';
import { stageOpex, type FeedUse, type ProductSale } from '../opex/stage-opex.js';
import { stageStaffing } from '../opex/staffing.js';
import type { StaffingMemo } from '../opex/staffing-memo.js';
import { stageFinancing } from './stage-financing.js';
import {
  costPathByRow,
  declaredInflation,
  priceLevelByRow,
  realCostIndexByRow,
} from './money-paths.js';
import { offgasPower, type OffgasPower } from '../opex/offgas-power.js';
import type { CommercialBasis, MoneyPaths, PricePoint } from '../commercial/types.js';

/** Where one stage sits in the project and what downstream stages take from it. */
export interface ProjectFrame {
  /** Calendar year of row 0 of every table: the first construction year of the project [a]. */
  start_year: number;
  horizon_years: number;
  /** Tonnes per year of `<stage id>/<product id>` consumed by later stages [t/a]. */
  internal_use_t_per_year: ReadonlyMap<string, number>;
  /** Price by row at which an upstream product is transferred to a later stage (ex-works) [USD/t]. */
  transfer_price_usd_per_t_by_row: ReadonlyMap<string, ArrayLike<number>>;
  /** Feed tonnage of each stage above its contract, bought as declared extra supply [t/a]. */
  extra_feed_t_per_year: ReadonlyMap<string, number>;
  /** Take-or-pay shortfall cost by row charged to the stage that holds the contract [USD]. */
  take_or_pay_usd_by_row: ReadonlyMap<string, number[]>;
}

/**
 * Tonnes per year of a stage's product consumed by later stages [t/a]: 0 without a key built
 * when no stage takes another's product (a fresh key string is hashed on every lookup).
 */
export function internalUse(frame: ProjectFrame, stageId: string, productId: string): number {
  const use = frame.internal_use_t_per_year;
  return use.size === 0 ? 0 : (use.get(`${stageId}/${productId}`) ?? 0);
}

export interface StageEconomics {
  staffing: StageStaffing | null;
  opex: NonNullable<StageResult['opex']>;
  revenue_usd_per_year: number;
  /** Sales by product at nameplate, with price, HS-relevant id and export share. */
  sales: {
    id: string;
    t_per_year: number;
    /** Ex-works price in row 0 [USD/t]. */
    price_usd_per_t: number;
    /** Ex-works price by row [USD/t]. */
    price_usd_per_t_by_row: ArrayLike<number>;
    /** FCA-border value in row 0 (customs value of an export) [USD/t]. */
    fca_border_usd_per_t: number;
    /** Point the quotation was converted from. */
    price_point: PricePoint;
    cr_wt_pct: number;
    /** Tonnes going to later stages of the project (not exported) [t/a]. */
    internal_t_per_year: number;
    export_share: number;
  }[];
  input: CashflowInput;
  /** Purchased feeds of the stage. */
  feeds: FeedUse[];
  /** By-product credits earned (markets.byproduct_credits, off-gas power surplus), as revenue-only products. */
  credits: ProductInput[];
  /** The captive off-gas power plant, when the stage has one. */
  power_plant: OffgasPower | null;
  /** Grid connection of the stage's purchased power: capex and the rows it is spent in. */
  grid_connection: { demand_MW: number; capex_usd: number; first_row: number; rows: number } | null;
  /** Messages about the commercial basis of the stage (e.g. a grid connection that is late). */
  warnings: string[];
}

/**
 * By-product credits (an option): a by-product named in markets.byproduct_credits earns its
 * price per t, or per MWh of its chemical energy (off-gas burnt for power). Revenue only: no
 * production tonnage, sold at home (not exported).
 */
function byproductCredits(scenario: Scenario, stage: Stage, result: StageResult): ProductInput[] {
  const out: ProductInput[] = [];
  for (const credit of scenario.markets.byproduct_credits) {
    const b = result.byproducts.find((x) => x.id === credit.id);
    if (!b) continue;
    if (credit.price_usd_per_t)
      out.push({
        name: `byproduct:${stage.id}/${b.id}`,
        capacity_t_per_year: b.t_per_year,
        price_usd_per_t: credit.price_usd_per_t.value,
        export_share: 0,
        byproduct: true,
      });
    if (credit.price_usd_per_mwh && b.energy_MWh_per_year !== undefined && b.t_per_year > 0)
      out.push({
        // Quantity in t so the engine's t × price holds: price per t = USD/MWh × MWh/t.
        name: `byproduct:${stage.id}/${b.id}:energy`,
        capacity_t_per_year: b.t_per_year,
        price_usd_per_t: (credit.price_usd_per_mwh.value * b.energy_MWh_per_year) / b.t_per_year,
        export_share: 0,
        byproduct: true,
      });
  }
  return out;
}

/**
 * The CBAM charge on the stage's EU exports, row by row, when impact.cbam_in_cashflow is set:
 * q_EU(t) × direct emissions per t × CBAM share(year) × (ETS − origin price) ÷ EUR/USD.
 */
function cbamCost(
  scenario: Scenario,
  stage: Stage,
  result: StageResult,
  frame: ProjectFrame,
  sales: StageEconomics['sales'],
): YearlyCost | null {
  const main = result.products[0];
  if (!main || main.t_per_year <= 0) return null;
  const direct = stageEmissions(result, 0).scope1 / main.t_per_year;
  const first = stage.start_year - frame.start_year;
  const ramp = (stage.ramp_up ?? []).map((r) => r.value);
  const usd: number[] = [];
  for (let t = 0; t < frame.horizon_years; t++) {
    const u = t < first ? 0 : (ramp[t - first] ?? 1);
    let cost = 0;
    for (const s of sales)
      cost += scenarioCbamCostUsd(
        scenario,
        s.id,
        frame.start_year + t,
        (s.t_per_year - s.internal_t_per_year) * u * s.export_share,
        direct,
      );
    usd.push(cost);
  }
  return usd.some((v) => v > 0) ? { name: 'cbam', usd_by_row: usd } : null;
}

/**
 * Feed consumed by a stage at nameplate [t/a], from the template's feed KPI.
 */
export function feedPerYear(stage: Stage, result: StageResult, hours: number): number {
  const k = result.kpis;
  if (k.feed_t_per_h !== undefined) return k.feed_t_per_h * hours;
  const main = result.products[0];
  const perT = k.feed_t_per_t ?? k.ore_t_per_t;
  if (perT !== undefined && main) return perT * main.t_per_year;
  throw new InputError(
    `stages.${stage.id}`,
    stage.flowsheet.template,
    'a template that reports its feed rate (kpi feed_t_per_h, feed_t_per_t or ore_t_per_t)',
  );
}

function feedUses(
  stage: Stage,
  result: StageResult,
  frame: ProjectFrame,
  basis: CommercialBasis,
): FeedUse[] {
  if (result.template === 'concentrate-sale') return [];
  const hours = operatingHours(stage.availability.value);
  const inputs = stage.flowsheet.inputs;
  // A template uses one port; stages wired to several (the Cr-metal routes) take the first one
  // that the template's feed KPI refers to: the port whose source is actually consumed.
  const primary = primaryPort(stage.flowsheet.template);
  const port = inputs[primary] !== undefined ? primary : Object.keys(inputs)[0];
  const ref = port === undefined ? undefined : inputs[port];
  if (port === undefined || ref === undefined) return [];
  const t = feedPerYear(stage, result, hours);
  if (ref.startsWith('feed:')) {
    const c = basis.feed(ref.slice(5));
    if (!c.usd_per_t_by_row)
      throw new InputError(
        `feeds.${c.feed_id}.price_usd_per_t`,
        undefined,
        `a price for feed "${c.feed_id}", which stage "${stage.id}" consumes (price_usd_per_t, or contract.price: market; use the mining cost for an own-mined ore)`,
      );
    const extra = frame.extra_feed_t_per_year.get(stage.id) ?? 0;
    const uses: FeedUse[] = [
      {
        ref,
        t_per_year: t - extra,
        price_usd_per_t: c.usd_per_t_by_row[0] ?? NaN,
        // the basis's plain copy, shared by every sample (its opex line's JSON path)
        price_usd_per_t_by_row: basis.plainRows(c.usd_per_t_by_row),
        source: c.price_source,
      },
    ];
    if (extra > 0 && c.extra)
      uses.push({
        ref: `${ref}:extra`,
        t_per_year: extra,
        price_usd_per_t: c.extra.usd_per_t,
        source: `feeds.${c.feed_id}.extra_supply: ${c.extra.from}`,
      });
    return uses;
  }
  const transfer = frame.transfer_price_usd_per_t_by_row.get(ref.slice('stage:'.length));
  if (transfer === undefined)
    throw new InputError(
      `stages.${stage.id}.flowsheet.inputs.${port}`,
      ref,
      'the product of an earlier computed stage',
    );
  return [
    {
      ref,
      t_per_year: t,
      price_usd_per_t: transfer[0] ?? NaN,
      price_usd_per_t_by_row: transfer,
      source: `transfer at the ex-works market price of ${ref.slice('stage:'.length)} (opportunity cost of not selling it)`,
    },
  ];
}

/** The input port a template consumes (the others may be wired for route switching). */
export function primaryPort(template: string): string {
  if (template === 'cr-electrolytic') return 'ferrochrome';
  if (template === 'cr-aluminothermic-oxide') return 'oxide';
  if (template === 'kempirsai-concentrator') return 'feed';
  return 'chromite';
}

/** Labour, cost and staffing of a concentrate sale: the mine and concentrator that produce it. */
function mineOpex(
  scenario: Scenario,
  stage: Stage,
  result: StageResult,
  basis: CommercialBasis,
  opex: NonNullable<StageResult['opex']>,
  crT: number,
): StageStaffing | null {
  const ref = stage.flowsheet.inputs.feed ?? '';
  const supplier = ref.startsWith('feed:') ? basis.feed(ref.slice(5)).supplier : null;
  const fallback = dataValue('econ/opex-defaults#concentrate_cash_cost_usd_per_t');
  const cost = supplier?.cash_cost_usd_per_t ?? fallback.value;
  const costSource = supplier
    ? `feeds.${ref.slice(5)}.supplier.cash_cost_usd_per_t: ${supplier.cash_cost_source}`
    : `data/econ/opex-defaults.json#concentrate_cash_cost_usd_per_t: ${fallback.source}`;
  const t = result.products[0]?.t_per_year ?? 0;
  const jobs = supplier ? Math.round((supplier.jobs_per_kt * t) / 1000) : 0;
  const wageKzt = scenario.markets.labour.average_wage_kzt_per_month.value;
  // KZT/month × 12 months ÷ KZT/USD = USD/year per person
  const wages = (jobs * wageKzt * 12) / basis.kzt_per_usd;
  if (wages > cost * t)
    throw new InputError(
      `feeds.${ref.slice(5)}.supplier.jobs_per_kt`,
      supplier?.jobs_per_kt,
      `a workforce whose wages (USD ${(wages / 1e6).toFixed(1)} M/a) fit in the cash cost (USD ${((cost * t) / 1e6).toFixed(1)} M/a)`,
    );
  opex.lines.unshift({
    id: 'concentrate-production',
    category: 'feed',
    quantity_per_year: t,
    unit: 't',
    unit_price_usd: cost - (t > 0 ? wages / t : 0),
    cost_usd_per_year: cost * t - wages,
    variable: true,
    source: `${costSource}, less the wages of its workforce (labour line)`,
  });
  let staffing: StageStaffing | null = null;
  if (jobs > 0) {
    opex.lines.splice(1, 0, {
      id: 'labour',
      category: 'labour',
      quantity_per_year: jobs,
      unit: 'person',
      unit_price_usd: wages / jobs,
      cost_usd_per_year: wages,
      variable: false,
      source: `${supplier?.jobs_per_kt ?? 0} jobs per kt/a (${supplier?.jobs_source ?? ''}) × markets.labour.average_wage_kzt_per_month`,
    });
    staffing = {
      positions: [
        {
          role: 'Mine and concentrator (average of the Donskoy complex)',
          per_shift: jobs,
          crews: 1,
          headcount: jobs,
          wage_kzt_per_month: wageKzt,
          source: supplier?.jobs_source ?? '',
        },
      ],
      direct_jobs: jobs,
      wages_usd_per_year: wages,
    };
  }
  opex.total_usd_per_year += t * cost;
  opex.cash_cost_usd_per_t = t > 0 ? opex.total_usd_per_year / t : 0;
  opex.cash_cost_usd_per_t_cr = crT > 0 ? opex.total_usd_per_year / crT : null;
  return staffing;
}

/** Utilisation of a stage in row `t`: 0 before production, the ramp-up, then 1 [-]. */
export function utilisationAt(stage: Stage, start: number, t: number): number {
  const first = stage.start_year - start;
  return t < first ? 0 : (stage.ramp_up?.[t - first]?.value ?? 1);
}

/**
 * The grid connection of the stage's purchased power: USD/MW × peak demand, spent over the
 * connection's lead time before the first production year (from row 0 at the earliest).
 */
function gridConnection(
  stage: Stage,
  purchased_MWh: number,
  frame: ProjectFrame,
  basis: CommercialBasis,
  warnings: string[],
): StageEconomics['grid_connection'] {
  const e = basis.electricity;
  const demand = purchased_MWh / operatingHours(stage.availability.value);
  const capex = demand * e.grid_connection_capex_usd_per_mw;
  if (!(capex > 0)) return null;
  const first = stage.start_year - frame.start_year;
  const lead = Math.max(e.grid_connection_lead_time_years, 1);
  const from = first - lead;
  if (e.grid_connection_lead_time_years > stage.construction_years)
    warnings.push(
      `the grid connection takes ${e.grid_connection_lead_time_years} years (markets.electricity.grid_connection_lead_time_years), construction ${stage.construction_years}: it must be ordered in ${stage.start_year - e.grid_connection_lead_time_years}, before construction starts`,
    );
  if (from < 0)
    warnings.push(
      `the grid connection cannot be energised by ${stage.start_year}: ordered in the first project year ${frame.start_year} it is ready in ${frame.start_year + e.grid_connection_lead_time_years}`,
    );
  const start = Math.max(from, 0);
  return {
    demand_MW: demand,
    capex_usd: capex,
    first_row: start,
    rows: Math.max(first - start, 1),
  };
}

/**
 * Economics of one stage whose flowsheet was computed (or the concentrate sale).
 *
 * @param scenario - The scenario (finance, labour, consumables, impact settings).
 * @param stage - The stage.
 * @param stageIndex - Its index in `scenario.stages` (for error paths).
 * @param result - The stage's plant result with `capex_usd` set.
 * @param frame - Project calendar and internal transfers.
 * @param basis - Prices, tariffs, contracts and logistics (the commercial basis).
 * @param memo - A sampling loop's kept staffing (default: staffing computed afresh).
 */
export function stageEconomics(
  scenario: Scenario,
  stage: Stage,
  stageIndex: number,
  result: StageResult,
  frame: ProjectFrame,
  basis: CommercialBasis,
  memo?: StaffingMemo,
): StageEconomics {
  const capex = result.capex_usd ?? 0;
  const fx = basis.kzt_per_usd;
  const isSale = result.template === 'concentrate-sale';
  const warnings: string[] = [];
  const capacity = stage.capacity_t_per_year.value;
  const wage = scenario.markets.labour.average_wage_kzt_per_month.value;
  // the capex lines are the designed units as staffing reads them (kind, count)
  const units = result.capex?.units;
  let staffing =
    (memo
      ? memo.staffing(result.template, capacity, wage, fx, units)
      : stageStaffing(result.template, capacity, wage, fx, units)) ?? null;
  const feeds = feedUses(stage, result, frame, basis);
  const sales: StageEconomics['sales'] = [];
  const productSales: ProductSale[] = [];
  let crT = 0;
  let revenue = 0;
  for (const p of result.products) {
    const cr = containedCrWtPct(p.composition_wt_pct ?? {});
    const priced = basis.product(p.id, p.composition_wt_pct ?? {});
    const internal = internalUse(frame, stage.id, p.id);
    sales.push({
      id: p.id,
      t_per_year: p.t_per_year,
      price_usd_per_t: priced.ex_works_usd_per_t,
      price_usd_per_t_by_row: priced.ex_works_usd_per_t_by_row,
      fca_border_usd_per_t: priced.fca_border_usd_per_t,
      price_point: priced.price_point,
      cr_wt_pct: cr,
      internal_t_per_year: internal,
      export_share: priced.export_share,
    });
    productSales.push({ id: p.id, t_per_year: p.t_per_year - internal });
    crT += (p.t_per_year * cr) / 100;
    revenue += p.t_per_year * priced.ex_works_usd_per_t;
  }
  const power = stage.power_plant
    ? offgasPower(result, stage.power_plant.offgas_efficiency.value)
    : null;
  if (stage.power_plant && scenario.markets.byproduct_credits.some((c) => c.id === 'off-gas'))
    throw new InputError(
      'markets.byproduct_credits',
      'off-gas',
      `no off-gas credit while stage "${stage.id}" burns its off-gas in a power plant (it would be counted twice)`,
    );
  const e = basis.electricity;
  const opex = stageOpex({
    scenario,
    stage,
    stageIndex,
    electricity: {
      usd_per_mwh: e.usd_per_mwh_by_row[0] ?? NaN,
      usd_per_mwh_by_row: basis.plainRows(e.usd_per_mwh_by_row),
      own_use_MWh_per_year: power?.own_use_MWh_per_year ?? 0,
      source: e.source,
    },
    consumptions: result.consumptions,
    feeds,
    products: productSales,
    capex_usd: capex,
    staffing,
    product_cr_t_per_year: crT,
  });
  if (isSale) staffing = mineOpex(scenario, stage, result, basis, opex, crT) ?? staffing;
  const credits = byproductCredits(scenario, stage, result);
  if (power && power.surplus_MWh_per_year > 0)
    credits.push({
      // Quantity in MWh so that the engine's quantity × price holds.
      name: `byproduct:${stage.id}/power-surplus`,
      capacity_t_per_year: power.surplus_MWh_per_year,
      price_usd_per_t: e.usd_per_mwh_by_row[0] ?? NaN,
      price_usd_per_t_by_row: e.usd_per_mwh_by_row,
      export_share: 0,
      byproduct: true,
    });
  for (const c of credits) revenue += c.capacity_t_per_year * c.price_usd_per_t;
  const cbam = scenario.impact.cbam_in_cashflow
    ? cbamCost(scenario, stage, result, frame, sales)
    : null;
  const purchased = opex.lines.find((l) => l.id === 'electricity')?.quantity_per_year ?? 0;
  const grid = gridConnection(stage, purchased, frame, basis, warnings);
  const input = cashflowInput(
    scenario,
    stage,
    result,
    frame,
    moneyPaths(basis, frame),
    basis,
    sales,
    opex.lines,
    capex,
    isSale,
  );
  if (grid)
    input.capex.push({
      name: `${stage.id}: grid connection`,
      amount_usd: grid.capex_usd,
      phasing: filledNumbers(grid.rows, 1 / grid.rows),
      start_index: grid.first_row,
      depreciation_group: 'machinery',
    });
  input.products.push(...credits);
  const yearly = [cbam, takeOrPay(stage, frame)].filter((y): y is YearlyCost => y !== null);
  if (yearly.length > 0) input.yearly_costs = yearly;
  return {
    staffing,
    opex,
    revenue_usd_per_year: revenue,
    sales,
    input,
    feeds,
    credits,
    power_plant: power,
    grid_connection: grid,
    warnings,
  };
}

function takeOrPay(stage: Stage, frame: ProjectFrame): YearlyCost | null {
  const usd = frame.take_or_pay_usd_by_row.get(stage.id);
  return usd && usd.some((v) => v > 0) ? { name: 'take-or-pay shortfall', usd_by_row: usd } : null;
}

/**
 * The money paths of the frame's calendar: the basis's (built once per basis) when it spans the
 * same rows, else computed for this frame (same functions, same numbers).
 */
function moneyPaths(basis: CommercialBasis, frame: ProjectFrame): MoneyPaths {
  if (basis.start_year === frame.start_year && basis.horizon_years === frame.horizon_years)
    return basis.money;
  const realCostIndex = (pct: number, baseYear: number): Float64Array =>
    realCostIndexByRow(pct, baseYear, frame.start_year, frame.horizon_years);
  return {
    usdPriceLevelByRow: (baseYear) =>
      priceLevelByRow(
        (y) => declaredInflation('usd', y),
        baseYear,
        frame.start_year,
        frame.horizon_years,
      ),
    realCostIndexByRow: realCostIndex,
    costPathByRow: (pct, baseYear, price) => costPathByRow(realCostIndex(pct, baseYear), price),
  };
}

function cashflowInput(
  scenario: Scenario,
  stage: Stage,
  result: StageResult,
  frame: ProjectFrame,
  money: MoneyPaths,
  basis: CommercialBasis,
  sales: StageEconomics['sales'],
  lines: NonNullable<StageResult['opex']>['lines'],
  capex: number,
  isSale: boolean,
): CashflowInput {
  const f = scenario.finance;
  const first = stage.start_year - frame.start_year;
  const financing = stageFinancing(stage.id, stage.financing, f.financing);
  const build = first - stage.construction_years;
  if (build < 0 || first >= frame.horizon_years)
    throw new InputError(
      `stages.${stage.id}.start_year`,
      stage.start_year,
      `a start year inside the appraisal horizon ${frame.start_year}–${frame.start_year + frame.horizon_years - 1}`,
    );
  const capexItems: CapexItem[] = [];
  if (capex > 0) {
    const phasingUsd = result.capex?.phasing_usd ?? [capex];
    const phasing = mapNumbers(phasingUsd, (v) => v / capex);
    const buildings = dataValue('econ/opex-defaults#buildings_share_of_capex').value / 100;
    capexItems.push(
      {
        name: `${stage.id}: buildings`,
        amount_usd: capex * buildings,
        phasing,
        start_index: Math.max(build, 0),
        depreciation_group: 'buildings',
      },
      {
        name: `${stage.id}: plant and equipment`,
        amount_usd: capex * (1 - buildings),
        phasing,
        start_index: Math.max(build, 0),
        depreciation_group: 'machinery',
      },
    );
    const dev = stage.development_years ?? 0;
    if (dev > 0 && stage.development_cost_pct_of_capex.value > 0)
      capexItems.push({
        name: `${stage.id}: development (feasibility, EIA, permits)`,
        amount_usd: (capex * stage.development_cost_pct_of_capex.value) / 100,
        phasing: filledNumbers(dev, 1 / dev),
        start_index: build - dev,
        depreciation_group: 'other',
        development: true,
      });
  }
  const products: ProductInput[] = sales.map((s) => ({
    name: s.id,
    capacity_t_per_year: s.t_per_year,
    price_usd_per_t: s.price_usd_per_t,
    price_usd_per_t_by_row: s.price_usd_per_t_by_row,
    cr_mass_fraction: s.cr_wt_pct / 100,
    export_share:
      s.t_per_year > 0
        ? (s.export_share * (s.t_per_year - s.internal_t_per_year)) / s.t_per_year
        : 0,
  }));
  const baseYear = scenario.site.base_year;
  // optional keys stored one by one (not spread from small objects: one allocation per line)
  const opex: OpexItem[] = lines.map((l) => {
    const item: OpexItem = {
      name: l.id,
      quantity_per_year: l.quantity_per_year,
      unit: l.unit,
      unit_price_usd: l.unit_price_usd,
      variable: l.variable,
    };
    const path = opexPricePath(l, f.cost_indices, baseYear, money, basis);
    if (path !== undefined) item.unit_price_usd_by_row = path;
    if (l.category === 'labour') {
      item.is_wages = true;
      item.vat_applicable = false;
    }
    return item;
  });
  const sale = sales[0];
  // optional keys stored after the literals, not spread into them (a spread copies)
  const fiscal: CashflowInput['fiscal'] = { regime: kazakhstan };
  if (f.fiscal.priority_project && !isSale) fiscal.preferences = kazakhstan.maxPreferences;
  if (isSale && sale) {
    // MET falls on the miner: inside the boundary only for the concentrate seller.
    fiscal.mining_inside_boundary = true;
    fiscal.extracted_mineral_value_usd_per_year = sale.t_per_year * sale.price_usd_per_t;
    fiscal.extracted_mineral_value_usd_per_year_by_row = Array.from(
      sale.price_usd_per_t_by_row,
      (p) => p * sale.t_per_year,
    );
  }
  const input: CashflowInput = {
    start_year: frame.start_year,
    horizon_years: frame.horizon_years,
    discount_rate: f.discount_rate.value,
    basis: f.analysis,
    inflation_rate: f.inflation_rate.value,
    capex: capexItems,
    operation: { first_index: first, ramp_up: mapNumbers(stage.ramp_up ?? [], (r) => r.value) },
    products,
    opex,
    working_capital: {
      receivable_days: f.working_capital.receivable_days.value,
      inventory_days: f.working_capital.inventory_days.value,
      payable_days: f.working_capital.payable_days.value,
    },
    depreciation: { method: f.depreciation },
    fiscal,
    closure_cost_usd: (capex * f.closure_cost_pct_of_capex.value) / 100,
  };
  if (f.inflation === 'declared') input.price_index_by_row = money.usdPriceLevelByRow(baseYear);
  if (financing !== undefined && capex > 0) input.financing = financing;
  return input;
}

/** Reductants (carbon and electrodes) follow data/finance/cost-indices.json#reductants_…. */
const REDUCTANTS: ReadonlySet<string> = new Set([
  'coke',
  'coal',
  'char',
  'anthracite',
  'electrode-paste',
  'graphite-electrode',
]);

function isReductant(id: string): boolean {
  return REDUCTANTS.has(id);
}

/**
 * The price path of an opex line [USD/unit by row]: its own (price deck, tariff path) when it
 * has one, else its base price times the real index of its cost kind (wages, reductants, other
 * consumables: finance.cost_indices); maintenance, insurance and overhead stay flat in real terms
 * (undefined: no path).
 */
function opexPricePath(
  l: NonNullable<StageResult['opex']>['lines'][number],
  indices: Scenario['finance']['cost_indices'],
  baseYear: number,
  money: MoneyPaths,
  basis: CommercialBasis,
): ArrayLike<number> | undefined {
  // the basis's typed path when the line's is its plain copy (the engine reads typed paths)
  if (l.price_by_row) return basis.typedRows(l.price_by_row) ?? l.price_by_row;
  const pct =
    l.category === 'labour'
      ? indices.labour_real_growth_pct_per_year.value
      : l.category === 'consumable'
        ? isReductant(l.id)
          ? indices.reductants_real_escalation_pct_per_year.value
          : indices.consumables_real_escalation_pct_per_year.value
        : 0;
  if (pct === 0) return undefined;
  // shared with every line and sample of the same rate, base year and price (read only)
  return money.costPathByRow(pct, baseYear, l.unit_price_usd);
}
