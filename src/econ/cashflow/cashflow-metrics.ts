import { discountedPaybackYears } from '../metrics/discounted-payback.js';
import { irrAnalysis } from '../metrics/irr.js';
import { mirr } from '../metrics/mirr.js';
import { npv } from '../metrics/npv.js';
import { paybackYears } from '../metrics/payback.js';
import { profitabilityIndex } from '../metrics/profitability-index.js';
import { projectLifeCoverRatio } from './coverage-ratios.js';
import type { CashflowMetrics, CashflowRow, CashflowTable } from './types.js';

type CoverMetrics = Pick<
  CashflowMetrics,
  'min_dscr' | 'dscr_reason' | 'avg_dscr' | 'llcr' | 'min_llcr' | 'plcr'
>;

/** Why a table has no DSCR: a DSCR is defined only where debt service is due. */
function noDscrReason(rows: readonly CashflowRow[]): string {
  const drawn = rows.some((r) => r.debt_drawdown_usd > 0 || r.interest_capitalised_usd > 0);
  return drawn
    ? 'no DSCR: no operating row has debt service (the CFADS of every such row are ≤ 0, so a sculpted loan defers it)'
    : 'no DSCR: no debt (no financing declared, or a loan sculpted to the target DSCR finds no debt capacity in the CFADS)';
}

/** DSCR and cover-ratio metrics of a table's rows (null without debt service). */
function coverMetrics(rows: readonly CashflowRow[]): CoverMetrics {
  let minDscr: number | null = null;
  let sumDscr = 0;
  let count = 0;
  let minLlcr: number | null = null;
  let at = -1;
  rows.forEach((r, t) => {
    if (r.dscr !== null) {
      if (minDscr === null || r.dscr < minDscr) minDscr = r.dscr;
      sumDscr += r.dscr;
      count++;
    }
    if (r.llcr !== null) {
      if (at < 0) at = t;
      if (minLlcr === null || r.llcr < minLlcr) minLlcr = r.llcr;
    }
  });
  let plcr: number | null = null;
  if (at >= 0) {
    const v = projectLifeCoverRatio(
      {
        cfads: rows.map((r) => r.cfads_usd),
        drawdown: rows.map((r) => r.debt_drawdown_usd),
        debtService: rows.map((r) => r.debt_service_usd),
        balance: rows.map((r) => r.debt_balance_usd),
        first: at,
      },
      at,
    );
    plcr = Number.isNaN(v) ? null : v;
  }
  return {
    min_dscr: minDscr,
    dscr_reason: count === 0 ? noDscrReason(rows) : null,
    avg_dscr: count > 0 ? sumDscr / count : null,
    llcr: at >= 0 ? (rows[at]?.llcr ?? null) : null,
    min_llcr: minLlcr,
    plcr,
  };
}

/**
 * Metrics of a cash-flow table, all on the `free_cash_flow_usd` column with row 0 at t = 0.
 *
 * * npv_usd = npv(discount_rate, FCF) exactly; irr = the unique IRR of FCF or null + reason.
 * * mirr with finance and reinvestment rates equal to the discount rate (null if undefined).
 * * payback / discounted payback: first crossing of the cumulative (discounted) FCF, linear
 *   inside the year.
 * * profitability index = PV(FCF⁺)/|PV(FCF⁻)| (null without negative flows).
 * * LCOP = Σ DF·(capex + opex + closure) / Σ DF·production (pre-tax levelised cost) [USD/t],
 *   and per t of contained Cr when the products carry a Cr fraction.
 * * min and mean DSCR over operating rows with debt service; LLCR and PLCR at the first
 *   row with an LLCR (completion), min LLCR over the loan life (coverage-ratios.ts);
 *   peak funding = −min cumulative FCF (≥ 0).
 *
 * @param table - The table (any basis; the discount rate is the table's).
 * @returns The metrics (money in the table's basis [USD]).
 */
export function cashflowMetrics(table: CashflowTable): CashflowMetrics {
  const rate = table.discount_rate;
  const fcf = table.rows.map((r) => r.free_cash_flow_usd);
  const equity = table.rows.map((r) => r.equity_cash_flow_usd);
  const a = irrAnalysis(fcf);
  const eq = irrAnalysis(equity);
  let mirrValue: number | null = null;
  if (fcf.length >= 2 && fcf.some((v) => v > 0) && fcf.some((v) => v < 0))
    mirrValue = mirr(fcf, rate, rate);
  const pi = fcf.some((v) => v < 0) ? profitabilityIndex(rate, fcf) : null;
  const rows = table.rows;
  const pv = levelisedCostPv(
    rate,
    rows.map((r) => r.capex_usd + r.opex_usd + r.closure_cost_usd),
    rows.map((r) => r.production_t),
    rows.map((r) => r.production_cr_t),
  );
  let cum = 0;
  let minCum = 0;
  for (const r of rows) {
    cum += r.free_cash_flow_usd;
    if (cum < minCum) minCum = cum;
  }
  const cover = coverMetrics(rows);
  return {
    discount_rate: rate,
    npv_usd: npv(rate, fcf),
    irr: a.irr,
    irr_reason: a.reason,
    irr_roots: a.roots,
    mirr: mirrValue,
    payback_years: paybackYears(fcf),
    discounted_payback_years: discountedPaybackYears(rate, fcf),
    profitability_index: pi,
    lcop_usd_per_t: pv.t > 0 ? pv.cost / pv.t : null,
    lcop_usd_per_t_cr: pv.cr > 0 ? pv.cost / pv.cr : null,
    ...cover,
    peak_funding_usd: -minCum,
    equity_irr: eq.irr,
    equity_irr_reason: eq.reason,
  };
}

/**
 * Present values behind the levelised cost: Σ DF·cost, Σ DF·tonnes, Σ DF·t Cr, with
 * DF_t = (1 + rate)^(−t) built by repeated multiplication, row 0 at t = 0.
 *
 * @param rate - Discount rate [fraction per year].
 * @param cost - capex + opex + closure per row [USD].
 * @param production - Product tonnes per row [t].
 * @param productionCr - Contained Cr per row [t Cr].
 * @returns The three present values [USD, t, t Cr].
 */
export function levelisedCostPv(
  rate: number,
  cost: ArrayLike<number>,
  production: ArrayLike<number>,
  productionCr: ArrayLike<number>,
): { cost: number; t: number; cr: number } {
  let pvCost = 0;
  let pvT = 0;
  let pvCr = 0;
  const w = 1 / (1 + rate);
  let df = 1;
  for (let t = 0; t < cost.length; t++) {
    pvCost += df * (cost[t] ?? 0);
    pvT += df * (production[t] ?? 0);
    pvCr += df * (productionCr[t] ?? 0);
    df *= w;
  }
  return { cost: pvCost, t: pvT, cr: pvCr };
}
