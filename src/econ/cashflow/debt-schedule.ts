/**
 * The debt tranche of one stage, in money of the day: drawdowns pro rata with equity over the
 * availability period, interest during construction capitalised (or paid by the sponsor),
 * upfront and commitment fees, a debt-service reserve account, annuity or sculpted repayment,
 * the levered corporate income tax and the cash flow available for debt service.
 *
 * The tranche has the circular references every project-finance model has: the facility pays
 * its own fees and interest during construction, the DSRA is sized on a debt service that
 * depends on the amount drawn, the levered tax depends on the interest, and a sculpted loan is
 * sized on CFADS that depend on the tax. They are solved by fixed-point iteration (each pass
 * is one sweep over the rows; the map is a contraction because fees, rates and tax rates are
 * well below 1), to 1e-12 relative; no convergence in 200 passes is a ConvergenceError.
 */
import { ConvergenceError, InputError } from '../../errors.js';
import type { ScratchArrays } from '../../numeric/scratch-arrays.js';
import { pmt } from '../metrics/pmt.js';
import { LossCarryForward } from './loss-carry-forward.js';
import type { FinancingInput } from './types.js';

/**
 * The DSCR a sculpted loan is sized on. An annuity has none: its k stays 1 and is never read.
 * Validation refuses sculpting without a target; this refuses it again rather than assume one.
 */
function sculptingTarget(fin: FinancingInput): number {
  if (fin.repayment !== 'sculpted') return 1;
  const target = fin.target_dscr;
  if (target === undefined || !(target > 0))
    throw new InputError('financing.target_dscr', target, 'a positive DSCR for sculpted repayment');
  return target;
}

/** What the tranche needs from the table builder, by row, in money of the day. */
export interface DebtContext {
  n: number;
  /** First operating row [-]. */
  first: number;
  fin: FinancingInput;
  /** Capital spending [USD]. */
  capex: ArrayLike<number>;
  /** Change in working capital [USD]. */
  dWc: ArrayLike<number>;
  /** Revenue − opex − taxes other than CIT − closure [USD]. */
  operating: ArrayLike<number>;
  /** Unlevered taxable income before loss relief [USD]. */
  taxable: ArrayLike<number>;
  /** CIT rate by row [fraction]. */
  citRate: ArrayLike<number>;
  /** 1 where CIT is exempt (tax holiday) [-]. */
  citExempt: ArrayLike<number>;
  /** Loss carry-forward years of the fiscal regime [a]. */
  lossYears: number;
}

/** The tranche by row [USD, money of the day]. */
export interface DebtSchedule {
  /** Cash uses of the availability period funded pro rata by drawdowns and equity. */
  fundedUses: Float64Array;
  drawdown: Float64Array;
  interestPaid: Float64Array;
  interestCapitalised: Float64Array;
  fees: Float64Array;
  principal: Float64Array;
  balance: Float64Array;
  dsraBalance: Float64Array;
  dsraChange: Float64Array;
  citLevered: Float64Array;
  cfads: Float64Array;
}

/** The unknowns of the fixed point. */
interface Guess {
  /** Facility = everything drawn, capitalised interest included [USD]. */
  facility: number;
  /** DSRA funded at financial close [USD]. */
  dsraInit: number;
  /** Scale of the debt share (< 1 when a sculpted loan is sized down by its target DSCR) [-]. */
  scale: number;
  /** Constant DSCR of the sculpted profile [-]. */
  k: number;
}

const MAX_PASSES = 200;
const TOLERANCE = 1e-12;

/** First row of financial close: the first construction row with capex (else the first operating row). */
function financialClose(capex: ArrayLike<number>, first: number): number {
  for (let t = 0; t < first; t++) if ((capex[t] ?? 0) > 0) return t;
  return first;
}

/**
 * One sweep over the rows with the unknowns of `g`: writes `s` (except the DSRA) and returns
 * the balance to repay from the first repayment row (its opening balance and any drawdown in it).
 */
