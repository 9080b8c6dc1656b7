import { InputError } from '../../errors.js';
import type { RateEntry } from './fiscal-regime.js';

/**
 * The value of a dated rate in force on 1 January of a calendar year: the latest entry whose
 * `effective_from` is on or before `${year}-01-01`.
 *
 * @param entries - Dated values, any order.
 * @param year - Calendar year [a].
 * @param name - Rate name for the error message.
 * @returns The rate [unit of the entries].
 * @throws InputError when the year precedes every entry (no rate is known).
 */
export function rateInForce(entries: readonly RateEntry[], year: number, name: string): number {
  const day = `${String(year).padStart(4, '0')}-01-01`;
  let best: RateEntry | undefined;
  for (const e of entries)
    if (e.effective_from <= day && (best === undefined || e.effective_from > best.effective_from))
      best = e;
  if (best === undefined)
    throw new InputError(
      `fiscal.${name}.year`,
      year,
      `a year on or after ${entries.map((e) => e.effective_from).sort()[0] ?? '(no entries)'}`,
    );
  return best.value;
}
