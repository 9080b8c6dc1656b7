// Declared inflation paths (Fisher consistency on a year-varying path), the S-curve, and the
// sponsor's return (lock-up, shareholder loan, treaty withholding, RMB by purchasing-power parity).
import { describe, expect, it } from 'vitest';
import {
  buildCashflowTable,
  cashflowMetrics,
  npv,
  type CashflowTable,
} from '../../../src/index.js';
import { irr } from '../../../src/econ/metrics/irr.js';
import { dhssCumulative, sCurvePhasing } from '../../../src/econ/capex/s-curve.js';
import { sponsorReturn } from '../../../src/econ/cashflow/sponsor-return.js';
import { priceLevelByRow, rmbPerUsdByRow } from '../../../src/econ/project/money-paths.js';
import { InputError } from '../../../src/errors.js';
import { stage1Input } from './fixture.js';

describe('declared inflation path (price_index_by_row)', () => {
  const path = [0, 0.024, 0.021, 0.02, 0.035, 0.05, 0.02, 0.01, 0.02, 0.02, 0.03, 0.02];
  it('real NPV at r equals the nominal flows discounted at (1 + r)(1 + π_t) row by row (Fisher)', () => {
    const base = stage1Input({
      financing: {
        debt_share: 0.5,
        interest_rate: 0.08,
        tenor_years: 6,
        grace_years: 1,
        repayment: 'annuity',
      },
    });
    const n = base.horizon_years;
    const level = priceLevelByRow((y) => path[(y - 2026) % path.length] ?? 0.02, 2026, 2026, n);
    const input = { ...base, price_index_by_row: level };
    const real = buildCashflowTable({ ...input, basis: 'real' });
    const nominal = buildCashflowTable({ ...input, basis: 'nominal' });
    const r = input.discount_rate;
    let pv = 0;
    nominal.rows.forEach((row, t) => {
      pv += row.free_cash_flow_usd / (Math.pow(1 + r, t) * (level[t] ?? NaN));
    });
    const m = cashflowMetrics(real);
    expect(Math.abs(m.npv_usd - pv)).toBeLessThan(1e-9 * Math.abs(pv));
    // The loan's rate is nominal: in real money its interest falls with the price level, so the
    // real table's interest is the nominal interest deflated, not the nominal rate on real money.
    const t = real.rows.findIndex((row) => row.interest_usd > 0);
    expect(real.rows[t]?.interest_usd).toBeCloseTo(
      (nominal.rows[t]?.interest_usd ?? NaN) / (level[t] ?? NaN),
      6,
    );
  });

  it('a constant path gives the same table as inflation_rate', () => {
    const base = stage1Input({ inflation_rate: 0.03 });
    const level = Float64Array.from({ length: base.horizon_years }, (_, t) => 1.03 ** t);
    const a = cashflowMetrics(buildCashflowTable(base));
    const b = cashflowMetrics(
      buildCashflowTable({ ...base, inflation_rate: 0, price_index_by_row: level }),
    );
    expect(b.npv_usd).toBeCloseTo(a.npv_usd, 4);
  });

  it('refuses a price level that is not positive, naming the row', () => {
    const base = stage1Input();
    const level = new Float64Array(base.horizon_years).fill(1);
    level[3] = 0;
    expect(() => buildCashflowTable({ ...base, price_index_by_row: level })).toThrow(InputError);
    expect(() => buildCashflowTable({ ...base, price_index_by_row: level })).toThrow(
      /price_index_by_row\[3\]/,
    );
  });

  it('price level: Π(1 + π) after the base year, divided out before it', () => {
    const l = priceLevelByRow((y) => (y === 2027 ? 0.1 : 0.02), 2026, 2025, 4);
    const want = [1 / 1.02, 1, 1.1, 1.1 * 1.02];
    want.forEach((v, t) => {
      expect(l[t]).toBeCloseTo(v, 14);
    });
  });
});

