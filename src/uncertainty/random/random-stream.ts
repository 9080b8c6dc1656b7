import { uint32At, uniformAt } from './counter-random.js';
import { seedKey, type SeedKey } from './seed.js';
import { STREAM } from './streams.js';

/**
 * A sequential view of one counter-based stream (seed, tag, index), for algorithms that need
 * an unknown amount of randomness in order (bootstrap resampling, permutations).
 *
 * `split(k)` returns the independent child stream number k: a different stream index under a
 * derived key, so children of children never collide with their parents' streams.
 */
export class RandomStream {
  private position = 0;
  private constructor(
    private readonly key: SeedKey,
    private readonly tag: number,
    private readonly index: number,
  ) {}

  /**
   * @param seed - Seed [integer, 0 ≤ seed < 2^53]
   * @param tag - Stream tag [uint32]; default {@link STREAM.user}.
   * @param index - Stream index [integer, 0 ≤ index < 2^53]
   */
  static create(seed: number, tag: number = STREAM.user, index = 0): RandomStream {
    return new RandomStream(seedKey(seed), tag >>> 0, index);
  }

  /** Next uniform number in (0, 1) [-]. */
  nextDouble(): number {
    return uniformAt(this.key, this.tag, this.index, this.position++);
  }

  /** Next integer uniform on {0, …, n − 1} [integer]; the bias is below n / 2^53 (n ≤ 2^32). */
  nextInt(n: number): number {
    return Math.floor(this.nextDouble() * n);
  }

  /** Independent child stream k [integer ≥ 0]: its key is derived by hashing (key, tag, index, k). */
  split(k: number): RandomStream {
    const k0 = uint32At(this.key, this.tag ^ 0x5bd1e995, this.index, 4 * k);
    const k1 = uint32At(this.key, this.tag ^ 0x5bd1e995, this.index, 4 * k + 1);
    return new RandomStream({ k0, k1 }, this.tag, this.index);
  }
}
