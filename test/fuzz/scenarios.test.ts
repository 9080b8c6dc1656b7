// The scenario fuzzer in CI (fixed seed, so a failure reproduces exactly): fast-check mutates
// the reference scenarios and every case must keep the contract of parseScenario + appraise
// (test/fuzz/scenario-fuzz.ts lists the rules). `npm run fuzz -- --runs N` runs it longer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCase, CI_SEED, fuzzCase, nonFinitePaths, type Outcome } from './scenario-fuzz.js';

/** Cases per CI run: about 10 s on the 2-core CI machine. */
const CI_RUNS = 400;

describe('scenario fuzzing', () => {
  it(`keeps the contract on ${CI_RUNS} mutated reference scenarios (seed ${CI_SEED})`, () => {
    const seen: Record<Outcome, number> = { rejected: 0, appraised: 0, 'model-limit': 0 };
    fc.assert(
      fc.property(fuzzCase, (c) => {
        seen[checkCase(c)]++;
      }),
      { seed: CI_SEED, numRuns: CI_RUNS },
    );
    // The generator reaches both sides of validation (a fuzzer that only makes rejected
    // files would test nothing past the parser).
    expect(seen.rejected).toBeGreaterThan(CI_RUNS / 4);
    expect(seen.appraised).toBeGreaterThan(CI_RUNS / 10);
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
