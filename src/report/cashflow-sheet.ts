// Writes the project cash-flow table as a spreadsheet whose cells hold live formulas, so that a
// real spreadsheet engine recomputes working capital, free cash flow, NPV, IRR and payback
// from the revenue, opex, capex, tax and closure columns. Edge module (report), used by the
// spreadsheet-oracle test (test/validation/cashflow-workbook-gnumeric.test.ts: Gnumeric's
// ssconvert recomputes the cells). Format: uncompressed Gnumeric XML (.gnumeric), which needs no
// package to write. A CSV-with-formulas route was tried first, but Gnumeric's CSV importer
// guessed `=` as the separator for this many formula cells; the native XML has no ambiguity.
import type { CashflowTable } from '../econ/cashflow/types.js';

/** Parameters the sheet's formulas need besides the table. */
export interface CashflowSheetParams {
  /** Receivables [days of revenue]. */
  receivable_days: number;
  /** Inventory [days of opex]. */
  inventory_days: number;
  /** Payables [days of opex]. */
  payable_days: number;
  /** Inflation used to deflate a real-basis table [fraction per year]; 0 for nominal. */
  inflation_rate: number;
  /** Inflation of each row's year on a declared path [fraction per year], written as column P
   * and used instead of `inflation_rate` (a real-basis table on `finance.inflation: declared`). */
  inflation_by_row?: ArrayLike<number>;
}

/** Where the results are, as 0-based (row, column) indices of the sheet (and of its CSV export). */
export interface CashflowSheetLayout {
  /** 0-based row of the first year. */
  firstDataRow: number;
  /** Columns of the recomputed working capital, ΔWC and free cash flow. */
  columns: { working_capital: number; working_capital_change: number; free_cash_flow: number };
  /** Result cells: [row, column]. */
  results: Record<'npv' | 'npv_sum' | 'irr' | 'payback' | 'discounted_payback', [number, number]>;
}

const xmlText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One cell as Gnumeric XML: formulas start with `=`, numbers are floats, the rest strings. */
function xmlCell(row: number, col: number, content: string): string {
  if (content === '') return '';
  if (content.startsWith('='))
    return `<gnm:Cell Row="${row}" Col="${col}">${xmlText(content)}</gnm:Cell>`;
  const isNumber = content.trim() !== '' && Number.isFinite(Number(content));
  return `<gnm:Cell Row="${row}" Col="${col}" ValueType="${isNumber ? 40 : 60}">${xmlText(content)}</gnm:Cell>`;
}

/**
 * The table as a Gnumeric workbook with formulas (A1 references).
 *
 * Columns: A year, B revenue, C opex, D capex, E tax, F closure (values from chromflow);
 * G working capital = (B·rec + C·(inv − pay))/365 (0 in the last row); H ΔWC = G_t − G_{t−1}/(1+i),
 * with i the row's inflation in column P when a declared path is given (else the parameter R6);
 * I FCF = B − C − D − H − E − F; J cumulative FCF; K payback crossing; L discount factor;
 * M discounted FCF; N cumulative discounted FCF; O discounted-payback crossing.
 * Parameters in Q/R rows 2–6, results in R8–R12: NPV = I2 + NPV(rate, I3:In), Σ M, IRR(I),
 * MIN(K) and MIN(O).
 *
 * @param table - The cash-flow table (any basis).
 * @param p - Working-capital days and the inflation of a real-basis table.
 * @returns Gnumeric XML text and where to read the recalculated results.
 */
