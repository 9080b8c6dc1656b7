/**
 * Conversion of market price quotations to USD per tonne of product at the price point, each
 * basis as the market quotes it (Fastmarkets European FeCr in USD/lb Cr contained; SMM Chinese
 * FeCr in RMB/t at 50 % Cr, VAT incl.; see docs/data-sources.md):
 *
 * - European ferrochrome: USD per lb of contained Cr;
 * - Chinese ferrochrome: RMB per tonne of alloy at a 50 % Cr basis, VAT included — an alloy
 *   with x % Cr is worth price × x / 50;
 * - Chinese chromium metal and others: RMB per tonne, VAT included;
 * - plain USD per tonne (e.g. CIF China for concentrate).
 *
 * Exchange rates and VAT are explicit arguments (dated scenario data), never constants.
 */

/** Pounds per metric tonne: 1 lb = 0.45359237 kg exactly (1959 international pound). */
export const LB_PER_T = 1000 / 0.45359237;

/**
 * @param price_usd_per_lb_cr - Price per lb of contained Cr [USD/lb].
 * @param cr_wt_pct - Cr content of the product [wt%].
 * @returns Price per tonne of product [USD/t].
 * @example usdPerTFromUsdPerLbCr(1.25, 68) //=> 1874.0 (1.25 × 2204.62 × 0.68)
 */
export function usdPerTFromUsdPerLbCr(price_usd_per_lb_cr: number, cr_wt_pct: number): number {
  return price_usd_per_lb_cr * LB_PER_T * (cr_wt_pct / 100);
}

/**
 * @param price_rmb_per_t - Price per tonne of alloy at 50 % Cr, VAT included [RMB/t].
 * @param cr_wt_pct - Cr content of the product [wt%].
 * @param rmb_per_usd - Exchange rate [RMB/USD].
 * @param vat_pct - VAT included in the quotation [%].
 * @returns Price per tonne of product, VAT excluded [USD/t].
 * @example usdPerTFromRmb50pctCrVatIncl(8500, 50, 7.1, 13) //=> 1059.5
 */
export function usdPerTFromRmb50pctCrVatIncl(
  price_rmb_per_t: number,
  cr_wt_pct: number,
  rmb_per_usd: number,
  vat_pct: number,
): number {
  return ((price_rmb_per_t / (1 + vat_pct / 100)) * (cr_wt_pct / 50)) / rmb_per_usd;
}

/**
 * @param price_rmb_per_t - Price per tonne, VAT included [RMB/t].
 * @param rmb_per_usd - Exchange rate [RMB/USD].
 * @param vat_pct - VAT included in the quotation [%].
 * @returns Price per tonne, VAT excluded [USD/t].
 */
export function usdPerTFromRmbVatIncl(
  price_rmb_per_t: number,
  rmb_per_usd: number,
  vat_pct: number,
): number {
  return price_rmb_per_t / (1 + vat_pct / 100) / rmb_per_usd;
}

/**
 * Value per tonne of contained Cr.
 *
 * @param price_usd_per_t - Price per tonne of product [USD/t].
 * @param cr_wt_pct - Cr content of the product [wt%]; must be > 0.
 * @returns [USD/t Cr].
 */
export function usdPerTCr(price_usd_per_t: number, cr_wt_pct: number): number {
  return price_usd_per_t / (cr_wt_pct / 100);
}
