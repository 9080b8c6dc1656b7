import { InputError } from '../../errors.js';
import { ScratchArrays } from '../../numeric/scratch-arrays.js';
import { debtSchedule } from './debt-schedule.js';
import { loanLifeCoverRatios } from './coverage-ratios.js';
import { unleveredFlows } from './unlevered-flows.js';
import { emptyColumns, type CashflowColumns } from './columns.js';
import type { CashflowInput, CashflowRow, CashflowTable } from './types.js';
import { validateCashflowInput } from './validate-input.js';

/**
 * Builds the yearly project cash-flow table from plain numbers (pure function).
 *
 * Timing: row t is calendar year `start_year + t`; every flow of a row is placed at time t
 * (end-of-year convention with row 0 undiscounted), so NPV = Σ FCF_t/(1 + r)^t.
 * Money: inputs are in base-year (row 0) money; they are escalated by (1 + inflation)^t to money
 * of the day, taxes and debt are computed in money of the day, and for `basis: 'real'` every
 * money column is deflated back by (1 + inflation)^t (so the depreciation shield and working
 * capital lose value to inflation, as they do in reality).
 *
 * Per row (money of the day):
 * * utilisation u_t = ramp_up[t − first] (1 after the ramp), 0 outside operation;
 * * revenue = Σ capacity·u·price (by-products earn revenue but add no production tonnage);
 *   opex = Σ qty·(u or 1)·unit price + the yearly costs given row by row;
 * * working capital WC = revenue·d_rec/365 + opex·(d_inv − d_pay)/365, WC = 0 in the last row
 *   (recovered), ΔWC_t = WC_t − WC_{t−1};
 * * taxes: payroll levies on wages, property tax on the buildings group's average tax balance,
 *   land tax, MET on the extracted-mineral value (mining inside the boundary only), input VAT
 *   not yet recovered (refund lag), CIT on revenue − opex − other taxes − tax depreciation −
 *   closure with losses carried forward; tax holidays count from the first operating row;
 * * FCF = revenue − opex − capex − ΔWC − tax − closure (project, unlevered);
 * * debt: drawdown = debt share × construction capex; interest on the opening balance;
 *   annuity (level payment over the tenor after the grace years) or sculpted (principal =
 *   CFADS/target DSCR − interest, balloon in the last tenor year); the levered tax deducts
 *   interest; CFADS = revenue − opex − ΔWC − levered tax − capex − closure; equity cash flow =
 *   CFADS + drawdown − debt service.
 *
 * @param input - See {@link CashflowInput}.
 * @returns The table in `input.basis` money [USD].
 * @throws InputError naming the field for inconsistent input; InputError from the fiscal
 *   regime when a year has no rate.
 */
export function buildCashflowTable(input: CashflowInput): CashflowTable {
  return cashflowTableFromColumns(input, cashflowColumns(input));
}

/**
 * The columns of {@link buildCashflowTable} as typed arrays, in the table's basis (the same
 * numbers, without building row objects: the form sampling loops use).
 *
 * @param input - See {@link CashflowInput}.
 * @param out - Columns to overwrite (a sampling loop reuses one set); default new ones.
 * @param scratch - Work arrays of the temporaries (a sampling loop owns and reuses one);
 *   default new ones for this call.
 * @returns One array per column, indexed by row [USD, t, -].
 * @throws As {@link buildCashflowTable}.
 */
