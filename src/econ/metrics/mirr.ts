import { InputError } from '../../errors.js';
import { checkRate, checkValues } from './check-values.js';

/**
 * Modified internal rate of return (Excel `MIRR`).
 *
 * MIRR = (FV of positive flows at the reinvestment rate / −PV of negative flows at the
 * finance rate)^(1/(n−1)) − 1, with FV at t = n − 1 and PV at t = 0.
 *
 * @param cashflows - CF_0 … CF_{n−1} [USD], CF_0 at t = 0, n ≥ 2.
 * @param financeRate - Rate paid on the money invested (negative flows) [fraction per period].
 * @param reinvestRate - Rate earned on reinvested positive flows [fraction per period].
 * @returns MIRR [fraction per period].
 * @throws InputError when there is no positive or no negative flow (Excel: #DIV/0!).
 * @see Microsoft Excel `MIRR`; numpy-financial `mirr`.
 */
export function mirr(
  cashflows: ArrayLike<number>,
  financeRate: number,
  reinvestRate: number,
): number {
  checkValues('cashflows', cashflows, 2);
  checkRate('financeRate', financeRate);
  checkRate('reinvestRate', reinvestRate);
  const n = cashflows.length;
  let fvPos = 0;
  let pvNeg = 0;
  for (let t = 0; t < n; t++) {
    const v = cashflows[t] ?? 0;
    if (v > 0) fvPos += v * Math.pow(1 + reinvestRate, n - 1 - t);
    else if (v < 0) pvNeg += v / Math.pow(1 + financeRate, t);
  }
  if (fvPos === 0 || pvNeg === 0)
    throw new InputError(
      'cashflows',
      cashflows,
      'at least one positive and one negative cash flow (MIRR undefined otherwise)',
    );
  return Math.pow(fvPos / -pvNeg, 1 / (n - 1)) - 1;
}
