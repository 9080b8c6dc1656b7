// The Done-when of issue 19: on 1,000 seeded samples of each plant input (the concentrate's
// moisture, its Cr2O3 grade, the smelter's slag Cr2O3 target) every headline output of the
// explicit-equation plant solve equals the nested-solve path within 1e-6 relative.
import { describe, expect, it } from 'vitest';
import { compareWithNested } from './plant-resolve-equality.js';

describe('plant re-solved in Monte Carlo equals the nested-solve path (1,000 samples)', () => {
  it.each(['moisture', 'grade', 'slag-target'] as const)(
    '%s sampled',
    { timeout: 900_000 },
    (which) => {
      const c = compareWithNested(which, 1000);
      console.log(
        `${which}: ${c.samples} samples, worst relative difference ${c.worst.toExponential(2)} (${c.worstOutput})`,
      );
      expect(c.failed).toEqual([0, 0]);
      expect(c.worst, c.worstOutput).toBeLessThan(1e-6);
    },
  );
});
