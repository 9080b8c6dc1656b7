import { InputError } from '../../errors.js';
import { checkValues } from './check-values.js';
import { yearFractions } from './days.js';
import { IrrError } from './irr-error.js';
import { datedRoots } from './rate-of-return.js';

/**
 * Every annual rate r with XNPV(r) = 0 for dated flows (scan + Brent; see `irrAnalysis`).
 * @param values - Cash flows [USD].
 * @param dates_days - Day numbers [d], none before the first.
 * @returns All roots, ascending [fraction per year].
 * @throws IrrError (`no_irr`) naming the reason when there is none.
 */
export function xirrAll(values: ArrayLike<number>, dates_days: ArrayLike<number>): number[] {
  checkValues('values', values, 2);
  if (dates_days.length !== values.length)
    throw new InputError('dates_days', dates_days.length, `${values.length} dates (one per value)`);
  const r = datedRoots(values, yearFractions(dates_days));
  if (r.failure !== null) throw new IrrError(r.failure, r.roots, 'xirr', r.unresolved);
  return r.roots;
}

/**
 * Internal rate of return of dated cash flows (Excel `XIRR`): the annual r with
 * Σ_i v_i (1 + r)^(−(d_i − d_0)/365) = 0. No guess is needed: the root is bracketed.
 *
 * @param values - Cash flows [USD].
 * @param dates_days - Day numbers (e.g. Excel serials) [d], none before the first.
 * @returns The XIRR [fraction per year].
 * @throws IrrError when there is no root, or several (code `multiple_irr`, roots listed).
 * @see Microsoft Excel `XIRR`.
 */
export function xirr(values: ArrayLike<number>, dates_days: ArrayLike<number>): number {
  const roots = xirrAll(values, dates_days);
  if (roots.length !== 1) throw new IrrError('multiple-roots', roots, 'xirr');
  return roots[0] ?? Number.NaN;
}
