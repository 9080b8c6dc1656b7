// The scenario fuzzer in CI (fixed seed, so a failure reproduces exactly): fast-check mutates
// the reference scenarios and every case must keep the contract of parseScenario + appraise
// (test/fuzz/scenario-fuzz.ts lists the rules). Here the first 100 cases of the CI seed;
// scenarios.slow.test.ts runs 400 (the slow project, in CI); `npm run fuzz -- --runs N` longer.
import { describe, expect, it } from 'vitest';
import { expectFuzzContract } from './fuzz-contract.js';
import { checkCase, CI_SEED, nonFinitePaths } from './scenario-fuzz.js';

/** Cases per fast run: about 3 s on the 2-core machine. */
const FAST_RUNS = 100;

describe('scenario fuzzing', () => {
  it(`keeps the contract on ${FAST_RUNS} mutated reference scenarios (seed ${CI_SEED})`, () => {
    expectFuzzContract(FAST_RUNS);
  });

  it('its checks catch what they must: non-finite numbers, rejections without a place', () => {
    expect(nonFinitePaths({ a: { b: [1, Infinity] }, c: NaN, d: null, e: -0 })).toEqual([
      'a.b[1] = Infinity',
      'c = NaN',
    ]);
    // Deep nesting is rejected at its place (line 2), quickly, and that passes the check.
    const deep = `chromflow: 1\nname: ${'['.repeat(50)}${']'.repeat(50)}\n`;
    expect(checkCase({ text: deep, origin: 'deep' })).toBe('rejected');
  });
});
