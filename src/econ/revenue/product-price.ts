/**
 * The price of a product in USD per tonne at its price point, net of VAT, from whatever basis
 * the scenario quotes it in (markets.products[]), with the Cr grade of the product for
 * contained-Cr and 50 %-basis quotations (grade-linked pricing).
 */
import { InputError } from '../../errors.js';
import type { Scenario } from '../../scenario/schema.js';
import {
  usdPerTFromRmb50pctCrVatIncl,
  usdPerTFromRmbVatIncl,
  usdPerTFromUsdPerLbCr,
} from './price-basis.js';

export interface ProductPrice {
  /** Price at the price point, net of VAT [USD/t product]. */
  price_usd_per_t: number;
  /** Freight and handling from the plant to the price point [USD/t product]. */
  logistics_usd_per_t: number;
  /** Share of sales exported [-]. */
  export_share: number;
  /** Scenario path of the quotation used. */
  basis_path: string;
}

/**
 * @param scenario - The scenario (markets, fx, China VAT).
 * @param productId - Product catalogue id.
 * @param cr_wt_pct - Cr content of the product [wt%] (used by Cr-linked quotations).
 * @returns The price; throws InputError naming `markets.products` when no price is given.
 */
export function productPrice(
  scenario: Scenario,
  productId: string,
  cr_wt_pct: number,
): ProductPrice {
  const m = scenario.markets;
  const entry = m.products.find((p) => p.id === productId);
  if (!entry)
    throw new InputError(
      'markets.products',
      productId,
      `a price for product "${productId}" (one of price_usd_per_t, price_usd_per_lb_cr, price_rmb_per_t_50pct_cr_vat_incl, price_rmb_per_t_vat_incl)`,
    );
  const base = `markets.products.${productId}`;
  const rmb = m.fx.rmb_per_usd.value;
  const vat = m.china_vat_rate_pct.value;
  let price: number;
  let path: string;
  if (entry.price_usd_per_t) {
    price = entry.price_usd_per_t.value;
    path = `${base}.price_usd_per_t`;
  } else if (entry.price_usd_per_lb_cr) {
    price = usdPerTFromUsdPerLbCr(entry.price_usd_per_lb_cr.value, cr_wt_pct);
    path = `${base}.price_usd_per_lb_cr`;
  } else if (entry.price_rmb_per_t_50pct_cr_vat_incl) {
    price = usdPerTFromRmb50pctCrVatIncl(
      entry.price_rmb_per_t_50pct_cr_vat_incl.value,
      cr_wt_pct,
      rmb,
      vat,
    );
    path = `${base}.price_rmb_per_t_50pct_cr_vat_incl`;
  } else if (entry.price_rmb_per_t_vat_incl) {
    price = usdPerTFromRmbVatIncl(entry.price_rmb_per_t_vat_incl.value, rmb, vat);
    path = `${base}.price_rmb_per_t_vat_incl`;
  } else {
    throw new InputError(base, '(no price)', 'one of the price keys of a product');
  }
  return {
    price_usd_per_t: price,
    logistics_usd_per_t: entry.logistics_usd_per_t?.value ?? 0,
    export_share: entry.export_share?.value ?? 1,
    basis_path: path,
  };
}
