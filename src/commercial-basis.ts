/**
 * Builds the {@link CommercialBasis} of a scenario once, at the appraise layer: product prices
 * at their quotation basis and point, moved along the price deck and converted to ex-works by
 * row; the electricity tariff path; the feed supply contracts with their suppliers. Economics
 * and impact read prices only from it (src/econ/commercial/types.ts).
 */
import { containedCrWtPct } from './chem/contained-cr.js';
import { deckByRow } from './econ/commercial/price-deck.js';
import { gradedConcentratePrice_usd_per_dmt } from './econ/commercial/concentrate-formula.js';
import { gateValues, valuesAtPoints, type RouteLegs } from './econ/commercial/price-points.js';
import type {
  CommercialBasis,
  FeedContract,
  MoneyPaths,
  PricePoint,
  PricedStream,
} from './econ/commercial/types.js';
import { marketResponse, type MarketResponse } from './econ/commercial/market-response.js';
import { LB_PER_T } from './econ/revenue/price-basis.js';
import {
  costPathByRow,
  declaredInflation,
  priceLevelByRow,
  realCostIndexByRow,
} from './econ/project/money-paths.js';
import { numberArray } from './numeric/number-array.js';
import { InputError } from './errors.js';
import { DECK_LONG_TERM_KEYS } from './scenario/commercial-schema.js';
import { templateInfo } from './scenario/template-catalogue.js';
import { quoteKey } from './scenario/commercial-semantics.js';
import { dataValue, type DataRef } from './scenario/data-files.js';
import type { Feed, Scenario } from './scenario/schema.js';

/**
 * Sampled price paths by series (product id or `electricity`): multipliers by row of the
 * deck's median path (or the tariff path), exp of the log-OU deviation from the median.
 */
export type PathOverrides = ReadonlyMap<string, ArrayLike<number>>;

type Product = Scenario['markets']['products'][number];

/** Bulk (concentrate) or alloy/metal cargo: the class of logistics legs. */
function cargoLegs(scenario: Scenario, productId: string): RouteLegs {
  const l = scenario.markets.logistics;
  const bulk = productId === 'chromite-concentrate';
  return {
    rail_to_border_usd_per_t: (bulk
      ? l.rail_to_border_bulk_usd_per_t
      : l.rail_to_border_alloy_usd_per_t
    ).value,
    border_crossing_usd_per_t: (bulk
      ? l.border_crossing_bulk_usd_per_t
      : l.border_crossing_alloy_usd_per_t
    ).value,
    china_rail_to_mill_usd_per_t: (bulk
      ? l.china_rail_to_mill_bulk_usd_per_t
      : l.china_rail_to_mill_alloy_usd_per_t
    ).value,
    china_port_to_mill_usd_per_t: l.china_port_to_mill_bulk_usd_per_t.value,
  };
}

/** The price point of a product: declared, or the default of its quotation basis. */
export function pricePointOf(p: Product): PricePoint {
  if (p.price_point) return p.price_point;
  if (p.logistics_usd_per_t) return 'other';
  if (p.price_formula) return 'china-port';
  if (p.price_rmb_per_t_50pct_cr_vat_incl || p.price_rmb_per_t_vat_incl) return 'delivered-china';
  return 'ex-works';
}

/** Chinese import duty of a product [%]: the scenario's, else the data default. */
export function importDutyPct(p: Product): { value: number; source: string } {
  if (p.china_import_duty_pct)
    return { value: p.china_import_duty_pct.value, source: p.china_import_duty_pct.source };
  const ref = `markets/china-import#duty_${p.id.replaceAll('-', '_')}_pct` as DataRef;
  const v = dataValue(ref);
  return { value: v.value, source: `data/${ref.replace('#', '.json#')}: ${v.source}` };
}

