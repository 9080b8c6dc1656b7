// What a report needs from one scenario: the appraisal and, when the economics produced it, the
// combined project cash-flow input (for the XLSX workbook's live formulas).
import { appraise } from '../appraise.js';
import type { Appraisal } from '../appraisal.js';
import type { CashflowInput } from '../econ/cashflow/types.js';
import type { Scenario } from '../scenario/schema.js';

export interface ReportInputs {
  appraisal: Appraisal;
  /**
   * The combined project cash-flow input whose `buildCashflowTable` is `appraisal.cashflow`;
   * null while the appraisal has no cash flow.
   */
  cashflow_input: CashflowInput | null;
}

/**
 * Appraises a scenario for a report.
 *
 * Today `appraise` returns no cash-flow input, so `cashflow_input` is null and the XLSX has no
 * formula sheets. When `appraiseDetailed(scenario): { appraisal, cashflow_input }` exists in
 * src/appraise.ts, the body becomes `return appraiseDetailed(scenario);`.
 *
 * @param scenario - A validated scenario (`parseScenario`/`loadScenario`).
 * @returns The appraisal and the cash-flow input (null when not computed).
 * @throws InputError, NotImplementedError, ConvergenceError from `appraise`.
 */
export function reportInputs(scenario: Scenario): ReportInputs {
  return { appraisal: appraise(scenario), cashflow_input: null };
}
