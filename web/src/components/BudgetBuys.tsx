/**
 * "What the budget buys" of one stage (budget-buys.ts): a table by route and reference cost
 * class, the scenario's own row marked in words and style, every number with its unit, CSV
 * export. On a phone each row is a block of labelled lines (styles.css, `table.stack`).
 */
import { memo, useMemo } from 'react';
import type { StageResult } from '../../../src/appraisal.js';
import { budgetBuys, budgetBuysTable, ktPerYear } from '../budget-buys.js';
import { CsvButton } from '../charts/export.js';
import { useI18n } from '../i18n.js';
import { StackTable } from './StackTable.js';

export const BudgetBuysPanel = memo(function BudgetBuysPanel(props: { stage: StageResult }) {
  const i18n = useI18n();
  const { t } = i18n;
  const b = useMemo(() => budgetBuys(props.stage), [props.stage]);
  const table = useMemo(() => (b ? budgetBuysTable(b, i18n) : undefined), [b, i18n]);
  if (!b || !table) return null;
  const title = t('budget_buys_title', { stage: b.stage });
  const id = `budget-buys-${b.stage}`;
  return (
    <section className="panel wide" data-chart={id} data-testid={id}>
      <div className="panel-head">
        <h3>{title}</h3>
        <span className="chart-tools">
          <CsvButton id={id} title={title} table={() => table} />
        </span>
      </div>
      <p className="muted">
        {t('budget_buys_note', {
          budget: i18n.money(b.budget_usd),
          capacity: ktPerYear(b.capacity_t_per_year, i18n),
        })}
      </p>
      <StackTable
        title={title}
        table={table}
        className="budget-buys"
        rowProps={(i) => ({
          className: b.rows[i]?.current === true ? 'current' : undefined,
          'data-testid': `${id}-row`,
          'data-current': b.rows[i]?.current === true,
        })}
      />
    </section>
  );
});
