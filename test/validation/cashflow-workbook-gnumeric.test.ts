// The XLSX cash-flow workbook (src/report/cashflow-workbook.ts, exceljs) against a real
// spreadsheet engine: Gnumeric recalculates every formula (`ssconvert --recalc`, Debian package
// gnumeric) and the recalculated NPV and IRR must equal chromflow's to 1e-9 relative, payback and
// discounted payback too, and every yearly formula cell must equal the cached result written
// into it (the model's number) — so the cached values a viewer shows are the formulas' values.
// Method: ../shared/validation/finance/spreadsheet_oracle_demo/HOWTO.md (Gnumeric 1.12.55).
// Set CHROMFLOW_SKIP_GNUMERIC=1 to skip on a machine without Gnumeric (CI must not set it).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  buildCashflowTable,
  cashflowMetrics,
  loadScenario,
  type CashflowInput,
} from '../../src/index.js';
import { reportInputs } from '../../src/report/report-inputs.js';
import { cashflowWorkbook, CASHFLOW_SHEETS } from '../../src/report/cashflow-workbook.js';
import { reportWorkbook } from '../../src/report/report-workbook.js';
import { noTaxRegime, stage1WithHolidays } from '../econ/cashflow/fixture.js';
import { gnumericPresent, recalcXlsx, workbookDir } from '../helpers/gnumeric.js';
import { ROOT } from '../helpers/run-cli.js';
import { stage12Input, stage1Input } from '../report/fixtures.js';

const GNUMERIC = gnumericPresent();
const dir = workbookDir('chromflow-xlsx-');

const referenceFile = join(ROOT, 'scenarios/aktobe-stage1-2.yaml');
const reference = reportInputs(loadScenario(readFileSync(referenceFile, 'utf8'), referenceFile));

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

const CASES: [string, CashflowInput][] = [
  ['stage1-nominal', stage1Input()],
  [
    'stage1-real-inflation-holidays',
    stage1WithHolidays({ basis: 'real', inflation_rate: 0.06, discount_rate: 0.08 }),
  ],
  ['stage12-nominal-inflation-early-stop', stage12Input()],
  [
    'stage12-real-no-ramp-straight-line',
    stage12Input({
      basis: 'real',
      discount_rate: 0.07,
      operation: { first_index: 3, ramp_up: [] },
      depreciation: { method: 'straight-line' },
    }),
  ],
];

