// The project cash flow as an XLSX workbook whose cash-flow sheet keeps live formulas, so a
// lender can audit every cell: revenue = capacity × price × utilisation, opex = quantity × price
// × (utilisation or operating flag), capex = amount × phasing, working capital, ΔWC, free cash
// flow, discount factors, cumulative sums, NPV, IRR and payback are formulas referencing the
// Inputs sheet. Taxes are values from chromflow's fiscal engine (the Kazakh CIT with loss carry-
// forward, declining-balance pools, property tax on buildings, VAT refund lag are not written as
// formulas); a note cell says so. Every formula cell also carries its cached result (the model's
// number), so viewers show values before recalculation. Edge module (report): exceljs.
// Checked against Gnumeric's recalculation in test/validation/cashflow-workbook-gnumeric.test.ts.
import ExcelJS from 'exceljs';
import { buildCashflowTable } from '../econ/cashflow/build-cashflow-table.js';
import { cashflowMetrics } from '../econ/cashflow/cashflow-metrics.js';
import {
  CASHFLOW_COLUMN_UNITS,
  type CashflowInput,
  type CashflowMetrics,
  type CashflowRow,
  type CashflowTable,
} from '../econ/cashflow/types.js';

/** Names of the sheets written by {@link cashflowWorkbook}. */
export const CASHFLOW_SHEETS = {
  inputs: 'Inputs',
  cashflow: 'Cash flow',
  table: 'Model table',
} as const;

/** Rows of the Cash flow sheet that tests and readers address [1-based row numbers]. */
export type CashflowSheetRow =
  | 'year'
  | 't'
  | 'operating'
  | 'utilisation'
  | 'escalation'
  | 'deflator'
  | 'money_factor'
  | 'revenue'
  | 'opex'
  | 'capex'
  | 'working_capital'
  | 'working_capital_change'
  | 'tax'
  | 'closure'
  | 'free_cash_flow'
  | 'cumulative_fcf'
  | 'payback_crossing'
  | 'discount_factor'
  | 'discounted_fcf'
  | 'cumulative_discounted_fcf'
  | 'discounted_payback_crossing';

export type CashflowResult = 'npv' | 'npv_sum' | 'irr' | 'payback' | 'discounted_payback';

/** Where things are on the Cash flow sheet (1-based rows and columns, as in the spreadsheet). */
export interface CashflowWorkbookLayout {
  sheets: { inputs: string; cashflow: string; table: string };
  /** Column of t = 0; year t is in column `firstYearColumn + t` [1-based]. */
  firstYearColumn: number;
  rows: Record<CashflowSheetRow, number>;
  /** Formula cell of each result (column C) and the model's own value next to it (column D). */
  results: Record<CashflowResult, { row: number; col: number; address: string }>;
  /**
   * Input cells on the Inputs sheet: `general` by key (`discount_rate`, `inflation_rate`,
   * `receivable_days`, …) as A1 addresses; rows of the ramp-up (values from column B), of each
   * product (B capacity, C price), opex item (B quantity, D unit price, E variable) and capex item
   * (B amount, phasing from column `capexPhaseColumn` for t = 0).
   */
  inputs: {
    general: Record<string, string>;
    rampRow: number;
    productRows: number[];
    opexRows: number[];
    capexRows: number[];
    capexPhaseColumn: number;
  };
}

export interface CashflowWorkbookOptions {
  /** Add the sheets to this workbook instead of a new one. */
  workbook?: ExcelJS.Workbook;
  /** Title written at the top of the sheets (e.g. the scenario name). */
  title?: string;
  /** Sheet names (one set per stage when a workbook holds several stages), default CASHFLOW_SHEETS. */
  sheets?: { inputs: string; cashflow: string; table: string };
}

