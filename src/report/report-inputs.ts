// What a report needs from one scenario: the appraisal and the per-stage cash-flow inputs whose
// tables add up to the appraisal's cash flow (for the XLSX workbook's live formulas).
import { appraiseDetailed, type DetailedAppraisal } from '../appraise.js';
import type { Scenario } from '../scenario/schema.js';

/** The appraisal and its per-stage cash-flow inputs (empty when the economics are not computed). */
export type ReportInputs = DetailedAppraisal;

/**
 * Appraises a scenario for a report.
 *
 * @param scenario - A validated scenario (`parseScenario`/`loadScenario`).
 * @returns The appraisal and the cash-flow input of every stage.
 * @throws InputError, NotImplementedError, ConvergenceError from `appraise`.
 */
export function reportInputs(scenario: Scenario): ReportInputs {
  return appraiseDetailed(scenario);
}
