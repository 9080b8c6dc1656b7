/**
 * Random-access pseudo-random permutation of {0, …, n − 1} (Kensler 2013, "Correlated
 * Multi-Jittered Sampling", Pixar Technical Memo 13-01, listing `permute`).
 *
 * A keyed hash made of steps that are each invertible on the low w bits (w = bit length of
 * n − 1: XOR with constants, odd multiplications, XOR with right shifts of the masked value),
 * hence a bijection of {0, …, 2^w − 1}; cycle walking (repeat until the value is < n) restricts
 * it to a bijection of {0, …, n − 1}. Element i costs O(1) memory, so a Latin hypercube of any
 * size needs no stored permutation and any index range can be generated alone.
 *
 * @param i - Position [integer, 0 ≤ i < n]
 * @param n - Size of the permuted set [integer, 1 ≤ n ≤ 2^32]
 * @param key - Permutation key [uint32]
 * @returns The element at position i [integer, 0 ≤ result < n]
 */
export function permute(i: number, n: number, key: number): number {
  const p = key >>> 0;
  let w = (n - 1) >>> 0;
  w |= w >>> 1;
  w |= w >>> 2;
  w |= w >>> 4;
  w |= w >>> 8;
  w |= w >>> 16;
  w >>>= 0;
  let x = i >>> 0;
  do {
    x ^= p;
    x = Math.imul(x, 0xe170893d);
    x ^= p >>> 16;
    x ^= (x & w) >>> 4;
    x ^= p >>> 8;
    x = Math.imul(x, 0x0929eb3f);
    x ^= p >>> 23;
    x ^= (x & w) >>> 1;
    x = Math.imul(x, 1 | (p >>> 27));
    x = Math.imul(x, 0x6935fa69);
    x ^= (x & w) >>> 11;
    x = Math.imul(x, 0x74dcb303);
    x ^= (x & w) >>> 2;
    x = Math.imul(x, 0x9e501cc3);
    x ^= (x & w) >>> 2;
    x = Math.imul(x, 0xc860a3df);
    x &= w;
    x ^= x >>> 5;
    x >>>= 0;
  } while (x >= n);
  return (x + p) % n;
}
