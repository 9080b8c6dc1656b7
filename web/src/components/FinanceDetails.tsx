/**
 * The lender and sponsor tables under the finance cards (finance.ts): cover ratios and returns
 * of the project and of each stage, the covenant breaches by year and the sources and uses of
 * funds. Read from the appraisal already loaded (no request). On a phone each row is a block of
 * labelled lines (`table.stack`).
 */
import { memo, useMemo } from 'react';
import type { Appraisal } from '../../../src/appraisal.js';
import { CsvButton } from '../charts/export.js';
import type { ChartTable } from '../charts/table.js';
import { covenantTable, financeTable, sourcesUsesTable } from '../finance.js';
import { useI18n, type MessageId } from '../i18n.js';
import { StackTable } from './StackTable.js';

function Section(props: {
  id: string;
  title: MessageId;
  table: ChartTable | undefined;
  empty: MessageId;
  note?: MessageId;
}) {
  const { t } = useI18n();
  const title = t(props.title);
  return (
    <section className="finance-section" data-testid={props.id}>
      <div className="panel-head">
        <h4>{title}</h4>
        {props.table && (
          <span className="chart-tools">
            <CsvButton id={props.id} title={title} table={() => props.table} />
          </span>
        )}
      </div>
      {props.note !== undefined && <p className="muted">{t(props.note)}</p>}
      {props.table ? (
        <StackTable
          testId={`${props.id}-table`}
          title={title}
          table={props.table}
          className="finance-table"
        />
      ) : (
        <p className="muted" data-testid={`${props.id}-empty`}>
          {t(props.empty)}
        </p>
      )}
    </section>
  );
}

export const FinanceDetails = memo(function FinanceDetails(props: {
  metrics: Appraisal['metrics'];
  stages: Appraisal['stages'];
}) {
  const i18n = useI18n();
  const { metrics, stages } = props;
  const a = useMemo(() => ({ metrics, stages }), [metrics, stages]);
  const figures = useMemo(() => financeTable(a, i18n), [a, i18n]);
  const breaches = useMemo(() => covenantTable(a, i18n), [a, i18n]);
  const su = useMemo(() => sourcesUsesTable(a, i18n), [a, i18n]);
  return (
    <div className="finance-details">
      <Section
        id="finance-figures"
        title="finance_table_title"
        table={figures}
        empty="not_computed"
        {...(props.stages.length > 1 ? { note: 'finance_table_note' as const } : {})}
      />
      <Section
        id="covenant-breaches"
        title="covenant_breaches_title"
        table={breaches}
        empty={props.metrics === null ? 'not_computed' : 'no_covenant_breaches'}
      />
      <Section
        id="sources-uses"
        title="sources_uses_title"
        table={su}
        empty={props.metrics === null ? 'not_computed' : 'no_sources_uses'}
      />
    </div>
  );
});
