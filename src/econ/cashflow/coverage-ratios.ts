/**
 * Loan-life and project-life cover ratios from a table's debt columns.
 *
 * The discount factor of row s is the loan's own growth over the row,
 * γ_s = (B_s − D_s + DS_s) / B_{s−1} = 1 + (interest paid + capitalised)_s / B_{s−1}
 * (B balance, D cash drawdown, DS debt service): the loan rate for one tranche, the
 * balance-weighted rate for a combined table, and — because every money column of a real table
 * is deflated by the same index — the real loan rate in a real table, so the ratio is the same
 * in either basis. With it, B_{t−1} + PV(D) = PV(DS) over the loan life, so a loan whose
 * DSCR is a constant k has LLCR = k in every row (tested).
 */

/** The columns the ratios read, in the table's basis [USD]. */
export interface CoverColumns {
  cfads: ArrayLike<number>;
  drawdown: ArrayLike<number>;
  debtService: ArrayLike<number>;
  balance: ArrayLike<number>;
  /** First operating row: ratios are defined from it [-]. */
  first: number;
}

/** A balance this small against the largest is a loan repaid (round-off after the last repayment). */
const REPAID = 1e-9;

function largestBalance(c: CoverColumns): number {
  let m = 0;
  for (let t = 0; t < c.balance.length; t++) m = Math.max(m, Math.abs(c.balance[t] ?? 0));
  return m;
}

/**
 * The cover ratio at the start of row t: PV of CFADS over the rest of the loan life (or to the
 * horizon) / (opening balance + PV of later drawdowns).
 *
 * @param c - The debt columns.
 * @param t - Row [-] (≥ 1, with debt outstanding at its start).
 * @param toHorizon - false: LLCR (to the end of the loan life); true: PLCR (to the last row,
 *   discounted at the last loan-life rate after maturity).
 * @param eps - Balance below which the loan counts as repaid [USD].
 * @returns The ratio [-], NaN when the denominator is not positive.
 */
function coverRatioAt(c: CoverColumns, t: number, toHorizon: boolean, eps: number): number {
  const n = c.cfads.length;
  let growth = 1;
  let gamma = 1;
  let pvCfads = 0;
  let pvDraws = 0;
  let inLife = true;
  for (let s = t; s < n; s++) {
    const opening = c.balance[s - 1] ?? 0;
    if (s > t && opening <= eps) inLife = false;
    if (!inLife && !toHorizon) break;
    if (inLife)
      gamma = ((c.balance[s] ?? 0) - (c.drawdown[s] ?? 0) + (c.debtService[s] ?? 0)) / opening;
    growth *= gamma;
    pvCfads += (c.cfads[s] ?? 0) / growth;
    if (inLife) pvDraws += (c.drawdown[s] ?? 0) / growth;
  }
  const debt = (c.balance[t - 1] ?? 0) + pvDraws;
  return debt > 0 ? pvCfads / debt : Number.NaN;
}

/**
 * LLCR by row: at the start of every operating row with debt outstanding; NaN elsewhere.
 *
 * @param c - The debt columns.
 * @param out - Receives one ratio per row [-].
 */
export function loanLifeCoverRatios(c: CoverColumns, out: Float64Array): void {
  const eps = REPAID * largestBalance(c);
  for (let t = 0; t < out.length; t++)
    out[t] =
      t >= Math.max(c.first, 1) && (c.balance[t - 1] ?? 0) > eps
        ? coverRatioAt(c, t, false, eps)
        : Number.NaN;
}

/**
 * PLCR at the start of row t (see {@link coverRatioAt}).
 *
 * @param c - The debt columns.
 * @param t - Row [-].
 * @returns The ratio [-], NaN without debt outstanding at its start.
 */
export function projectLifeCoverRatio(c: CoverColumns, t: number): number {
  const eps = REPAID * largestBalance(c);
  return t >= 1 && (c.balance[t - 1] ?? 0) > eps ? coverRatioAt(c, t, true, eps) : Number.NaN;
}
