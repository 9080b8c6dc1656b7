import { InputError } from '../../errors.js';

/** Largest accepted seed: seeds are non-negative integers below 2^53 (exact in a double). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** A seed split into the two 32-bit key words of Philox4x32. */
export interface SeedKey {
  readonly k0: number;
  readonly k1: number;
}

/**
 * Checks a user seed and splits it into the Philox key (low and high 32-bit words).
 *
 * @param seed - Seed [integer, 0 ≤ seed ≤ 2^53 − 1]
 * @param field - Path of the seed in the caller's input, for error messages.
 * @returns The key words.
 * @throws InputError when the seed is not a safe non-negative integer.
 */
export function seedKey(seed: number, field = 'seed'): SeedKey {
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new InputError(field, seed, `an integer from 0 to ${MAX_SEED}`);
  return { k0: seed >>> 0, k1: Math.floor(seed / 4294967296) >>> 0 };
}
