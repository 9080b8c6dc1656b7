/**
 * The commercial part of the scenario format: where each traded stream is valued (price point),
 * how a quotation moves over time (price deck), the concentrate price formula, the logistics
 * legs to China, the electricity tariff path and the feed supply contract with its supplier.
 * Split from `schema.ts` (one idea per file); `schema.ts` assembles the whole format.
 */
import { z } from 'zod';
import { quantity, quantityOr } from './quantity.js';
import { PRODUCT_IDS } from './product-catalogue.js';

/**
 * Points along the route from an Aktobe plant to a Chinese buyer, in route order. `ex-works` is
 * the valuation point of every stream (plant or mine gate, Aktobe Region); `other` is a quote
 * converted by one user-given logistics deduction (`logistics_usd_per_t`).
 */
export const PRICE_POINTS = [
  'ex-works',
  'fca-border',
  'china-border',
  'delivered-china',
  'china-port',
  'other',
] as const;
export type PricePoint = (typeof PRICE_POINTS)[number];

const asOf = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { message: 'expected a date "YYYY" or "YYYY-MM"' })
  .meta({ description: "Date of today's price (the start of the deck path): YYYY or YYYY-MM." });

/** Long-term keys of a deck, one per quotation basis; the one matching the price key is used. */
export const DECK_LONG_TERM_KEYS = {
  price_usd_per_t: 'long_term_price_usd_per_t',
  price_usd_per_lb_cr: 'long_term_price_usd_per_lb_cr',
  price_rmb_per_t_50pct_cr_vat_incl: 'long_term_price_rmb_per_t_50pct_cr_vat_incl',
  price_rmb_per_t_vat_incl: 'long_term_price_rmb_per_t_vat_incl',
  basis_rmb_per_dmtu_vat_incl: 'long_term_basis_rmb_per_dmtu_vat_incl',
  basis_usd_per_dmtu: 'long_term_basis_usd_per_dmtu',
} as const;

const deck = z
  .strictObject({
    as_of: asOf,
    long_term_price_usd_per_t: quantity('USD/t', { above: 0 }).optional(),
    long_term_price_usd_per_lb_cr: quantity('USD/lb', { above: 0 }).optional(),
    long_term_price_rmb_per_t_50pct_cr_vat_incl: quantity('RMB/t', { above: 0 }).optional(),
    long_term_price_rmb_per_t_vat_incl: quantity('RMB/t', { above: 0 }).optional(),
    long_term_basis_rmb_per_dmtu_vat_incl: quantity('RMB/dmtu', { above: 0 }).optional(),
    long_term_basis_usd_per_dmtu: quantity('USD/dmtu', { above: 0 }).optional(),
    reversion_per_year: quantityOr('markets/price-deck-2025#reversion_per_year', '1/year', {
      min: 0,
      max: 10,
      description: 'Mean-reversion speed κ of the log price (half-life ln 2/κ)',
    }),
    volatility_per_sqrt_year: quantity('1', {
      above: 0,
      max: 2,
      description: 'Volatility σ of the log price per √year (Monte Carlo price paths)',
    }).optional(),
  })
  .meta({
    description:
      "A price path: from today's quotation (the product's price key, dated `as_of`) towards the declared long-term real price by log-Ornstein–Uhlenbeck mean reversion (median path); Monte Carlo samples paths around it.",
  });

const concentrateFormula = z
  .strictObject({
    basis_rmb_per_dmtu_vat_incl: quantity('RMB/dmtu', {
      above: 0,
      description: 'Basis price per dry metric tonne unit of Cr2O3, VAT included',
    }).optional(),
    basis_usd_per_dmtu: quantity('USD/dmtu', {
      above: 0,
      description: 'Basis price per dry metric tonne unit of Cr2O3',
    }).optional(),
    basis_cr2o3_pct: quantity('%', { above: 0, max: 100, description: 'Cr2O3 grade of the basis' }),
    cr2o3_step_usd_per_dmtu_per_pct: quantity('USD/dmtu', {
      description: 'Change of the unit price per 1 % Cr2O3 above (below) the basis grade',
    }).optional(),
    basis_cr_fe: quantity('1', { above: 0, description: 'Cr/Fe mass ratio of the basis' }),
    cr_fe_premium_usd_per_dmtu: quantity('USD/dmtu', {
      description: 'Unit-price premium per 1.0 of Cr/Fe above the basis (penalty below)',
    }),
    sio2_max_pct: quantity('%', { min: 0, max: 100, description: 'SiO2 allowed without penalty' }),
    sio2_penalty_usd_per_dmt_per_pct: quantity('USD/t', {
      min: 0,
      description: 'Penalty per dry t for each 1 % SiO2 above the maximum',
    }),
    p_max_pct: quantity('%', { min: 0, max: 100, description: 'P allowed without penalty' }),
    p_penalty_usd_per_dmt_per_0_01pct: quantity('USD/t', {
      min: 0,
      description: 'Penalty per dry t for each 0.01 % P above the maximum',
    }),
  })
  .meta({
    description:
      'Chrome-ore contract price: USD per dry metric tonne unit of Cr2O3 with Cr2O3 grade steps, a Cr/Fe premium and SiO2 and P penalties, graded on the analysis of the concentrate sold.',
  });

