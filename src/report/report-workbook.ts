// The XLSX report of one appraisal: an About sheet (what is in the workbook, what is not
// computed), the cash-flow sheets with live formulas when the appraisal has a cash flow
// (cashflow-workbook.ts), the stages and every assumption with its source.
import ExcelJS from 'exceljs';
import type { Appraisal } from '../appraisal.js';
import {
  CASHFLOW_SHEETS,
  cashflowWorkbook,
  columnLetter,
  sheetRef,
  type CashflowWorkbookLayout,
} from './cashflow-workbook.js';
import type { ReportInputs } from './report-inputs.js';

export interface WorkbookReportOptions {
  /** Time written on the About sheet; omitted when not given. */
  generatedAt?: Date;
  /** Where the scenario came from (file name or `scenario <id> v<version>`). */
  origin?: string;
}

const BOLD: Partial<ExcelJS.Font> = { bold: true };

/**
 * Builds the report workbook.
 *
 * @param inputs - The appraisal and the project cash-flow input (null: no formula sheets, the
 *   About sheet says why).
 * @param options - About-sheet details.
 * @returns The workbook (write it with `workbook.xlsx.writeBuffer()`).
 * @throws InputError from `buildCashflowTable` for an inconsistent cash-flow input.
 */
export function reportWorkbook(
  inputs: ReportInputs,
  options: WorkbookReportOptions = {},
): ExcelJS.Workbook {
  const a = inputs.appraisal;
  const wb = new ExcelJS.Workbook();
  wb.creator = `chromflow ${a.chromflow.version}`;
  wb.title = `${a.scenario.name} — chromflow appraisal`;
  wb.calcProperties.fullCalcOnLoad = true;
  if (options.generatedAt !== undefined) {
    wb.created = options.generatedAt;
    wb.modified = options.generatedAt;
  }
  const about = wb.addWorksheet('About');
  about.getColumn(1).width = 28;
  about.getColumn(2).width = 110;
  const lines: [string, string][] = [
    ['Scenario', a.scenario.name],
    ...(a.scenario.description !== undefined
      ? [['Description', a.scenario.description] as [string, string]]
      : []),
    ['Site', `${a.scenario.site}, ${a.scenario.region} (${a.scenario.country})`],
    ['Base year', String(a.scenario.base_year)],
    ['chromflow', `${a.chromflow.version} (scenario format ${a.chromflow.scenario_format})`],
    ...(options.origin !== undefined ? [['Origin', options.origin] as [string, string]] : []),
    ...(options.generatedAt !== undefined
      ? [['Generated', options.generatedAt.toISOString()] as [string, string]]
      : []),
  ];
  about.getCell('A1').value = `${a.scenario.name} — chromflow appraisal workbook`;
  about.getCell('A1').font = { bold: true, size: 14 };
  let r = 3;
  for (const [k, v] of lines) {
    about.getCell(r, 1).value = k;
    about.getCell(r, 1).font = BOLD;
    about.getCell(r, 2).value = v;
    r++;
  }
  r++;
  about.getCell(r, 1).value = 'Sheets';
  about.getCell(r, 1).font = BOLD;
  r++;
  const sheetNotes: [string, string][] = [];
  if (inputs.cashflow_inputs.length > 0) {
    const single = inputs.cashflow_inputs.length === 1;
    const parts: { stage: string; layout: CashflowWorkbookLayout }[] = [];
    let npvSum = 0;
    for (const { stage, input } of inputs.cashflow_inputs) {
      const sheets = single
        ? CASHFLOW_SHEETS
        : {
            inputs: `Inputs ${stage}`.slice(0, 31),
            cashflow: `Cash flow ${stage}`.slice(0, 31),
            table: `Model ${stage}`.slice(0, 31),
          };
      const { metrics, layout } = cashflowWorkbook(input, {
        workbook: wb,
        title: single ? a.scenario.name : `${a.scenario.name} — stage ${stage}`,
        sheets,
      });
      npvSum += metrics.npv_usd;
      parts.push({ stage, layout });
      sheetNotes.push(
        [
          sheets.inputs,
          `every number the cash-flow formulas of ${single ? 'the project' : `stage ${stage}`} use (blue = input, base-year money)`,
        ],
        [
          sheets.cashflow,
          'yearly cash flow with live formulas: revenue, opex, capex, working capital, ΔWC, FCF, discount factors, NPV, IRR, payback; taxes are values from chromflow (see the note on the sheet)',
        ],
        [sheets.table, "chromflow's own table (values), including debt, CFADS and DSCR"],
      );
    }
    if (!single) {
      projectSheet(wb, a, parts);
      sheetNotes.push([
        'Project',
        'the stages combined: free cash flow = Σ stage FCF cells (formulas), NPV and IRR of the project by formula',
      ]);
    }
    const m = a.metrics;
    if (m !== null && Math.abs(m.npv_usd - npvSum) > 1e-6 * Math.max(1, Math.abs(m.npv_usd)))
      sheetNotes.push([
        'Warning',
        `the appraisal's NPV (${m.npv_usd}) differs from this workbook's (${npvSum}): the cash-flow inputs are not the appraisal's`,
      ]);
  } else {
    const reason = a.not_implemented.find((n) => n.what.toLowerCase().includes('cash flow'));
    sheetNotes.push([
      'Cash flow',
      `not computed${reason !== undefined ? `: ${reason.what} (${reason.tracking})` : ''} — no formula sheets, no numbers invented`,
    ]);
  }
  sheetNotes.push(
    ['Stages', 'stages with capacity, status, capex with its accuracy range, opex and revenue'],
    ['Assumptions', 'every input number with unit, source and status'],
  );
  for (const [k, v] of sheetNotes) {
    about.getCell(r, 1).value = k;
    about.getCell(r, 2).value = v;
    r++;
  }
  if (a.not_implemented.length > 0) {
    r++;
    about.getCell(r, 1).value = 'Not computed yet';
    about.getCell(r, 1).font = BOLD;
    r++;
    for (const n of a.not_implemented) {
      about.getCell(r, 1).value = n.tracking;
      about.getCell(r, 2).value = n.what;
      r++;
    }
  }
  stagesSheet(wb, a);
  assumptionsSheet(wb, a);
  return wb;
}

