/**
 * Money paths of the project calendar, built once at the appraise layer: the general (USD)
 * price level of a declared inflation path, the real cost indices of operating costs, and the
 * RMB/USD path by purchasing-power parity (for the Chinese sponsor's return in RMB).
 * Data: data/finance/inflation.json, data/finance/cost-indices.json.
 */
import { dataValue, lookupDataRef } from '../../scenario/data-files.js';

export type Currency = 'usd' | 'kzt' | 'rmb';

/** Declared CPI inflation of a currency in a calendar year [fraction per year]. */
export function declaredInflation(currency: Currency, year: number): number {
  return (
    lookupDataRef(`finance/inflation#${currency}_${year}`)?.value ??
    dataValue(`finance/inflation#${currency}_long_term`).value
  );
}

/**
 * Price level of each row relative to the base year: Π over the years after the base year up
 * to the row's year of (1 + π), divided out for years before it [-].
 *
 * @param rate - Inflation in a calendar year [fraction per year].
 * @param baseYear - Year of the money of the inputs (level 1).
 * @param startYear - Calendar year of row 0.
 * @param rows - Number of rows.
 */
export function priceLevelByRow(
  rate: (year: number) => number,
  baseYear: number,
  startYear: number,
  rows: number,
): Float64Array {
  // Each year's rate is looked up once (a data lookup per call), the products taken as before.
  const first = Math.min(baseYear, startYear);
  const rates = new Float64Array(Math.max(baseYear, startYear + rows - 1) - first + 1).fill(NaN);
  const rateOf = (y: number): number => {
    let v = rates[y - first] ?? NaN;
    if (Number.isNaN(v)) {
      v = rate(y);
      rates[y - first] = v;
    }
    return v;
  };
  const level = (year: number): number => {
    let v = 1;
    for (let y = baseYear + 1; y <= year; y++) v *= 1 + rateOf(y);
    for (let y = year + 1; y <= baseYear; y++) v /= 1 + rateOf(y);
    return v;
  };
  return Float64Array.from({ length: rows }, (_, t) => level(startYear + t));
}

/** Real escalation index of a cost kind by row, (1 + g)^(year − base year) [-]. */
export function realCostIndexByRow(
  pctPerYear: number,
  baseYear: number,
  startYear: number,
  rows: number,
): Float64Array {
  const g = pctPerYear / 100;
  return Float64Array.from({ length: rows }, (_, t) => Math.pow(1 + g, startYear + t - baseYear));
}

/**
 * A cost item's price by row: its base price × a real escalation index, entry by entry [USD/unit].
 * Typed, as every price path the cash-flow engine reads: a loop that reads plain arrays of
 * doubles beside typed ones boxes each number it loads.
 * @param index - {@link realCostIndexByRow} of the item's cost kind [-]
 * @param price - Base-year price [USD/unit]
 */
export function costPathByRow(index: ArrayLike<number>, price: number): Float64Array {
  const byRow = new Float64Array(index.length);
  for (let t = 0; t < index.length; t++) byRow[t] = (index[t] ?? Number.NaN) * price;
  return byRow;
}

/**
 * RMB per USD by row. `ppp`: relative purchasing-power parity, X_t = X_0 · P_RMB(t)/P_USD(t)
 * (the real rate stays at X_0); `constant`: X_0 in every row (nominal) [RMB/USD].
 *
 * @param rmbPerUsd - Base-year rate X_0 [RMB/USD].
 * @param path - `ppp` or `constant`.
 * @param rmbLevel - RMB price level by row relative to the base year [-].
 * @param usdLevel - USD price level by row relative to the base year [-].
 */
export function rmbPerUsdByRow(
  rmbPerUsd: number,
  path: 'ppp' | 'constant',
  rmbLevel: ArrayLike<number>,
  usdLevel: ArrayLike<number>,
): Float64Array {
  const rows = usdLevel.length;
  if (path === 'constant') return new Float64Array(rows).fill(rmbPerUsd);
  return Float64Array.from(
    { length: rows },
    (_, t) => (rmbPerUsd * (rmbLevel[t] ?? 1)) / (usdLevel[t] ?? 1),
  );
}
