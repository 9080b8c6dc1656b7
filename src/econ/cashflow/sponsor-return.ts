/**
 * The foreign sponsor's return: every positive equity cash flow is distributed (full
 * distribution of available cash, before any lock-up) and taxed at source by the dividend
 * withholding tax; contributions are not taxed. Conservative: a return of capital would not be
 * a dividend, and Kazakh law pays dividends only out of retained earnings (not modelled).
 */
import { irrAnalysis } from '../metrics/irr.js';
import type { CashflowTable } from './types.js';

export interface SponsorReturn {
  /** Withholding-tax rate on dividends [fraction]. */
  dividend_withholding_rate: number;
  /** Withholding tax over the horizon, undiscounted, in the table's basis [USD]. */
  dividend_withholding_usd: number;
  /** IRR of the equity cash flow after withholding tax, null with a reason [fraction per year]. */
  sponsor_equity_irr: number | null;
  sponsor_equity_irr_reason: string | null;
}

/**
 * @param table - A cash-flow table (its equity column).
 * @param rate - Dividend withholding-tax rate [fraction], in [0, 1].
 * @returns The sponsor's equity cash flow after tax and its IRR.
 */
export function sponsorReturn(table: CashflowTable, rate: number): SponsorReturn {
  let wht = 0;
  const flows = table.rows.map((r) => {
    const e = r.equity_cash_flow_usd;
    const tax = e > 0 ? rate * e : 0;
    wht += tax;
    return e - tax;
  });
  const a = irrAnalysis(flows);
  return {
    dividend_withholding_rate: rate,
    dividend_withholding_usd: wht,
    sponsor_equity_irr: a.irr,
    sponsor_equity_irr_reason: a.reason,
  };
}
