/**
 * The KPI cards of one appraisal, and the figures lenders and sponsors read (LCOP, break-evens,
 * peak funding, discounted payback, cover ratios, equity and sponsor returns in USD and RMB,
 * dividend withholding — all from `appraisal.metrics`), as data: a value the model has not
 * computed is null with its reason in the user's language; nothing is estimated here.
 */
import type { Appraisal } from '../../src/appraisal.js';
import { capexClassLines } from './capex-classes.js';
import type { I18n, MessageId } from './i18n.js';
import { reasonText } from './reason-text.js';

/** How a card's raw number is formatted (and its difference). */
export type Kind =
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
      return `${i18n.num(x, 2)}×`;
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
    card(
      i18n,
      'irr',
      'kpi_irr',
      m?.irr,
      'pct',
      m?.irr_reason ? { reason: reasonText(m.irr_reason, i18n) } : {},
    ),
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
      m?.equity_irr_reason ? { reason: reasonText(m.equity_irr_reason, i18n) } : {},
    ),
    card(
      i18n,
      'sponsor_irr',
      'kpi_sponsor_irr',
      m?.sponsor_equity_irr,
      'pct',
      m && m.sponsor_equity_irr === null
        ? { reason: reasonText(m.sponsor_equity_irr_reason, i18n) }
        : {},
    ),
    card(
      i18n,
      'sponsor_irr_rmb',
      'kpi_sponsor_irr_rmb',
      m?.sponsor_equity_irr_rmb,
      'pct',
      m && m.sponsor_equity_irr_rmb === null
        ? { reason: reasonText(m.sponsor_equity_irr_rmb_reason, i18n) }
        : {},
    ),
    card(
      i18n,
      'sponsor_payback',
      'kpi_sponsor_payback',
      m?.sponsor_payback_years,
      'years',
      m && m.sponsor_payback_years === null ? { reason: t('never_within_horizon') } : {},
    ),
    card(
      i18n,
      'sponsor_payback_rmb',
      'kpi_sponsor_payback_rmb',
      m?.sponsor_payback_years_rmb,
      'years',
      m && m.sponsor_payback_years_rmb === null
        ? {
            reason: m.sponsor_equity_irr_rmb_reason?.startsWith('no RMB/USD path')
              ? reasonText(m.sponsor_equity_irr_rmb_reason, i18n)
              : t('never_within_horizon'),
          }
        : {},
    ),
    card(
      i18n,
      'dividend_wht',
      'kpi_dividend_wht',
      m?.dividend_withholding_usd,
      'money',
      m ? { sub: t('wht_sub', { rate: i18n.pct(m.dividend_withholding_rate, 0) }) } : {},
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
    card(
      i18n,
      'avg_dscr',
      'kpi_avg_dscr',
      m?.avg_dscr,
      'ratio',
      m && m.avg_dscr === null ? { reason: t('no_debt') } : {},
    ),
    card(i18n, 'llcr', 'kpi_llcr', m?.llcr, 'ratio', {
      ...(m && m.llcr === null ? { reason: t('no_debt') } : {}),
      ...(m?.min_llcr != null
        ? { sub: t('min_llcr_sub', { value: i18n.num(m.min_llcr, 2) }) }
        : {}),
    }),
    card(
      i18n,
      'plcr',
      'kpi_plcr',
      m?.plcr,
      'ratio',
      m && m.plcr === null ? { reason: t('no_debt') } : {},
    ),
    card(i18n, 'pi', 'kpi_pi', m?.profitability_index, 'ratio'),
  ];
}
