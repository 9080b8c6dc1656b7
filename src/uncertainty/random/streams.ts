/**
 * Stream tags: the fourth Philox counter word, so that the random numbers used for different
 * purposes under one seed never overlap. Changing a value changes every result for a seed;
 * treat them as part of the file format.
 */
export const STREAM = {
  /** Plain Monte Carlo unit coordinates. */
  monteCarlo: 0x4d430001,
  /** Latin hypercube jitter inside each stratum. */
  lhsJitter: 0x4c480002,
  /** Latin hypercube stratum permutation keys (one per dimension). */
  lhsPermutation: 0x4c480003,
  /** Sobol scrambling (digital shift and Owen seeds, one per dimension). */
  sobolScramble: 0x534f0004,
  /** Iman–Conover score permutations. */
  imanConover: 0x49430005,
  /** Bootstrap resampling in sensitivity analysis. */
  bootstrap: 0x42530006,
  /** Least-squares Monte Carlo paths (Bermudan put validation, stage-2 timing option). */
  lsm: 0x4c530008,
  /** Free for callers deriving their own sub-streams. */
  user: 0x55530007,
} as const;
