// The project cash flow against a real spreadsheet engine: chromflow's table is written with
// live formulas as a Gnumeric XML workbook (src/report/cashflow-sheet.ts), Gnumeric recalculates it
// (`ssconvert --recalc`, Debian package gnumeric, installed by scripts/install-system-deps.sh),
// and NPV, IRR, payback and discounted payback must agree to 1e-9 relative.
// Method: ../shared/validation/finance/spreadsheet_oracle_demo/HOWTO.md (Gnumeric 1.12.55).
// Set CHROMFLOW_SKIP_GNUMERIC=1 to skip on a machine without Gnumeric (CI must not set it).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCashflowTable, cashflowMetrics, type CashflowInput } from '../../src/index.js';
import { cashflowSheetXml } from '../../src/report/cashflow-sheet.js';
import { stage1Input, stage1WithHolidays } from '../econ/cashflow/fixture.js';
import { gnumericPresent, recalcFile, workbookDir } from '../helpers/gnumeric.js';

const GNUMERIC = gnumericPresent();
const dir = workbookDir('chromflow-gnumeric-');

function recalc(name: string, input: CashflowInput): string[][] {
  const table = buildCashflowTable(input);
  const { xml } = cashflowSheetXml(table, {
    ...input.working_capital,
    inflation_rate: input.basis === 'real' ? input.inflation_rate : 0,
  });
  return recalcFile(dir, name, 'gnumeric', xml);
}

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

const CASES: [string, CashflowInput][] = [
  [
    'stage1-nominal-annuity-debt',
    stage1Input({
      financing: {
        debt_share: 0.6,
        interest_rate: 0.09,
        tenor_years: 8,
        grace_years: 1,
        repayment: 'annuity',
      },
    }),
  ],
  [
    'stage1-real-inflation-holidays',
    stage1WithHolidays({ basis: 'real', inflation_rate: 0.06, discount_rate: 0.08 }),
  ],
  [
    'stage1-straight-line-high-price',
    stage1Input({
      depreciation: { method: 'straight-line' },
      products: [{ ...stage1Input().products[0]!, price_usd_per_t: 1900 }],
    }),
  ],
];

describe.runIf(GNUMERIC)('cash-flow table vs Gnumeric ssconvert --recalc (1e-9 relative)', () => {
  it('ssconvert is installed (run scripts/install-system-deps.sh)', () => {
    expect(() => execFileSync('ssconvert', ['--version'], { stdio: 'pipe' })).not.toThrow();
  });

  for (const [name, input] of CASES) {
    it(`${name}: NPV, IRR, payback, discounted payback and every FCF/ΔWC cell agree`, () => {
      const table = buildCashflowTable(input);
      const m = cashflowMetrics(table);
      const { layout } = cashflowSheetXml(table, { ...input.working_capital, inflation_rate: 0 });
      const sheet = recalc(name, input);
      const cell = (rc: [number, number]): string => sheet[rc[0]]?.[rc[1]] ?? '';
      const num = (rc: [number, number]): number => Number(cell(rc));

      table.rows.forEach((r, i) => {
        const line = sheet[layout.firstDataRow + i]!;
        const fcf = Number(line[layout.columns.free_cash_flow]);
        const dwc = Number(line[layout.columns.working_capital_change]);
        const scale = Math.abs(r.revenue_usd) + Math.abs(r.capex_usd) + 1;
        expect(Math.abs(fcf - r.free_cash_flow_usd) / scale).toBeLessThan(1e-12);
        expect(Math.abs(dwc - r.working_capital_change_usd) / scale).toBeLessThan(1e-12);
      });

      expect(rel(m.npv_usd, num(layout.results.npv))).toBeLessThan(1e-9);
      expect(rel(m.npv_usd, num(layout.results.npv_sum))).toBeLessThan(1e-9);
      expect(m.irr).not.toBeNull();
      expect(rel(m.irr!, num(layout.results.irr))).toBeLessThan(1e-9);
      expect(m.payback_years).not.toBeNull();
      expect(rel(m.payback_years!, num(layout.results.payback))).toBeLessThan(1e-9);
      if (m.discounted_payback_years === null)
        expect(cell(layout.results.discounted_payback)).toBe('none');
      else
        expect(
          rel(m.discounted_payback_years, num(layout.results.discounted_payback)),
        ).toBeLessThan(1e-9);
    });
  }
});

// The appraisal's own combined cash flow (stages 1 + 2, each stage built from the plant balance)
// through the same spreadsheet: NPV, IRR and payback of `chromflow appraise` agree with Gnumeric.
/** USD inflation of a calendar year as data/finance/inflation.json declares it (read here from the
 * file, not through the model): the year's value, else the long-term one. */
function declaredUsdInflation(year: number): number {
  const file = JSON.parse(
    readFileSync(new URL('../../data/finance/inflation.json', import.meta.url), 'utf8'),
  ) as { values: Record<string, { value: number }> };
  const v = file.values[`usd_${String(year)}`] ?? file.values.usd_long_term;
  if (v === undefined) throw new Error('data/finance/inflation.json has no usd_long_term');
  return v.value;
}

describe.runIf(GNUMERIC)(
  'appraisal cash flow of aktobe-stage1-2 vs Gnumeric (1e-9 relative)',
  () => {
    it('metrics.npv_usd, irr and payback_years equal the recalculated workbook', async () => {
      const { appraise } = await import('../../src/appraise.js');
      const { loadScenario } = await import('../../src/scenario/index.js');
      const { ROOT } = await import('../helpers/run-cli.js');
      const text = readFileSync(join(ROOT, 'scenarios', 'aktobe-stage1-2.yaml'), 'utf8');
      const scenario = loadScenario(text, 'aktobe-stage1-2.yaml');
      const a = appraise(scenario, { breakEvens: false });
      const table = {
        basis: a.metrics!.basis,
        discount_rate: a.metrics!.discount_rate,
        rows: a.cashflow,
      };
      const wc = scenario.finance.working_capital;
      const { xml, layout } = cashflowSheetXml(table, {
        receivable_days: wc.receivable_days.value,
        inventory_days: wc.inventory_days.value,
        payable_days: wc.payable_days.value,
        inflation_rate: scenario.finance.inflation_rate.value,
        ...(scenario.finance.inflation === 'declared'
          ? { inflation_by_row: a.cashflow.map((r) => declaredUsdInflation(r.year)) }
          : {}),
      });
      const sheet = recalcFile(dir, 'appraisal', 'gnumeric', xml);
      const num = (rc: [number, number]): number => Number(sheet[rc[0]]?.[rc[1]] ?? '');
      expect(rel(a.metrics!.npv_usd, num(layout.results.npv))).toBeLessThan(1e-9);
      expect(rel(a.metrics!.irr!, num(layout.results.irr))).toBeLessThan(1e-9);
      expect(rel(a.metrics!.payback_years!, num(layout.results.payback))).toBeLessThan(1e-9);
    });
  },
);
