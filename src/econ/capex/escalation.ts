/**
 * Escalation of a class's costs between years: the CEPCI for the western class (US process-plant
 * costs), a constant rate for the china-epc class (Chinese equipment prices, data in the class).
 */
import { InputError } from '../../errors.js';
import { DATA_FILES } from '../../scenario/data-files.js';
import type { CostClass } from './cost-class.js';
import { costIndexFactor } from './cost-index.js';

/** Multiplicative factor from `fromYear` to `toYear` money of the class's currency [–]. */
export function escalationFactor(cls: CostClass, fromYear: number, toYear: number): number {
  if (cls.escalation === 'cepci') {
    const cepci = DATA_FILES['capex/cepci'];
    if (!cepci) throw new InputError('data/capex/cepci.json', undefined, 'a registered data file');
    return costIndexFactor(cepci, fromYear, toYear);
  }
  const rate = cls.escalation_pct_per_year;
  if (!rate)
    throw new InputError(
      `classes.${cls.id}.escalation_pct_per_year`,
      undefined,
      'an escalation rate',
    );
  return (1 + rate.value / 100) ** (toYear - fromYear);
}
