/**
 * The stage timing option (`appraisal.stage_timing_option`, opt-in; timing-option.ts): its
 * figures — option value, the NPV of committing now, the optimal rule's value with its standard
 * error, the share of paths that never build — and the exercise boundary chart. Without the
 * section the card is one line saying it is not computed for this scenario.
 */
import { memo, useMemo } from 'react';
import type { Appraisal } from '../../../src/appraisal.js';
import { ChartPanel } from '../charts/ChartPanel.js';
import { timingBoundaryOption } from '../charts/timing-boundary.js';
import { useI18n } from '../i18n.js';
import { optionFigures, stageTimingOption } from '../timing-option.js';

export const TimingOptionCard = memo(function TimingOptionCard(props: { appraisal: Appraisal }) {
  const i18n = useI18n();
  const { t } = i18n;
  const o = useMemo(() => stageTimingOption(props.appraisal), [props.appraisal]);
  const spec = useMemo(() => (o ? timingBoundaryOption(o, i18n) : undefined), [o, i18n]);
  if (!o)
    return (
      <p className="muted" data-testid="timing-option-absent">
        {t('opt_absent')}
      </p>
    );
  return (
    <section className="panel wide" data-testid="timing-option">
      <h3>{t('opt_title', { stage: o.stage })}</h3>
      <div className="kpis small">
        {optionFigures(o, i18n).map((f) => (
          <div key={f.id} className="kpi" data-testid={`opt-${f.id}`}>
            <div className="kpi-label">{f.label}</div>
            <div className="kpi-value">{f.value}</div>
            {f.sub !== undefined && <div className="kpi-sub">{f.sub}</div>}
          </div>
        ))}
      </div>
      <p className="muted">
        {t('opt_basis', {
          paths: i18n.num(o.paths),
          seed: o.seed,
          from: o.start_years[0],
          to: o.start_years[1],
        })}
      </p>
      {spec ? (
        <ChartPanel
          id="timing-boundary"
          title={{ text: t('opt_boundary_title', { stage: o.stage }) }}
          spec={spec}
          level={4}
        />
      ) : (
        <p className="muted" data-testid="timing-boundary-none">
          {t('opt_no_price')}
        </p>
      )}
    </section>
  );
});
