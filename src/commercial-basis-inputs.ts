/**
 * Which scenario inputs the {@link commercialBasis} reads: a Monte Carlo run whose samples move
 * none of them (and no price path) builds the basis of its base scenario once and keeps it in
 * its `HeadlineWork` (src/analysis/headline-outputs.ts) instead of rebuilding it per sample.
 */

/** Fields of a stage the basis reads: its calendar (row 0) and its nameplate (market response). */
const STAGE_FIELDS: readonly string[] = [
  'capacity_t_per_year',
  'start_year',
  'construction_years',
  'development_years',
];

/** Fields of a scenario feed the basis reads: its contract, price, volumes and analysis. */
const FEED_FIELDS: readonly string[] = [
  'composition_wt_pct',
  'contract',
  'price_usd_per_t',
  'supply_t_per_year',
  'supplier',
  'extra_supply',
];

/**
 * Whether the commercial basis (and the project's start year, row 0 of its paths) may read the
 * numeric input at `path` (a `numericLeaves` path). Conservative: every market, finance and site
 * input, the listed stage and feed fields, and any path of another section except `impact.`.
 * Tested: moving any other input of the reference scenarios leaves the basis equal.
 */
export function commercialBasisReads(path: string): boolean {
  const m = /^(stages|feeds)\.[^.]+\.([^.[]+)/.exec(path);
  if (m) return (m[1] === 'stages' ? STAGE_FIELDS : FEED_FIELDS).includes(m[2] ?? '');
  return !path.startsWith('impact.');
}