/** The quotation of a product by row, in its quote unit (deck or flat, × a sampled path). */
function quotePath(
  p: Product,
  start: number,
  rows: number,
  override: ArrayLike<number> | undefined,
): Float64Array {
  const key = quoteKey(p);
  const today =
    key === undefined
      ? NaN
      : key === 'basis_rmb_per_dmtu_vat_incl' || key === 'basis_usd_per_dmtu'
        ? (p.price_formula?.[key]?.value ?? NaN)
        : (p[key]?.value ?? NaN);
  const longTerm = key === undefined ? undefined : p.deck?.[DECK_LONG_TERM_KEYS[key]];
  const path =
    !p.deck || !longTerm
      ? new Float64Array(rows).fill(today)
      : deckByRow(
          today,
          longTerm.value,
          p.deck.reversion_per_year.value,
          p.deck.as_of,
          start,
          rows,
        );
  // A sampled path multiplies the median: exp of the log-OU deviation from it.
  if (override) for (let r = 0; r < rows; r++) path[r] = (path[r] ?? NaN) * (override[r] ?? NaN);
  return path;
}

/**
 * The conversion of a product's quotation values → USD per t of product at its point, net of
 * VAT, with origin premium; the analysis's contained Cr and the exchange rates are read once per
 * product, not once per row of its price path.
 */
function quoteToUsdPerT(
  scenario: Scenario,
  p: Product,
  analysis: Readonly<Record<string, number>>,
): (q: number) => number {
  const rmb = scenario.markets.fx.rmb_per_usd.value;
  const vat = 1 + scenario.markets.china_vat_rate_pct.value / 100;
  const cr = containedCrWtPct(analysis);
  const premiumUsd = p.origin_premium_usd_per_t?.value ?? 0;
  const f = p.price_formula;
  if (f) {
    const terms = {
      basis_cr2o3_pct: f.basis_cr2o3_pct.value,
      cr2o3_step_usd_per_dmtu_per_pct: f.cr2o3_step_usd_per_dmtu_per_pct?.value ?? 0,
      basis_cr_fe: f.basis_cr_fe.value,
      cr_fe_premium_usd_per_dmtu: f.cr_fe_premium_usd_per_dmtu.value,
      sio2_max_pct: f.sio2_max_pct.value,
      sio2_penalty_usd_per_dmt_per_pct: f.sio2_penalty_usd_per_dmt_per_pct.value,
      p_max_pct: f.p_max_pct.value,
      p_penalty_usd_per_dmt_per_0_01pct: f.p_penalty_usd_per_dmt_per_0_01pct.value,
    };
    return (q) =>
      gradedConcentratePrice_usd_per_dmt(
        { basis_usd_per_dmtu: f.basis_rmb_per_dmtu_vat_incl ? q / vat / rmb : q, ...terms },
        analysis,
      ) + premiumUsd;
  }
  if (p.price_usd_per_t) return (q) => q + premiumUsd;
  if (p.price_usd_per_lb_cr) return (q) => q * LB_PER_T * (cr / 100) + premiumUsd;
  if (p.price_rmb_per_t_50pct_cr_vat_incl) {
    const premium = p.origin_premium_rmb_per_t_50pct_cr_vat_incl?.value ?? 0;
    return (q) => (((q + premium) / vat) * (cr / 50)) / rmb + premiumUsd;
  }
  return (q) => q / vat / rmb + premiumUsd;
}

/**
 * The project's nameplate output of a product [t/yr]: the capacities of the stages whose
 * template makes it. A stage sized per t of feed has no output before its balance, so the
 * market response cannot be applied to it (an error naming the stage).
 */
function projectOutput_t_per_year(scenario: Scenario, productId: string): number {
  let t = 0;
  for (const [i, st] of scenario.stages.entries()) {
    const info = templateInfo(st.flowsheet.template);
    if (!info?.products.includes(productId)) continue;
    if ((st.capacity_basis ?? info.capacity_basis) !== 'product')
      throw new InputError(
        `stages[${i}].capacity_basis`,
        'feed',
        `product, for markets.products.${productId}.market_response to know the tonnes the project sells`,
      );
    t += st.capacity_t_per_year.value;
  }
  return t;
}

