import { InputError } from '../../errors.js';
import { uint32At } from '../random/counter-random.js';
import { seedKey } from '../random/seed.js';
import { STREAM } from '../random/streams.js';
import { directionNumbers, JOE_KUO_MAX_DIMENSION } from './joe-kuo.js';

/** Scrambling of a Sobol sequence. */
export type SobolScramble = 'none' | 'shift' | 'owen';

const TWO_POW_32 = 4294967296;

/** Reverses the 32 bits of a uint32. */
function reverseBits(x: number): number {
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  x = ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
  x = ((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8);
  return ((x >>> 16) | (x << 16)) >>> 0;
}

/**
 * Hash-based nested uniform (Owen) scramble of a 32-bit binary fraction (Burley 2020): reverse
 * the bits, apply a Laine–Karras-style permutation in which each bit depends only on lower bits
 * (i.e. on the higher digits of the fraction), reverse back.
 *
 * @see B. Burley, "Practical Hash-based Owen Scrambling", JCGT 9(4) 2020, http://jcgt.org/published/0009/04/01/
 */
export function owenScramble(x: number, seed: number): number {
  x = reverseBits(x);
  x ^= Math.imul(x, 0x3d20adea);
  x = (x + seed) >>> 0;
  x = Math.imul(x, (seed >>> 16) | 1);
  x ^= Math.imul(x, 0x05526c56);
  x ^= Math.imul(x, 0x53a22864);
  return reverseBits(x >>> 0);
}

/**
 * Sobol low-discrepancy sequence with Joe–Kuo direction numbers (new-joe-kuo-6.21201), 32-bit,
 * in Gray-code order (the order of scipy.stats.qmc.Sobol and of Antonov–Saleev).
 *
 * Point i is computed directly as x_ij = ⊕_k g_k v_jk with g = i ⊕ (i >> 1), so any index range
 * can be generated on its own (chunking) with results identical to a sequential run.
 * Unscrambled points equal scipy's exactly (scipy uses 30 bits; the first 2^30 points agree).
 *
 * Scrambling (optional, keyed by the seed): `shift` XORs each dimension with a random 32-bit
 * word (random digital shift); `owen` applies Burley's hash-based nested uniform scramble per
 * dimension. Both keep the (t, m, s)-net property of the sequence in base 2.
 */
export class SobolSequence {
  readonly dimension: number;
  readonly scramble: SobolScramble;
  private readonly v: Uint32Array;
  private readonly keys: Uint32Array;

  /**
   * @param dimension - Number of coordinates [integer, 1 … JOE_KUO_MAX_DIMENSION]
   * @param scramble - Scrambling method; default `none`.
   * @param seed - Seed for scrambling [integer]; ignored when `scramble` is `none`.
   */
  constructor(dimension: number, scramble: SobolScramble = 'none', seed = 0) {
    if (!Number.isInteger(dimension) || dimension < 1 || dimension > JOE_KUO_MAX_DIMENSION)
      throw new InputError(
        'sobol.dimension',
        dimension,
        `an integer from 1 to ${JOE_KUO_MAX_DIMENSION} (the shipped Joe–Kuo table)`,
      );
    this.dimension = dimension;
    this.scramble = scramble;
    this.v = new Uint32Array(32 * dimension);
    for (let j = 0; j < dimension; j++) directionNumbers(j, this.v, 32 * j);
    this.keys = new Uint32Array(dimension);
    if (scramble !== 'none') {
      const key = seedKey(seed);
      for (let j = 0; j < dimension; j++) this.keys[j] = uint32At(key, STREAM.sobolScramble, 0, j);
    }
  }

  /**
   * Coordinate j of point i as a 32-bit integer: the point is this value / 2^32.
   *
   * @param i - Point index [integer, 0 ≤ i < 2^32]
   * @param j - Dimension [integer, 0 ≤ j < dimension]
   * @returns The coordinate scaled by 2^32 [uint32]
   */
  coordinateUint32(i: number, j: number): number {
    return this.scrambled(this.rawCoordinate(i, j), j);
  }

  /** Unscrambled coordinate j of point i: ⊕ of v_jk over the set bits k of gray(i) [uint32]. */
  private rawCoordinate(i: number, j: number): number {
    let g = (i ^ (i >>> 1)) >>> 0;
    let x = 0;
    let k = 32 * j;
    while (g !== 0) {
      if (g & 1) x ^= this.v[k] ?? 0;
      g >>>= 1;
      k++;
    }
    return x >>> 0;
  }

  /** Applies the scramble of dimension j to a raw coordinate [uint32]. */
  private scrambled(raw: number, j: number): number {
    const key = this.keys[j] ?? 0;
    if (this.scramble === 'shift') return (raw ^ key) >>> 0;
    if (this.scramble === 'owen') return owenScramble(raw, key);
    return raw;
  }

  /**
   * Point i as numbers in the open unit cube: u_j = (x_j + ½) / 2^32, so inverse CDFs never see
   * 0 or 1 (the unscrambled first point, 0, becomes 2^-33).
   *
   * @param i - Point index [integer, 0 ≤ i < 2^32]
   * @param out - Receives u_0 … u_{d−1} [-] at out[offset …]
   */
  point(i: number, out: Float64Array, offset = 0): void {
    for (let j = 0; j < this.dimension; j++)
      out[offset + j] = (this.coordinateUint32(i, j) + 0.5) / TWO_POW_32;
  }

  /**
   * Fills `count` consecutive points from `start` in row-major order, updating one direction
   * number per point (Gray-code recurrence). Gives the same values as {@link point}.
   *
   * @param out - Receives count × dimension numbers in (0, 1) [-]
   */
  fill(start: number, count: number, out: Float64Array): void {
    const d = this.dimension;
    if (count <= 0) return;
    const x = new Uint32Array(d);
    for (let j = 0; j < d; j++) x[j] = this.rawCoordinate(start, j);
    for (let n = 0; ; n++) {
      const row = n * d;
      for (let j = 0; j < d; j++) out[row + j] = (this.scrambled(x[j] ?? 0, j) + 0.5) / TWO_POW_32;
      if (n + 1 >= count) break;
      // Gray code: going from index i to i + 1 flips the bit at the lowest zero bit of i.
      const i = start + n;
      const c = 31 - Math.clz32(~i & (i + 1));
      for (let j = 0; j < d; j++) x[j] = ((x[j] ?? 0) ^ (this.v[32 * j + c] ?? 0)) >>> 0;
    }
  }
}