function stagesSheet(wb: ExcelJS.Workbook, a: Appraisal): void {
  const ws = wb.addWorksheet('Stages', { views: [{ state: 'frozen', ySplit: 1 }] });
  const head = [
    'id',
    'name',
    'template',
    'status',
    'start_year',
    'construction_years',
    'capacity_t_per_year',
    'capacity_basis',
    'capex_usd',
    'capex_low_usd',
    'capex_high_usd',
    'aace_class',
    'capex_reference_class',
    'budget_usd',
    'opex_usd_per_year',
    'revenue_usd_per_year',
    'npv_usd',
    'irr',
  ];
  ws.getRow(1).values = head;
  ws.getRow(1).font = BOLD;
  a.stages.forEach((s, i) => {
    ws.getRow(2 + i).values = [
      s.id,
      s.name,
      s.template,
      s.status,
      s.start_year,
      s.construction_years,
      s.capacity_t_per_year,
      s.capacity_basis,
      s.capex_usd ?? 'not computed',
      s.capex?.accuracy_usd.low ?? '',
      s.capex?.accuracy_usd.high ?? '',
      s.capex?.accuracy_usd.aace_class ?? '',
      s.capex?.reference_class ?? '',
      s.capex?.budget?.budget_usd ?? '',
      s.opex_usd_per_year ?? 'not computed',
      s.revenue_usd_per_year ?? 'not computed',
      s.metrics?.npv_usd ?? 'not computed',
      s.metrics?.irr ?? (s.metrics !== null ? (s.metrics.irr_reason ?? 'none') : 'not computed'),
    ];
  });
  head.forEach((h, j) => {
    ws.getColumn(j + 1).width = Math.max(12, h.length + 2);
    if (h.endsWith('_usd') || h.endsWith('_usd_per_year')) ws.getColumn(j + 1).numFmt = '#,##0';
  });
}

