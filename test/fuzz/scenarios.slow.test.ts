// The scenario fuzzer's long CI run (slow project): 400 mutated reference scenarios of the CI
// seed, the contract of parseScenario + appraise on each (test/fuzz/scenario-fuzz.ts lists the
// rules). scenarios.test.ts runs the first 100 of them in `npm test`.
import { describe, it } from 'vitest';
import { expectFuzzContract } from './fuzz-contract.js';
import { CI_SEED } from './scenario-fuzz.js';

/** Cases per CI run: about 10 s on the 2-core CI machine. */
const CI_RUNS = 400;

describe('scenario fuzzing (long)', () => {
  it(`keeps the contract on ${CI_RUNS} mutated reference scenarios (seed ${CI_SEED})`, () => {
    expectFuzzContract(CI_RUNS);
  });
});
