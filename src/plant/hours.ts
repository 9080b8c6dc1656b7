/** Hours in a (non-leap) year [h/year]; capacities per year and rates per hour convert with it. */
export const HOURS_PER_YEAR = 8760;

/**
 * Operating hours per year at nameplate rate.
 * @param availability - Share of the year the plant runs [–], 0 < a ≤ 1.
 * @returns [h/year]
 */
export function operatingHours(availability: number): number {
  return HOURS_PER_YEAR * availability;
}