const marketResponse = z
  .strictObject({
    world_market_t_per_year: quantity('t/year', {
      above: 0,
      description: 'World output (= demand) of the product before the project enters',
    }),
    demand_elasticity: quantity('1', {
      below: 0,
      description: 'Price elasticity of demand (negative)',
    }),
    incumbent_supply_elasticity: quantity('1', {
      min: 0,
      description: 'Supply elasticity of the incumbent producers (0: they do not cut output)',
    }).optional(),
  })
  .meta({
    description:
      "The price falls as the project's nameplate output enters the market: demand Q0·x^ε_d = incumbent supply Q0·x^ε_s + project tonnes, x the price ÷ the pre-entry price (src/econ/commercial/market-response.ts); the whole quotation path is scaled by x.",
  });

export const product = z
  .strictObject({
    id: z.enum(PRODUCT_IDS as [string, ...string[]]),
    price_usd_per_t: quantity('USD/t', {
      min: 0,
      description: 'Price per t of product',
    }).optional(),
    price_usd_per_lb_cr: quantity('USD/lb', {
      min: 0,
      description: 'Price per lb of contained Cr',
    }).optional(),
    price_rmb_per_t_50pct_cr_vat_incl: quantity('RMB/t', {
      min: 0,
      description: 'China price per t of alloy at 50% Cr basis, VAT included',
    }).optional(),
    price_rmb_per_t_vat_incl: quantity('RMB/t', {
      min: 0,
      description: 'China price per t, VAT included',
    }).optional(),
    price_formula: concentrateFormula.optional(),
    price_point: z.enum(PRICE_POINTS).optional().meta({
      description:
        'Where the quotation is valued: ex-works (plant gate, Aktobe), fca-border (on wagons at Dostyk/Khorgos), china-border (after the gauge change, before import duty), delivered-china (duty paid, delivered to the mill), china-port (duty paid at a Chinese port; the Kazakh product substitutes seaborne material at the mill) or other (converted by logistics_usd_per_t). Default: other with logistics_usd_per_t, delivered-china for RMB quotes, china-port for a price formula, else ex-works.',
    }),
    origin_premium_rmb_per_t_50pct_cr_vat_incl: quantity('RMB/t', {
      description: 'Origin premium on a 50 %-Cr-basis quotation (e.g. Kazakh over South African)',
    }).optional(),
    origin_premium_usd_per_t: quantity('USD/t', {
      description: 'Origin premium per t of product at the price point',
    }).optional(),
    china_import_duty_pct: quantity('%', {
      min: 0,
      max: 100,
      description: 'Chinese import duty; default from data/markets/china-import.json',
    }).optional(),
    deck: deck.optional(),
    logistics_usd_per_t: quantity('USD/t', {
      min: 0,
      description:
        'With price_point other: the whole deduction from the quotation to ex-works (freight and handling)',
    }).optional(),
    export_share: quantity('1', {
      min: 0,
      max: 1,
      description: 'Share of sales exported (VAT zero-rated); default 1',
    }).optional(),
    market_response: marketResponse.optional(),
  })
  .meta({ description: 'A product and its market price, in the basis the market quotes it.' });

const leg = (ref: `markets/logistics-china#${string}`, description: string) =>
  quantityOr(ref, 'USD/t', { min: 0, description });

export const logistics = z
  .strictObject({
    crossing: z.enum(['dostyk', 'khorgos']).default('dostyk').meta({
      description: 'Rail border crossing to China: Dostyk–Alashankou or Altynkol–Khorgos.',
    }),
    rail_to_border_bulk_usd_per_t: leg(
      'markets/logistics-china#rail_to_border_bulk_usd_per_t',
      'KTZ rail, Aktobe Region → border, bulk ore',
    ),
    rail_to_border_alloy_usd_per_t: leg(
      'markets/logistics-china#rail_to_border_alloy_usd_per_t',
      'KTZ rail, Aktobe Region → border, alloy or metal',
    ),
    border_crossing_bulk_usd_per_t: leg(
      'markets/logistics-china#border_crossing_bulk_usd_per_t',
      'Gauge change, transshipment and border fees, bulk',
    ),
    border_crossing_alloy_usd_per_t: leg(
      'markets/logistics-china#border_crossing_alloy_usd_per_t',
      'Gauge change, transshipment and border fees, bags or containers',
    ),
    china_rail_to_mill_bulk_usd_per_t: leg(
      'markets/logistics-china#china_rail_to_mill_bulk_usd_per_t',
      'China Railway, border → mill, bulk',
    ),
    china_rail_to_mill_alloy_usd_per_t: leg(
      'markets/logistics-china#china_rail_to_mill_alloy_usd_per_t',
      'China Railway, border → mill, alloy or metal',
    ),
    china_port_to_mill_bulk_usd_per_t: leg(
      'markets/logistics-china#china_port_to_mill_bulk_usd_per_t',
      'Port handling and rail, Chinese port → mill, for seaborne ore (netback of a port price)',
    ),
  })
  .meta({ description: 'Logistics legs from an Aktobe plant to a Chinese buyer, per t of cargo.' });