/** A sheet name as a formula reference: quoted when it is not a plain identifier. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replaceAll("'", "''")}'`;
}

const MONEY = '#,##0;[Red]-#,##0';
const RATE = '0.00%';
const FACTOR = '0.000000';
const INPUT_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0000CC' } };
const MODEL_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE8F0E0' },
};
const BOLD: Partial<ExcelJS.Font> = { bold: true };

/** Spreadsheet column letters of a 1-based column index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let s = '';
  let n = index;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

type Cached = number | string | undefined;

function formula(cell: ExcelJS.Cell, f: string, result: Cached, numFmt?: string): void {
  cell.value = result === undefined ? { formula: f } : { formula: f, result };
  if (numFmt !== undefined) cell.numFmt = numFmt;
}

function inputCell(cell: ExcelJS.Cell, v: number | string, numFmt?: string): void {
  cell.value = v;
  cell.font = INPUT_FONT;
  if (numFmt !== undefined) cell.numFmt = numFmt;
}

/**
 * Adds the Inputs, Cash flow and Model table sheets for one project cash flow.
 *
 * Money basis: every money input is in base-year (t = 0) money. The sheet escalates it by
 * (1 + inflation)^t and, for a `real` table, deflates it back (row "money factor" = escalation ×
 * deflator), as `buildCashflowTable` does; working capital is held in money of the day, so ΔWC_t
 * = WC_t − WC_{t−1}·d_t/d_{t−1} in the table's basis. NPV = FCF_0 + NPV(r, FCF_1..n−1) (row 0
 * undiscounted, end-of-year flows), IRR = IRR(FCF), payback = first crossing of the cumulative
 * FCF, linear inside the year. Financing (debt) is not modelled in formulas: the Model table sheet
 * lists the model's debt columns as values.
 *
 * @param input - The project's cash-flow input (the one whose `buildCashflowTable` is the
 *   appraisal's `cashflow`).
 * @param options - Target workbook and title.
 * @returns The workbook, where the results are, and the model's table and metrics (the cached
 *   values written into the formula cells) [USD in the table's basis].
 * @throws InputError from `buildCashflowTable` for an inconsistent input.
 */
