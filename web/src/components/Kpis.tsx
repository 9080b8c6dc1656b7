/**
 * KPI cards of one appraisal, and the figures lenders and sponsors read (LCOP, break-evens, peak
 * funding, discounted payback, minimum DSCR, equity IRR — all from `appraisal.metrics`). A value
 * the model has not computed shows "—" ("not computed"); nothing is estimated here. With a base
 * appraisal (the what-if's loaded state), each card also shows its change against the base.
 */
import { memo } from 'react';
import type { Appraisal } from '../../../src/appraisal.js';
import { capexClassLines } from '../capex-classes.js';
import { useI18n, type I18n, type MessageId } from '../i18n.js';

/** How a card's raw number is formatted (and its difference). */
type Kind =
  | 'money'
  | 'money_year'
  | 'pct'
  | 'years'
  | 'count'
  | 'kt'
  | 'usd_per_t'
  | 'usd_per_t_cr'
  | 'kzt_per_kwh'
  | 'ratio';

export interface Card {
  id: string;
  label: MessageId;
  value: string | null;
  /** The number behind `value` (for differences and comparisons), null when not computed. */
  raw: number | null;
  kind: Kind;
  sub?: string;
  tone?: 'good' | 'bad';
  /** Why the value is missing, when the model says (e.g. IRR without a sign change). */
  reason?: string;
  /** What the value rests on, one line each (the capex: each stage's cost class). */
  basis?: string[];
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** Formats a raw card value of `kind`. */
export function formatKind(i18n: I18n, kind: Kind, x: number): string {
  switch (kind) {
    case 'money':
      return i18n.money(x);
    case 'money_year':
      return `${i18n.money(x)}${i18n.t('per_year')}`;
    case 'pct':
      return i18n.pct(x);
    case 'years':
      return i18n.count(x, 'year', 1);
    case 'count':
      return i18n.num(x);
    case 'kt':
      return i18n.qty(x / 1000, 'kt CO₂/year', 0);
    case 'usd_per_t':
      return i18n.qty(x, 'USD/t', 0);
    case 'usd_per_t_cr':
      return i18n.qty(x, 'USD/t Cr', 0);
    case 'kzt_per_kwh':
      return i18n.qty(x, 'KZT/kWh', 2);
    case 'ratio':
      return i18n.num(x, 2);
  }
}

/** Signed difference of two raw values of `kind` (percentage points for fractions). */
export function formatDelta(i18n: I18n, kind: Kind, d: number): string {
  const sign = d < 0 ? '\u2212' : '+';
  const a = Math.abs(d);
  if (kind === 'pct')
    return `${sign}${i18n.num(a * 100, 1)} ${i18n.lang === 'en' ? 'pp' : i18n.lang === 'ru' ? 'п. п.' : 'п. т.'}`;
  return sign + formatKind(i18n, kind, a);
}

function card(
  i18n: I18n,
  id: string,
  label: MessageId,
  raw: number | null | undefined,
  kind: Kind,
  extra: Partial<Card> = {},
): Card {
  const r = raw === undefined || raw === null || !Number.isFinite(raw) ? null : raw;
  return {
    id,
    label,
    raw: r,
    kind,
    value: r === null ? null : formatKind(i18n, kind, r),
    ...extra,
  };
}

export function kpiCards(a: Appraisal, i18n: I18n): Card[] {
  const { money, t } = i18n;
  const capexKnown = a.stages.length > 0 && a.stages.every((s) => s.capex_usd !== null);
  const capex = capexKnown ? sum(a.stages.map((s) => s.capex_usd ?? 0)) : null;
  const budgets = a.stages.filter((s) => s.capex?.budget);
  const budget = sum(budgets.map((s) => s.capex?.budget?.budget_usd ?? 0));
  const perStage = a.stages
    .map((s) => `${s.id}: ${s.capex_usd === null ? '—' : money(s.capex_usd)}`)
    .join(' · ');
  const m = a.metrics;
  const im = a.impact;
  const em = a.emissions;
  const overBudget = budgets.some((s) => s.capex?.budget?.within_budget === false);
  // The reference cost class of each stage's estimate and whether it is calibrated (issue 13).
  const classes = capexClassLines(a.stages, i18n);
  return [
    card(i18n, 'capex', 'kpi_capex', capex, 'money', {
      sub: `${perStage}${budgets.length > 0 ? ` · ${t('kpi_budget')} ${money(budget)} (${budgets.map((s) => s.id).join(', ')})` : ''}`,
      ...(budgets.length > 0 ? { tone: overBudget ? 'bad' : 'good' } : {}),
      ...(classes.length > 0 ? { basis: classes } : {}),
    }),
    card(i18n, 'npv', 'kpi_npv', m?.npv_usd, 'money', {
      ...(m
        ? { sub: `@ ${i18n.pct(m.discount_rate, 0)}`, tone: m.npv_usd >= 0 ? 'good' : 'bad' }
        : {}),
    }),
    card(i18n, 'irr', 'kpi_irr', m?.irr, 'pct', m?.irr_reason ? { reason: m.irr_reason } : {}),
    card(
      i18n,
      'payback',
      'kpi_payback',
      m?.payback_years,
      'years',
      m ? { ...(m.payback_years === null ? { reason: t('never_within_horizon') } : {}) } : {},
    ),
    card(i18n, 'value_added', 'kpi_value_added', im?.value_added_usd_per_year, 'money_year'),
    {
      ...card(i18n, 'jobs', 'kpi_jobs', im ? im.jobs_direct + im.jobs_indirect : null, 'count'),
      ...(im ? { value: `${i18n.num(im.jobs_direct)} + ${i18n.num(im.jobs_indirect)}` } : {}),
    },
    card(i18n, 'taxes', 'kpi_taxes', im?.government_take_npv_usd, 'money'),
    card(
      i18n,
      'exports',
      'kpi_exports',
      im ? sum(im.exports_usd_per_year.map((e) => e.usd_per_year)) : null,
      'money_year',
    ),
    card(
      i18n,
      'co2',
      'kpi_co2',
      em ? em.scope1_t_co2_per_year + em.scope2_t_co2_per_year : null,
      'kt',
    ),
    card(i18n, 'cbam', 'kpi_cbam', em?.cbam_cost_usd_per_year, 'money_year'),
  ];
}

/** The lender and sponsor figures of the appraisal's metrics (none invented). */
export function financeCards(a: Appraisal, i18n: I18n): Card[] {
  const m = a.metrics;
  const { t } = i18n;
  return [
    card(
      i18n,
      'equity_irr',
      'kpi_equity_irr',
      m?.equity_irr,
      'pct',
      m?.equity_irr_reason ? { reason: m.equity_irr_reason } : {},
    ),
    card(i18n, 'mirr', 'kpi_mirr', m?.mirr, 'pct'),
    card(
      i18n,
      'lcop',
      'kpi_lcop',
      m?.lcop_usd_per_t,
      'usd_per_t',
      m?.lcop_usd_per_t_cr != null ? { sub: i18n.qty(m.lcop_usd_per_t_cr, 'USD/t Cr', 0) } : {},
    ),
    card(
      i18n,
      'breakeven_price',
      'kpi_breakeven_price',
      m?.breakeven_price_usd_per_t,
      'usd_per_t',
      m?.breakeven_reasons.length ? { reason: m.breakeven_reasons.join('; ') } : {},
    ),
    card(
      i18n,
      'breakeven_tariff',
      'kpi_breakeven_tariff',
      m?.breakeven_tariff_kzt_per_kwh,
      'kzt_per_kwh',
    ),
    card(i18n, 'peak_funding', 'kpi_peak_funding', m?.peak_funding_usd, 'money'),
    card(
      i18n,
      'discounted_payback',
      'kpi_discounted_payback',
      m?.discounted_payback_years,
      'years',
      m && m.discounted_payback_years === null ? { reason: t('never_within_horizon') } : {},
    ),
    card(
      i18n,
      'min_dscr',
      'kpi_min_dscr',
      m?.min_dscr,
      'ratio',
      m && m.min_dscr === null ? { reason: t('no_debt') } : {},
    ),
    card(i18n, 'pi', 'kpi_pi', m?.profitability_index, 'ratio'),
  ];
}

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
      </details>
    </>
  );
});