/** The price response of a product to the project's volume, or null if none is declared. */
function productMarketResponse(scenario: Scenario, p: Product): MarketResponse | null {
  const m = p.market_response;
  if (!m) return null;
  return marketResponse({
    world_market_t_per_year: m.world_market_t_per_year.value,
    project_t_per_year: projectOutput_t_per_year(scenario, p.id),
    demand_elasticity: m.demand_elasticity.value,
    incumbent_supply_elasticity: m.incumbent_supply_elasticity?.value ?? 0,
  });
}

/**
 * What a product's conversion to ex-works reads besides the quotation and the analysis: its
 * point, the cargo legs, the import duty, other logistics, and the labels of its priced
 * stream. Fixed for a basis (read from the scenario once per product, not once per analysis:
 * a Monte Carlo run prices the re-solved alloy in every sample).
 */
interface ProductTerms {
  point: PricePoint;
  legs: RouteLegs;
  duty_pct: number;
  other_logistics_usd_per_t: number;
  export_share: number;
  basis_path: string;
}

function productTerms(scenario: Scenario, p: Product): ProductTerms {
  const key = quoteKey(p) ?? 'price';
  return {
    point: pricePointOf(p),
    legs: cargoLegs(scenario, p.id),
    duty_pct: importDutyPct(p).value,
    other_logistics_usd_per_t: p.logistics_usd_per_t?.value ?? 0,
    export_share: p.export_share?.value ?? 1,
    basis_path: `markets.products.${p.id}.${p.price_formula ? `price_formula.${key}` : key}`,
  };
}

function pricedStream(
  scenario: Scenario,
  p: Product,
  terms: ProductTerms,
  analysis: Readonly<Record<string, number>>,
  path: Float64Array,
  response: MarketResponse | null,
): PricedStream {
  const { point, legs, duty_pct: duty, other_logistics_usd_per_t: other } = terms;
  const rows = path.length;
  // both paths in one buffer: a typed array of a horizon's rows is allocated off V8's heap
  const buffer = new Float64Array(2 * rows);
  const exWorks = buffer.subarray(0, rows);
  const fca = buffer.subarray(rows);
  const quoteUsdPerT = quoteToUsdPerT(scenario, p, analysis);
  // the conversion's steps are shown for the first row only
  const quote0 = quoteUsdPerT(path[0] ?? NaN);
  const first = rows > 0 ? valuesAtPoints(quote0, point, legs, duty, other) : undefined;
  for (let r = 0; r < rows; r++) {
    const v =
      r === 0 && first ? first : gateValues(quoteUsdPerT(path[r] ?? NaN), point, legs, duty, other);
    exWorks[r] = v.ex_works_usd_per_t;
    fca[r] = v.fca_border_usd_per_t;
  }
  return {
    id: p.id,
    price_point: point,
    ex_works_usd_per_t_by_row: exWorks,
    fca_border_usd_per_t_by_row: fca,
    ex_works_usd_per_t: exWorks[0] ?? NaN,
    fca_border_usd_per_t: fca[0] ?? NaN,
    quote_usd_per_t: quote0,
    steps: first?.steps ?? [],
    export_share: terms.export_share,
    basis_path: terms.basis_path,
    market_response: response,
  };
}

