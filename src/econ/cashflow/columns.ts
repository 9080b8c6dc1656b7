import type { CashflowRow } from './types.js';

/** Columns of a cash-flow table that vary by row and hold numbers (not year, t, discount factor). */
export type CashflowColumnName = Exclude<keyof CashflowRow, 'year' | 't' | 'discount_factor'>;

/**
 * A cash-flow table as one typed array per column (units as in {@link CashflowRow}); `dscr` and
 * `llcr` are NaN where the row form has null. The form that sampling loops use: no row objects.
 */
export type CashflowColumns = Record<CashflowColumnName, Float64Array>;

/** Every column name, in the order of {@link CashflowRow}. */
export const CASHFLOW_COLUMN_NAMES: readonly CashflowColumnName[] = [
  'utilisation',
  'production_t',
  'production_cr_t',
  'revenue_usd',
  'opex_usd',
  'capex_usd',
  'working_capital_usd',
  'working_capital_change_usd',
  'depreciation_usd',
  'taxable_income_usd',
  'cit_usd',
  'property_tax_usd',
  'land_tax_usd',
  'met_usd',
  'payroll_levies_usd',
  'vat_net_usd',
  'tax_usd',
  'closure_cost_usd',
  'free_cash_flow_usd',
  'funded_uses_usd',
  'debt_drawdown_usd',
  'interest_usd',
  'interest_capitalised_usd',
  'financing_fees_usd',
  'principal_usd',
  'debt_service_usd',
  'debt_balance_usd',
  'dsra_balance_usd',
  'dsra_change_usd',
  'tax_levered_usd',
  'cfads_usd',
  'dscr',
  'llcr',
  'equity_cash_flow_usd',
];

/**
 * Zero-filled columns for `n` rows. Written as one object literal so that every table has the
 * same hidden class (a loop of keyed stores would leave a slow dictionary-mode object).
 */
export function emptyColumns(n: number): CashflowColumns {
  const f = () => new Float64Array(n);
  return {
    utilisation: f(),
    production_t: f(),
    production_cr_t: f(),
    revenue_usd: f(),
    opex_usd: f(),
    capex_usd: f(),
    working_capital_usd: f(),
    working_capital_change_usd: f(),
    depreciation_usd: f(),
    taxable_income_usd: f(),
    cit_usd: f(),
    property_tax_usd: f(),
    land_tax_usd: f(),
    met_usd: f(),
    payroll_levies_usd: f(),
    vat_net_usd: f(),
    tax_usd: f(),
    closure_cost_usd: f(),
    free_cash_flow_usd: f(),
    funded_uses_usd: f(),
    debt_drawdown_usd: f(),
    interest_usd: f(),
    interest_capitalised_usd: f(),
    financing_fees_usd: f(),
    principal_usd: f(),
    debt_service_usd: f(),
    debt_balance_usd: f(),
    dsra_balance_usd: f(),
    dsra_change_usd: f(),
    tax_levered_usd: f(),
    cfads_usd: f(),
    dscr: f(),
    llcr: f(),
    equity_cash_flow_usd: f(),
  };
}