function sweep(ctx: DebtContext, g: Guess, s: DebtSchedule, fc: number, wc0: number): number {
  const { fin, first, n } = ctx;
  const r = fin.interest_rate;
  const capitalise = (fin.idc ?? 'capitalised') === 'capitalised';
  const firstRepay = first + fin.grace_years;
  const lastRepay = firstRepay + fin.tenor_years - 1;
  const sculpted = fin.repayment === 'sculpted';
  const target = sculptingTarget(fin);
  const lcf = new LossCarryForward(ctx.lossYears);
  let balance = 0;
  let drawn = 0;
  let annuity = 0;
  let openingAtRepay = 0;
  for (let t = 0; t < n; t++) {
    const opening = balance;
    const accrued = r * opening;
    const construction = t < first;
    // In a grace period the completion row's interest is capitalised too: that row's ramp-up loss
    // is funded in the construction budget (below), and so is its interest (Yescombe 2014, §7.2:
    // the budget runs to the commercial operation date; debt service starts after a full period).
    const funded = construction || (t === first && t < firstRepay);
    const capIdc = funded && capitalise ? accrued : 0;
    let fees = 0;
    if (t >= fc && t <= first)
      fees =
        (t === fc ? (fin.upfront_fee ?? 0) * g.facility : 0) +
        (fin.commitment_fee ?? 0) * Math.max(0, g.facility - drawn);
    // Interest (paid or capitalised) and fees are deducted when incurred (assumed: docs/finance.md).
    const cit = lcf.step(
      (ctx.taxable[t] ?? 0) - accrued - fees,
      ctx.citRate[t] ?? 0,
      (ctx.citExempt[t] ?? 0) === 1,
      t,
    );
    const dWcOperating = (ctx.dWc[t] ?? 0) - (t === first ? wc0 : 0);
    const operatingCfads =
      (ctx.operating[t] ?? 0) - cit - dWcOperating - (construction ? 0 : (ctx.capex[t] ?? 0));
    // Losses of the completion (first ramp-up) row are a cost to complete, funded like the
    // initial working capital (start-up costs in the construction budget: Yescombe, Principles
    // of Project Finance, 2nd ed. 2014, §7.2), so they are not charged to CFADS.
    const rampUpLoss = t === first ? Math.max(0, -operatingCfads) : 0;
    const cfads = operatingCfads + rampUpLoss;
    let uses = 0;
    if (t >= fc && t <= first)
      uses =
        (construction ? (ctx.capex[t] ?? 0) : wc0 + rampUpLoss) +
        fees +
        (t === fc ? g.dsraInit : 0);
    const draw = g.scale * fin.debt_share * uses;
    // The year-end drawdown earns no interest in its row: its value at the start of the row.
    if (t === firstRepay) openingAtRepay = opening + (draw + capIdc) / (1 + r);
    let paidInt = accrued - capIdc;
    let principal = 0;
    if (sculpted && !funded && t < lastRepay) {
      // A sculpted loan never asks for more than CFADS / DSCR: in a grace row the interest
      // CFADS cannot cover at the target is capitalised, in a repayment row the debt service is
      // CFADS / k (interest first) — a row with CFADS ≤ 0 has no debt service, hence no DSCR.
      const cover = Math.max(cfads, 0) / (t >= firstRepay ? g.k : target);
      paidInt = Math.min(accrued, cover);
      if (t >= firstRepay) principal = Math.min(opening + draw, cover - paidInt);
    } else if (t >= firstRepay && t <= lastRepay) {
      if (t === firstRepay && !sculpted) annuity = -pmt(r, fin.tenor_years, openingAtRepay);
      // Without grace the first repayment row is the completion row: its (year-end) drawdown
      // for the initial working capital is repaid with the rest; the last row repays all.
      const owed = opening + draw;
      principal = t === lastRepay ? owed : Math.min(owed, annuity - paidInt);
    }
    const capInt = accrued - paidInt;
    balance = opening + draw + capInt - principal;
    if (t <= first) drawn += draw + capInt;
    s.fundedUses[t] = uses;
    s.drawdown[t] = draw;
    s.interestPaid[t] = paidInt;
    s.interestCapitalised[t] = capInt;
    s.fees[t] = fees;
    s.principal[t] = principal;
    s.balance[t] = balance;
    s.citLevered[t] = cit;
    s.cfads[t] = cfads;
  }
  return openingAtRepay;
}

/**
 * The DSRA: funded at financial close to `months`/12 of the first debt service after it, then
 * kept at `months`/12 of the next year's debt service — topped up from the cash left after
 * debt service, released to equity when the target falls, drawn when CFADS do not cover the
 * debt service — and released in full in the last repayment row.
 *
 * @returns The initial funding the sweep's debt service asks for [USD].
 */