function feedContract(feed: Feed, product: CommercialBasis['product'], rows: number): FeedContract {
  const analysis: Record<string, number> = {};
  for (const [k, p] of Object.entries(feed.composition_wt_pct)) analysis[k] = p.value;
  const c = feed.contract;
  let byRow: Float64Array | null = null;
  let source = '';
  if (c?.price === 'market') {
    const s = product(c.product, analysis);
    const factor = 1 - (c.discount_pct?.value ?? 0) / 100;
    byRow = s.ex_works_usd_per_t_by_row.map((v) => v * factor);
    source = `market price of ${c.product} ex-works (${s.basis_path} at ${s.price_point}, converted to ex-works)${factor !== 1 ? ` × (1 − ${c.discount_pct?.value} % discount)` : ''}`;
  } else if (feed.price_usd_per_t) {
    byRow = new Float64Array(rows).fill(feed.price_usd_per_t.value);
    source = `feeds.${feed.id}.price_usd_per_t: ${feed.price_usd_per_t.source}`;
  }
  const sup = feed.supplier;
  return {
    feed_id: feed.id,
    volume_t_per_year: feed.supply_t_per_year?.value ?? null,
    usd_per_t_by_row: byRow,
    price_source: source,
    take_or_pay_share: c?.take_or_pay_share?.value ?? 0,
    start_year: c?.start_year ?? null,
    extra: feed.extra_supply
      ? { from: feed.extra_supply.from, usd_per_t: feed.extra_supply.price_usd_per_t.value }
      : null,
    supplier: sup
      ? {
          name: sup.name,
          inside_economy: sup.inside_economy,
          production_t_per_year: sup.production_t_per_year.value,
          start_year: sup.start_year,
          cash_cost_usd_per_t: sup.cash_cost_usd_per_t.value,
          cash_cost_source: sup.cash_cost_usd_per_t.source,
          jobs_per_kt: sup.jobs_per_kt.value,
          jobs_source: sup.jobs_per_kt.source,
        }
      : null,
    analysis,
  };
}

/** Electricity tariff by row: real escalation from the tariff year for the escalation years. */
function electricityBasis(
  scenario: Scenario,
  start: number,
  rows: number,
  override?: ArrayLike<number>,
) {
  const e = scenario.markets.electricity;
  const kzt = scenario.markets.fx.kzt_per_usd.value;
  const g = e.real_escalation_pct_per_year.value / 100;
  const tariffByRow = new Float64Array(rows);
  const usdByRow = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const years = Math.min(Math.max(start + r - e.tariff_year.value, 0), e.escalation_years.value);
    tariffByRow[r] =
      e.tariff_kzt_per_kwh.value * Math.pow(1 + g, years) * (override ? (override[r] ?? NaN) : 1);
    // KZT/kWh × 1000 kWh/MWh ÷ KZT/USD = USD/MWh
    usdByRow[r] = ((tariffByRow[r] ?? NaN) * 1000) / kzt;
  }
  return {
    kzt_per_kwh_by_row: tariffByRow,
    usd_per_mwh_by_row: usdByRow,
    grid_connection_capex_usd_per_mw: e.grid_connection_capex_usd_per_mw.value,
    grid_connection_lead_time_years: e.grid_connection_lead_time_years.value,
    source: `markets.electricity.tariff_kzt_per_kwh (${e.tariff_kzt_per_kwh.source}) × (1 + ${e.real_escalation_pct_per_year.value} %)^(years from ${e.tariff_year.value}, at most ${e.escalation_years.value}) ÷ markets.fx.kzt_per_usd`,
  };
}

/** The same elements in the same order with equal wt% (a priced stream depends on nothing else). */
function sameAnalysis(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] ?? '';
    if (k !== kb[i] || a[k] !== b[k]) return false;
  }
  return true;
}

/**
 * @param scenario - The scenario.
 * @param start - Calendar year of row 0 (the project's first construction year).
 * @param overrides - Sampled price paths (Monte Carlo): multipliers of the deck of their series.
 */
