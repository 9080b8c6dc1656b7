/**
 * The foreign sponsor's return: its contributions (share capital and, optionally, a
 * subordinated shareholder loan) and what the project pays it under the distribution policy:
 *
 * * cash available to equity (the table's positive equity cash flow, after senior debt service
 *   and DSRA deposits) is locked up in a row whose DSCR is below the lock-up ratio or whose
 *   DSRA is short of its target (the deposit took all the cash), and released in the first row that passes
 *   (and in the last row);
 * * released cash pays the shareholder loan's interest, then its principal (cash sweep; unpaid
 *   interest is capitalised), then dividends;
 * * Kazakh withholding tax is deducted at source: on interest at the treaty's Art. 11 rate, on
 *   dividends at its Art. 10 rate; principal repayments are a return of capital, not taxed.
 *
 * The loan runs in money of the day (its rate is nominal): a real table is re-inflated by the
 * general price level, the loan computed, and the result deflated back. RMB flows use the
 * RMB/USD path of each row. Not modelled (conservative): the CIT deduction of shareholder-loan
 * interest (thin-capitalisation limits, 2017 Tax Code Art. 246; the limit in the 2026 Code's
 * Art. 263 is not in the stored sources — econ/project/shareholder-loan-tax.ts; no value during a
 * CIT holiday), the
 * retained-earnings test on dividends, interest on locked-up cash.
 */
import { irrAnalysis } from '../metrics/irr.js';
import { paybackYears } from '../metrics/payback.js';
import type { CashflowTable } from './types.js';

export interface SponsorTerms {
  /** Dividend withholding-tax rate [fraction]. */
  dividend_withholding_rate: number;
  /** Interest withholding-tax rate [fraction]. */
  interest_withholding_rate: number;
  /** Distributions are locked up in rows with DSCR below this [-]; none when absent. */
  lockup_dscr?: number;
  /** Apply the distribution test (DSCR lock-up, DSRA short of target) [-], default true. */
  lockup?: boolean;
  /** Subordinated shareholder loan; none when absent. */
  shareholder_loan?: {
    /** Share of every sponsor contribution lent rather than paid in as capital [-]. */
    share: number;
    /** Interest rate, money of the day [fraction per year]. */
    interest_rate: number;
    /** Final maturity counted from the first drawdown [a]. */
    tenor_years: number;
  };
  /** General (USD) price level by row relative to the base year [-] (real tables), default 1. */
  usd_price_level?: ArrayLike<number>;
  /** RMB price level by row relative to the base year [-] (real tables), default 1. */
  rmb_price_level?: ArrayLike<number>;
  /** RMB per USD by row (money of the day) [RMB/USD]; no RMB metrics when absent. */
  rmb_per_usd?: ArrayLike<number>;
}

export interface SponsorReturn {
  /** Withholding-tax rate on dividends [fraction]. */
  dividend_withholding_rate: number;
  /** Withholding tax on dividends over the horizon, undiscounted, table basis [USD]. */
  dividend_withholding_usd: number;
  /** Withholding tax on shareholder-loan interest, undiscounted, table basis [USD]. */
  interest_withholding_usd: number;
  /** Shareholder loan drawn, undiscounted, table basis [USD]. */
  shareholder_loan_drawn_usd: number;
  /** Whether the shareholder loan is repaid by its final maturity (null without a loan). */
  shareholder_loan_repaid_at_maturity: boolean | null;
  /** Rows in which distributions were locked up [-]. */
  lockup_years: number;
  /** IRR of the sponsor's cash flow after withholding taxes, USD [fraction per year]. */
  sponsor_equity_irr: number | null;
  sponsor_equity_irr_reason: string | null;
  /** The same in RMB (RMB/USD path), null with a reason [fraction per year]. */
  sponsor_equity_irr_rmb: number | null;
  sponsor_equity_irr_rmb_reason: string | null;
  /** Payback of the sponsor's cash flow, USD and RMB [a]; null if never paid back. */
  sponsor_payback_years: number | null;
  sponsor_payback_years_rmb: number | null;
}

/**
 * Whether the distribution test fails in a row: DSCR below the lock-up ratio, or a DSRA short of
 * its target — a deposit that took all the cash left after debt service. A deposit that tops the
 * reserve up to its target (next year's debt service is higher) leaves the rest distributable.
 */
