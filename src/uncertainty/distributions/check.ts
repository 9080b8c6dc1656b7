import { InputError } from '../../errors.js';

/** Throws unless `value` is a finite number. */
export function requireFinite(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new InputError(field, value, 'a finite number');
  return value;
}

/** Throws unless `value` is a finite number > 0. */
export function requirePositive(field: string, value: unknown): number {
  const v = requireFinite(field, value);
  if (!(v > 0)) throw new InputError(field, value, 'a finite number > 0');
  return v;
}

/** Throws unless `u` is a probability strictly inside (0, 1). */
export function requireOpenProbability(field: string, u: number): number {
  if (!(u > 0 && u < 1)) throw new InputError(field, u, 'a probability strictly between 0 and 1');
  return u;
}
