/**
 * The lender and sponsor figures of an appraisal shaped for the dashboard (pure functions of
 * `appraisal.metrics` and `stages[].metrics`; nothing estimated): cover ratios, funding and
 * returns of the project and of each stage with metrics, the covenant breaches by year, and the
 * sources and uses of funds. A missing value carries its reason in the user's language.
 */
import type { AppraisalMetrics } from '../../src/appraisal.js';
import type { Appraisal } from '../../src/appraisal.js';
import { cell, type ChartTable } from './charts/table.js';
import type { I18n } from './i18n.js';
import { reasonText } from './reason-text.js';

/** How a figure is formatted. */
export type FinanceKind = 'ratio' | 'money' | 'pct' | 'years';

/** One figure of the metrics, in the order the table shows them. */
interface FinanceFigure {
  key: keyof AppraisalMetrics;
  kind: FinanceKind;
  /** Why it is null (the model's reason or a fixed one). */
  reason: (m: AppraisalMetrics, i18n: I18n) => string;
}

const noDebt = (_m: AppraisalMetrics, i18n: I18n) => i18n.t('no_debt');
const never = (_m: AppraisalMetrics, i18n: I18n) => i18n.t('never_within_horizon');

/** The figures of the lender and sponsor table (`labels.ts` OUTPUT_NAMES names each key). */
export const FINANCE_FIGURES: readonly FinanceFigure[] = [
  { key: 'min_dscr', kind: 'ratio', reason: noDebt },
  { key: 'avg_dscr', kind: 'ratio', reason: noDebt },
  { key: 'llcr', kind: 'ratio', reason: noDebt },
  { key: 'min_llcr', kind: 'ratio', reason: noDebt },
  { key: 'plcr', kind: 'ratio', reason: noDebt },
  { key: 'peak_funding_usd', kind: 'money', reason: noDebt },
  { key: 'equity_irr', kind: 'pct', reason: (m, i18n) => reasonText(m.equity_irr_reason, i18n) },
  {
    key: 'sponsor_equity_irr',
    kind: 'pct',
    reason: (m, i18n) => reasonText(m.sponsor_equity_irr_reason, i18n),
  },
  {
    key: 'sponsor_equity_irr_rmb',
    kind: 'pct',
    reason: (m, i18n) => reasonText(m.sponsor_equity_irr_rmb_reason, i18n),
  },
  { key: 'sponsor_payback_years', kind: 'years', reason: never },
  {
    key: 'sponsor_payback_years_rmb',
    kind: 'years',
    // Without an RMB/USD path there is no RMB flow at all, not a flow that never pays back.
    reason: (m, i18n) =>
      m.sponsor_equity_irr_rmb_reason?.startsWith('no RMB/USD path') === true
        ? reasonText(m.sponsor_equity_irr_rmb_reason, i18n)
        : i18n.t('never_within_horizon'),
  },
  { key: 'dividend_withholding_usd', kind: 'money', reason: noDebt },
];

/** A formatted figure: its text, or "—" with the reason it is missing. */
export interface FinanceValue {
  raw: number | null;
  text: string;
  reason?: string;
}

export function formatFinance(i18n: I18n, kind: FinanceKind, x: number): string {
  switch (kind) {
    case 'ratio':
      return `${i18n.num(x, 2)}×`;
    case 'money':
      return i18n.money(x);
    case 'pct':
      return i18n.pct(x);
    case 'years':
      return i18n.count(x, 'year', 1);
  }
}

/** The figure `f` of metrics `m` (null metrics: the part was not computed). */
export function financeValue(
  m: AppraisalMetrics | null,
  f: FinanceFigure,
  i18n: I18n,
): FinanceValue {
  if (m === null) return { raw: null, text: '—', reason: i18n.t('not_computed') };
  const v = m[f.key];
  if (typeof v === 'number' && Number.isFinite(v))
    return { raw: v, text: formatFinance(i18n, f.kind, v) };
  return { raw: null, text: '—', reason: f.reason(m, i18n) };
}

/** A column of the table: the project, then each stage (its own cash flow or increment). */
export interface FinanceColumn {
  id: string;
  label: string;
  metrics: AppraisalMetrics | null;
}

