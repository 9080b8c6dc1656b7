import type { MarketResponse } from './market-response.js';
/**
 * The commercial basis of an appraisal: every price the economics and impact read, built once
 * at the appraise layer (src/commercial-basis.ts) from the scenario, valued at one point
 * (ex-works, Aktobe Region) and laid out by row of the project calendar. Economics never reads
 * market data from the scenario directly.
 */
import type { ConversionStep } from './price-points.js';

/** Where a quotation is valued (see src/econ/commercial/price-points.ts). */
export type PricePoint =
  'ex-works' | 'fca-border' | 'china-border' | 'delivered-china' | 'china-port' | 'other';

/** A product at one grade, priced at the valuation point by row. */
export interface PricedStream {
  id: string;
  /** Point of the quotation it is converted from. */
  price_point: PricePoint;
  /** Ex-works price by row of the project calendar [USD/t]. */
  ex_works_usd_per_t_by_row: Float64Array;
  /** FCA-border value by row (customs value of an export) [USD/t]. */
  fca_border_usd_per_t_by_row: Float64Array;
  /** Row 0 (base year) values [USD/t]. */
  ex_works_usd_per_t: number;
  fca_border_usd_per_t: number;
  /** The quotation in row 0, net of VAT, with origin premium, at its point [USD/t]. */
  quote_usd_per_t: number;
  /** Row-0 conversion quote → ex-works. */
  steps: ConversionStep[];
  /** Share of sales exported [-]. */
  export_share: number;
  /** Scenario path of the quotation. */
  basis_path: string;
  /** The price response to the project's own volume (markets.products.<id>.market_response). */
  market_response: MarketResponse | null;
}

/** The supplier of a feed: an entity of the economy view. */
export interface SupplierBasis {
  name: string;
  inside_economy: boolean;
  production_t_per_year: number;
  start_year: number;
  cash_cost_usd_per_t: number;
  cash_cost_source: string;
  jobs_per_kt: number;
  jobs_source: string;
}

/** A feed's supply contract, priced by row at the valuation point. */
export interface FeedContract {
  feed_id: string;
  /** Contract volume [t/a]; null when the feed declares none. */
  volume_t_per_year: number | null;
  /** Purchase price by row, dry, ex-works [USD/t]; null when the feed has no price. */
  usd_per_t_by_row: Float64Array | null;
  /** Where the price comes from. */
  price_source: string;
  take_or_pay_share: number;
  /** First contract year; null: the buyer's first production year. */
  start_year: number | null;
  /** Tonnage above the contract, declared with its source and price. */
  extra: { from: string; usd_per_t: number } | null;
  supplier: SupplierBasis | null;
  /** Dry analysis of the feed [wt%] (grading of the market price). */
  analysis: Readonly<Record<string, number>>;
}

export interface ElectricityBasis {
  /** Tariff by row [KZT/kWh]. */
  kzt_per_kwh_by_row: Float64Array;
  /** Price by row [USD/MWh]. */
  usd_per_mwh_by_row: Float64Array;
  grid_connection_capex_usd_per_mw: number;
  grid_connection_lead_time_years: number;
  source: string;
}

export interface CommercialBasis {
  /** Calendar year of row 0. */
  start_year: number;
  horizon_years: number;
  kzt_per_usd: number;
  /** Every stream is valued here. */
  valuation_point: 'ex-works';
  /**
   * Prices a product at its grade.
   * @param analysis - Composition of the product [wt%] (Cr for alloys, oxides for concentrate).
   * @throws InputError naming markets.products when the product has no price.
   */
  product(id: string, analysis: Readonly<Record<string, number>>): PricedStream;
  electricity: ElectricityBasis;
  /** The contract of a feed by id (every scenario feed has one). */
  feed(id: string): FeedContract;
  /** Price level and real cost indices by row of this basis's calendar. */
  money: MoneyPaths;
  /**
   * One of this basis's paths (a feed contract's, the tariff's, a product's) as a plain array,
   * for an opex line's JSON: one copy per path, shared by every line and sample that reads it
   * (read only).
   */
  plainRows(rows: Float64Array): number[];
  /**
   * The path a {@link plainRows} copy was made of (undefined for any other array): the typed
   * form the cash-flow engine reads.
   */
  typedRows(plain: readonly number[]): Float64Array | undefined;
}

/**
 * Money paths by row of a project calendar (src/econ/project/money-paths.ts). A basis builds
 * each once (its paths are read by every stage, and in a Monte Carlo run that keeps the basis,
 * by every sample); the arrays are read only.
 */
export interface MoneyPaths {
  /** General USD price level by row relative to `baseYear`, declared inflation path [–]. */
  usdPriceLevelByRow(baseYear: number): Float64Array;
  /** Real escalation index (1 + pct/100)^(year − baseYear) by row [–]. */
  realCostIndexByRow(pct: number, baseYear: number): Float64Array;
  /**
   * A cost item's price by row: `price` × the real escalation index, entry by entry [USD/unit].
   * Read only: a basis shares it between the lines and samples that ask for the same rate, base
   * year and price.
   */
  costPathByRow(pct: number, baseYear: number, price: number): Float64Array;
}
