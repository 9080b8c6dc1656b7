import { InputError } from '../../errors.js';
import { checkRate, checkValues } from './check-values.js';

/**
 * Profitability index: present value of the positive flows over the present value of the
 * negative flows (investment), PI = PV(CF⁺) / |PV(CF⁻)| = 1 + NPV / |PV(CF⁻)|.
 * PI > 1 ⇔ NPV > 0.
 *
 * @param rate - Discount rate per period [fraction, > −1].
 * @param cashflows - CF_0 … CF_{n−1} [USD], CF_0 at t = 0.
 * @returns PI [-].
 * @throws InputError when there is no negative flow (no investment to divide by).
 */
export function profitabilityIndex(rate: number, cashflows: ArrayLike<number>): number {
  checkRate('rate', rate);
  checkValues('cashflows', cashflows);
  const w = 1 / (1 + rate);
  let pos = 0;
  let neg = 0;
  let df = 1;
  for (let t = 0; t < cashflows.length; t++) {
    const v = cashflows[t] ?? 0;
    if (v > 0) pos += v * df;
    else neg -= v * df;
    df *= w;
  }
  if (neg === 0)
    throw new InputError('cashflows', cashflows, 'at least one negative flow (an investment)');
  return pos / neg;
}
