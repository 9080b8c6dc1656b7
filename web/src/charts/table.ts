/**
 * The data behind a chart, as a table: shown (formatted) under the chart for screen readers and
 * anyone who wants the numbers, and exported as CSV (raw numbers, SI-like units in the header).
 */

export interface Cell {
  /** What the table shows (formatted in the user's language, with units). */
  text: string;
  /** What the CSV gets (the raw number, or the text). */
  value?: number | string | null;
}

export interface ChartTable {
  columns: string[];
  rows: Cell[][];
}

/** A chart's option (ECharts) and its data table. */
export interface ChartSpec<O = unknown> {
  option: O;
  table: ChartTable;
}

export function cell(text: string, value?: number | string | null): Cell {
  return value === undefined ? { text } : { text, value };
}

function csvField(v: unknown): string {
  const s = typeof v === 'number' || typeof v === 'string' ? String(v) : '';
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV of the table (raw values where the cell has one). */
export function tableCsv(t: ChartTable): string {
  const lines = [t.columns.map(csvField).join(',')];
  for (const row of t.rows) lines.push(row.map((c) => csvField(c.value ?? c.text)).join(','));
  return lines.join('\r\n') + '\r\n';
}
