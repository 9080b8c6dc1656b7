/**
 * What a buyer prices in the smelter's alloy beyond its Cr: S, P and Ti from the minor-element
 * ledger (fecr-minor-ledger.ts), C and Si from the species balance, and the grade they give
 * (fecr-grade.ts). The minor elements are reported per mass of alloy including them
 * (minor-product-shares.ts).
 */
import type { StageRun } from '../stage-run.js';
import { fecrMinorLedger } from './fecr-minor-ledger.js';
import { gradeAlloy, type GradeResult } from './fecr-grade.js';
import { chromiteMinorContents } from './minor-element-data.js';
import type { MinorBalance, MinorContents } from './minor-elements.js';
import { minorProductShares } from './minor-product-shares.js';
import type { Solved } from './run-fecr.js';

export interface AlloyQuality {
  /** The stage's minor-element ledger [kg/h]. */
  ledger: MinorBalance;
  grade: GradeResult;
  warnings: string[];
}

/**
 * @param r - The solved template
 * @param run - Its stage summary (the alloy product first)
 * @param chromite - Minor contents the feed states [wt% S, P, Ti of the dry feed]
 * @param kpis - Receives the alloy's S, P, Ti [wt%], whether it is in grade [1/0] and the S to
 *   slag and off-gas [kg/t], each stored by name (the stage's record stays in V8's fast mode;
 *   fecr-kpis.ts)
 */
export function fecrAlloyQuality(
  r: Solved,
  run: StageRun,
  chromite: Partial<MinorContents> | undefined,
  kpis: Record<string, number>,
): AlloyQuality {
  const warnings: string[] = [];
  const ledger = fecrMinorLedger(r, chromiteMinorContents(chromite, warnings, "the alloy's"));
  const alloy = run.products[0];
  const shares = minorProductShares((alloy?.t_per_h ?? NaN) * 1000, ledger.alloy_kg_per_h);
  const el = alloy?.composition_wt_pct ?? {};
  const grade = gradeAlloy({
    Cr: el.Cr ?? 0,
    C: el.C ?? 0,
    Si: el.Si ?? 0,
    P: shares.wt_pct.P,
    S: shares.wt_pct.S,
  });
  if (grade.grade === null)
    warnings.push(
      `the alloy meets no high-carbon grade of ${grade.standard}: ${grade.failing.join('; ')}; the HC ferrochrome price assumes an in-grade alloy`,
    );
  kpis.alloy_s_wt_pct = shares.wt_pct.S;
  kpis.alloy_p_wt_pct = shares.wt_pct.P;
  kpis.alloy_ti_wt_pct = shares.wt_pct.Ti;
  kpis.alloy_in_grade = grade.grade === null ? 0 : 1;
  kpis.slag_s_kg_per_t = shares.per_t(ledger.slag_kg_per_h.S);
  kpis.offgas_s_kg_per_t = shares.per_t(ledger.gas_kg_per_h.S);
  return { ledger, grade, warnings };
}
