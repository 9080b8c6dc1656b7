import { DEPRECIATION_GROUPS, type DepreciationGroup } from '../fiscal/fiscal-regime.js';

/** Result of {@link taxDepreciation}, per row. */
export interface TaxDepreciation {
  /** Deductible depreciation of all groups [USD]. */
  depreciation: Float64Array;
  /** Average tax balance of the buildings group over the year (property-tax base) [USD]. */
  buildings_average_balance: Float64Array;
}

/**
 * Tax depreciation by group.
 *
 * Assets bought before `firstIndex` (construction) enter their group in the first operating
 * row; later additions enter in the row they are bought.
 * * Declining balance (Kazakh pools): D_t = rate · (B_{t−1} + A_t), B_t = B_{t−1} + A_t − D_t.
 * * Straight line: each vintage A depreciates by rate · A a year (life 1/rate years).
 * The tax value left in the last row is written off there (disposal at closure).
 *
 * @param additions - Capex per group and row, money of the day [USD].
 * @param firstIndex - First operating row [-].
 * @param method - `declining-balance` or `straight-line`.
 * @param rateOf - Maximum rate of a group [fraction per year].
 * @param out - Zero-filled arrays of the additions' length (a sampling loop reuses its own);
 *   default new ones.
 * @returns `out`: depreciation and the buildings' average balance per row [USD].
 */
export function taxDepreciation(
  additions: Readonly<Record<DepreciationGroup, ArrayLike<number>>>,
  firstIndex: number,
  method: 'declining-balance' | 'straight-line',
  rateOf: (g: DepreciationGroup) => number,
  out: TaxDepreciation = {
    depreciation: new Float64Array(additions.buildings.length),
    buildings_average_balance: new Float64Array(additions.buildings.length),
  },
): TaxDepreciation {
  const n = additions.buildings.length;
  const { depreciation, buildings_average_balance: buildings } = out;
  for (const g of DEPRECIATION_GROUPS) {
    const add = additions[g];
    const rate = rateOf(g);
    let pending = 0; // construction in progress
    let balance = 0;
    const vintages: { amount: number; left: number }[] = [];
    for (let t = 0; t < n; t++) {
      pending += add[t] ?? 0;
      let entering = 0;
      if (t >= firstIndex) {
        entering = pending;
        pending = 0;
      }
      const opening = balance;
      let d: number;
      if (method === 'declining-balance') {
        d = t >= firstIndex ? rate * (balance + entering) : 0;
      } else {
        if (entering > 0) vintages.push({ amount: entering, left: entering });
        d = 0;
        for (const v of vintages) {
          const dv = Math.min(v.left, rate * v.amount);
          v.left -= dv;
          d += dv;
        }
      }
      balance = balance + entering - d;
      if (g === 'buildings') buildings[t] = 0.5 * (opening + entering + balance);
      if (t === n - 1) {
        // Write-off of the remaining tax value (and of assets never commissioned).
        d += balance + pending;
        balance = 0;
      }
      depreciation[t] = (depreciation[t] ?? 0) + d;
    }
  }
  return out;
}
