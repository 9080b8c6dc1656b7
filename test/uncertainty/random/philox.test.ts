// Philox4x32-10 known-answer tests from Random123's kat_vectors (Salmon et al. 2011,
// https://github.com/DEShawResearch/random123, file tests/kat_vectors):
//   philox4x32 10 00000000 00000000 00000000 00000000 00000000 00000000   6627e8d5 e169c58d bc57ac4c 9b00dbd8
//   philox4x32 10 ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff   408f276d 41c83b0e a20bc7c6 6d5451fd
//   philox4x32 10 243f6a88 85a308d3 13198a2e 03707344 a4093822 299f31d0   d16cfe09 94fdcceb 5001e420 24126ea1
// (columns: counter[4], key[2], expected output[4]).
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import {
  fillUniforms,
  uint32At,
  uniformAt,
} from '../../../src/uncertainty/random/counter-random.js';
import { philox4x32 } from '../../../src/uncertainty/random/philox.js';
import { RandomStream } from '../../../src/uncertainty/random/random-stream.js';
import { seedKey } from '../../../src/uncertainty/random/seed.js';
import { STREAM } from '../../../src/uncertainty/random/streams.js';
import { chiSquareCritical, chiSquareUniform, ksCritical001, ksUniform } from '../helpers.js';

describe('philox4x32-10', () => {
  const cases: [number[], number[], number[]][] = [
    [
      [0, 0, 0, 0],
      [0, 0],
      [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8],
    ],
    [
      [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff],
      [0xffffffff, 0xffffffff],
      [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd],
    ],
    [
      [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344],
      [0xa4093822, 0x299f31d0],
      [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1],
    ],
  ];
  it.each(cases)('matches the Random123 known answer for counter %j key %j', (c, k, want) => {
    const out = new Uint32Array(4);
    philox4x32(c[0]!, c[1]!, c[2]!, c[3]!, k[0]!, k[1]!, out);
    expect(Array.from(out)).toEqual(want);
  });
});

describe('counter-based uniforms', () => {
  const key = seedKey(20261128);

  it('are a pure function of (seed, tag, i, j): any order, same values', () => {
    const forward = Array.from({ length: 50 }, (_, i) => uniformAt(key, STREAM.monteCarlo, i, 3));
    const backward = Array.from({ length: 50 }, (_, k) =>
      uniformAt(key, STREAM.monteCarlo, 49 - k, 3),
    ).reverse();
    expect(backward).toEqual(forward);
    // a huge index is as accessible as a small one
    expect(uniformAt(key, STREAM.monteCarlo, 2 ** 52 + 7, 5)).toBe(
      uniformAt(key, STREAM.monteCarlo, 2 ** 52 + 7, 5),
    );
  });

  it('fillUniforms gives exactly the values of uniformAt', () => {
    const out = new Float64Array(7);
    fillUniforms(key, STREAM.monteCarlo, 123456789, 7, out);
    for (let j = 0; j < 7; j++)
      expect(out[j]).toBe(uniformAt(key, STREAM.monteCarlo, 123456789, j));
  });

  it('differ between seeds, tags, indices and positions', () => {
    const other = seedKey(20261129);
    const a = uniformAt(key, STREAM.monteCarlo, 10, 0);
    expect(uniformAt(other, STREAM.monteCarlo, 10, 0)).not.toBe(a);
    expect(uniformAt(key, STREAM.lhsJitter, 10, 0)).not.toBe(a);
    expect(uniformAt(key, STREAM.monteCarlo, 11, 0)).not.toBe(a);
    expect(uniformAt(key, STREAM.monteCarlo, 10, 1)).not.toBe(a);
    // seeds that differ only above 2^32 give different streams (the high key word is used)
    expect(uniformAt(seedKey(2 ** 40 + 5), STREAM.monteCarlo, 0, 0)).not.toBe(
      uniformAt(seedKey(5), STREAM.monteCarlo, 0, 0),
    );
  });

  it('lie strictly inside (0, 1) and pass chi-square and KS uniformity tests (fixed seed)', () => {
    const n = 100_000;
    const u = new Float64Array(n);
    for (let i = 0; i < n; i++) u[i] = uniformAt(key, STREAM.monteCarlo, i, 0);
    expect(Math.min(...u)).toBeGreaterThan(0);
    expect(Math.max(...u)).toBeLessThan(1);
    // 100 bins, 99 degrees of freedom, level 0.001 (critical value ≈ 148.2)
    expect(chiSquareUniform(u, 100)).toBeLessThan(chiSquareCritical(99, 0.001));
    expect(ksUniform(u)).toBeLessThan(ksCritical001(n));
    // pairs (u_i, u_{i+1}) along one stream: 2-D chi-square on a 10 × 10 grid
    const pairs = new Float64Array(n / 2);
    for (let i = 0; i < n / 2; i++) {
      const a = uniformAt(key, STREAM.user, 0, 2 * i);
      const b = uniformAt(key, STREAM.user, 0, 2 * i + 1);
      pairs[i] = (Math.floor(a * 10) * 10 + Math.floor(b * 10) + 0.5) / 100;
    }
    expect(chiSquareUniform(pairs, 100)).toBeLessThan(chiSquareCritical(99, 0.001));
  });

  it('uint32 words are uniform over their 32 bits (each bit set about half the time)', () => {
    const n = 20_000;
    const ones = new Array<number>(32).fill(0);
    for (let i = 0; i < n; i++) {
      const w = uint32At(key, STREAM.user, i, i % 4);
      for (let b = 0; b < 32; b++) if ((w >>> b) & 1) ones[b]!++;
    }
    // binomial(20000, 0.5): sd ≈ 70.7; 5 sd ≈ 354
    for (const c of ones) expect(Math.abs(c - n / 2)).toBeLessThan(354);
  });

  it('rejects seeds that are not safe non-negative integers', () => {
    expect(() => seedKey(-1)).toThrow(InputError);
    expect(() => seedKey(1.5)).toThrow(/seed: found 1.5, expected an integer from 0 to/);
    expect(() => seedKey(2 ** 53)).toThrow(InputError);
  });
});

describe('RandomStream', () => {
  it('is reproducible, and split children differ from the parent and each other', () => {
    const a = RandomStream.create(7);
    const b = RandomStream.create(7);
    const xa = Array.from({ length: 5 }, () => a.nextDouble());
    expect(Array.from({ length: 5 }, () => b.nextDouble())).toEqual(xa);
    const c0 = RandomStream.create(7).split(0).nextDouble();
    const c1 = RandomStream.create(7).split(1).nextDouble();
    expect(c0).not.toBe(c1);
    expect(c0).not.toBe(xa[0]);
  });

  it('nextInt is uniform over 0 … n−1', () => {
    const s = RandomStream.create(99);
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 70_000; i++) counts[s.nextInt(7)]!++;
    // chi-square with 6 df, level 0.001: 22.46
    const chi2 = counts.reduce((acc, c) => acc + (c - 10_000) ** 2 / 10_000, 0);
    expect(chi2).toBeLessThan(22.46);
  });
});
