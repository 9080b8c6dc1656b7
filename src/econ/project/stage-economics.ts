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
import { productPrice } from '../revenue/product-price.js';

/** Where one stage sits in the project and what downstream stages take from it. */
export interface ProjectFrame {
  /** Calendar year of row 0 of every table: the first construction year of the project [a]. */
  start_year: number;
  horizon_years: number;
  /** Tonnes per year of `<stage id>/<product id>` consumed by later stages [t/a]. */
  internal_use_t_per_year: ReadonlyMap<string, number>;
  /** Price at which an upstream product is transferred to a later stage [USD/t]. */
  transfer_price_usd_per_t: ReadonlyMap<string, number>;
}

export interface StageEconomics {
  staffing: StageStaffing | null;
  opex: NonNullable<StageResult['opex']>;
  revenue_usd_per_year: number;
  /** Sales by product at nameplate, with price, HS-relevant id and export share. */
  sales: {
    id: string;
    t_per_year: number;
    price_usd_per_t: number;
    cr_wt_pct: number;
    /** Tonnes going to later stages of the project (not exported) [t/a]. */
    internal_t_per_year: number;
    export_share: number;
  }[];
  input: CashflowInput;
  /** Purchased feeds of the stage. */
  feeds: FeedUse[];
  /** By-product credits earned (markets.byproduct_credits), as revenue-only products. */
  credits: ProductInput[];
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
  scenario: Scenario,
  stage: Stage,
  result: StageResult,
  frame: ProjectFrame,
): FeedUse[] {
  if (result.template === 'concentrate-sale') return [];
  const hours = operatingHours(stage.availability.value);
  const refs = Object.entries(stage.flowsheet.inputs);
  // A template uses one port; stages wired to several (the Cr-metal routes) take the first one
  // that the template's feed KPI refers to: the port whose source is actually consumed.
  const used = refs.find(([port]) => port === primaryPort(stage.flowsheet.template)) ?? refs[0];
  if (!used) return [];
  const [port, ref] = used;
  const t = feedPerYear(stage, result, hours);
  if (ref.startsWith('feed:')) {
    const i = scenario.feeds.findIndex((f) => f.id === ref.slice(5));
    const feed = scenario.feeds[i];
    if (!feed)
      throw new InputError(`stages.${stage.id}.flowsheet.inputs.${port}`, ref, 'a feed id');
    if (!feed.price_usd_per_t)
      throw new InputError(
        `feeds[${i}].price_usd_per_t`,
        undefined,
        `a price for feed "${feed.id}", which stage "${stage.id}" consumes (use the mining cost for an own-mined ore)`,
      );
    return [
      {
        ref,
        t_per_year: t,
        price_usd_per_t: feed.price_usd_per_t.value,
        source: `feeds.${feed.id}.price_usd_per_t: ${feed.price_usd_per_t.source}`,
      },
    ];
  }
  const transfer = frame.transfer_price_usd_per_t.get(ref.slice('stage:'.length));
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
      price_usd_per_t: transfer,
      source: `transfer at the market price of ${ref.slice('stage:'.length)} (opportunity cost of not selling it)`,
    },
  ];
}

/** The input port a template consumes (the others may be wired for route switching). */
export function primaryPort(template: string): string {
  if (template === 'cr-electrolytic') return 'ferrochrome';
  if (template === 'kempirsai-concentrator') return 'feed';
  return 'chromite';
}

/**
 * Economics of one stage whose flowsheet was computed (or the concentrate sale).
 *
 * @param scenario - The scenario.
 * @param stage - The stage.
 * @param stageIndex - Its index in `scenario.stages` (for error paths).
 * @param result - The stage's plant result with `capex_usd` set.
 * @param frame - Project calendar and internal transfers.
 */
