import { checkRate, checkValues } from './check-values.js';
import { cumulativeCrossing } from './payback.js';

/**
 * Discounted payback: {@link paybackYears} applied to CF_t/(1 + r)^t (interpolating linearly
 * on the discounted flow inside the crossing period).
 *
 * @param rate - Discount rate per period [fraction, > −1].
 * @param cashflows - CF_0 … CF_{n−1} [USD], CF_0 at t = 0.
 * @returns Discounted payback from t = 0 [periods], or null if the discounted cumulative cash
 *   flow never reaches zero (i.e. NPV < 0 at the horizon).
 */
export function discountedPaybackYears(rate: number, cashflows: ArrayLike<number>): number | null {
  checkRate('rate', rate);
  checkValues('cashflows', cashflows);
  const w = 1 / (1 + rate);
  return cumulativeCrossing(cashflows, (v, t) => v * Math.pow(w, t));
}
