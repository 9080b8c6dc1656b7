import { InputError } from '../../errors.js';
import { checkRate, checkValues } from './check-values.js';
import { yearFractions } from './days.js';

/**
 * Net present value of dated cash flows (Excel `XNPV`).
 *
 * XNPV = Σ_i v_i / (1 + r)^((d_i − d_0)/365); the first date d_0 is the valuation date.
 *
 * @param rate - Annual discount rate [fraction, > −1].
 * @param values - Cash flows v_i [USD].
 * @param dates_days - Their dates as day numbers (e.g. Excel serials) [d], none before the first.
 * @returns Present value at the first date [USD].
 * @see Microsoft Excel `XNPV`.
 */
export function xnpv(
  rate: number,
  values: ArrayLike<number>,
  dates_days: ArrayLike<number>,
): number {
  checkRate('rate', rate);
  checkValues('values', values);
  if (dates_days.length !== values.length)
    throw new InputError('dates_days', dates_days.length, `${values.length} dates (one per value)`);
  const t = yearFractions(dates_days);
  let sum = 0;
  for (let i = 0; i < values.length; i++)
    sum += (values[i] ?? 0) * Math.pow(1 + rate, -(t[i] ?? 0));
  return sum;
}