describe('DHSS S-curve', () => {
  it('runs from 0 to 1, its yearly shares sum to 1, and bad parameters are refused', () => {
    expect(dhssCumulative(0, 0.134, 3.884)).toBe(0);
    expect(dhssCumulative(1, 0.134, 3.884)).toBeCloseTo(1, 15);
    for (const n of [1, 2, 3, 5, 8]) {
      const f = sCurvePhasing(n, 0.134, 3.884);
      expect(f.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
      for (const x of f) expect(x).toBeGreaterThan(0);
    }
    // C = 0, K = 1: y' = 1 − 3 < 0 at x = 0 (the curve would fall): refused.
    expect(() => sCurvePhasing(3, 0, 1)).toThrow(InputError);
  });
});

/** A minimal table: the equity column, DSCR and DSRA deposits are what the sponsor reads. */
function table(
  equity: number[],
  dscr: (number | null)[] = [],
  dsra: number[] = [],
  basis: 'real' | 'nominal' = 'nominal',
): CashflowTable {
  const built = buildCashflowTable(stage1Input({ basis }));
  return {
    ...built,
    rows: built.rows.slice(0, equity.length).map((r, t) => ({
      ...r,
      equity_cash_flow_usd: equity[t] ?? 0,
      dscr: dscr[t] ?? null,
      dsra_change_usd: dsra[t] ?? 0,
    })),
  };
}

describe('sponsor return', () => {
  const terms = { dividend_withholding_rate: 0.1, interest_withholding_rate: 0.1 };
  it('without lock-up or loan: every positive flow is a dividend taxed at 10 %', () => {
    const s = sponsorReturn(table([-100, 30, 40, 50, 60]), terms);
    expect(s.sponsor_equity_irr).toBeCloseTo(irr([-100, 27, 36, 45, 54]), 12);
    expect(s.dividend_withholding_usd).toBeCloseTo(18, 12);
  });

  it('lock-up: cash of a row with DSCR below the ratio, or with the DSRA short of its target, waits for the next row that passes', () => {
    const s = sponsorReturn(table([-100, 30, 0, 50, 60], [null, 1.1, 1.5, 1.5, 1.5], [0, 0, 5]), {
      ...terms,
      lockup_dscr: 1.2,
    });
    // Row 1 (DSCR 1.1) is locked; row 2's deposit takes all its cash (the reserve is short), so
    // row 1's cash stays locked; row 3 releases 30 + 50.
    expect(s.lockup_years).toBe(1);
    expect(s.sponsor_equity_irr).toBeCloseTo(irr([-100, 0, 0, 72, 54]), 12);
  });

  it('lock-up: a deposit that tops the DSRA up to its target leaves the rest of the row distributable', () => {
    const s = sponsorReturn(
      table([-100, 30, 40, 50, 60], [null, 1.5, 1.5, 1.5, 1.5], [0, 0.2, 0.3]),
      {
        ...terms,
        lockup_dscr: 1.2,
      },
    );
    expect(s.lockup_years).toBe(0);
    expect(s.sponsor_equity_irr).toBeCloseTo(irr([-100, 27, 36, 45, 54]), 12);
  });

  it('shareholder loan: interest taxed at the Art. 11 rate, principal a tax-free return of capital', () => {
    const s = sponsorReturn(table([-100, 30, 40, 50, 60]), {
      ...terms,
      shareholder_loan: { share: 0.5, interest_rate: 0.1, tenor_years: 10 },
    });
    // Loan 50 at 10 %: row 1 interest 5 (net 4.5), principal 25; row 2 interest 2.5 (net 2.25),
    // principal 25, dividend 12.5 (net 11.25); rows 3, 4 dividends only.
    expect(s.shareholder_loan_drawn_usd).toBe(50);
    expect(s.interest_withholding_usd).toBeCloseTo(0.75, 12);
    expect(s.sponsor_equity_irr).toBeCloseTo(irr([-100, 4.5 + 25, 2.25 + 25 + 11.25, 45, 54]), 12);
    expect(s.shareholder_loan_repaid_at_maturity).toBe(true);
    const late = sponsorReturn(table([-100, 1, 1, 1, 200]), {
      ...terms,
      shareholder_loan: { share: 1, interest_rate: 0.1, tenor_years: 2 },
    });
    expect(late.shareholder_loan_repaid_at_maturity).toBe(false);
  });

  it('RMB: under purchasing-power parity the real RMB IRR is the real USD IRR; at a constant nominal rate it is not', () => {
    const n = 6;
    const usd = priceLevelByRow(() => 0.02, 2026, 2026, n);
    const rmb = priceLevelByRow(() => 0.005, 2026, 2026, n);
    const t = table([-100, 20, 30, 40, 50, 60], [], [], 'real');
    const ppp = sponsorReturn(t, {
      ...terms,
      usd_price_level: usd,
      rmb_price_level: rmb,
      rmb_per_usd: rmbPerUsdByRow(7.1, 'ppp', rmb, usd),
    });
    expect(ppp.sponsor_equity_irr_rmb).toBeCloseTo(ppp.sponsor_equity_irr ?? NaN, 12);
    const fixed = sponsorReturn(t, {
      ...terms,
      usd_price_level: usd,
      rmb_price_level: rmb,
      rmb_per_usd: rmbPerUsdByRow(7.1, 'constant', rmb, usd),
    });
    // Real RMB = real USD × (P_USD/P_RMB): the IRR rises by (1.02/1.005) − 1 a year.
    expect(1 + (fixed.sponsor_equity_irr_rmb ?? NaN)).toBeCloseTo(
      (1 + (fixed.sponsor_equity_irr ?? NaN)) * (1.02 / 1.005),
      10,
    );
    expect(npv(0.1, [1])).toBe(1);
  });
});