function assumptionsSheet(wb: ExcelJS.Workbook, a: Appraisal): void {
  const ws = wb.addWorksheet('Assumptions', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.getRow(1).values = ['path', 'value', 'unit', 'status', 'source', 'note'];
  ws.getRow(1).font = BOLD;
  a.sources.forEach((s, i) => {
    ws.getRow(2 + i).values = [s.path, s.value, s.unit, s.status, s.source, s.note ?? ''];
  });
  [58, 14, 14, 10, 100, 40].forEach((w, j) => (ws.getColumn(j + 1).width = w));
}

/**
 * The Project sheet of a multi-stage workbook: per year the free cash flow is the sum of the
 * stages' FCF cells, then discount factors, NPV = FCF_0 + NPV(r, FCF_1..n−1) and IRR(FCF) — the
 * appraisal's metrics.npv_usd and irr, recomputed by the spreadsheet.
 */
function projectSheet(
  wb: ExcelJS.Workbook,
  a: Appraisal,
  parts: readonly { stage: string; layout: CashflowWorkbookLayout }[],
): void {
  const ws = wb.addWorksheet('Project', { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  ws.getColumn(1).width = 36;
  ws.getCell('A1').value = `${a.scenario.name} — project cash flow (all stages)`;
  ws.getCell('A1').font = { bold: true, size: 13 };
  const rows = a.cashflow;
  const c0 = 2;
  const L = (t: number) => columnLetter(c0 + t);
  ws.getCell(2, 1).value = 'year';
  ws.getCell(3, 1).value = 'free cash flow [USD]';
  ws.getCell(4, 1).value = 'discount factor [-]';
  ws.getCell(5, 1).value = 'discounted free cash flow [USD]';
  ws.getCell(7, 1).value = 'discount rate [-]';
  const rate = a.metrics?.discount_rate ?? 0;
  ws.getCell(7, 2).value = rate;
  rows.forEach((r, t) => {
    ws.getCell(2, c0 + t).value = r.year;
    const terms = parts.map(({ layout }) => {
      const sheet = sheetRef(layout.sheets.cashflow);
      return `${sheet}!${columnLetter(layout.firstYearColumn + t)}${layout.rows.free_cash_flow}`;
    });
    ws.getCell(3, c0 + t).value = { formula: terms.join('+'), result: r.free_cash_flow_usd };
    ws.getCell(4, c0 + t).value = { formula: `1/(1+$B$7)^${t}`, result: r.discount_factor };
    ws.getCell(5, c0 + t).value = {
      formula: `${L(t)}3*${L(t)}4`,
      result: r.free_cash_flow_usd * r.discount_factor,
    };
    ws.getColumn(c0 + t).width = 15;
    ws.getCell(3, c0 + t).numFmt = '#,##0;[Red]-#,##0';
    ws.getCell(5, c0 + t).numFmt = '#,##0;[Red]-#,##0';
  });
  const last = L(rows.length - 1);
  ws.getCell(8, 1).value = 'NPV [USD]';
  ws.getCell(8, 2).value = {
    formula: `B3+NPV(B7,C3:${last}3)`,
    result: a.metrics?.npv_usd ?? 0,
  };
  ws.getCell(9, 1).value = 'IRR [-]';
  ws.getCell(9, 2).value = { formula: `IRR(B3:${last}3)`, result: a.metrics?.irr ?? 0 };
  for (const r of [1, 2, 3, 4, 5, 7, 8, 9]) ws.getCell(r, 1).font = BOLD;
}
