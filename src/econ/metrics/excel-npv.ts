import { npv } from './npv.js';

/**
 * Excel / ODF `NPV`: every value is discounted, the first one by one full period.
 *
 * NPV_Excel = Σ_{i=1}^{n} v_i / (1 + r)^i = npv(r, v) / (1 + r).
 *
 * @param rate - Discount rate per period [fraction, > −1].
 * @param values - Values v_1 … v_n [USD], v_i at the end of period i.
 * @returns Present value one period before the first value [USD].
 * @see Microsoft Excel `NPV` function; formula.js `NPV`.
 */
export function excelNpv(rate: number, values: ArrayLike<number>): number {
  return npv(rate, values) / (1 + rate);
}
