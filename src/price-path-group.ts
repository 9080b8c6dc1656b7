/**
 * The sampled price paths of `uncertainty.price_paths` as the uncertainty layer's path group:
 * one log-OU multiplier path per series (start 1, long-run median 1: the deviation from the
 * deck's median path, the same process the deck's median follows), κ from the deck, σ its
 * volatility, shocks correlated. Shared by Monte Carlo (src/analysis/monte-carlo.ts) and the
 * stage-timing option (src/stage-timing-option.ts).
 */
import { dataValue } from './scenario/data-files.js';
import type { Scenario } from './scenario/schema.js';
import type { PricePathGroup } from './uncertainty/paths/log-ou-path.js';

/**
 * @param scenario - The scenario.
 * @param offset - Index of the first path entry in the parameter vector (written after the
 *   scenario's inputs, series-major, one entry per row).
 * @returns The group, its series ids and rows; undefined without `uncertainty.price_paths`.
 */
export function pricePathGroup(
  scenario: Scenario,
  offset: number,
): { group: PricePathGroup; series: string[]; rows: number } | undefined {
  const pp = scenario.uncertainty?.price_paths;
  if (!pp) return undefined;
  const rows = scenario.finance.horizon_years.value;
  const series = pp.series.map((name, k) => {
    const deck = scenario.markets.products.find((p) => p.id === name)?.deck;
    const kappa =
      deck?.reversion_per_year.value ??
      dataValue('markets/price-deck-2025#reversion_per_year').value;
    const sigma =
      name === 'electricity'
        ? dataValue('markets/price-deck-2025#electricity_volatility_per_sqrt_year').value
        : (deck?.volatility_per_sqrt_year?.value ?? NaN);
    return {
      name: `price_paths.${name}`,
      start: 1,
      longRunMedian: 1,
      reversionPerYear: kappa,
      volatility: sigma,
      indices: Array.from({ length: rows }, (_, r) => offset + k * rows + r),
    };
  });
  const matrix = pp.series.map((a, i) =>
    pp.series.map((b, j) => {
      if (i === j) return 1;
      const c = pp.shock_correlations.find(
        (x) =>
          (x.between[0] === a && x.between[1] === b) || (x.between[0] === b && x.between[1] === a),
      );
      return c?.rho ?? 0;
    }),
  );
  return {
    group: { name: 'price paths', series, shockCorrelation: matrix },
    series: pp.series,
    rows,
  };
}
