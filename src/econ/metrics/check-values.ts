import { InputError } from '../../errors.js';

/**
 * Rejects an empty or non-finite cash-flow vector (internal helper of the metrics).
 * @param field - Name of the argument for the error message.
 * @param values - Cash flows [USD or any money unit].
 * @param minLength - Fewest entries accepted.
 */
export function checkValues(field: string, values: ArrayLike<number>, minLength = 1): void {
  if (values.length < minLength)
    throw new InputError(field, values, `at least ${minLength} cash flow(s)`);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === undefined || !Number.isFinite(v))
      throw new InputError(`${field}[${i}]`, v, 'a finite number');
  }
}

/**
 * Rejects a rate that is not a finite number greater than −1 (−100 %).
 * @param field - Name of the argument for the error message.
 * @param rate - Rate per period [fraction, e.g. 0.08 for 8 %].
 */
export function checkRate(field: string, rate: number): void {
  if (!Number.isFinite(rate) || rate <= -1)
    throw new InputError(field, rate, 'a finite rate per period greater than -1 (fraction)');
}