function reserveAccount(ctx: DebtContext, s: DebtSchedule, fc: number, dsraInit: number): number {
  const { fin, first, n } = ctx;
  const months = fin.dsra_months ?? 0;
  const lastRepay = first + fin.grace_years + fin.tenor_years - 1;
  const ds = (t: number) => (s.interestPaid[t] ?? 0) + (s.principal[t] ?? 0);
  const nextDs = (t: number): number => {
    for (let u = Math.max(t + 1, first); u <= lastRepay; u++) if (ds(u) > 0) return ds(u);
    return 0;
  };
  let balance = 0;
  for (let t = 0; t < n; t++) {
    let change = 0;
    if (t === fc) change = dsraInit;
    else if (t >= lastRepay)
      change = -balance; // released at maturity (covering its shortfall)
    else if (t >= first) {
      const target = (months / 12) * nextDs(t);
      const available = (s.cfads[t] ?? 0) - ds(t);
      // The reserve services debt: it never pays more than the row's debt service.
      if (available < 0) change = -Math.min(-available, ds(t), balance);
      else change = balance < target ? Math.min(available, target - balance) : target - balance;
    }
    balance += change;
    s.dsraChange[t] = change;
    s.dsraBalance[t] = balance;
  }
  return months > 0 ? (months / 12) * nextDs(fc) : 0;
}

function converged(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Solves the tranche.
 *
 * @param ctx - The table builder's rows and the financing terms.
 * @param scratch - The builder's work arrays (the schedule's arrays are taken from it).
 * @returns The schedule by row [USD, money of the day].
 * @throws ConvergenceError when the fixed point is not reached in 200 passes.
 */
export function debtSchedule(ctx: DebtContext, scratch: ScratchArrays): DebtSchedule {
  const n = ctx.n;
  const s: DebtSchedule = {
    fundedUses: scratch.take(n),
    drawdown: scratch.take(n),
    interestPaid: scratch.take(n),
    interestCapitalised: scratch.take(n),
    fees: scratch.take(n),
    principal: scratch.take(n),
    balance: scratch.take(n),
    dsraBalance: scratch.take(n),
    dsraChange: scratch.take(n),
    citLevered: scratch.take(n),
    cfads: scratch.take(n),
  };
  const { fin, first } = ctx;
  const fc = financialClose(ctx.capex, first);
  const wc0 = fin.fund_initial_working_capital === false ? 0 : Math.max(0, ctx.dWc[first] ?? 0);
  const sculpted = fin.repayment === 'sculpted';
  const target = sculptingTarget(fin);
  const firstRepay = first + fin.grace_years;
  const lastRepay = firstRepay + fin.tenor_years - 1;
  const r = fin.interest_rate;
  let g: Guess = { facility: 0, dsraInit: 0, scale: 1, k: target };
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const opening = sweep(ctx, g, s, fc, wc0);
    const dsraInit = reserveAccount(ctx, s, fc, g.dsraInit);
    let facility = 0;
    for (let t = 0; t <= first; t++)
      facility += (s.drawdown[t] ?? 0) + (s.interestCapitalised[t] ?? 0);
    let { scale, k } = g;
    if (sculpted) {
      // PV at the loan rate of the CFADS of the repayment rows, at the start of the first one:
      // the positive ones carry the sculpted debt service (k), all of them size the loan — a row
      // of negative CFADS (a relining, a bad year) is cash the sponsor must put in, so the loan
      // is sized on PV(CFADS)/target and its LLCR at the first repayment is at least the target.
      let pvPositive = 0;
      let pvSigned = 0;
      let df = 1;
      for (let t = firstRepay; t <= lastRepay; t++) {
        df /= 1 + r;
        const c = s.cfads[t] ?? 0;
        pvPositive += Math.max(c, 0) * df;
        pvSigned += c * df;
      }
      if (opening > 0) {
        scale = Math.max(0, Math.min(1, (g.scale * pvSigned) / (target * opening)));
        k = scale > 0 ? pvPositive / ((opening * scale) / g.scale) : target;
      } else if (g.scale > 0 && pvSigned <= 0) scale = 0;
    }
    const next: Guess = { facility, dsraInit, scale, k };
    if (
      converged(next.facility, g.facility) &&
      converged(next.dsraInit, g.dsraInit) &&
      converged(next.scale, g.scale) &&
      converged(next.k, g.k)
    )
      return s;
    g = next;
  }
  throw new ConvergenceError(
    'financing (debt sizing, fees, interest during construction and DSRA)',
    MAX_PASSES,
    Math.abs(g.facility),
  );
}
