import { checkRate, checkValues } from './check-values.js';

/**
 * Net present value with the **first cash flow at t = 0** (numpy-financial `npv` convention,
 * not Excel's `NPV`, which discounts the first value by one period — see {@link excelNpv}).
 *
 * NPV = Σ_{t=0}^{n−1} CF_t / (1 + r)^t, evaluated by Horner's rule in 1/(1 + r).
 *
 * @param rate - Discount rate per period (year) [fraction, > −1].
 * @param cashflows - Cash flows CF_0 … CF_{n−1} [USD], CF_t at the end of period t, CF_0 today.
 * @returns Net present value at t = 0 [USD].
 * @throws InputError on an empty vector, a non-finite value or a rate ≤ −1.
 * @see numpy-financial `npv`; equals Excel `=CF0 + NPV(rate, CF1:CFn)`.
 */
export function npv(rate: number, cashflows: ArrayLike<number>): number {
  checkRate('rate', rate);
  checkValues('cashflows', cashflows);
  return npvUnchecked(rate, cashflows);
}

/** {@link npv} without argument checks, for hot loops that validated once [USD]. */
export function npvUnchecked(rate: number, cashflows: ArrayLike<number>): number {
  const w = 1 / (1 + rate);
  let acc = 0;
  for (let t = cashflows.length - 1; t >= 0; t--) acc = acc * w + (cashflows[t] ?? 0);
  return acc;
}