export function cashflowSheetXml(
  table: CashflowTable,
  p: CashflowSheetParams,
): { xml: string; layout: CashflowSheetLayout } {
  const n = table.rows.length;
  const last = n + 1; // spreadsheet row of the last year (header in row 1)
  const params: [string, number][] = [
    ['discount_rate', table.discount_rate],
    ['receivable_days', p.receivable_days],
    ['inventory_days', p.inventory_days],
    ['payable_days', p.payable_days],
    ['inflation_rate', p.inflation_rate],
  ];
  const results: [string, string][] = [
    ['npv_usd', `=I2+NPV(R2,I3:I${last})`],
    ['npv_sum_usd', `=SUM(M2:M${last})`],
    ['irr', `=IRR(I2:I${last})`],
    ['payback_years', `=IF(COUNT(K2:K${last})=0,"none",MIN(K2:K${last}))`],
    ['discounted_payback_years', `=IF(COUNT(O2:O${last})=0,"none",MIN(O2:O${last}))`],
  ];
  const header = [
    'year',
    'revenue_usd',
    'opex_usd',
    'capex_usd',
    'tax_usd',
    'closure_cost_usd',
    'working_capital_usd',
    'working_capital_change_usd',
    'free_cash_flow_usd',
    'cumulative_fcf_usd',
    'payback_crossing',
    'discount_factor',
    'discounted_fcf_usd',
    'cumulative_discounted_fcf_usd',
    'discounted_payback_crossing',
    p.inflation_by_row ? 'inflation' : '',
    'parameter',
    'value',
  ];
  const lines: string[][] = [header];
  const sheetRows = Math.max(n, params.length + 1 + results.length);
  for (let i = 0; i < sheetRows; i++) {
    const r = i + 2;
    const row = table.rows[i];
    const cells: string[] = new Array<string>(18).fill('');
    if (row !== undefined) {
      cells[0] = String(row.year);
      cells[1] = String(row.revenue_usd);
      cells[2] = String(row.opex_usd);
      cells[3] = String(row.capex_usd);
      cells[4] = String(row.tax_usd);
      cells[5] = String(row.closure_cost_usd);
      cells[6] = r === last ? '0' : `=(B${r}*R$3+C${r}*(R$4-R$5))/365`;
      const infl = p.inflation_by_row ? `P${r}` : 'R$6';
      cells[7] = r === 2 ? `=G${r}` : `=G${r}-G${r - 1}/(1+${infl})`;
      if (p.inflation_by_row) cells[15] = String(p.inflation_by_row[i] ?? Number.NaN);
      cells[8] = `=B${r}-C${r}-D${r}-H${r}-E${r}-F${r}`;
      cells[9] = r === 2 ? `=I${r}` : `=J${r - 1}+I${r}`;
      cells[10] = r === 2 ? '' : `=IF(AND(J${r - 1}<0,J${r}>=0),A${r}-A$2-1+(-J${r - 1})/I${r},"")`;
      cells[11] = `=1/(1+R$2)^(A${r}-A$2)`;
      cells[12] = `=I${r}*L${r}`;
      cells[13] = r === 2 ? `=M${r}` : `=N${r - 1}+M${r}`;
      cells[14] = r === 2 ? '' : `=IF(AND(N${r - 1}<0,N${r}>=0),A${r}-A$2-1+(-N${r - 1})/M${r},"")`;
    }
    const param = params[i];
    if (param !== undefined) {
      cells[16] = param[0];
      cells[17] = String(param[1]);
    }
    const res = results[i - params.length - 1];
    if (res !== undefined) {
      cells[16] = res[0];
      cells[17] = res[1];
    }
    lines.push(cells);
  }
  const resultRow = (k: number): [number, number] => [params.length + 1 + k + 1, 17];
  return {
    xml: [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<gnm:Workbook xmlns:gnm="http://www.gnumeric.org/v10.dtd">',
      '<gnm:SheetNameIndex><gnm:SheetName>cashflow</gnm:SheetName></gnm:SheetNameIndex>',
      '<gnm:Sheets><gnm:Sheet><gnm:Name>cashflow</gnm:Name>',
      `<gnm:MaxCol>${header.length - 1}</gnm:MaxCol><gnm:MaxRow>${lines.length - 1}</gnm:MaxRow>`,
      '<gnm:Cells>',
      ...lines.flatMap((l, r) => l.map((c, col) => xmlCell(r, col, c)).filter((x) => x !== '')),
      '</gnm:Cells></gnm:Sheet></gnm:Sheets></gnm:Workbook>',
      '',
    ].join('\n'),
    layout: {
      firstDataRow: 1,
      columns: { working_capital: 6, working_capital_change: 7, free_cash_flow: 8 },
      results: {
        npv: resultRow(0),
        npv_sum: resultRow(1),
        irr: resultRow(2),
        payback: resultRow(3),
        discounted_payback: resultRow(4),
      },
    },
  };
}
