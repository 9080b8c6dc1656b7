/**
 * Contained chromium of a product from its analysis: elemental Cr for alloys and metal, Cr in
 * Cr2O3 (and CrO3 when present) for oxides and concentrates.
 */
import { elementMassFractions } from './formula-elements.js';

const CR_IN_CR2O3 = elementMassFractions('Cr2O3').Cr ?? 0;
const CR_IN_CRO3 = elementMassFractions('CrO3').Cr ?? 0;

/**
 * @param composition_wt_pct - Dry analysis [wt%] with elements (`Cr`) or oxides (`Cr2O3`, `CrO3`).
 * @returns Contained Cr [wt%].
 */
export function containedCrWtPct(composition_wt_pct: Readonly<Record<string, number>>): number {
  return (
    (composition_wt_pct.Cr ?? 0) +
    (composition_wt_pct.Cr2O3 ?? 0) * CR_IN_CR2O3 +
    (composition_wt_pct.CrO3 ?? 0) * CR_IN_CRO3
  );
}
