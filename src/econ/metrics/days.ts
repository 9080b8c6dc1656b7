import { InputError } from '../../errors.js';

/** Day count of XNPV/XIRR: actual days / 365 [days per year]. */
export const DAYS_PER_YEAR_XNPV = 365;

/**
 * Year fractions (d_i − d_0)/365 of dated flows, as Excel XNPV/XIRR use them.
 * @param dates_days - Dates as day numbers (Excel serials or days since any epoch) [d];
 *   no date may precede the first.
 * @returns Times from the first date [years].
 */
export function yearFractions(dates_days: ArrayLike<number>): number[] {
  const d0 = dates_days[0];
  if (d0 === undefined || !Number.isFinite(d0))
    throw new InputError('dates_days[0]', d0, 'a finite day number');
  const out: number[] = [];
  for (let i = 0; i < dates_days.length; i++) {
    const d = dates_days[i];
    if (d === undefined || !Number.isFinite(d) || d < d0)
      throw new InputError(`dates_days[${i}]`, d, `a finite day number ≥ the first date (${d0})`);
    out.push((d - d0) / DAYS_PER_YEAR_XNPV);
  }
  return out;
}
