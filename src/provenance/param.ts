/**
 * Provenance of every number chromflow uses. A `Param` is a value in the unit its field
 * declares, with where it came from. Scenario numbers written bare get the source
 * "scenario input"; defaults come from `data/` files that carry unit, source and status.
 */

/**
 * How much a number can be trusted:
 * - `verified`: appears in the cited source;
 * - `derived`: calculated from verified numbers or stoichiometry (the note says how);
 * - `assumed`: industry-typical or a placeholder with the reason stated; replace when known;
 * - `input`: written by the scenario's author.
 */
export type SourceStatus = 'verified' | 'derived' | 'assumed' | 'input';

export const SOURCE_STATUSES: readonly SourceStatus[] = ['verified', 'derived', 'assumed', 'input'];

export interface Param {
  /** The value in `unit`. */
  value: number;
  /** The unit of `value`, equal to the unit named by the field's key (e.g. `USD/t`). */
  unit: string;
  /** Publication, dataset or "assumed: <reason>"; "scenario input" for bare user numbers. */
  source: string;
  status: SourceStatus;
  /** Optional remark (derivation, date of a price, conversion applied). */
  note?: string;
  /** Where a default was taken from: `<data file>#<key>`. */
  ref?: string;
}

/** Default provenance of a bare number written in a scenario file. */
export const SCENARIO_INPUT_SOURCE = 'scenario input';

/** Type guard used when walking parsed scenarios to collect provenance. */
export function isParam(x: unknown): x is Param {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r.value === 'number' &&
    typeof r.unit === 'string' &&
    typeof r.source === 'string' &&
    typeof r.status === 'string'
  );
}
