import { philox4x32 } from './philox.js';
import type { SeedKey } from './seed.js';

const TWO_POW_32 = 4294967296;
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

const scratch = new Uint32Array(4);

/** Philox block `block` of stream (tag, i) into `scratch`: counter (block, i mod 2^32, ⌊i/2^32⌋, tag). */
function philoxBlock(key: SeedKey, tag: number, i: number, block: number): void {
  philox4x32(block, i >>> 0, Math.floor(i / TWO_POW_32) >>> 0, tag, key.k0, key.k1, scratch);
}

/**
 * The uniform number `j` of stream `i` under a key: a pure function of (key, tag, i, j).
 *
 * Counter layout: (⌊j/2⌋, i mod 2^32, ⌊i/2^32⌋, tag). One Philox block yields two doubles, each
 * from two 32-bit words with 53 random bits: u = (a·2^26 + b + ½) / 2^53, a = w0 >>> 5,
 * b = w1 >>> 6. The ½ keeps u strictly inside (0, 1), so inverse CDFs never see 0 or 1.
 *
 * @param key - Seed key (see {@link seedKey}).
 * @param tag - Stream tag [uint32] (see {@link STREAM}).
 * @param i - Stream index, usually the sample index [integer, 0 ≤ i < 2^53]
 * @param j - Position in the stream, usually the dimension [integer, 0 ≤ j < 2^33]
 * @returns A uniform number in the open interval (0, 1) [-]
 */
export function uniformAt(key: SeedKey, tag: number, i: number, j: number): number {
  philoxBlock(key, tag, i, Math.floor(j / 2));
  const base = (j & 1) * 2;
  const a = (scratch[base] ?? 0) >>> 5;
  const b = (scratch[base + 1] ?? 0) >>> 6;
  return (a * TWO_POW_26 + b + 0.5) / TWO_POW_53;
}

/**
 * A 32-bit random word `j` of stream `i` under a key (pure function, like {@link uniformAt}).
 *
 * Counter layout: (⌊j/4⌋, i mod 2^32, ⌊i/2^32⌋, tag); word j mod 4 of the block.
 *
 * @returns A uniformly distributed integer in [0, 2^32) [uint32]
 */
export function uint32At(key: SeedKey, tag: number, i: number, j: number): number {
  philoxBlock(key, tag, i, Math.floor(j / 4));
  return scratch[j & 3] ?? 0;
}

/**
 * Fills `out[offset .. offset + count)` with the uniforms j = 0 … count−1 of stream `i`, the same
 * values {@link uniformAt} returns, with one Philox call per two numbers.
 */
export function fillUniforms(
  key: SeedKey,
  tag: number,
  i: number,
  count: number,
  out: Float64Array,
  offset = 0,
): void {
  const iLo = i >>> 0;
  const iHi = Math.floor(i / TWO_POW_32) >>> 0;
  for (let j = 0; j < count; j += 2) {
    philox4x32(j / 2, iLo, iHi, tag, key.k0, key.k1, scratch);
    out[offset + j] =
      (((scratch[0] ?? 0) >>> 5) * TWO_POW_26 + ((scratch[1] ?? 0) >>> 6) + 0.5) / TWO_POW_53;
    if (j + 1 < count)
      out[offset + j + 1] =
        (((scratch[2] ?? 0) >>> 5) * TWO_POW_26 + ((scratch[3] ?? 0) >>> 6) + 0.5) / TWO_POW_53;
  }
}
