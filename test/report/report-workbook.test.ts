// The report workbook (About, cash-flow sheets when there is a cash-flow input, Stages,
// Assumptions), reportInputs, file names, and the PDF renderer's error when Chromium is missing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/index.js';
import {
  CASHFLOW_SHEETS,
  columnLetter,
  htmlToPdf,
  PdfRendererUnavailableError,
  reportFileStem,
  reportInputs,
  reportWorkbook,
} from '../../src/report/index.js';
import { ROOT } from '../helpers/run-cli.js';
import { sampleAppraisal, stage12Input } from './fixtures.js';

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back;
}

const text = (ws: ExcelJS.Worksheet): string => {
  const parts: string[] = [];
  ws.eachRow((row) => {
    row.eachCell((c) => parts.push(c.text));
  });
  return parts.join('\n');
};

describe('reportWorkbook', () => {
  it('with a cash-flow input: About, Inputs, Cash flow, Model table, Stages, Assumptions', async () => {
    const a = sampleAppraisal();
    const wb = await roundTrip(reportWorkbook({ appraisal: a, cashflow_input: stage12Input() }));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'About',
      CASHFLOW_SHEETS.inputs,
      CASHFLOW_SHEETS.cashflow,
      CASHFLOW_SHEETS.table,
      'Stages',
      'Assumptions',
    ]);
    const about = text(wb.getWorksheet('About')!);
    expect(about).toContain(a.scenario.name);
    expect(about).toContain('live formulas');
    expect(about).not.toContain('Warning'); // the sample's cash flow is that input's
    const cf = text(wb.getWorksheet(CASHFLOW_SHEETS.cashflow)!);
    expect(cf).toContain('not written as formulas'); // the tax note
    const assumptions = wb.getWorksheet('Assumptions')!;
    expect(assumptions.actualRowCount).toBe(1 + a.sources.length);
    expect(assumptions.getRow(2).values).toEqual([
      undefined,
      a.sources[0]!.path,
      a.sources[0]!.value,
      a.sources[0]!.unit,
      a.sources[0]!.status,
      a.sources[0]!.source,
      a.sources[0]!.note,
    ]);
    expect(wb.getWorksheet('Stages')!.actualRowCount).toBe(1 + a.stages.length);
  });

  it('warns on the About sheet when the cash-flow input is not the appraisal’s', () => {
    const a = sampleAppraisal();
    const wb = reportWorkbook({
      appraisal: a,
      cashflow_input: stage12Input({ discount_rate: 0.05 }),
    });
    expect(text(wb.getWorksheet('About')!)).toContain("differs from this workbook's");
  });

  it('without a cash-flow input: no formula sheets, the reason on the About sheet', async () => {
    const a = {
      ...sampleAppraisal(),
      cashflow: [],
      metrics: null,
      not_implemented: [{ what: 'opex, cash flow and metrics', tracking: 'issue 6' }],
    };
    const wb = await roundTrip(reportWorkbook({ appraisal: a, cashflow_input: null }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['About', 'Stages', 'Assumptions']);
    expect(text(wb.getWorksheet('About')!)).toContain(
      'not computed: opex, cash flow and metrics (issue 6) — no formula sheets, no numbers invented',
    );
  });
});

describe('reportInputs', () => {
  it('appraises the scenario; the cash-flow input stays null until appraise provides one', () => {
    const file = join(ROOT, 'scenarios/aktobe-raw-export.yaml');
    const scenario = loadScenario(readFileSync(file, 'utf8'), file);
    const inputs = reportInputs(scenario);
    expect(inputs.appraisal.scenario.name).toBe(scenario.name);
    if (inputs.appraisal.cashflow.length === 0) expect(inputs.cashflow_input).toBeNull();
  });
});

describe('helpers', () => {
  it('reportFileStem: lower-case ASCII with dashes, never empty', () => {
    expect(reportFileStem('Aktobe — stages 1 + 2, HC FeCr')).toBe('aktobe-stages-1-2-hc-fecr');
    expect(reportFileStem('Ақтөбе')).toBe('appraisal'); // non-Latin names: a generic stem
    expect(reportFileStem('«»')).toBe('appraisal');
    expect(reportFileStem('x'.repeat(200))).toHaveLength(80);
  });

  it('columnLetter: 1 → A, 26 → Z, 27 → AA, 702 → ZZ, 703 → AAA', () => {
    expect([1, 26, 27, 52, 702, 703].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'ZZ',
      'AAA',
    ]);
  });

  it('htmlToPdf: a missing Chromium is a PdfRendererUnavailableError naming the path', async () => {
    await expect(
      htmlToPdf('<p>x</p>', { executablePath: '/nonexistent/chromium', timeoutMs: 10_000 }),
    ).rejects.toThrow(PdfRendererUnavailableError);
    await expect(
      htmlToPdf('<p>x</p>', { executablePath: '/nonexistent/chromium', timeoutMs: 10_000 }),
    ).rejects.toThrow('/nonexistent/chromium');
  });
});
