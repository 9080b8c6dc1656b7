import type { DepreciationGroup } from '../fiscal/fiscal-regime.js';
import { InputError } from '../../errors.js';
import { ScratchArrays } from '../../numeric/scratch-arrays.js';
import { debtSchedule } from './debt-schedule.js';
import { loanLifeCoverRatios } from './coverage-ratios.js';
import { LossCarryForward } from './loss-carry-forward.js';
import { taxDepreciation } from './tax-depreciation.js';
import { emptyColumns, type CashflowColumns } from './columns.js';
import type { CashflowInput, CashflowRow, CashflowTable } from './types.js';
import { validateCashflowInput } from './validate-input.js';

const DAYS_PER_YEAR = 365;

/** Temporaries of {@link cashflowColumns} (synchronous, not re-entrant). */

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
  const infl = input.inflation_rate;
  const regime = input.fiscal.regime;
  const prefs = input.fiscal.preferences ?? {
    cit_exemption_years: 0,
    property_tax_exemption_years: 0,
    land_tax_exemption_years: 0,
  };
  const first = input.operation.first_index;
  const last = input.operation.last_index ?? n - 1;
  const wc = input.working_capital;

  const esc = SCRATCH.take(n);
  const util = SCRATCH.take(n);
  for (let t = 0; t < n; t++) {
    esc[t] = input.price_index_by_row?.[t] ?? Math.pow(1 + infl, t);
    util[t] = t < first || t > last ? 0 : (input.operation.ramp_up[t - first] ?? 1);
  }

  const production = SCRATCH.take(n);
  const productionCr = SCRATCH.take(n);
  const revenue = SCRATCH.take(n);
  const revenueDomestic = SCRATCH.take(n);
  const revenueExport = SCRATCH.take(n);
  for (const p of input.products) {
    const exportShare = p.export_share ?? 1;
    const byRow = p.price_usd_per_t_by_row;
    for (let t = 0; t < n; t++) {
      const q = p.capacity_t_per_year * (util[t] ?? 0);
      const price = byRow === undefined ? p.price_usd_per_t : (byRow[t] ?? p.price_usd_per_t);
      const rev = q * price * (esc[t] ?? 1);
      if (p.byproduct !== true) {
        production[t] = (production[t] ?? 0) + q;
        productionCr[t] = (productionCr[t] ?? 0) + q * (p.cr_mass_fraction ?? 0);
      }
      revenue[t] = (revenue[t] ?? 0) + rev;
      revenueExport[t] = (revenueExport[t] ?? 0) + rev * exportShare;
      revenueDomestic[t] = (revenueDomestic[t] ?? 0) + rev * (1 - exportShare);
    }
  }

  const opex = SCRATCH.take(n);
  const opexVatable = SCRATCH.take(n);
  const wages = SCRATCH.take(n);
  for (const o of input.opex) {
    const vatable = o.is_wages !== true && o.vat_applicable !== false;
    const byRow = o.unit_price_usd_by_row;
    for (let t = 0; t < n; t++) {
      const operating = t >= first && t <= last;
      const level = o.variable ? (util[t] ?? 0) : operating ? 1 : 0;
      const price = byRow === undefined ? o.unit_price_usd : (byRow[t] ?? o.unit_price_usd);
      const cost = o.quantity_per_year * level * price * (esc[t] ?? 1);
      opex[t] = (opex[t] ?? 0) + cost;
      if (vatable) opexVatable[t] = (opexVatable[t] ?? 0) + cost;
      if (o.is_wages === true) wages[t] = (wages[t] ?? 0) + cost;
    }
  }

  for (const y of input.yearly_costs ?? []) {
    for (let t = 0; t < n; t++) {
      const cost = (y.usd_by_row[t] ?? 0) * (esc[t] ?? 1);
      opex[t] = (opex[t] ?? 0) + cost;
      if (y.vat_applicable === true) opexVatable[t] = (opexVatable[t] ?? 0) + cost;
    }
  }

  const capex = SCRATCH.take(n);
  // Construction capex only: what the loan may fund and what opens financial close.
  const capexFinanced = SCRATCH.take(n);
  const capexVatable = SCRATCH.take(n);
  const additions: Record<DepreciationGroup, number[]> = {
    buildings: new Array<number>(n).fill(0),
    machinery: new Array<number>(n).fill(0),
    computers: new Array<number>(n).fill(0),
    other: new Array<number>(n).fill(0),
  };
  for (const c of input.capex) {
    const s = c.start_index ?? 0;
    c.phasing.forEach((f, j) => {
      const t = s + j;
      const amount = c.amount_usd * f * (esc[t] ?? 1);
      capex[t] = (capex[t] ?? 0) + amount;
      if (c.development !== true) capexFinanced[t] = (capexFinanced[t] ?? 0) + amount;
      if (c.vat_applicable !== false) capexVatable[t] = (capexVatable[t] ?? 0) + amount;
      const g = additions[c.depreciation_group];
      g[t] = (g[t] ?? 0) + amount;
    });
  }
  const closure = SCRATCH.take(n);
  closure[n - 1] = (input.closure_cost_usd ?? 0) * (esc[n - 1] ?? 1);

  // Working capital, recovered in the last row.
  const wcBal = SCRATCH.take(n);
  const dWc = SCRATCH.take(n);
  for (let t = 0; t < n; t++) {
    wcBal[t] =
      t === n - 1
        ? 0
        : ((revenue[t] ?? 0) * wc.receivable_days +
            (opex[t] ?? 0) * (wc.inventory_days - wc.payable_days)) /
          DAYS_PER_YEAR;
    dWc[t] = (wcBal[t] ?? 0) - (t > 0 ? (wcBal[t - 1] ?? 0) : 0);
  }

  const dep = taxDepreciation(additions, first, input.depreciation.method, (g) =>
    regime.depreciationRate(g),
  );

  // VAT: excess input VAT (over output VAT) is recovered after the refund lag.
  const lag = regime.vatRefundLagMonths;
  const lagYears = Math.floor(lag / 12);
  const lagFrac = (lag - 12 * lagYears) / 12;
  const refund = SCRATCH.take(n);
  const vatExcess = SCRATCH.take(n);

  const rates = Array.from({ length: n }, (_, t) => regime.ratesFor(input.start_year + t));
  const property = SCRATCH.take(n);
  const land = SCRATCH.take(n);
  const met = SCRATCH.take(n);
  const payroll = SCRATCH.take(n);
  const taxable = SCRATCH.take(n);
  const landBase = input.fiscal.land_tax_usd_per_year ?? 0;
  const mining = input.fiscal.mining_inside_boundary === true;
  const mineral = input.fiscal.extracted_mineral_value_usd_per_year ?? 0;
  const mineralByRow = input.fiscal.extracted_mineral_value_usd_per_year_by_row;
  for (let t = 0; t < n; t++) {
    const r = rates[t];
    if (r === undefined) continue;
    const e = esc[t] ?? 1;
    property[t] =
      t >= first && t >= first + prefs.property_tax_exemption_years
        ? r.property_tax * (dep.buildings_average_balance[t] ?? 0)
        : 0;
    land[t] = t >= first + prefs.land_tax_exemption_years ? landBase * e : 0;
    met[t] = mining ? r.met * (mineralByRow?.[t] ?? mineral) * (util[t] ?? 0) * e : 0;
    payroll[t] =
      (wages[t] ?? 0) *
      (r.social_tax + r.social_contributions + r.medical_contributions + r.pension_employer);
    const input_ = r.vat * ((capexVatable[t] ?? 0) + (opexVatable[t] ?? 0));
    const output = r.vat * (revenueDomestic[t] ?? 0) + r.vat_export * (revenueExport[t] ?? 0);
    const excess = Math.max(input_ - output, 0);
    vatExcess[t] = excess;
    const i1 = Math.min(t + lagYears, n - 1);
    const i2 = Math.min(t + lagYears + 1, n - 1);
    refund[i1] = (refund[i1] ?? 0) + (1 - lagFrac) * excess;
    refund[i2] = (refund[i2] ?? 0) + lagFrac * excess;
    taxable[t] =
      (revenue[t] ?? 0) -
      (opex[t] ?? 0) -
      (payroll[t] ?? 0) -
      (property[t] ?? 0) -
      (land[t] ?? 0) -
      (met[t] ?? 0) -
      (dep.depreciation[t] ?? 0) -
      (closure[t] ?? 0);
  }

  // Unlevered taxes by row, then the tranche (which needs them for the levered tax and CFADS).
  const cit = SCRATCH.take(n);
  const otherTax = SCRATCH.take(n);
  const citRate = SCRATCH.take(n);
  const citExempt = SCRATCH.take(n);
  const operating = SCRATCH.take(n);
  const lcfProject = new LossCarryForward(regime.lossCarryForwardYears);
  for (let t = 0; t < n; t++) {
    citRate[t] = rates[t]?.cit ?? 0;
    citExempt[t] = t < first + prefs.cit_exemption_years ? 1 : 0;
    cit[t] = lcfProject.step(taxable[t] ?? 0, citRate[t] ?? 0, citExempt[t] === 1, t);
    const vatNet = (vatExcess[t] ?? 0) - (refund[t] ?? 0);
    otherTax[t] = (property[t] ?? 0) + (land[t] ?? 0) + (met[t] ?? 0) + (payroll[t] ?? 0) + vatNet;
    operating[t] = (revenue[t] ?? 0) - (opex[t] ?? 0) - (otherTax[t] ?? 0) - (closure[t] ?? 0);
  }
  const fin = input.financing;
  const debt =
    fin === undefined
      ? undefined
      : debtSchedule(
          {
            n,
            first,
            fin,
            capex: capexFinanced,
            dWc,
            operating,
            taxable,
            citRate,
            citExempt,
            lossYears: regime.lossCarryForwardYears,
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
    c.depreciation_usd[t] = (dep.depreciation[t] ?? 0) * d;
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
