// Monte Carlo samples that move the plant (issue 19): the explicit-equation plant solve gives the
// numbers of the nested-solve path it replaced (test/reference/nested-solve) within 1e-6
// relative, sample by sample. 20 seeded samples per case here; 1,000 in
// plant-resolve.slow.test.ts (the Done-when).
import { describe, expect, it } from 'vitest';
import { compareWithNested } from './plant-resolve-equality.js';

describe('plant re-solved in Monte Carlo equals the nested-solve path', () => {
  it.each(['moisture', 'grade', 'slag-target'] as const)('%s sampled (20 samples)', (which) => {
    const c = compareWithNested(which, 20);
    expect(c.failed).toEqual([0, 0]);
    expect(c.worst, c.worstOutput).toBeLessThan(1e-6);
    // Not vacuous: both paths give numbers, and the sampled input moves the NPV at least.
    expect(c.finite).toBeGreaterThan(20 * 6);
    expect(c.moved).toBeGreaterThan(0);
  });
});
