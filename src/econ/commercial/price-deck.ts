/**
 * The deterministic price deck: the median path of a log-Ornstein–Uhlenbeck price from today's
 * quotation towards a declared long-term level, the same process the Monte Carlo price paths
 * sample (src/uncertainty/paths/log-ou-path.ts). With x = ln P, dx = κ(θ − x)dt + σ dW, the
 * median of P at time t after the quote is exp(θ + e^{−κt}(x₀ − θ)): the deck a base case uses.
 *
 * @see E. S. Schwartz, "The stochastic behavior of commodity prices", J. Finance 52 (1997) 923–973.
 */
import { InputError } from '../../errors.js';

/**
 * Decimal year of a date: the middle of the month for "YYYY-MM", the middle of the year for "YYYY".
 * @param asOf - "YYYY" or "YYYY-MM".
 * @returns [a], e.g. "2025-10" → 2025.7917.
 */
export function decimalYear(asOf: string): number {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(asOf);
  if (!m) throw new InputError('as_of', asOf, 'a date "YYYY" or "YYYY-MM"');
  const year = Number(m[1]);
  return m[2] === undefined ? year + 0.5 : year + (Number(m[2]) - 0.5) / 12;
}

/**
 * Median deck price at decimal time `t` [price unit].
 *
 * @param today - Price at `t0` [price unit], > 0.
 * @param longTerm - Long-term median level exp(θ) [price unit], > 0.
 * @param reversionPerYear - κ [1/a], ≥ 0 (0 keeps today's price).
 * @param t0 - Decimal year of today's price [a].
 * @param t - Decimal year wanted [a]; before t0 the price is today's.
 * @example deckMedian(8495, 7658, 0.37, 2025.79, 2035.5) //=> ≈ 7,676 (≈ long term after ten years)
 */
export function deckMedian(
  today: number,
  longTerm: number,
  reversionPerYear: number,
  t0: number,
  t: number,
): number {
  if (!(today > 0) || !(longTerm > 0))
    throw new InputError('deck', { today, longTerm }, 'positive prices (the path is log-normal)');
  const dt = Math.max(t - t0, 0);
  const theta = Math.log(longTerm);
  return Math.exp(theta + Math.exp(-reversionPerYear * dt) * (Math.log(today) - theta));
}

/**
 * Deck prices at the middle of each row's calendar year.
 *
 * @param startYear - Calendar year of row 0.
 * @param rows - Number of rows.
 * @returns Price by row [price unit].
 */
export function deckByRow(
  today: number,
  longTerm: number,
  reversionPerYear: number,
  asOf: string,
  startYear: number,
  rows: number,
): Float64Array {
  const t0 = decimalYear(asOf);
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++)
    out[r] = deckMedian(today, longTerm, reversionPerYear, t0, startYear + r + 0.5);
  return out;
}