export function cashflowColumns(
  input: CashflowInput,
  out?: CashflowColumns,
  scratch: ScratchArrays = new ScratchArrays(),
): CashflowColumns {
  const SCRATCH = scratch;
  validateCashflowInput(input);
  if (out && out.free_cash_flow_usd.length !== input.horizon_years)
    throw new InputError(
      'out',
      out.free_cash_flow_usd.length,
      `columns of ${input.horizon_years} rows (the horizon)`,
    );
  SCRATCH.reset();
  const n = input.horizon_years;
  const first = input.operation.first_index;
  const f = unleveredFlows(input, SCRATCH);
  const { esc, util, production, productionCr, revenue, opex, capex, closure, wcBal, dWc } = f;
  const { property, land, met, payroll, vatExcess, refund, taxable, cit, otherTax, operating } = f;
  const fin = input.financing;
  const debt =
    fin === undefined
      ? undefined
      : debtSchedule(
          {
            n,
            first,
            fin,
            capex: f.capexFinanced,
            dWc,
            operating,
            taxable,
            citRate: f.citRate,
            citExempt: f.citExempt,
            lossYears: input.fiscal.regime.lossCarryForwardYears,
          },
          SCRATCH,
        );
  // Every entry of every column is written below, so reused columns need no clearing.
  const c = out ?? emptyColumns(n);
  const real = input.basis === 'real';
  for (let t = 0; t < n; t++) {
    const rev = revenue[t] ?? 0;
    const ox = opex[t] ?? 0;
    const cx = capex[t] ?? 0;
    const dw = dWc[t] ?? 0;
    const cl = closure[t] ?? 0;
    const tax = (cit[t] ?? 0) + (otherTax[t] ?? 0);
    const fcf = rev - ox - cx - dw - tax - cl;
    const citLev = debt ? (debt.citLevered[t] ?? 0) : (cit[t] ?? 0);
    const taxLev = citLev + (otherTax[t] ?? 0);
    // Without a loan the capex of operating rows is the only capex CFADS carry (construction
    // capex is a project cost, funded by the sponsor).
    const cfads = debt
      ? (debt.cfads[t] ?? 0)
      : (operating[t] ?? 0) - citLev - dw - (t < first ? 0 : cx);
    const drawdown = debt?.drawdown[t] ?? 0;
    const interest = debt?.interestPaid[t] ?? 0;
    const principal = debt?.principal[t] ?? 0;
    const fees = debt?.fees[t] ?? 0;
    const dsraChange = debt?.dsraChange[t] ?? 0;
    const ds = interest + principal;
    const d = real ? 1 / (esc[t] ?? 1) : 1;
    c.utilisation[t] = util[t] ?? 0;
    c.production_t[t] = production[t] ?? 0;
    c.production_cr_t[t] = productionCr[t] ?? 0;
    c.revenue_usd[t] = rev * d;
    c.opex_usd[t] = ox * d;
    c.capex_usd[t] = cx * d;
    c.working_capital_usd[t] = (wcBal[t] ?? 0) * d;
    c.working_capital_change_usd[t] = dw * d;
    c.depreciation_usd[t] = (f.depreciation[t] ?? 0) * d;
    c.taxable_income_usd[t] = (taxable[t] ?? 0) * d;
    c.cit_usd[t] = (cit[t] ?? 0) * d;
    c.property_tax_usd[t] = (property[t] ?? 0) * d;
    c.land_tax_usd[t] = (land[t] ?? 0) * d;
    c.met_usd[t] = (met[t] ?? 0) * d;
    c.payroll_levies_usd[t] = (payroll[t] ?? 0) * d;
    c.vat_net_usd[t] = ((vatExcess[t] ?? 0) - (refund[t] ?? 0)) * d;
    c.tax_usd[t] = tax * d;
    c.closure_cost_usd[t] = cl * d;
    c.free_cash_flow_usd[t] = fcf * d;
    c.funded_uses_usd[t] = (debt?.fundedUses[t] ?? 0) * d;
    c.debt_drawdown_usd[t] = drawdown * d;
    c.interest_usd[t] = interest * d;
    c.interest_capitalised_usd[t] = (debt?.interestCapitalised[t] ?? 0) * d;
    c.financing_fees_usd[t] = fees * d;
    c.principal_usd[t] = principal * d;
    c.debt_service_usd[t] = ds * d;
    c.debt_balance_usd[t] = (debt?.balance[t] ?? 0) * d;
    c.dsra_balance_usd[t] = (debt?.dsraBalance[t] ?? 0) * d;
    c.dsra_change_usd[t] = dsraChange * d;
    c.tax_levered_usd[t] = taxLev * d;
    c.cfads_usd[t] = cfads * d;
    // NaN marks "no DSCR" (a typed array holds no null).
    c.dscr[t] = ds > 0 && t >= first ? cfads / ds : Number.NaN;
    c.equity_cash_flow_usd[t] =
      (rev - ox - cx - dw - taxLev - cl + drawdown - ds - fees - dsraChange) * d;
  }
  loanLifeCoverRatios(
    {
      cfads: c.cfads_usd,
      drawdown: c.debt_drawdown_usd,
      debtService: c.debt_service_usd,
      balance: c.debt_balance_usd,
      first,
    },
    c.llcr,
  );
  return c;
}

