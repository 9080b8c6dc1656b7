/**
 * "What the budget buys" (issue 13, `appraisal.stages[].capex.by_route`): for a stage with a
 * capex budget, the capacity the budget buys on each route of its plant family under each
 * reference cost class — with its P10–P90 range over the class's accuracy — and each route's
 * capex at the stage's own capacity. The row of the scenario's route and class is marked. Rows
 * as the appraisal gives them (route by route, class by class); nothing is estimated here.
 */
import type { RouteBudget, StageResult } from '../../src/appraisal.js';
import { cell, type ChartTable } from './charts/table.js';
import type { I18n } from './i18n.js';

export interface BudgetRow {
  template: string;
  reference_class: string;
  /** The scenario's own route and class. */
  current: boolean;
  capex_usd: number;
  capacity_t_per_year: number;
  /** P10 and P90 of the capacity, when the appraisal gives a finite range. */
  range?: { p10_t_per_year: number; p90_t_per_year: number };
}

export interface BudgetBuys {
  stage: string;
  budget_usd: number;
  /** The stage's capacity (the basis of the capex column) [t/year]. */
  capacity_t_per_year: number;
  rows: BudgetRow[];
}

function finiteRange(r: RouteBudget): BudgetRow['range'] {
  const lo = r.capacity_p10_t_per_year;
  const hi = r.capacity_p90_t_per_year;
  return Number.isFinite(lo) && Number.isFinite(hi)
    ? { p10_t_per_year: lo, p90_t_per_year: hi }
    : undefined;
}

/** The rows of a stage, or undefined when it has no budget or no routes to compare. */
export function budgetBuys(
  stage: Pick<StageResult, 'id' | 'template' | 'capex' | 'capacity_t_per_year'>,
): BudgetBuys | undefined {
  const c = stage.capex;
  const routes = c?.by_route;
  if (!c?.budget || !routes || routes.length === 0) return undefined;
  return {
    stage: stage.id,
    budget_usd: c.budget.budget_usd,
    capacity_t_per_year: stage.capacity_t_per_year,
    rows: routes.map((r) => {
      const range = finiteRange(r);
      return {
        template: r.template,
        reference_class: r.reference_class,
        current: r.template === stage.template && r.reference_class === c.reference_class,
        capex_usd: r.capex_usd,
        capacity_t_per_year: r.capacity_within_budget_t_per_year,
        ...(range ? { range } : {}),
      };
    }),
  };
}

/** A capacity in kt/year, about three significant digits, in the user's language. */
export function ktPerYear(t_per_year: number, i18n: I18n): string {
  return i18n.qty(t_per_year / 1000, 'kt/year');
}

/** "238 – 951 kt/year" (the unit once, after the upper bound); "—" without a range. */
export function capacityRange(range: BudgetRow['range'], i18n: I18n): string {
  if (!range) return '—';
  return `${i18n.sig(range.p10_t_per_year / 1000)} – ${ktPerYear(range.p90_t_per_year, i18n)}`;
}

/**
 * The table shown and exported: formatted cells in the user's language with units, raw values
 * for the CSV in the header's units (USD, kt/year).
 */
export function budgetBuysTable(b: BudgetBuys, i18n: I18n): ChartTable {
  const { t } = i18n;
  return {
    columns: [
      t('route'),
      t('cost_class'),
      `${t('capex_at_capacity', { capacity: ktPerYear(b.capacity_t_per_year, i18n) })} [USD]`,
      `${t('capacity_within_budget')} [${i18n.unit('kt/year')}]`,
      `${t('capacity_p10_p90')} [${i18n.unit('kt/year')}]`,
    ],
    rows: b.rows.map((r) => [
      cell(i18n.route(r.template), r.template),
      cell(
        r.current
          ? `${i18n.costClass(r.reference_class)} (${t('this_scenario')})`
          : i18n.costClass(r.reference_class),
        r.reference_class,
      ),
      cell(i18n.money(r.capex_usd), r.capex_usd),
      cell(ktPerYear(r.capacity_t_per_year, i18n), r.capacity_t_per_year / 1000),
      cell(
        capacityRange(r.range, i18n),
        r.range ? `${r.range.p10_t_per_year / 1000} – ${r.range.p90_t_per_year / 1000}` : null,
      ),
    ]),
  };
}
