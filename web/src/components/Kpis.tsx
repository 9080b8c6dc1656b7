/** KPI cards of one appraisal. A value the model has not computed shows "—" ("not computed"). */
import type { Appraisal } from '../../../src/appraisal.js';
import { useI18n, type MessageId } from '../i18n.js';

interface Card {
  id: string;
  label: MessageId;
  value: string | null;
  sub?: string;
  tone?: 'good' | 'bad';
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

export function kpiCards(a: Appraisal, i18n: ReturnType<typeof useI18n>): Card[] {
  const { usd, pct, num, t } = i18n;
  const capexKnown = a.stages.every((s) => s.capex_usd !== null);
  const capex = capexKnown ? sum(a.stages.map((s) => s.capex_usd ?? 0)) : null;
  const budgets = a.stages.filter((s) => s.capex?.budget);
  const budget = sum(budgets.map((s) => s.capex?.budget?.budget_usd ?? 0));
  const perStage = a.stages
    .map((s) => `${s.id}: ${s.capex_usd === null ? '—' : usd(s.capex_usd)}`)
    .join(' · ');
  const m = a.metrics;
  const im = a.impact;
  const em = a.emissions;
  const overBudget = budgets.some((s) => s.capex?.budget?.within_budget === false);
  const cards: Card[] = [
    {
      id: 'capex',
      label: 'kpi_capex',
      value: capex === null ? null : usd(capex),
      sub: `${perStage}${budgets.length > 0 ? ` · ${t('kpi_budget')} ${usd(budget)} (${budgets.map((s) => s.id).join(', ')})` : ''}`,
      ...(budgets.length > 0 ? { tone: overBudget ? ('bad' as const) : ('good' as const) } : {}),
    },
    {
      id: 'npv',
      label: 'kpi_npv',
      value: m ? usd(m.npv_usd) : null,
      ...(m
        ? {
            sub: `@ ${pct(m.discount_rate, 0)} (${m.basis})`,
            tone: m.npv_usd >= 0 ? ('good' as const) : ('bad' as const),
          }
        : {}),
    },
    {
      id: 'irr',
      label: 'kpi_irr',
      value: m ? (m.irr === null ? null : pct(m.irr)) : null,
      ...(m && m.irr === null && m.irr_reason ? { sub: m.irr_reason } : {}),
    },
    {
      id: 'payback',
      label: 'kpi_payback',
      value: m?.payback_years != null ? `${num(m.payback_years, 1)} ${t('years')}` : null,
    },
    {
      id: 'value_added',
      label: 'kpi_value_added',
      value: im ? `${usd(im.value_added_usd_per_year)}${t('per_year')}` : null,
    },
    {
      id: 'jobs',
      label: 'kpi_jobs',
      value: im ? `${num(im.jobs_direct)} + ${num(im.jobs_indirect)}` : null,
    },
    {
      id: 'taxes',
      label: 'kpi_taxes',
      value: im ? usd(im.government_take_npv_usd) : null,
    },
    {
      id: 'exports',
      label: 'kpi_exports',
      value: im
        ? `${usd(sum(im.exports_usd_per_year.map((e) => e.usd_per_year)))}${t('per_year')}`
        : null,
    },
    {
      id: 'co2',
      label: 'kpi_co2',
      value: em
        ? `${num((em.scope1_t_co2_per_year + em.scope2_t_co2_per_year) / 1000)} kt${t('per_year')}`
        : null,
    },
    {
      id: 'cbam',
      label: 'kpi_cbam',
      value: em ? `${usd(em.cbam_cost_usd_per_year)}${t('per_year')}` : null,
    },
  ];
  return cards;
}

export function Kpis(props: { appraisal: Appraisal }) {
  const i18n = useI18n();
  return (
    <div className="kpis" data-testid="kpis">
      {kpiCards(props.appraisal, i18n).map((c) => (
        <div
          key={c.id}
          className={`kpi ${c.tone ?? ''}`}
          data-testid={`kpi-${c.id}`}
          data-computed={c.value === null ? 'false' : 'true'}
        >
          <div className="kpi-label">{i18n.t(c.label)}</div>
          {c.value === null ? (
            <div className="kpi-value muted" title={i18n.t('not_computed')}>
              —
            </div>
          ) : (
            <div className="kpi-value">{c.value}</div>
          )}
          {c.sub !== undefined && <div className="kpi-sub">{c.sub}</div>}
        </div>
      ))}
    </div>
  );
}