describe.runIf(GNUMERIC)('XLSX cash-flow workbook vs Gnumeric ssconvert --recalc', () => {
  for (const [name, input] of CASES) {
    it(`${name}: NPV and IRR to 1e-9, payback, and every formula cell equals its cached value`, async () => {
      const { workbook, layout, table, metrics } = cashflowWorkbook(input, { title: name });
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      const sheets = recalcXlsx(dir, name, bytes);
      const sheet = sheets.get(CASHFLOW_SHEETS.cashflow);
      expect(sheet, [...sheets.keys()].join(', ')).toBeDefined();
      const cell = (row: number, col: number): string => sheet![row - 1]?.[col - 1] ?? '';
      const num = (row: number, col: number): number => {
        const s = cell(row, col);
        expect(s, `R${row}C${col}`).toMatch(/^-?[0-9.]+(E[-+]?[0-9]+)?$/i);
        return Number(s);
      };
      const res = (k: keyof typeof layout.results): number =>
        num(layout.results[k].row, layout.results[k].col);

      expect(rel(res('npv'), metrics.npv_usd)).toBeLessThan(1e-9);
      expect(rel(res('npv_sum'), metrics.npv_usd)).toBeLessThan(1e-9);
      expect(metrics.irr).not.toBeNull();
      expect(rel(res('irr'), metrics.irr!)).toBeLessThan(1e-9);
      expect(metrics.payback_years).not.toBeNull();
      expect(rel(res('payback'), metrics.payback_years!)).toBeLessThan(1e-9);
      const dpb = layout.results.discounted_payback;
      if (metrics.discounted_payback_years === null) expect(cell(dpb.row, dpb.col)).toBe('none');
      else
        expect(rel(res('discounted_payback'), metrics.discounted_payback_years)).toBeLessThan(1e-9);

      // The model's columns, year by year.
      const columns = {
        revenue: 'revenue_usd',
        opex: 'opex_usd',
        capex: 'capex_usd',
        working_capital: 'working_capital_usd',
        working_capital_change: 'working_capital_change_usd',
        tax: 'tax_usd',
        closure: 'closure_cost_usd',
        free_cash_flow: 'free_cash_flow_usd',
        discount_factor: 'discount_factor',
      } as const;
      const scale = Math.max(...table.rows.map((r) => Math.abs(r.revenue_usd) + r.capex_usd));
      table.rows.forEach((r, t) => {
        for (const [rowKey, col] of Object.entries(columns)) {
          const v = num(layout.rows[rowKey as keyof typeof columns], layout.firstYearColumn + t);
          expect(Math.abs(v - r[col]) / scale, `${rowKey} t=${t}`).toBeLessThan(1e-12);
        }
        expect(num(layout.rows.utilisation, layout.firstYearColumn + t)).toBe(r.utilisation);
        expect(num(layout.rows.year, layout.firstYearColumn + t)).toBe(r.year);
      });

      // Every formula cell of the Cash flow sheet: cached result == Gnumeric's value.
      // (Read from the workbook object: exceljs's `value` getter and its reader drop cached results
      // equal to 0 or "", the writer writes them.)
      const ws = workbook.getWorksheet(CASHFLOW_SHEETS.cashflow)!;
      let formulas = 0;
      ws.eachRow((row, rn) => {
        row.eachCell((c, cn) => {
          if (c.type !== ExcelJS.ValueType.Formula) return;
          formulas++;
          const cached = c.result as unknown;
          const got = cell(rn, cn);
          if (typeof cached === 'number') {
            const scale = Math.max(Math.abs(cached), 1);
            expect(Math.abs(Number(got) - cached) / scale, c.address).toBeLessThan(1e-9);
          } else expect(got, c.address).toBe(cached ?? '');
        });
      });
      expect(formulas).toBeGreaterThan(20 * input.horizon_years);
    });
  }

  it('the formulas are live: inputs edited on the Inputs sheet give the NPV, IRR and FCF of the edited input (no-tax regime, so the tax values stay 0)', async () => {
    const base = stage12Input({ fiscal: { regime: noTaxRegime } });
    const [p0, p1] = base.products;
    const [o0, ...oRest] = base.opex;
    const [c0, ...cRest] = base.capex;
    const edited: CashflowInput = {
      ...base,
      discount_rate: 0.09,
      inflation_rate: 0.02,
      working_capital: { ...base.working_capital, receivable_days: 60, payable_days: 10 },
      operation: { ...base.operation, ramp_up: [0.5, 0.8, 0.95] },
      products: [
        { ...p0!, price_usd_per_t: 1600 },
        { ...p1!, capacity_t_per_year: 5000 },
      ],
      opex: [{ ...o0!, quantity_per_year: 210_000, unit_price_usd: 280 }, ...oRest],
      capex: [{ ...c0!, amount_usd: 50e6, phasing: [0.2, 0.8] }, ...cRest],
      closure_cost_usd: 9e6,
    };
    const { workbook, layout } = cashflowWorkbook(base);
    const ins = workbook.getWorksheet(CASHFLOW_SHEETS.inputs)!;
    const g = layout.inputs.general;
    ins.getCell(g.discount_rate!).value = 0.09;
    ins.getCell(g.inflation_rate!).value = 0.02;
    ins.getCell(g.receivable_days!).value = 60;
    ins.getCell(g.payable_days!).value = 10;
    ins.getCell(g.closure_cost_usd!).value = 9e6;
    ins.getCell(layout.inputs.rampRow, 2).value = 0.5;
    ins.getCell(layout.inputs.rampRow, 3).value = 0.8;
    ins.getCell(layout.inputs.productRows[0]!, 3).value = 1600;
    ins.getCell(layout.inputs.productRows[1]!, 2).value = 5000;
    ins.getCell(layout.inputs.opexRows[0]!, 2).value = 210_000;
    ins.getCell(layout.inputs.opexRows[0]!, 4).value = 280;
    ins.getCell(layout.inputs.capexRows[0]!, 2).value = 50e6;
    ins.getCell(layout.inputs.capexRows[0]!, layout.inputs.capexPhaseColumn).value = 0.2;
    ins.getCell(layout.inputs.capexRows[0]!, layout.inputs.capexPhaseColumn + 1).value = 0.8;

    const table = buildCashflowTable(edited);
    const m = cashflowMetrics(table);
    const before = cashflowMetrics(buildCashflowTable(base));
    expect(rel(m.npv_usd, before.npv_usd)).toBeGreaterThan(0.01); // the edits matter
    const sheet = recalcXlsx(
      dir,
      'live-edit',
      new Uint8Array(await workbook.xlsx.writeBuffer()),
    ).get(CASHFLOW_SHEETS.cashflow)!;
    const num = (row: number, col: number): number => Number(sheet[row - 1]?.[col - 1]);
    expect(rel(num(layout.results.npv.row, 3), m.npv_usd)).toBeLessThan(1e-9);
    expect(rel(num(layout.results.irr.row, 3), m.irr!)).toBeLessThan(1e-9);
    const scale = Math.max(...table.rows.map((r) => Math.abs(r.revenue_usd) + r.capex_usd));
    table.rows.forEach((r, t) => {
      const fcf = num(layout.rows.free_cash_flow, layout.firstYearColumn + t);
      expect(Math.abs(fcf - r.free_cash_flow_usd) / scale, `t=${t}`).toBeLessThan(1e-12);
      expect(r.tax_usd).toBe(0);
    });
  });

  // The appraisal itself (issue 8 item 4): the report workbook of aktobe-stage1-2 has one set of
  // formula sheets per stage and a Project sheet summing their FCF; Gnumeric's project NPV and
  // IRR equal appraisal.metrics, and each stage sheet's NPV equals that stage's metrics.
  it('aktobe-stage1-2 report workbook: Gnumeric project NPV and IRR equal appraisal.metrics (1e-9)', async () => {
    const { appraisal } = reference;
    expect(reference.cashflow_inputs).toHaveLength(2);
    const wb = reportWorkbook(reference);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const sheets = recalcXlsx(dir, 'reference', bytes);
    const project = sheets.get('Project')!;
    const cell = (rows: string[][], row: number, col: number) => Number(rows[row - 1]?.[col - 1]);
    expect(rel(cell(project, 8, 2), appraisal.metrics!.npv_usd)).toBeLessThan(1e-9);
    expect(rel(cell(project, 9, 2), appraisal.metrics!.irr!)).toBeLessThan(1e-9);
    for (const [k, { stage, input }] of reference.cashflow_inputs.entries()) {
      const { layout } = cashflowWorkbook(input, {
        sheets: {
          inputs: `Inputs ${stage}`,
          cashflow: `Cash flow ${stage}`,
          table: `Model ${stage}`,
        },
      });
      const sheet = sheets.get(`Cash flow ${stage}`)!;
      const st = appraisal.stages[k]!;
      expect(rel(cell(sheet, layout.results.npv.row, 3), st.metrics!.npv_usd)).toBeLessThan(1e-9);
    }
  });

  it('ssconvert is installed (run scripts/install-system-deps.sh)', () => {
    expect(() => execFileSync('ssconvert', ['--version'], { stdio: 'pipe' })).not.toThrow();
  });
});
