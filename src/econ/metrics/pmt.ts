import { InputError } from '../../errors.js';

/**
 * Level payment of an annuity (Excel `PMT`, sign convention: money paid out is negative).
 *
 * pmt = −(pv·(1+r)^n + fv)·r / ((1 + r·type)·((1+r)^n − 1)), and −(pv + fv)/n when r = 0.
 *
 * @param rate - Interest rate per period [fraction, > −1].
 * @param nper - Number of periods [-], > 0.
 * @param pv - Present value (loan amount received is positive) [USD].
 * @param fv - Future value after the last payment [USD], default 0.
 * @param type - 0 = payments at the end of each period (default), 1 = at the beginning.
 * @returns Payment per period [USD per period] (negative for a loan received).
 * @see Microsoft Excel `PMT`; numpy-financial `pmt`.
 */
export function pmt(rate: number, nper: number, pv: number, fv = 0, type: 0 | 1 = 0): number {
  if (!Number.isFinite(rate) || rate <= -1)
    throw new InputError('rate', rate, 'a finite rate per period greater than -1 (fraction)');
  if (!Number.isFinite(nper) || nper <= 0)
    throw new InputError('nper', nper, 'a positive number of periods');
  if (!Number.isFinite(pv)) throw new InputError('pv', pv, 'a finite present value');
  if (!Number.isFinite(fv)) throw new InputError('fv', fv, 'a finite future value');
  if (rate === 0) return -(pv + fv) / nper;
  const g = Math.pow(1 + rate, nper);
  return (-(pv * g + fv) * rate) / ((1 + rate * type) * (g - 1));
}
