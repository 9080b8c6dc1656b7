/**
 * File exports of a panel: a chart as PNG, its data table as CSV. One place for the download
 * mechanics and the CSV button, shared by ChartPanel and the table panels (BudgetBuys).
 */
import { useI18n } from '../i18n.js';
import { tableCsv, type ChartTable } from './table.js';

/** Starts a download of `href` as `name` (blob or data URL). */
export function download(href: string, name: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * Downloads `table` as UTF-8 CSV named `name`. The byte-order mark makes spreadsheet programs
 * read Cyrillic and Kazakh headers correctly; the object URL is released after the download.
 */
export function downloadCsv(table: ChartTable, name: string): void {
  const blob = new Blob(['\ufeff' + tableCsv(table)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  download(url, name);
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

/** The "Export CSV" button of a panel `id` titled `title`; `table` is read on click. */
export function CsvButton(props: {
  id: string;
  title: string;
  table: () => ChartTable | undefined;
}) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="small"
      data-testid={`csv-${props.id}`}
      aria-label={`${t('export_csv')}: ${props.title}`}
      onClick={() => {
        const table = props.table();
        if (table) downloadCsv(table, `chromflow-${props.id}.csv`);
      }}
    >
      {t('export_csv')}
    </button>
  );
}