export function commercialBasis(
  scenario: Scenario,
  start: number,
  overrides?: PathOverrides,
): CommercialBasis {
  const rows = scenario.finance.horizon_years.value;
  const paths = new Map<string, Float64Array>();
  const responses = new Map<string, MarketResponse | null>();
  const termsById = new Map<string, ProductTerms>();
  // The last stream priced per product id, for the analysis it was priced on: a basis kept by a
  // Monte Carlo run (HeadlineWork) asks again for the same product at the same (or a round-off
  // different) analysis in every sample, so one entry per product bounds what it holds.
  const last = new Map<
    string,
    { analysis: Readonly<Record<string, number>>; stream: PricedStream }
  >();
  const product = (id: string, analysis: Readonly<Record<string, number>>): PricedStream => {
    const p = scenario.markets.products.find((x) => x.id === id);
    if (!p)
      throw new InputError(
        'markets.products',
        id,
        `a price for product "${id}" (one of price_usd_per_t, price_usd_per_lb_cr, price_rmb_per_t_50pct_cr_vat_incl, price_rmb_per_t_vat_incl, price_formula)`,
      );
    const hit = last.get(id);
    if (hit && sameAnalysis(hit.analysis, analysis)) return hit.stream;
    let path = paths.get(id);
    let response = responses.get(id) ?? null;
    if (!path) {
      path = quotePath(p, start, rows, overrides?.get(id));
      // The project's own tonnes lower the market price of every year (constant factor).
      response = productMarketResponse(scenario, p);
      if (response)
        for (let r = 0; r < rows; r++) path[r] = (path[r] ?? NaN) * response.price_factor;
      paths.set(id, path);
      responses.set(id, response);
    }
    let terms = termsById.get(id);
    if (!terms) {
      terms = productTerms(scenario, p);
      termsById.set(id, terms);
    }
    const s = pricedStream(scenario, p, terms, analysis, path, response);
    last.set(id, { analysis: { ...analysis }, stream: s });
    return s;
  };
  const feeds = new Map<string, FeedContract>();
  // by base year, and by index rate and base year: a handful per basis
  const levels = new Map<number, Float64Array>();
  const indices = new Map<number, Map<number, Float64Array>>();
  const costPaths = new Map<number, Map<number, Map<number, Float64Array>>>();
  const money: MoneyPaths = {
    usdPriceLevelByRow(baseYear) {
      let v = levels.get(baseYear);
      if (!v) {
        v = priceLevelByRow((y) => declaredInflation('usd', y), baseYear, start, rows);
        levels.set(baseYear, v);
      }
      return v;
    },
    realCostIndexByRow(pct, baseYear) {
      // by rate, then base year (no key string per call: every opex line of every sample asks)
      let byYear = indices.get(pct);
      if (!byYear) {
        byYear = new Map();
        indices.set(pct, byYear);
      }
      let v = byYear.get(baseYear);
      if (!v) {
        v = realCostIndexByRow(pct, baseYear, start, rows);
        byYear.set(baseYear, v);
      }
      return v;
    },
    costPathByRow(pct, baseYear, price) {
      // by rate, base year and price: one per escalated opex line of the stages, not per sample
      let byYear = costPaths.get(pct);
      if (!byYear) {
        byYear = new Map();
        costPaths.set(pct, byYear);
      }
      let byPrice = byYear.get(baseYear);
      if (!byPrice) {
        byPrice = new Map();
        byYear.set(baseYear, byPrice);
      }
      let v = byPrice.get(price);
      if (!v) {
        v = costPathByRow(this.realCostIndexByRow(pct, baseYear), price);
        byPrice.set(price, v);
      }
      return v;
    },
  };
  // the plain copies of the basis's own paths (keys are this basis's arrays: none outlives it)
  const plain = new WeakMap<Float64Array, number[]>();
  const typed = new WeakMap<readonly number[], Float64Array>();
  return {
    money,
    start_year: start,
    horizon_years: rows,
    kzt_per_usd: scenario.markets.fx.kzt_per_usd.value,
    valuation_point: 'ex-works',
    product,
    electricity: electricityBasis(scenario, start, rows, overrides?.get('electricity')),
    plainRows(path) {
      let v = plain.get(path);
      if (!v) {
        v = numberArray(path);
        plain.set(path, v);
        typed.set(v, path);
      }
      return v;
    },
    typedRows(rows) {
      return typed.get(rows);
    },
    feed(id) {
      let c = feeds.get(id);
      if (!c) {
        const feed = scenario.feeds.find((f) => f.id === id);
        if (!feed) throw new InputError('feeds', id, 'the id of a scenario feed');
        c = feedContract(feed, product, rows);
        feeds.set(id, c);
      }
      return c;
    },
  };
}
