// Cross-checks of the USBM (FREED 11.0) chromite data against an independent experiment:
// R. Kessel, J. R. Beckett, E. M. Stolper, "Experimental determination of the activity of
// chromite in multicomponent spinels" (Pt-alloy equilibration at 1300 °C), values read from
// the abstract (https://cris.huji.ac.il/en/publications/experimental-determination-of-the-activity-of-chromite-in-multico),
// as listed in ../shared/data/thermo/literature_point_values.json.
import { describe, expect, it } from 'vitest';
import { reaction } from '../../../src/thermo/reaction.js';

describe('FeCr2O4 at 1573 K versus Kessel, Beckett & Stolper', () => {
  it('ΔfG from the elements: −923.5 ± 2.1 kJ/mol (ours within 3.5 kJ)', () => {
    const dG = reaction('Fe + 2Cr + 2O2 = FeCr2O4', 1573)[0]?.dG_kJ ?? NaN;
    expect(Math.abs(dG - -923.5)).toBeLessThan(3.5);
  });
  it('ΔG of Fe + Cr2O3 + 1/2 O2 = FeCr2O4: −202.7 ± 0.4 kJ/mol (ours within 2 kJ)', () => {
    const dG = reaction('Fe + Cr2O3 + 1/2 O2 = FeCr2O4', 1573)[0]?.dG_kJ ?? NaN;
    expect(Math.abs(dG - -202.7)).toBeLessThan(2);
  });
});
