/**
 * What a capex figure rests on, one line per stage with an estimate (issue 13): the stage's
 * reference cost class and whether that class is calibrated on reference plants of the stage's
 * family. Shown under the capex KPI card.
 */
import type { StageResult } from '../../src/appraisal.js';
import type { I18n } from './i18n.js';

export function capexClassLines(
  stages: readonly Pick<StageResult, 'id' | 'capex'>[],
  i18n: I18n,
): string[] {
  const { t } = i18n;
  return stages.flatMap((s) =>
    s.capex
      ? [
          t('capex_class_of', {
            stage: s.id,
            cls: i18n.costClass(s.capex.reference_class),
            calibrated: t(s.capex.calibrated ? 'capex_calibrated' : 'capex_uncalibrated'),
          }),
        ]
      : [],
  );
}
