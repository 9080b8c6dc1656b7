import { InputError } from '../../errors.js';
import type { DataFile } from '../../provenance/data-value.js';

/**
 * Escalation factor of plant costs from `fromYear` to `toYear` by the CEPCI annual averages:
 * I(toYear) / I(fromYear). Years after the last published index are extrapolated at the
 * assumed rate `escalation_after_last_index_per_year` (compound); years before the first are
 * refused rather than guessed.
 *
 * @param cepci - The index data file (data/capex/cepci.json), keys are years.
 * @param fromYear - Year of the reference cost [year].
 * @param toYear - Year of money of the appraisal [year].
 * @returns Multiplicative factor [–].
 * @see Chemical Engineering Plant Cost Index, chemengonline.com/pci.
 */
export function costIndexFactor(cepci: DataFile, fromYear: number, toYear: number): number {
  return indexAt(cepci, toYear) / indexAt(cepci, fromYear);
}

/** Sorted index years of a data file (a few dozen keys: computed on each call). */
function indexYears(cepci: DataFile): number[] {
  return Object.keys(cepci.values)
    .filter((k) => /^\d{4}$/.test(k))
    .map(Number)
    .sort((a, b) => a - b);
}

function indexAt(cepci: DataFile, year: number): number {
  const direct = cepci.values[String(year)];
  if (direct) return direct.value;
  const years = indexYears(cepci);
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) throw new Error('cost index file has no years');
  if (year < first)
    throw new InputError('cost year', year, `a year covered by the cost index (${first}–${last})`);
  if (year < last)
    throw new InputError(
      'cost year',
      year,
      `a year present in the cost index (gaps are not interpolated)`,
    );
  const rate = cepci.values.escalation_after_last_index_per_year?.value;
  if (rate === undefined)
    throw new Error('cost index file lacks escalation_after_last_index_per_year');
  const lastValue = cepci.values[String(last)]?.value ?? Number.NaN;
  return lastValue * (1 + rate) ** (year - last);
}
