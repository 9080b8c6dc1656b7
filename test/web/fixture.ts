// Shared fixture of the web tests: the stages 1 + 2 reference scenario, its text and its
// appraisal (computed once per test file, on first use), and a stage looked up by id.
import { readFileSync } from 'node:fs';
import { appraise } from '../../src/appraise.js';
import type { Appraisal, StageResult } from '../../src/appraisal.js';
import { loadScenario } from '../../src/scenario/load.js';

export const REFERENCE_FILE = 'aktobe-stage1-2.yaml';

/** YAML text of scenarios/aktobe-stage1-2.yaml. */
export const REFERENCE_TEXT = readFileSync(
  new URL(`../../scenarios/${REFERENCE_FILE}`, import.meta.url),
  'utf8',
);

let cached: Appraisal | undefined;

/** The appraisal of the reference scenario with default options. */
export function referenceAppraisal(): Appraisal {
  cached ??= appraise(loadScenario(REFERENCE_TEXT, REFERENCE_FILE));
  return cached;
}

/** The stage `id` of `a`; throws (failing the test) when the appraisal has no such stage. */
export function stageOf(a: Appraisal, id: string): StageResult {
  const stage = a.stages.find((s) => s.id === id);
  if (!stage) throw new Error(`the appraisal has no stage '${id}'`);
  return stage;
}

let annuity: Appraisal | undefined;

/**
 * The reference with its tranches repaid as annuities at the gearing cap instead of sculpted to
 * the target DSCR: stage 2 cannot service that debt, so the appraisal lists covenant breaches (a
 * case the reference itself no longer has).
 */
export function annuityAppraisal(): Appraisal {
  if (annuity) return annuity;
  const scenario = loadScenario(REFERENCE_TEXT, REFERENCE_FILE);
  const financing = { ...scenario.finance.financing, repayment: 'annuity' as const };
  annuity = appraise(
    { ...scenario, finance: { ...scenario.finance, financing } },
    { stageTimingOption: false },
  );
  return annuity;
}
