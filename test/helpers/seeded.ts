// Seeded uniform random numbers for property tests (pure-rand xoroshiro128+).
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** Returns a function yielding uniform numbers in [lo, hi) from a fixed seed. */
export function seededUniform(seed: number): (lo?: number, hi?: number) => number {
  const rng = xoroshiro128plus(seed);
  return (lo = 0, hi = 1) => lo + (hi - lo) * uniformFloat64(rng);
}