export function financeColumns(a: Pick<Appraisal, 'metrics' | 'stages'>, i18n: I18n) {
  const cols: FinanceColumn[] = [{ id: 'project', label: i18n.t('project'), metrics: a.metrics }];
  // A one-stage appraisal's stage metrics repeat the project's: no column of its own.
  if (a.stages.length > 1)
    for (const s of a.stages)
      cols.push({ id: s.id, label: i18n.t('stage_named', { stage: s.id }), metrics: s.metrics });
  return cols;
}

/** Rows of the lender and sponsor table: one per figure, one value per column. */
export function financeRows(
  a: Pick<Appraisal, 'metrics' | 'stages'>,
  i18n: I18n,
): { columns: FinanceColumn[]; rows: { key: string; label: string; values: FinanceValue[] }[] } {
  const columns = financeColumns(a, i18n);
  const rows = FINANCE_FIGURES.map((f) => ({
    key: f.key,
    label: i18n.output(f.key),
    values: columns.map((c) => financeValue(c.metrics, f, i18n)),
  }));
  return { columns, rows };
}

/** The lender and sponsor table as a data table (CSV: raw numbers, "" for missing ones). */
export function financeTable(a: Pick<Appraisal, 'metrics' | 'stages'>, i18n: I18n): ChartTable {
  const { columns, rows } = financeRows(a, i18n);
  return {
    columns: [i18n.t('figure'), ...columns.map((c) => c.label)],
    rows: rows.map((r) => [
      cell(r.label),
      ...r.values.map((v) =>
        cell(v.raw === null ? `— (${v.reason ?? i18n.t('not_computed')})` : v.text, v.raw),
      ),
    ]),
  };
}

/** The covenant breaches by year: year, stage, covenant, value, threshold. */
export function covenantTable(a: Pick<Appraisal, 'metrics'>, i18n: I18n): ChartTable | undefined {
  const breaches = a.metrics?.covenant_breaches ?? [];
  if (breaches.length === 0) return undefined;
  const names = {
    min_dscr: i18n.t('covenant_min_dscr'),
    lockup_dscr: i18n.t('covenant_lockup_dscr'),
    min_llcr: i18n.t('covenant_min_llcr'),
  };
  return {
    columns: [
      i18n.t('year'),
      i18n.t('stage'),
      i18n.t('covenant'),
      i18n.t('covenant_value'),
      i18n.t('covenant_threshold'),
    ],
    rows: [...breaches]
      .sort((x, y) => x.year - y.year)
      .map((b) => [
        cell(String(b.year), b.year),
        cell(b.stage ?? '—', b.stage ?? ''),
        cell(names[b.covenant], b.covenant),
        cell(formatFinance(i18n, 'ratio', b.value), b.value),
        cell(formatFinance(i18n, 'ratio', b.threshold), b.threshold),
      ]),
  };
}

/** The uses and sources of funds, in the order of a sources-and-uses statement. */
const USES = [
  'capex_usd',
  'financing_fees_usd',
  'interest_during_construction_usd',
  'dsra_initial_usd',
  'working_capital_and_start_up_usd',
  'total_uses_usd',
] as const;
const SOURCES = ['debt_usd', 'equity_usd'] as const;

/** Sources and uses of the project and each stage (columns); undefined without debt. */
export function sourcesUsesTable(
  a: Pick<Appraisal, 'metrics' | 'stages'>,
  i18n: I18n,
): ChartTable | undefined {
  const columns = financeColumns(a, i18n).filter((c) => c.metrics?.sources_uses != null);
  if (columns.length === 0) return undefined;
  const row = (key: (typeof USES)[number] | (typeof SOURCES)[number], group: string) => [
    cell(`${group}: ${i18n.output(key)}`),
    ...columns.map((c) => {
      const v = c.metrics?.sources_uses?.[key];
      return v === undefined ? cell('—') : cell(i18n.money(v), v);
    }),
  ];
  return {
    columns: [i18n.t('figure'), ...columns.map((c) => c.label)],
    rows: [
      ...USES.map((k) => row(k, i18n.t('uses'))),
      ...SOURCES.map((k) => row(k, i18n.t('sources'))),
    ],
  };
}