export const electricity = z
  .strictObject({
    tariff_kzt_per_kwh: quantityOr('markets/electricity-kazakhstan#tariff_kzt_per_kwh', 'KZT/kWh', {
      above: 0,
      description: 'All-in electricity price in the tariff year, excl. VAT',
    }),
    tariff_year: quantityOr('markets/electricity-kazakhstan#tariff_year', 'a', {
      min: 2000,
      max: 2100,
      integer: true,
      description: 'Year of the tariff (start of the escalation)',
    }),
    real_escalation_pct_per_year: quantityOr(
      'markets/electricity-kazakhstan#tariff_real_escalation_pct_per_year',
      '%',
      { min: -20, max: 50, description: 'Real rise of the tariff per year' },
    ),
    escalation_years: quantityOr('markets/electricity-kazakhstan#tariff_escalation_years', 'year', {
      min: 0,
      max: 60,
      integer: true,
      description: 'Years of escalation from the tariff year; flat in real terms afterwards',
    }),
    grid_connection_capex_usd_per_mw: quantityOr(
      'markets/electricity-kazakhstan#grid_connection_capex_usd_per_mw',
      'USD/MW',
      { min: 0, description: 'Connection of a new load to the grid, per MW of demand' },
    ),
    grid_connection_lead_time_years: quantityOr(
      'markets/electricity-kazakhstan#grid_connection_lead_time_years',
      'year',
      { min: 0, max: 15, integer: true, description: 'Years from order to energised connection' },
    ),
  })
  .meta({ description: 'Electricity supply: tariff path and grid connection.' });

export const contract = z
  .strictObject({
    price: z.enum(['market', 'fixed']).meta({
      description:
        "market: the market price of `product` at the valuation point (ex-works), the same price the raw-export baseline sells at; fixed: the feed's price_usd_per_t",
    }),
    product: z
      .enum(PRODUCT_IDS as [string, ...string[]])
      .default('chromite-concentrate')
      .meta({ description: 'Product whose market price sets a market-priced contract.' }),
    discount_pct: quantity('%', {
      min: -50,
      max: 50,
      description: 'Discount to the market price (negative: premium)',
    }).optional(),
    take_or_pay_share: quantity('1', {
      min: 0,
      max: 1,
      description: 'Share of the contract volume paid for whether taken or not',
    }).optional(),
    start_year: z
      .int()
      .min(2000)
      .max(2100)
      .optional()
      .meta({ description: 'First contract year; default the first production year of a buyer.' }),
  })
  .meta({
    description:
      'Supply contract of a feed: volume (supply_t_per_year), price, take-or-pay share and start year.',
  });

export const extraSupply = z
  .strictObject({
    from: z
      .string()
      .min(3)
      .meta({ description: 'Where the tonnage above the contract comes from.' }),
    price_usd_per_t: quantity('USD/t', {
      min: 0,
      description: 'Price of that tonnage, dry, ex-works',
    }),
  })
  .meta({
    description: 'Feed bought above the contract volume, declared with its source and price.',
  });

export const supplier = z
  .strictObject({
    name: z.string().min(1),
    inside_economy: z.boolean().default(true).meta({
      description:
        'The supplier is an entity in Kazakhstan: the economy view includes its cash flow, taxes (MET, CIT) and jobs.',
    }),
    production_t_per_year: quantity('t/year', {
      above: 0,
      description:
        'Output the supplier produces in every scenario (sold to the project or exported at the same price point)',
    }),
    start_year: z.int().min(2000).max(2100).meta({ description: 'First year of that output.' }),
    cash_cost_usd_per_t: quantityOr('econ/opex-defaults#concentrate_cash_cost_usd_per_t', 'USD/t', {
      min: 0,
      description: 'Mining and beneficiation cash cost per dry t',
    }),
    jobs_per_kt: quantityOr('impact/jobs#kempirsai_mine_jobs_per_kt_concentrate', 'jobs/kt', {
      min: 0,
      description: 'Direct jobs per kt/year of output',
    }),
  })
  .meta({
    description: 'The producer of a feed (e.g. the Kempirsai mine), an entity of the economy view.',
  });
