/**
 * One cost correlation (BioSTEAM's `_cost` with the correlation kept as data): the installed cost
 * of `count` identical items of a given size, in the class currency of the item's cost year.
 */
import type { CostItem } from './cost-class.js';

/** Installed cost of the items and whether the size lies inside the correlation's range. */
export interface ItemCost {
  /** Installed cost [class currency of the item's cost year]. */
  cost: number;
  /** Size per item [the design result's unit]. */
  size: number;
  count: number;
  in_range: boolean;
}

/**
 * C = n · C₀ · (S / S₀)^e, the capacity-exponent rule applied per item.
 * @param item - Correlation: base size S₀, base cost C₀, exponent e, size range
 * @param size - Size of each item S [the design result's unit]
 * @param count - Number of identical items n (1 when the item has no count)
 * @see R. Williams Jr., "Six-tenths factor aids in approximating costs", Chemical Engineering
 *   54(12):124 (1947).
 */
export function itemCost(item: CostItem, size: number, count = 1): ItemCost {
  const cost =
    size > 0 && count > 0 ? count * item.base_cost * (size / item.base_size) ** item.exponent : 0;
  const [lo, hi] = item.size_range;
  return { cost, size, count, in_range: size === 0 || (size >= lo && size <= hi) };
}