export function cashflowWorkbook(
  input: CashflowInput,
  options: CashflowWorkbookOptions = {},
): {
  workbook: ExcelJS.Workbook;
  layout: CashflowWorkbookLayout;
  table: CashflowTable;
  metrics: CashflowMetrics;
} {
  const S = options.sheets ?? CASHFLOW_SHEETS;
  const SI = sheetRef(S.inputs);
  const table = buildCashflowTable(input);
  const metrics = cashflowMetrics(table);
  const wb = options.workbook ?? new ExcelJS.Workbook();
  if (options.workbook === undefined) {
    wb.creator = 'chromflow';
    wb.calcProperties.fullCalcOnLoad = true;
  }
  const n = input.horizon_years;
  const first = input.operation.first_index;
  const last = input.operation.last_index ?? n - 1;
  const title = options.title ?? 'Project cash flow';

  // ---------------------------------------------------------------- Inputs
  const ins = wb.addWorksheet(S.inputs, {
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ins.getColumn(1).width = 58;
  ins.getColumn(2).width = 18;
  ins.getColumn(3).width = 16;
  ins.getColumn(4).width = 16;
  ins.getCell('A1').value = `${title} — inputs of the cash-flow sheet`;
  ins.getCell('A1').font = { bold: true, size: 13 };
  ins.getCell('A2').value =
    'Blue cells are inputs (base-year money, net of VAT). Change one and recalculate: the Cash flow sheet follows, except the taxes (values from chromflow).';
  const at: Record<string, string> = {};
  let r = 4;
  ins.getRow(r).values = ['parameter', 'value', 'unit', 'note'];
  ins.getRow(r).font = BOLD;
  r++;
  const general: [string, string, number | string, string, string, string?][] = [
    [
      'start_year',
      'Calendar year of t = 0',
      input.start_year,
      'a',
      'base year of all money inputs',
      '0',
    ],
    [
      'horizon_years',
      'Number of yearly rows',
      n,
      'a',
      'structural: one column per row on the Cash flow sheet; regenerate the workbook to change it',
      '0',
    ],
    [
      'discount_rate',
      'Discount rate',
      input.discount_rate,
      'fraction/a',
      `${input.basis} rate`,
      RATE,
    ],
    [
      'basis',
      'Money basis',
      input.basis,
      '-',
      'real: constant base-year USD; nominal: money of the day',
    ],
    ['inflation_rate', 'General inflation', input.inflation_rate, 'fraction/a', '', RATE],
    ['first_index', 'First operating row', first, 't', '', '0'],
    ['last_index', 'Last operating row', last, 't', '', '0'],
    [
      'receivable_days',
      'Receivables',
      input.working_capital.receivable_days,
      'd of revenue',
      '',
      '0.0',
    ],
    ['inventory_days', 'Inventory', input.working_capital.inventory_days, 'd of opex', '', '0.0'],
    ['payable_days', 'Payables', input.working_capital.payable_days, 'd of opex', '', '0.0'],
    [
      'closure_cost_usd',
      'Closure and rehabilitation (last row)',
      input.closure_cost_usd ?? 0,
      'USD',
      '',
      MONEY,
    ],
    ['days_per_year', 'Days per year', 365, 'd/a', 'working-capital convention', '0'],
  ];
  for (const [key, label, value, unit, note, fmt] of general) {
    ins.getCell(r, 1).value = label;
    inputCell(ins.getCell(r, 2), value, fmt);
    ins.getCell(r, 3).value = unit;
    ins.getCell(r, 4).value = note;
    at[key] = `${SI}!$B$${r}`;
    r++;
  }
  // Ramp-up: utilisation in the first operating years, 1 afterwards.
  r++;
  const rampRow = r;
  ins.getCell(r, 1).value = 'Ramp-up: utilisation in operating years 1, 2, … (1 afterwards)';
  const ramp = input.operation.ramp_up;
  ramp.forEach((u, j) => {
    inputCell(ins.getCell(r, 2 + j), u, RATE);
  });
  const rampRange = `${SI}!$B$${rampRow}:$${columnLetter(1 + Math.max(ramp.length, 1))}$${rampRow}`;
  r++;
  ins.getCell(r, 1).value = 'Ramp-up years';
  formula(ins.getCell(r, 2), `COUNT(${rampRange.replace(`${SI}!`, '')})`, ramp.length, '0');
  at.ramp_count = `${SI}!$B$${r}`;
  r += 2;

  // Products, with the price of each row t from column I (a price deck moves it).
  const priceCol0 = 9;
  const priceAt = (t: number) => `${SI}!${columnLetter(priceCol0 + t)}`;
  ins.getRow(r).values = [
    'Product',
    'capacity_t_per_year',
    'price_usd_per_t',
    'cr_mass_fraction',
    'export_share',
  ];
  for (let t = 0; t < n; t++) ins.getRow(r).getCell(priceCol0 + t).value = `price t=${t}`;
  ins.getRow(r).font = BOLD;
  r++;
  const productRows: number[] = [];
  for (const p of input.products) {
    ins.getCell(r, 1).value = p.name;
    inputCell(ins.getCell(r, 2), p.capacity_t_per_year, MONEY);
    inputCell(ins.getCell(r, 3), p.price_usd_per_t, '#,##0.00');
    inputCell(ins.getCell(r, 4), p.cr_mass_fraction ?? 0, '0.0000');
    inputCell(ins.getCell(r, 5), p.export_share ?? 1, '0.00');
    // A flat price follows column C (live); a deck gives each row's price as an input.
    for (let t = 0; t < n; t++)
      if (p.price_usd_per_t_by_row)
        inputCell(
          ins.getCell(r, priceCol0 + t),
          p.price_usd_per_t_by_row[t] ?? p.price_usd_per_t,
          '#,##0.00',
        );
      else formula(ins.getCell(r, priceCol0 + t), `$C$${r}`, p.price_usd_per_t, '#,##0.00');
    productRows.push(r);
    r++;
  }
  r++;
  // Operating costs.
  ins.getRow(r).values = [
    'Operating cost',
    'quantity_per_year',
    'unit',
    'unit_price_usd',
    'variable (1 = × utilisation)',
    'is_wages',
    'vat_applicable',
  ];
  for (let t = 0; t < n; t++) ins.getRow(r).getCell(priceCol0 + t).value = `unit price t=${t}`;
  ins.getRow(r).font = BOLD;
  r++;
  const opexRows: number[] = [];
  for (const o of input.opex) {
    ins.getCell(r, 1).value = o.name;
    inputCell(ins.getCell(r, 2), o.quantity_per_year, '#,##0.###');
    ins.getCell(r, 3).value = o.unit;
    inputCell(ins.getCell(r, 4), o.unit_price_usd, '#,##0.0000');
    inputCell(ins.getCell(r, 5), o.variable ? 1 : 0, '0');
    ins.getCell(r, 6).value = o.is_wages === true ? 1 : 0;
    ins.getCell(r, 7).value = o.is_wages !== true && o.vat_applicable !== false ? 1 : 0;
    for (let t = 0; t < n; t++)
      if (o.unit_price_usd_by_row)
        inputCell(
          ins.getCell(r, priceCol0 + t),
          o.unit_price_usd_by_row[t] ?? o.unit_price_usd,
          '#,##0.0000',
        );
      else formula(ins.getCell(r, priceCol0 + t), `$D$${r}`, o.unit_price_usd, '#,##0.0000');
    opexRows.push(r);
    r++;
  }
  r++;
  // Costs given row by row (take-or-pay, CBAM): amounts by t from column I, base-year money.
  const yearlyRows: number[] = [];
  if ((input.yearly_costs ?? []).length > 0) {
    ins.getRow(r).values = ['Cost given by row (USD, base-year money; negative: a receipt)'];
    for (let t = 0; t < n; t++) ins.getRow(r).getCell(priceCol0 + t).value = `t=${t}`;
    ins.getRow(r).font = BOLD;
    r++;
    for (const y of input.yearly_costs ?? []) {
      ins.getCell(r, 1).value = y.name;
      for (let t = 0; t < n; t++)
        inputCell(ins.getCell(r, priceCol0 + t), y.usd_by_row[t] ?? 0, MONEY);
      yearlyRows.push(r);
      r++;
    }
    r++;
  }
  // Capital costs with their phasing by row t (columns aligned with t, from column F).
  const phaseCol0 = 6;
  const capexHeader = ins.getRow(r);
  capexHeader.values = ['Capital item', 'amount_usd', 'depreciation_group', 'vat_applicable', ''];
  for (let t = 0; t < n; t++) capexHeader.getCell(phaseCol0 + t).value = `t=${t}`;
  capexHeader.font = BOLD;
  ins.getCell(r - 1, phaseCol0).value = 'phasing: fraction of the amount spent in row t';
  r++;
  const capexRows: number[] = [];
  for (const c of input.capex) {
    ins.getCell(r, 1).value = c.name;
    inputCell(ins.getCell(r, 2), c.amount_usd, MONEY);
    ins.getCell(r, 3).value = c.depreciation_group;
    ins.getCell(r, 4).value = c.vat_applicable === false ? 0 : 1;
    const s = c.start_index ?? 0;
    for (let t = 0; t < n; t++)
      inputCell(ins.getCell(r, phaseCol0 + t), c.phasing[t - s] ?? 0, '0.000');
    capexRows.push(r);
    r++;
  }
  r++;
  // Fiscal settings (information: the taxes on the Cash flow sheet are model values).
  ins.getCell(r, 1).value =
    'Fiscal settings used by chromflow for the tax rows (not referenced by formulas)';
  ins.getCell(r, 1).font = BOLD;
  r++;
  const prefs = input.fiscal.preferences;
  const fiscal: [string, number | string, string][] = [
    ['fiscal regime', input.fiscal.regime.name, ''],
    ['CIT exemption', prefs?.cit_exemption_years ?? 0, 'years from first operation'],
    [
      'property-tax exemption',
      prefs?.property_tax_exemption_years ?? 0,
      'years from first operation',
    ],
    ['land-tax exemption', prefs?.land_tax_exemption_years ?? 0, 'years from first operation'],
    ['land tax', input.fiscal.land_tax_usd_per_year ?? 0, 'USD/a (base-year money)'],
    [
      'mining inside the boundary (MET)',
      input.fiscal.mining_inside_boundary === true ? 'yes' : 'no',
      '',
    ],
    ['tax depreciation', input.depreciation.method, ''],
    ['VAT refund lag', input.fiscal.regime.vatRefundLagMonths, 'months'],
    ['loss carry-forward', input.fiscal.regime.lossCarryForwardYears, 'years'],
  ];
  for (const [label, value, unit] of fiscal) {
    ins.getCell(r, 1).value = label;
    ins.getCell(r, 2).value = value;
    ins.getCell(r, 3).value = unit;
    r++;
  }

  // ---------------------------------------------------------------- Cash flow
  const cf = wb.addWorksheet(S.cashflow, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 4 }],
  });
  const c0 = 3;
  cf.getColumn(1).width = 44;
  cf.getColumn(2).width = 12;
  for (let t = 0; t < n; t++) cf.getColumn(c0 + t).width = 14;
  cf.getCell('A1').value = `${title} — yearly cash flow (${input.basis} USD)`;
  cf.getCell('A1').font = { bold: true, size: 13 };
  cf.getCell('A2').value =
    "Formulas reference the Inputs sheet. Green rows (taxes) are values computed by chromflow's fiscal engine (src/econ/fiscal, docs/finance.md): the Kazakh CIT with loss carry-forward, depreciation pools, property, land and payroll taxes and the VAT refund lag are not written as formulas, so they do not follow a changed input.";
  cf.getCell('A3').value =
    'Timing: row t is the calendar year start_year + t, flows at the end of the year, t = 0 undiscounted. Costs positive, flows signed.';
  const L = (t: number): string => columnLetter(c0 + t);
  const lastL = L(n - 1);
  const rows = {} as Record<CashflowSheetRow, number>;
  let row = 4;

  const index = input.price_index_by_row;
  const esc = Array.from({ length: n }, (_, t) =>
    index ? (index[t] ?? Number.NaN) : Math.pow(1 + input.inflation_rate, t),
  );
  const defl = esc.map((e) => (input.basis === 'real' ? 1 / e : 1));
  const money = esc.map((e, t) => e * (defl[t] ?? 1));
  const util = table.rows.map((x) => x.utilisation ?? 0);
  const op = Array.from({ length: n }, (_, t) => (t >= first && t <= last ? 1 : 0));

  /** Writes one yearly row: label, unit, and a cell per year from `f(t)` and `v(t)`. */
  const line = (
    key: CashflowSheetRow | undefined,
    label: string,
    unit: string,
    f: (t: number) => string | number | null,
    v: (t: number) => Cached,
    fmt: string,
    style?: { bold?: boolean; model?: boolean },
  ): number => {
    const rr = row;
    cf.getCell(rr, 1).value = label;
    cf.getCell(rr, 2).value = unit;
    for (let t = 0; t < n; t++) {
      const cell = cf.getCell(rr, c0 + t);
      const content = f(t);
      if (content === null) continue;
      if (typeof content === 'number') {
        cell.value = content;
        cell.numFmt = fmt;
      } else formula(cell, content, v(t), fmt);
      if (style?.model === true) cell.fill = MODEL_FILL;
    }
    if (style?.bold === true) cf.getRow(rr).font = BOLD;
    if (style?.model === true) cf.getCell(rr, 1).fill = MODEL_FILL;
    if (key !== undefined) rows[key] = rr;
    row++;
    return rr;
  };
  const section = (label: string): void => {
    row++;
    cf.getCell(row, 1).value = label;
    cf.getCell(row, 1).font = BOLD;
    row++;
  };

  const tRow = row + 1;
  line(
    'year',
    'Year',
    'a',
    (t) => `${at.start_year}+${L(t)}${tRow}`,
    (t) => input.start_year + t,
    '0',
    { bold: true },
  );
  line(
    't',
    't (years from t = 0)',
    'a',
    (t) => (t === 0 ? 0 : `${L(t - 1)}${tRow}+1`),
    (t) => t,
    '0',
  );
  const T = (t: number): string => `${L(t)}${tRow}`;
  const opRow = line(
    'operating',
    'Operating (1) or not (0)',
    '-',
    (t) => `IF(AND(${T(t)}>=${at.first_index},${T(t)}<=${at.last_index}),1,0)`,
    (t) => op[t],
    '0',
  );
  const uRow = line(
    'utilisation',
    'Utilisation',
    '-',
    (t) =>
      `IF(${L(t)}${opRow}=0,0,IF(${T(t)}-${at.first_index}<${at.ramp_count},INDEX(${rampRange},1,${T(t)}-${at.first_index}+1),1))`,
    (t) => util[t],
    RATE,
  );
  // A declared inflation path gives the price level of each row as an input (like a price deck).
  const escRow = line(
    'escalation',
    index
      ? 'Escalation: price level on the declared inflation path'
      : 'Escalation (1 + inflation)^t',
    '-',
    (t) => (index ? String(esc[t]) : `(1+${at.inflation_rate})^${T(t)}`),
    (t) => esc[t],
    FACTOR,
  );
  const dRow = line(
    'deflator',
    'Deflator to the table basis (real: 1/escalation)',
    '-',
    (t) => `IF(${at.basis}="real",1/${L(t)}${escRow},1)`,
    (t) => defl[t],
    FACTOR,
  );
  const mRow = line(
    'money_factor',
    'Money factor (base-year USD → table basis)',
    '-',
    (t) => `${L(t)}${escRow}*${L(t)}${dRow}`,
    (t) => money[t],
    FACTOR,
  );

  section('Revenue = capacity × price(t) × utilisation × money factor');
  const revItems: number[] = [];
  input.products.forEach((p, k) => {
    const ir = productRows[k] ?? 0;
    revItems.push(
      line(
        undefined,
        // A by-product credit is revenue like a product; it only adds no production tonnage,
        // which no money cell reads.
        `  ${p.name}${p.byproduct === true ? ' (by-product credit)' : ''}`,
        'USD',
        (t) => `${SI}!$B$${ir}*${priceAt(t)}$${ir}*${L(t)}${uRow}*${L(t)}${mRow}`,
        (t) =>
          p.capacity_t_per_year *
          (p.price_usd_per_t_by_row?.[t] ?? p.price_usd_per_t) *
          (util[t] ?? 0) *
          (money[t] ?? 1),
        MONEY,
      ),
    );
  });
  const sumOf = (items: number[], t: number): string =>
    items.length === 0
      ? '0'
      : `SUM(${L(t)}${items[0] ?? 0}:${L(t)}${items[items.length - 1] ?? 0})`;
  const revRow = line(
    'revenue',
    'Revenue',
    'USD',
    (t) => sumOf(revItems, t),
    (t) => tbl(t).revenue_usd,
    MONEY,
    { bold: true },
  );

  section(
    'Operating costs = quantity × unit price(t) × (utilisation if variable, else operating) × money factor',
  );
  const opexItems: number[] = [];
  input.opex.forEach((o, k) => {
    const ir = opexRows[k] ?? 0;
    const I = (c: string): string => `${SI}!$${c}$${ir}`;
    opexItems.push(
      line(
        undefined,
        `  ${o.name}`,
        'USD',
        (t) =>
          `${I('B')}*${priceAt(t)}$${ir}*IF(${I('E')}=1,${L(t)}${uRow},${L(t)}${opRow})*${L(t)}${mRow}`,
        (t) =>
          o.quantity_per_year *
          (o.unit_price_usd_by_row?.[t] ?? o.unit_price_usd) *
          (o.variable ? (util[t] ?? 0) : (op[t] ?? 0)) *
          (money[t] ?? 1),
        MONEY,
      ),
    );
  });
  (input.yearly_costs ?? []).forEach((y, k) => {
    const ir = yearlyRows[k] ?? 0;
    opexItems.push(
      line(
        undefined,
        `  ${y.name}`,
        'USD',
        (t) => `${priceAt(t)}$${ir}*${L(t)}${mRow}`,
        (t) => (y.usd_by_row[t] ?? 0) * (money[t] ?? 1),
        MONEY,
      ),
    );
  });
  const opexRow = line(
    'opex',
    'Operating costs',
    'USD',
    (t) => sumOf(opexItems, t),
    (t) => tbl(t).opex_usd,
    MONEY,
    { bold: true },
  );

  section('Capital costs = amount × phasing(t) × money factor');
  const capexItems: number[] = [];
  input.capex.forEach((c, k) => {
    const ir = capexRows[k] ?? 0;
    const s = c.start_index ?? 0;
    capexItems.push(
      line(
        undefined,
        `  ${c.name}`,
        'USD',
        (t) => `${SI}!$B$${ir}*${SI}!${columnLetter(phaseCol0 + t)}$${ir}*${L(t)}${mRow}`,
        (t) => c.amount_usd * (c.phasing[t - s] ?? 0) * (money[t] ?? 1),
        MONEY,
      ),
    );
  });
  const capexRow = line(
    'capex',
    'Capital costs',
    'USD',
    (t) => sumOf(capexItems, t),
    (t) => tbl(t).capex_usd,
    MONEY,
    { bold: true },
  );

  section('Working capital (recovered in the last row)');
  const wcRow = line(
    'working_capital',
    'Working capital = (revenue·receivable + opex·(inventory − payable)) / 365',
    'USD',
    (t) =>
      `IF(${T(t)}=${at.horizon_years}-1,0,(${L(t)}${revRow}*${at.receivable_days}+${L(t)}${opexRow}*(${at.inventory_days}-${at.payable_days}))/${at.days_per_year})`,
    (t) => tbl(t).working_capital_usd,
    MONEY,
  );
  const dwcRow = line(
    'working_capital_change',
    'Change in working capital (ΔWC, in money of the day, × deflator)',
    'USD',
    (t) =>
      t === 0
        ? `${L(t)}${wcRow}`
        : `${L(t)}${wcRow}-${L(t - 1)}${wcRow}*${L(t)}${dRow}/${L(t - 1)}${dRow}`,
    (t) => tbl(t).working_capital_change_usd,
    MONEY,
  );

  section('Taxes (values from chromflow, not formulas — see the note at the top)');
  const taxParts: [keyof CashflowRow, string][] = [
    ['cit_usd', 'Corporate income tax'],
    ['property_tax_usd', 'Property tax'],
    ['land_tax_usd', 'Land tax'],
    ['met_usd', 'Mineral extraction tax'],
    ['payroll_levies_usd', 'Employer payroll levies'],
    ['vat_net_usd', 'Input VAT not yet recovered (refund lag)'],
  ];
  const taxItems = taxParts.map(([k, label]) =>
    line(
      undefined,
      `  ${label}`,
      'USD',
      (t) => tbl(t)[k],
      () => undefined,
      MONEY,
      { model: true },
    ),
  );
  const taxRow = line(
    'tax',
    'Taxes',
    'USD',
    (t) => sumOf(taxItems, t),
    (t) => tbl(t).tax_usd,
    MONEY,
    { bold: true },
  );
  const closureRow = line(
    'closure',
    'Closure and rehabilitation',
    'USD',
    (t) => `IF(${T(t)}=${at.horizon_years}-1,${at.closure_cost_usd}*${L(t)}${mRow},0)`,
    (t) => tbl(t).closure_cost_usd,
    MONEY,
  );

  section('Free cash flow and discounting');
  const fcfRow = line(
    'free_cash_flow',
    'Free cash flow = revenue − opex − capex − ΔWC − taxes − closure',
    'USD',
    (t) =>
      `${L(t)}${revRow}-${L(t)}${opexRow}-${L(t)}${capexRow}-${L(t)}${dwcRow}-${L(t)}${taxRow}-${L(t)}${closureRow}`,
    (t) => tbl(t).free_cash_flow_usd,
    MONEY,
    { bold: true },
  );
  const cum: number[] = [];
  table.rows.reduce((a, x, t) => (cum[t] = a + x.free_cash_flow_usd), 0);
  const cumRow = line(
    'cumulative_fcf',
    'Cumulative free cash flow',
    'USD',
    (t) => (t === 0 ? `${L(t)}${fcfRow}` : `${L(t - 1)}${row}+${L(t)}${fcfRow}`),
    (t) => cum[t],
    MONEY,
  );
  const crossing = (cumR: number, flowR: number, cums: number[], flows: number[]) => ({
    f: (t: number): string | null =>
      t === 0
        ? null
        : `IF(AND(${L(t - 1)}${cumR}<0,${L(t)}${cumR}>=0),${T(t - 1)}+(-${L(t - 1)}${cumR})/${L(t)}${flowR},"")`,
    v: (t: number): Cached => {
      const a = cums[t - 1] ?? 0;
      const b = cums[t] ?? 0;
      return a < 0 && b >= 0 ? t - 1 + -a / (flows[t] ?? 1) : '';
    },
  });
  const fcfs = table.rows.map((x) => x.free_cash_flow_usd);
  const pb = crossing(cumRow, fcfRow, cum, fcfs);
  const pbRow = line(
    'payback_crossing',
    'Payback crossing (years from t = 0)',
    'a',
    pb.f,
    pb.v,
    '0.000',
  );
  const dfRow = line(
    'discount_factor',
    'Discount factor 1/(1 + r)^t',
    '-',
    (t) => `1/(1+${at.discount_rate})^${T(t)}`,
    (t) => tbl(t).discount_factor,
    FACTOR,
  );
  const dfcf = table.rows.map((x) => x.free_cash_flow_usd * x.discount_factor);
  const dfcfRow = line(
    'discounted_fcf',
    'Discounted free cash flow',
    'USD',
    (t) => `${L(t)}${fcfRow}*${L(t)}${dfRow}`,
    (t) => dfcf[t],
    MONEY,
  );
  const dcum: number[] = [];
  dfcf.reduce((a, x, t) => (dcum[t] = a + x), 0);
  const dcumRow = line(
    'cumulative_discounted_fcf',
    'Cumulative discounted free cash flow',
    'USD',
    (t) => (t === 0 ? `${L(t)}${dfcfRow}` : `${L(t - 1)}${row}+${L(t)}${dfcfRow}`),
    (t) => dcum[t],
    MONEY,
  );
  const dpb = crossing(dcumRow, dfcfRow, dcum, dfcf);
  const dpbRow = line(
    'discounted_payback_crossing',
    'Discounted payback crossing (years from t = 0)',
    'a',
    dpb.f,
    dpb.v,
    '0.000',
  );

  // Results: formula in column C, the model's value in column D.
  row++;
  cf.getRow(row).values = ['Result', 'unit', 'formula', 'chromflow'];
  cf.getRow(row).font = BOLD;
  row++;
  const span = (rr: number, from = 0): string => `${L(from)}${rr}:${lastL}${rr}`;
  const paybackFormula = (crossR: number, cumR: number): string =>
    n === 1
      ? `IF(${L(0)}${cumR}>=0,0,"none")`
      : `IF(COUNT(${span(crossR, 1)})=0,IF(MIN(${span(cumR)})>=0,0,"none"),MIN(${span(crossR, 1)}))`;
  const resultDefs: [CashflowResult, string, string, string, number | null, string][] = [
    [
      'npv',
      'NPV = FCF(t=0) + NPV(r, FCF(t=1…))',
      'USD',
      n === 1 ? `${L(0)}${fcfRow}` : `${L(0)}${fcfRow}+NPV(${at.discount_rate},${span(fcfRow, 1)})`,
      metrics.npv_usd,
      MONEY,
    ],
    [
      'npv_sum',
      'NPV check = Σ discounted FCF',
      'USD',
      `SUM(${span(dfcfRow)})`,
      metrics.npv_usd,
      MONEY,
    ],
    ['irr', 'IRR of the free cash flow', 'fraction/a', `IRR(${span(fcfRow)})`, metrics.irr, RATE],
    [
      'payback',
      'Payback (years from t = 0)',
      'a',
      paybackFormula(pbRow, cumRow),
      metrics.payback_years,
      '0.000',
    ],
    [
      'discounted_payback',
      'Discounted payback (years from t = 0)',
      'a',
      paybackFormula(dpbRow, dcumRow),
      metrics.discounted_payback_years,
      '0.000',
    ],
  ];
  const results = {} as CashflowWorkbookLayout['results'];
  for (const [key, label, unit, f, model, fmt] of resultDefs) {
    cf.getCell(row, 1).value = label;
    cf.getCell(row, 2).value = unit;
    const cached: Cached =
      model ?? (key === 'payback' || key === 'discounted_payback' ? 'none' : undefined);
    formula(cf.getCell(row, 3), f, cached, fmt);
    cf.getCell(row, 3).font = BOLD;
    const mc = cf.getCell(row, 4);
    mc.value = model ?? (key === 'irr' ? (metrics.irr_reason ?? 'none') : 'none');
    mc.numFmt = fmt;
    results[key] = { row, col: 3, address: `C${row}` };
    row++;
  }
  if (metrics.irr === null && metrics.irr_reason !== null) {
    cf.getCell(row, 1).value = `IRR note: ${metrics.irr_reason}`;
    row++;
  }

  // ---------------------------------------------------------------- Model table (values)
  const mt = wb.addWorksheet(S.table, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 3 }],
  });
  mt.getCell('A1').value =
    `${title} — chromflow's cash-flow table (values, ${table.basis} USD), including debt columns`;
  mt.getCell('A1').font = { bold: true, size: 13 };
  const keys = Object.keys(CASHFLOW_COLUMN_UNITS) as (keyof CashflowRow)[];
  mt.getRow(2).values = keys;
  mt.getRow(2).font = BOLD;
  mt.getRow(3).values = keys.map((k) => CASHFLOW_COLUMN_UNITS[k]);
  table.rows.forEach((x, i) => {
    mt.getRow(4 + i).values = keys.map((k) => x[k]);
  });
  keys.forEach((k, j) => {
    mt.getColumn(j + 1).width = k === 'year' || k === 't' ? 7 : 16;
    if (CASHFLOW_COLUMN_UNITS[k] === 'USD') mt.getColumn(j + 1).numFmt = MONEY;
  });
  let mr = 5 + n;
  mt.getCell(mr, 1).value = 'Metrics';
  mt.getCell(mr, 1).font = BOLD;
  mr++;
  for (const [k, v] of Object.entries(metrics)) {
    mt.getCell(mr, 1).value = k;
    mt.getCell(mr, 2).value = Array.isArray(v) ? v.join('; ') : (v as number | string | null);
    mr++;
  }

  return {
    workbook: wb,
    layout: {
      sheets: S,
      firstYearColumn: c0,
      rows,
      results,
      inputs: {
        general: Object.fromEntries(
          Object.entries(at).map(([k, v]) => [k, v.replace(/^.*!/, '').replace(/\$/g, '')]),
        ),
        rampRow,
        productRows,
        opexRows,
        capexRows,
        capexPhaseColumn: phaseCol0,
      },
    },
    table,
    metrics,
  };

  function tbl(t: number): CashflowRow {
    const x = table.rows[t];
    if (x === undefined) throw new RangeError(`no row ${t}`);
    return x;
  }
}