function lockedUp(row: CashflowTable['rows'][number], lockup: number | undefined): boolean {
  const low = lockup !== undefined && row.dscr !== null && row.dscr < lockup;
  const tol = 1e-9 * Math.max(1, Math.abs(row.cfads_usd));
  return low || (row.dsra_change_usd > tol && row.equity_cash_flow_usd <= tol);
}

/**
 * @param table - A cash-flow table (its equity column, DSCR and DSRA deposits).
 * @param terms - Taxes, lock-up, shareholder loan and currency paths; or just a withholding
 *   rate (every positive equity flow distributed: no lock-up, no loan, no RMB).
 * @returns The sponsor's cash flow after withholding taxes and its metrics.
 */
export function sponsorReturn(table: CashflowTable, terms: SponsorTerms | number): SponsorReturn {
  const k: SponsorTerms =
    typeof terms === 'number'
      ? { dividend_withholding_rate: terms, interest_withholding_rate: terms, lockup: false }
      : terms;
  const rows = table.rows;
  const n = rows.length;
  const real = table.basis === 'real';
  const level = (t: number): number => (real ? (k.usd_price_level?.[t] ?? 1) : 1);
  const shl = k.shareholder_loan;
  let balance = 0;
  let locked = 0;
  let firstDraw = -1;
  let whtDiv = 0;
  let whtInt = 0;
  let drawn = 0;
  let lockupYears = 0;
  let repaidAtMaturity: boolean | null = shl ? true : null;
  const flows: number[] = [];
  for (let t = 0; t < n; t++) {
    const row = rows[t];
    if (row === undefined) continue;
    const p = level(t);
    // Money of the day from here on.
    const e = row.equity_cash_flow_usd * p;
    const interestDue = shl ? balance * shl.interest_rate : 0;
    let flow = 0;
    let available = 0;
    if (e < 0) {
      flow = e;
      if (shl) {
        const draw = -e * shl.share;
        if (draw > 0 && firstDraw < 0) firstDraw = t;
        balance += draw;
        drawn += draw / p;
      }
    } else available = e;
    const blocked = k.lockup !== false && t < n - 1 && lockedUp(row, k.lockup_dscr);
    if (blocked && available > 0) lockupYears++;
    if (blocked) {
      locked += available;
      available = 0;
    } else {
      available += locked;
      locked = 0;
    }
    const interestPaid = Math.min(interestDue, available);
    balance += interestDue - interestPaid;
    available -= interestPaid;
    const principal = Math.min(balance, available);
    balance -= principal;
    available -= principal;
    if (shl && firstDraw >= 0 && t === firstDraw + shl.tenor_years && balance > 1e-6)
      repaidAtMaturity = false;
    const wi = interestPaid * k.interest_withholding_rate;
    const wd = available * k.dividend_withholding_rate;
    whtInt += wi / p;
    whtDiv += wd / p;
    flow += interestPaid - wi + principal + available - wd;
    flows.push(flow / p);
  }
  if (shl && balance > 1e-6) repaidAtMaturity = false;
  const usd = irrAnalysis(flows);
  let rmbIrr: number | null = null;
  let rmbReason: string | null = 'no RMB/USD path';
  let rmbPayback: number | null = null;
  if (k.rmb_per_usd) {
    const x = k.rmb_per_usd;
    const rmb = flows.map(
      (f, t) => (f * level(t) * (x[t] ?? NaN)) / (real ? (k.rmb_price_level?.[t] ?? 1) : 1),
    );
    const a = irrAnalysis(rmb);
    rmbIrr = a.irr;
    rmbReason = a.reason;
    rmbPayback = paybackYears(rmb);
  }
  return {
    dividend_withholding_rate: k.dividend_withholding_rate,
    dividend_withholding_usd: whtDiv,
    interest_withholding_usd: whtInt,
    shareholder_loan_drawn_usd: drawn,
    shareholder_loan_repaid_at_maturity: repaidAtMaturity,
    lockup_years: lockupYears,
    sponsor_equity_irr: usd.irr,
    sponsor_equity_irr_reason: usd.reason,
    sponsor_equity_irr_rmb: rmbIrr,
    sponsor_equity_irr_rmb_reason: rmbReason,
    sponsor_payback_years: paybackYears(flows),
    sponsor_payback_years_rmb: rmbPayback,
  };
}
