/**
 * KPI cards of one appraisal and the lender and sponsor cards (kpi-cards.ts), with the lender
 * and sponsor tables under them (FinanceDetails.tsx). A value the model has not computed shows
 * "—" with the reason; with a base appraisal (the what-if's loaded state), each card also shows
 * its change against the base.
 */
import { memo } from 'react';
import type { Appraisal } from '../../../src/appraisal.js';
import { useI18n } from '../i18n.js';
import { financeCards, formatDelta, kpiCards, type Card } from '../kpi-cards.js';
import { FinanceDetails } from './FinanceDetails.js';

function CardView(props: { c: Card; base?: Card | undefined; testPrefix: string }) {
  const i18n = useI18n();
  const { c, base } = props;
  const d = base && base.raw !== null && c.raw !== null ? c.raw - base.raw : undefined;
  const shown = d !== undefined && Math.abs(d) > 1e-9 * Math.max(1, Math.abs(base?.raw ?? 0));
  return (
    <div
      className={`kpi ${c.tone ?? ''}`}
      data-testid={`${props.testPrefix}${c.id}`}
      data-computed={c.value === null ? 'false' : 'true'}
    >
      <div className="kpi-label">{i18n.t(c.label)}</div>
      {c.value === null ? (
        <div className="kpi-value muted" title={c.reason ?? i18n.t('not_computed')}>
          — <span className="sr-only">{c.reason ?? i18n.t('not_computed')}</span>
        </div>
      ) : (
        <div className="kpi-value">{c.value}</div>
      )}
      {shown && (
        <div className={`kpi-delta ${d >= 0 ? 'up' : 'down'}`} data-testid={`delta-${c.id}`}>
          {formatDelta(i18n, c.kind, d)} {i18n.t('vs_base')}
        </div>
      )}
      {c.sub !== undefined && <div className="kpi-sub">{c.sub}</div>}
      {c.basis !== undefined && (
        <ul className="kpi-sub kpi-basis" data-testid={`basis-${props.testPrefix}${c.id}`}>
          {c.basis.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {c.value === null && c.reason !== undefined && <div className="kpi-sub">{c.reason}</div>}
    </div>
  );
}

export const Kpis = memo(function Kpis(props: { appraisal: Appraisal; base?: Appraisal }) {
  const i18n = useI18n();
  const cards = kpiCards(props.appraisal, i18n);
  const base = props.base ? kpiCards(props.base, i18n) : undefined;
  const fin = financeCards(props.appraisal, i18n);
  const finBase = props.base ? financeCards(props.base, i18n) : undefined;
  return (
    <>
      <div className="kpis" data-testid="kpis">
        {cards.map((c, k) => (
          <CardView key={c.id} c={c} base={base?.[k]} testPrefix="kpi-" />
        ))}
      </div>
      <details className="finance" open>
        <summary>
          <h3 className="inline">{i18n.t('lender_sponsor')}</h3>
        </summary>
        <div className="kpis small" data-testid="finance-kpis">
          {fin.map((c, k) => (
            <CardView key={c.id} c={c} base={finBase?.[k]} testPrefix="fin-" />
          ))}
        </div>
        <FinanceDetails metrics={props.appraisal.metrics} stages={props.appraisal.stages} />
      </details>
    </>
  );
});
