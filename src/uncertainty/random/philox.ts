/**
 * Philox4x32-10, the counter-based generator of Salmon, Moraes, Dror & Shaw (2011).
 *
 * A bijection of a 128-bit counter under a 64-bit key, built from 10 rounds of
 * 32 × 32 → 64-bit multiplications and XORs. Output word i of counter c under key k is a pure
 * function of (c, k): there is no hidden state, so any element of any stream can be computed
 * directly, in any order, on any worker — the basis of chromflow's chunk-independent sampling.
 *
 * Only 32-bit integer arithmetic is used (`Math.imul`, `>>>`, and 16-bit half products whose
 * sums stay below 2^53), so the output is the same on every JavaScript engine and platform.
 *
 * @see J. K. Salmon, M. A. Moraes, R. O. Dror, D. E. Shaw, "Parallel random numbers: as easy as
 *   1, 2, 3", SC '11, https://doi.org/10.1145/2063384.2063405 (Random123; known-answer vectors in
 *   its `kat_vectors` file are checked in test/uncertainty/random/philox.test.ts).
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
const M0_LO = M0 & 0xffff;
const M0_HI = M0 >>> 16;
const M1_LO = M1 & 0xffff;
const M1_HI = M1 >>> 16;

/** High 32 bits of the 64-bit product of `a` (given as 16-bit halves) and the uint32 `b`. */
function mulhi(aLo: number, aHi: number, b: number): number {
  const bLo = b & 0xffff;
  const bHi = b >>> 16;
  const ll = aLo * bLo;
  const hl = aHi * bLo;
  const lh = aLo * bHi;
  const hh = aHi * bHi;
  // Every term is < 2^33, so the sums are exact in double precision.
  const cross = (ll >>> 16) + (hl & 0xffff) + lh;
  return (hh + (hl >>> 16) + Math.floor(cross / 65536)) >>> 0;
}

/**
 * Philox4x32 with 10 rounds: encrypts the counter (c0, c1, c2, c3) under the key (k0, k1).
 *
 * @param c0 - Counter word 0 [uint32]
 * @param c1 - Counter word 1 [uint32]
 * @param c2 - Counter word 2 [uint32]
 * @param c3 - Counter word 3 [uint32]
 * @param k0 - Key word 0 [uint32]
 * @param k1 - Key word 1 [uint32]
 * @param out - Receives the four output words [uint32] at `out[0..3]`.
 * @example
 * const out = new Uint32Array(4);
 * philox4x32(0, 0, 0, 0, 0, 0, out); // out = 6627e8d5 e169c58d bc57ac4c 9b00dbd8 (Random123 KAT)
 */
export function philox4x32(
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  k0: number,
  k1: number,
  out: Uint32Array,
): void {
  let x0 = c0 >>> 0;
  let x1 = c1 >>> 0;
  let x2 = c2 >>> 0;
  let x3 = c3 >>> 0;
  let key0 = k0 >>> 0;
  let key1 = k1 >>> 0;
  for (let r = 0; r < 10; r++) {
    if (r > 0) {
      key0 = (key0 + W0) >>> 0;
      key1 = (key1 + W1) >>> 0;
    }
    const hi0 = mulhi(M0_LO, M0_HI, x0);
    const lo0 = Math.imul(M0, x0) >>> 0;
    const hi1 = mulhi(M1_LO, M1_HI, x2);
    const lo1 = Math.imul(M1, x2) >>> 0;
    x0 = (hi1 ^ x1 ^ key0) >>> 0;
    x1 = lo1;
    x2 = (hi0 ^ x3 ^ key1) >>> 0;
    x3 = lo0;
  }
  out[0] = x0;
  out[1] = x1;
  out[2] = x2;
  out[3] = x3;
}
