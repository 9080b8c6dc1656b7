/**
 * One chart on a page: title, the chart (ECharts, loaded on demand as its own chunk), PNG and
 * CSV export, and the accessible data table behind it. A chart without data says "not computed".
 * Dashboards compose these (one small component per chart: Charts.tsx).
 */
import { lazy, memo, Suspense, useCallback, useRef, type ReactNode } from 'react';
import { useI18n, type MessageId } from '../i18n.js';
import type { EChartInstance } from './EChart.js';
import { CsvButton, download } from './export.js';
import { TableHead } from './TableHead.js';
import type { ChartSpec, ChartTable } from './table.js';
import type { ChartOption } from './types.js';

const EChart = lazy(() => import('./EChart.js'));

export function DataTable(props: { table: ChartTable; caption: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <details className="data-table" data-testid={props.testId}>
      <summary>{t('data_table')}</summary>
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{props.caption}</caption>
          <TableHead columns={props.table.columns} />
          <tbody>
            {props.table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((c, k) =>
                  k === 0 ? (
                    <th key={k} scope="row">
                      {c.text}
                    </th>
                  ) : (
                    <td key={k} className={typeof c.value === 'number' ? 'num' : ''}>
                      {c.text}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export const ChartPanel = memo(function ChartPanel(props: {
  id: string;
  title: MessageId | { text: string };
  spec: ChartSpec<ChartOption> | undefined;
  height?: number;
  wide?: boolean;
  /** Heading level inside the page (default 3). */
  level?: 3 | 4;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const instance = useRef<EChartInstance | undefined>(undefined);
  const title = typeof props.title === 'string' ? t(props.title) : props.title.text;
  const onInstance = useCallback((c: EChartInstance | undefined) => {
    instance.current = c;
  }, []);
  const file = `chromflow-${props.id}`;
  const H = props.level === 4 ? 'h4' : 'h3';
  const height = props.height ?? 320;
  return (
    <section className={`panel${props.wide === true ? ' wide' : ''}`} data-chart={props.id}>
      <div className="panel-head">
        <H>{title}</H>
        {props.spec && (
          <span className="chart-tools">
            <button
              type="button"
              className="small"
              data-testid={`png-${props.id}`}
              aria-label={`${t('export_png')}: ${title}`}
              onClick={() => {
                const url = instance.current?.getDataURL({
                  type: 'png',
                  pixelRatio: 2,
                  backgroundColor: '#ffffff',
                });
                if (url) download(url, `${file}.png`);
              }}
            >
              {t('export_png')}
            </button>
            <CsvButton id={props.id} title={title} table={() => props.spec?.table} />
          </span>
        )}
      </div>
      {props.children}
      {props.spec ? (
        <>
          <Suspense fallback={<div className="chart" style={{ height }} aria-busy="true" />}>
            <EChart
              option={props.spec.option}
              testId={`chart-${props.id}`}
              height={height}
              label={t('chart_of', { title })}
              onInstance={onInstance}
            />
          </Suspense>
          <DataTable table={props.spec.table} caption={title} testId={`table-${props.id}`} />
        </>
      ) : (
        <p className="muted not-computed" data-testid={`chart-${props.id}-missing`}>
          — {t('not_computed')}
        </p>
      )}
    </section>
  );
});
