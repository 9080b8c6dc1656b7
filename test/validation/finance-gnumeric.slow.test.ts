// Lender and sponsor figures against Gnumeric as an independent spreadsheet engine
// (`ssconvert --recalc` of a CSV whose cells hold formulas; Debian package gnumeric,
// method ../shared/validation/finance/spreadsheet_oracle_demo/HOWTO.md):
// * the annuity of a tranche equals Gnumeric's PMT on the balance at the end of grace;
// * the LLCR of a sculpted loan equals Gnumeric's NPV of its CFADS at the loan rate / balance;
// * the equity IRR and the sponsor's IRR after dividend withholding tax equal Gnumeric's IRR.
// Set CHROMFLOW_SKIP_GNUMERIC=1 to skip on a machine without Gnumeric (CI must not set it).
import { describe, expect, it } from 'vitest';
import {
  buildCashflowTable,
  cashflowMetrics,
  sponsorReturn,
  type FinancingInput,
} from '../../src/econ/cashflow/index.js';
import { stage1Input } from '../econ/cashflow/fixture.js';
import { gnumericPresent, recalcColumn, workbookDir } from '../helpers/gnumeric.js';

const GNUMERIC = gnumericPresent();
const dir = workbookDir('chromflow-finance-gnumeric-');

const FIN: FinancingInput = {
  debt_share: 0.6,
  interest_rate: 0.08,
  tenor_years: 8,
  grace_years: 1,
  repayment: 'annuity',
  dsra_months: 6,
  upfront_fee: 0.01,
  commitment_fee: 0.005,
};

describe.runIf(GNUMERIC)('debt and sponsor metrics against Gnumeric', () => {
  it('annuity debt service = PMT(rate, tenor, balance at the end of grace)', () => {
    const t = buildCashflowTable(stage1Input({ financing: FIN }));
    const firstRepay = 2 + FIN.grace_years;
    const balance = t.rows[firstRepay - 1]!.debt_balance_usd;
    const [pmt] = recalcColumn(dir, 'pmt', [`=PMT(0.08,8,-${balance.toPrecision(17)})`]);
    for (const r of t.rows.slice(firstRepay, firstRepay + FIN.tenor_years))
      expect(r.debt_service_usd / pmt!).toBeCloseTo(1, 10);
  });

  it('LLCR of a sculpted loan at its first repayment = NPV(rate, CFADS) / balance', () => {
    const fin = { ...FIN, repayment: 'sculpted' as const, target_dscr: 1.4 };
    const t = buildCashflowTable(stage1Input({ financing: fin }));
    const firstRepay = 2 + fin.grace_years;
    const cfads = t.rows.slice(firstRepay, firstRepay + fin.tenor_years).map((r) => r.cfads_usd);
    const n = cfads.length;
    const values = recalcColumn(dir, 'llcr', [...cfads, `=NPV(0.08,A1:A${n})`]);
    const llcr = values[n]! / t.rows[firstRepay - 1]!.debt_balance_usd;
    expect(t.rows[firstRepay]!.llcr! / llcr).toBeCloseTo(1, 10);
  });

  it('equity IRR and the sponsor IRR after 10 % dividend withholding = Gnumeric IRR', () => {
    const t = buildCashflowTable(stage1Input({ financing: FIN }));
    const eq = t.rows.map((r) => r.equity_cash_flow_usd);
    const n = eq.length;
    const after = eq.map((_, i) => `=IF(A${i + 1}>0,A${i + 1}*(1-0.1),A${i + 1})`);
    // Column A then the after-tax column, then the two IRRs (guess 0.2).
    const values = recalcColumn(dir, 'irr', [
      ...eq,
      ...after,
      `=IRR(A1:A${n},0.2)`,
      `=IRR(A${n + 1}:A${2 * n},0.2)`,
    ]);
    const s = sponsorReturn(t, 0.1);
    expect(cashflowMetrics(t).equity_irr!).toBeCloseTo(values[2 * n]!, 9);
    expect(s.sponsor_equity_irr!).toBeCloseTo(values[2 * n + 1]!, 9);
    expect(s.sponsor_equity_irr!).toBeLessThan(cashflowMetrics(t).equity_irr!);
  });
});
