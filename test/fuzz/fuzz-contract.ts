// The scenario fuzzer as a test (fixed seed, so a failure reproduces exactly), shared by the fast
// run (scenarios.test.ts: the first cases of the seed) and the long one
// (scenarios.slow.test.ts: the 400 cases CI ran before the split, same seed).
import fc from 'fast-check';
import { expect } from 'vitest';
import { checkCase, CI_SEED, fuzzCase, type Outcome } from './scenario-fuzz.js';

/** Runs `runs` fuzz cases of the CI seed; every case keeps the contract (fast-check throws). */
export function expectFuzzContract(runs: number): void {
  const seen: Record<Outcome, number> = { rejected: 0, appraised: 0, 'model-limit': 0 };
  fc.assert(
    fc.property(fuzzCase, (c) => {
      seen[checkCase(c)]++;
    }),
    { seed: CI_SEED, numRuns: runs },
  );
  // The generator reaches both sides of validation (a fuzzer that only makes rejected
  // files would test nothing past the parser).
  expect(seen.rejected).toBeGreaterThan(runs / 4);
  expect(seen.appraised).toBeGreaterThan(runs / 10);
}
