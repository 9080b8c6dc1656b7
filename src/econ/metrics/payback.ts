import { checkValues } from './check-values.js';

/**
 * Payback period: the first time the cumulative cash flow reaches zero, interpolating
 * linearly inside the period where it turns non-negative (flows spread evenly over the
 * period (t − 1, t]).
 *
 * payback = (t − 1) + (−C_{t−1}) / CF_t for the first t with C_{t−1} < 0 ≤ C_t, where
 * C_t = Σ_{j≤t} CF_j; 0 when C_0 ≥ 0 and the cumulative never goes negative.
 * If the cumulative turns negative again later (e.g. closure costs) the first crossing is
 * still reported.
 *
 * @param cashflows - CF_0 … CF_{n−1} [USD], CF_0 at t = 0.
 * @returns Payback time from t = 0 [periods, years for yearly rows], or null if never paid back.
 */
export function paybackYears(cashflows: ArrayLike<number>): number | null {
  checkValues('cashflows', cashflows);
  return cumulativeCrossing(cashflows, (v) => v);
}

/** Shared body of payback and discounted payback; `value(v, t)` maps flow t. */
export function cumulativeCrossing(
  cashflows: ArrayLike<number>,
  value: (v: number, t: number) => number,
): number | null {
  let cum = value(cashflows[0] ?? 0, 0);
  let everNegative = cum < 0;
  for (let t = 1; t < cashflows.length; t++) {
    const v = value(cashflows[t] ?? 0, t);
    const next = cum + v;
    if (cum < 0 && next >= 0) return t - 1 + -cum / v;
    cum = next;
    if (cum < 0) everNegative = true;
  }
  return everNegative ? null : 0;
}
