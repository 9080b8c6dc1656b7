/**
 * A product's minor elements as a buyer reads them: on the product including them,
 *   w_X = 100 · m_X,product / (m_majors + Σ m_minor,product)  [wt%],
 * and any flow (to slag, effluent, off-gas) per tonne of that product [kg/t]. The ferrochrome
 * smelter's alloy and the chromate route's metal are reported alike.
 */
import type { MinorElement, MinorFlows } from './minor-elements.js';

export interface MinorProductShares {
  /** S, P and Ti in the product [wt%]. */
  readonly wt_pct: Readonly<Record<MinorElement, number>>;
  /** A flow [kg/h] per tonne of the product, minor elements included [kg/t]. */
  per_t(kg_per_h: number): number;
}

/**
 * @param majors_kg_per_h - The product of the species balance (without S, P, Ti) [kg/h]
 * @param minor_kg_per_h - S, P and Ti the ledger puts in the product [kg/h]
 */
export function minorProductShares(
  majors_kg_per_h: number,
  minor_kg_per_h: MinorFlows,
): MinorProductShares {
  const m = minor_kg_per_h;
  const total = majors_kg_per_h + m.S + m.P + m.Ti;
  const wt = (e: MinorElement): number => (100 * m[e]) / total;
  return {
    wt_pct: { S: wt('S'), P: wt('P'), Ti: wt('Ti') },
    per_t: (kg_per_h) => kg_per_h / (total / 1000),
  };
}