/** Row objects of a table from its columns (year, t and the discount factor added). */
function cashflowTableFromColumns(input: CashflowInput, c: CashflowColumns): CashflowTable {
  const rows: CashflowRow[] = [];
  for (let t = 0; t < input.horizon_years; t++) {
    const dscr = c.dscr[t] ?? Number.NaN;
    const llcr = c.llcr[t] ?? Number.NaN;
    rows.push({
      year: input.start_year + t,
      t,
      utilisation: c.utilisation[t] ?? 0,
      production_t: c.production_t[t] ?? 0,
      production_cr_t: c.production_cr_t[t] ?? 0,
      revenue_usd: c.revenue_usd[t] ?? 0,
      opex_usd: c.opex_usd[t] ?? 0,
      capex_usd: c.capex_usd[t] ?? 0,
      working_capital_usd: c.working_capital_usd[t] ?? 0,
      working_capital_change_usd: c.working_capital_change_usd[t] ?? 0,
      depreciation_usd: c.depreciation_usd[t] ?? 0,
      taxable_income_usd: c.taxable_income_usd[t] ?? 0,
      cit_usd: c.cit_usd[t] ?? 0,
      property_tax_usd: c.property_tax_usd[t] ?? 0,
      land_tax_usd: c.land_tax_usd[t] ?? 0,
      met_usd: c.met_usd[t] ?? 0,
      payroll_levies_usd: c.payroll_levies_usd[t] ?? 0,
      vat_net_usd: c.vat_net_usd[t] ?? 0,
      tax_usd: c.tax_usd[t] ?? 0,
      closure_cost_usd: c.closure_cost_usd[t] ?? 0,
      free_cash_flow_usd: c.free_cash_flow_usd[t] ?? 0,
      discount_factor: Math.pow(1 + input.discount_rate, -t),
      funded_uses_usd: c.funded_uses_usd[t] ?? 0,
      debt_drawdown_usd: c.debt_drawdown_usd[t] ?? 0,
      interest_usd: c.interest_usd[t] ?? 0,
      interest_capitalised_usd: c.interest_capitalised_usd[t] ?? 0,
      financing_fees_usd: c.financing_fees_usd[t] ?? 0,
      principal_usd: c.principal_usd[t] ?? 0,
      debt_service_usd: c.debt_service_usd[t] ?? 0,
      debt_balance_usd: c.debt_balance_usd[t] ?? 0,
      dsra_balance_usd: c.dsra_balance_usd[t] ?? 0,
      dsra_change_usd: c.dsra_change_usd[t] ?? 0,
      tax_levered_usd: c.tax_levered_usd[t] ?? 0,
      cfads_usd: c.cfads_usd[t] ?? 0,
      dscr: Number.isNaN(dscr) ? null : dscr,
      llcr: Number.isNaN(llcr) ? null : llcr,
      equity_cash_flow_usd: c.equity_cash_flow_usd[t] ?? 0,
    });
  }
  return { basis: input.basis, discount_rate: input.discount_rate, rows };
}