export function stageEconomics(
  scenario: Scenario,
  stage: Stage,
  stageIndex: number,
  result: StageResult,
  frame: ProjectFrame,
): StageEconomics {
  const capex = result.capex_usd ?? 0;
  const fx = scenario.markets.fx.kzt_per_usd.value;
  const staffing =
    stageStaffing(
      result.template,
      stage.capacity_t_per_year.value,
      scenario.markets.labour.average_wage_kzt_per_month.value,
      fx,
    ) ?? null;
  const feeds = feedUses(scenario, stage, result, frame);
  const sales: StageEconomics['sales'] = [];
  const productSales: ProductSale[] = [];
  let crT = 0;
  let revenue = 0;
  for (const p of result.products) {
    const cr = containedCrWtPct(p.composition_wt_pct ?? {});
    const price = productPrice(scenario, p.id, cr);
    const internal = frame.internal_use_t_per_year.get(`${stage.id}/${p.id}`) ?? 0;
    sales.push({
      id: p.id,
      t_per_year: p.t_per_year,
      price_usd_per_t: price.price_usd_per_t,
      cr_wt_pct: cr,
      internal_t_per_year: internal,
      export_share: price.export_share,
    });
    // Internal transfers are not shipped to the market: no logistics on them.
    productSales.push({
      id: p.id,
      t_per_year: p.t_per_year - internal,
      logistics_usd_per_t: price.logistics_usd_per_t,
      logistics_source: `markets.products.${p.id}.logistics_usd_per_t`,
    });
    crT += (p.t_per_year * cr) / 100;
    revenue += p.t_per_year * price.price_usd_per_t;
  }
  const opex = stageOpex({
    scenario,
    stage,
    stageIndex,
    consumptions: result.consumptions,
    feeds,
    products: productSales,
    capex_usd: capex,
    staffing,
    product_cr_t_per_year: crT,
  });
  const isSale = result.template === 'concentrate-sale';
  if (isSale) {
    // The seller mines and beneficiates the concentrate it exports (the raw-export baseline).
    const cost = dataValue('econ/opex-defaults#concentrate_cash_cost_usd_per_t');
    const t = result.products[0]?.t_per_year ?? 0;
    opex.lines.unshift({
      id: 'concentrate-production',
      category: 'feed',
      quantity_per_year: t,
      unit: 't',
      unit_price_usd: cost.value,
      cost_usd_per_year: t * cost.value,
      variable: true,
      source: `data/econ/opex-defaults.json#concentrate_cash_cost_usd_per_t: ${cost.source}`,
    });
    opex.total_usd_per_year += t * cost.value;
    opex.cash_cost_usd_per_t = t > 0 ? opex.total_usd_per_year / t : 0;
    opex.cash_cost_usd_per_t_cr = crT > 0 ? opex.total_usd_per_year / crT : null;
  }
  const credits = byproductCredits(scenario, stage, result);
  for (const c of credits) revenue += c.capacity_t_per_year * c.price_usd_per_t;
  const cbam = scenario.impact.cbam_in_cashflow
    ? cbamCost(scenario, stage, result, frame, sales)
    : null;
  const input = cashflowInput(scenario, stage, result, frame, sales, opex.lines, capex, isSale);
  input.products.push(...credits);
  if (cbam) input.yearly_costs = [cbam];
  return { staffing, opex, revenue_usd_per_year: revenue, sales, input, feeds, credits };
}

function cashflowInput(
  scenario: Scenario,
  stage: Stage,
  result: StageResult,
  frame: ProjectFrame,
  sales: StageEconomics['sales'],
  lines: NonNullable<StageResult['opex']>['lines'],
  capex: number,
  isSale: boolean,
): CashflowInput {
  const f = scenario.finance;
  const first = stage.start_year - frame.start_year;
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
    const phasing = phasingUsd.map((v) => v / capex);
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
  }
  const products: ProductInput[] = sales.map((s) => ({
    name: s.id,
    capacity_t_per_year: s.t_per_year,
    price_usd_per_t: s.price_usd_per_t,
    cr_mass_fraction: s.cr_wt_pct / 100,
    export_share:
      s.t_per_year > 0
        ? (s.export_share * (s.t_per_year - s.internal_t_per_year)) / s.t_per_year
        : 0,
  }));
  const opex: OpexItem[] = lines.map((l) => ({
    name: l.id,
    quantity_per_year: l.quantity_per_year,
    unit: l.unit,
    unit_price_usd: l.unit_price_usd,
    variable: l.variable,
    ...(l.category === 'labour' ? { is_wages: true, vat_applicable: false } : {}),
  }));
  const sale = sales[0];
  return {
    start_year: frame.start_year,
    horizon_years: frame.horizon_years,
    discount_rate: f.discount_rate.value,
    basis: f.analysis,
    inflation_rate: f.inflation_rate.value,
    capex: capexItems,
    operation: { first_index: first, ramp_up: (stage.ramp_up ?? []).map((r) => r.value) },
    products,
    opex,
    working_capital: {
      receivable_days: f.working_capital.receivable_days.value,
      inventory_days: f.working_capital.inventory_days.value,
      payable_days: f.working_capital.payable_days.value,
    },
    depreciation: { method: f.depreciation },
    fiscal: {
      regime: kazakhstan,
      ...(f.fiscal.priority_project && !isSale ? { preferences: kazakhstan.maxPreferences } : {}),
      ...(isSale && sale
        ? {
            // MET falls on the miner: inside the boundary only for the concentrate seller.
            mining_inside_boundary: true,
            extracted_mineral_value_usd_per_year: sale.t_per_year * sale.price_usd_per_t,
          }
        : {}),
    },
    ...(f.financing && capex > 0
      ? {
          financing: {
            debt_share: f.financing.debt_share.value,
            interest_rate: f.financing.interest_rate.value,
            tenor_years: f.financing.tenor_years,
            grace_years: f.financing.grace_years,
            repayment: f.financing.repayment,
            ...(f.financing.target_dscr ? { target_dscr: f.financing.target_dscr.value } : {}),
          },
        }
      : {}),
    closure_cost_usd: (capex * f.closure_cost_pct_of_capex.value) / 100,
  };
}
