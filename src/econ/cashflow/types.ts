import type { Covenants } from './covenants.js';
// Input and output shapes of the yearly cash-flow table (plain numbers, no plant objects).
import type {
  DepreciationGroup,
  FiscalPreferences,
  FiscalRegime,
} from '../fiscal/fiscal-regime.js';

/** Money basis of the table: constant base-year money (`real`) or money of the day (`nominal`). */
export type MoneyBasis = 'real' | 'nominal';

/** One capital item spread over years. */
export interface CapexItem {
  name: string;
  /** Amount in base-year (row 0) money [USD]. */
  amount_usd: number;
  /** Fractions of the amount spent in consecutive rows from `start_index` [-], summing to 1. */
  phasing: number[];
  /** Row of the first phasing fraction [-], default 0. */
  start_index?: number;
  /** Tax-depreciation group of the asset. */
  depreciation_group: DepreciationGroup;
  /** Whether input VAT is paid on it [-], default true (false e.g. for VAT-exempt imports). */
  vat_applicable?: boolean;
  /**
   * Spent in the development phase, before financial close (feasibility, EIA, permits): paid by
   * the sponsor, never drawn from the loan, and not the row that opens financial close [-],
   * default false.
   */
  development?: boolean;
}

/** One product sold. */
export interface ProductInput {
  name: string;
  /** Sales at 100 % utilisation [t/a]. */
  capacity_t_per_year: number;
  /** Price net of VAT in base-year money [USD/t]. */
  price_usd_per_t: number;
  /**
   * Price by row (a price deck), base-year money [USD/t]; replaces `price_usd_per_t` in every
   * row it covers. Break-even searches scale it with `price_usd_per_t`.
   */
  price_usd_per_t_by_row?: ArrayLike<number>;
  /** Mass fraction of contained Cr [-], for cost per t of contained Cr (optional). */
  cr_mass_fraction?: number;
  /** Share of sales exported (VAT zero-rated) [-], default 1. */
  export_share?: number;
  /**
   * A by-product credit (slag aggregate, off-gas energy): earns revenue but is not counted in
   * production tonnage (LCOP, contained Cr) [-], default false.
   */
  byproduct?: boolean;
}

/** A cost that differs from year to year by rule (e.g. the CBAM charge as its share phases in). */
export interface YearlyCost {
  name: string;
  /** Cost in each row, base-year money [USD]; missing rows count as 0. */
  usd_by_row: number[];
  /** Whether input VAT is paid on it [-], default false. */
  vat_applicable?: boolean;
  /** Receipts given as negative costs (e.g. take-or-pay payments received) [-], default false. */
  receipt?: boolean;
}

/** One operating-cost item: quantity × unit price. */
export interface OpexItem {
  /** Name, e.g. `electricity` (break-even searches address items by name). */
  name: string;
  /** Quantity per year at 100 % utilisation (variable) or per operating year (fixed) [unit/a]. */
  quantity_per_year: number;
  /** Unit of the quantity, e.g. `kWh`, `t`, `year`. */
  unit: string;
  /** Price net of VAT in base-year money [USD/unit]. */
  unit_price_usd: number;
  /** Price by row (e.g. an escalating tariff), base-year money [USD/unit]; replaces `unit_price_usd`. */
  unit_price_usd_by_row?: ArrayLike<number>;
  /** true: scales with utilisation; false: fixed in every operating year. */
  variable: boolean;
  /** Gross wages: employer payroll levies apply to it [-], default false. */
  is_wages?: boolean;
  /** Whether input VAT is paid on it [-], default true (never for wages). */
  vat_applicable?: boolean;
}

/** Interest during construction: added to the loan (capitalised) or paid in cash by the sponsor. */
export type IdcTreatment = 'capitalised' | 'paid';

/**
 * The debt tranche of one stage (a project-finance loan): drawn pro rata with equity over the
 * availability period (financial close = the first construction row with capex, to the first
 * operating row), repaid from the stage's own CFADS.
 */
export interface FinancingInput {
  /**
   * Share of the cash uses of the availability period drawn as debt [-] (the gearing cap):
   * construction capex, financing fees, the DSRA's initial funding and, when funded, the
   * working capital built in the first operating row.
   */
  debt_share: number;
  /** Interest rate on the opening balance, in money of the day (nominal) [fraction per year]. */
  interest_rate: number;
  /** Number of repayment years [a]. */
  tenor_years: number;
  /** Years from the first operating row to the first repayment [a] (interest is paid). */
  grace_years: number;
  /**
   * Level annuity, or debt service sculpted to CFADS: DS_t = CFADS_t / k with k the constant
   * DSCR that repays the loan over the tenor; the loan is sized down so that k ≥ `target_dscr`.
   */
  repayment: 'annuity' | 'sculpted';
  /** Target (minimum) DSCR of the sculpted profile and the debt sizing [-]. */
  target_dscr?: number;
  /** Debt-service reserve: months of the next year's debt service, default 0 (none) [months]. */
  dsra_months?: number;
  /** Upfront (arrangement) fee paid at financial close, fraction of the facility [-], default 0. */
  upfront_fee?: number;
  /** Commitment fee on the undrawn facility during availability [fraction per year], default 0. */
  commitment_fee?: number;
  /** Interest during construction, default `capitalised`. */
  idc?: IdcTreatment;
  /**
   * Whether the working capital built in the first operating row is a project cost funded at
   * completion (debt share and equity), default true; otherwise it is paid from CFADS.
   */
  fund_initial_working_capital?: boolean;
  /** Covenants tested year by year (none when absent). */
  covenants?: Covenants;
}

/** Everything the yearly cash-flow table needs, as plain numbers. */
export interface CashflowInput {
  /** Calendar year of row 0 (t = 0); also the base year of all money inputs [a]. */
  start_year: number;
  /** Number of yearly rows [-]. */
  horizon_years: number;
  /** Discount rate in the table's basis (real rate for `real`) [fraction per year]. */
  discount_rate: number;
  basis: MoneyBasis;
  /** General inflation escalating every money input from the base year [fraction per year]. */
  inflation_rate: number;
  /**
   * General price level of each row relative to the base-year money of the inputs [-] (a
   * declared inflation path, Π(1 + π_k) to the row's year); replaces (1 + inflation_rate)^t.
   */
  price_index_by_row?: ArrayLike<number>;
  capex: CapexItem[];
  operation: {
    /** First operating row [-]. */
    first_index: number;
    /** Last operating row [-], default the last row. */
    last_index?: number;
    /** Utilisation in the first operating years [-]; 1 afterwards. */
    ramp_up: number[];
  };
  products: ProductInput[];
  opex: OpexItem[];
  /** Costs given row by row (added to opex), default none. */
  yearly_costs?: YearlyCost[];
  working_capital: {
    /** Receivables [days of revenue]. */
    receivable_days: number;
    /** Inventory [days of opex]. */
    inventory_days: number;
    /** Payables [days of opex]. */
    payable_days: number;
  };
  depreciation: { method: 'declining-balance' | 'straight-line' };
  fiscal: {
    regime: FiscalRegime;
    /** Priority-project tax holidays [years from the first operating row], default none. */
    preferences?: FiscalPreferences;
    /** Land tax in base-year money [USD/a], default 0. */
    land_tax_usd_per_year?: number;
    /** MET applies only when mining is inside the project boundary. */
    mining_inside_boundary?: boolean;
    /** Value of the extracted mineral at 100 % utilisation, base-year money [USD/a]. */
    extracted_mineral_value_usd_per_year?: number;
    /** The same by row (a price deck), replacing the constant [USD/a]. */
    extracted_mineral_value_usd_per_year_by_row?: ArrayLike<number>;
  };
  financing?: FinancingInput;
  /** Closure and rehabilitation cost in the last row, base-year money [USD], default 0. */
  closure_cost_usd?: number;
}

/** One year of the table. Money in the table's basis [USD]; costs positive, flows signed. */
export interface CashflowRow {
  year: number;
  /** Time from row 0 [a]; the discount exponent. */
  t: number;
  /** Utilisation of capacity [-]; null in combined/incremental tables. */
  utilisation: number | null;
  /** Sales of all products [t]. */
  production_t: number;
  /** Contained Cr in the products [t] (0 when no product has a Cr fraction). */
  production_cr_t: number;
  revenue_usd: number;
  opex_usd: number;
  capex_usd: number;
  /** Receivables + inventory − payables at year end [USD]. */
  working_capital_usd: number;
  working_capital_change_usd: number;
  /** Tax depreciation [USD]. */
  depreciation_usd: number;
  /** Unlevered taxable income before loss relief [USD]. */
  taxable_income_usd: number;
  cit_usd: number;
  property_tax_usd: number;
  land_tax_usd: number;
  met_usd: number;
  payroll_levies_usd: number;
  /** Input VAT paid but not yet recovered (cost of the refund lag) [USD]. */
  vat_net_usd: number;
  /** Sum of the tax parts above (unlevered CIT) [USD]. */
  tax_usd: number;
  closure_cost_usd: number;
  /** Project (unlevered) free cash flow = revenue − opex − capex − ΔWC − tax − closure [USD]. */
  free_cash_flow_usd: number;
  /** 1/(1 + discount_rate)^t [-]. */
  discount_factor: number;
  /**
   * Cash uses of the construction budget in the availability period, funded pro rata by
   * drawdowns and equity: construction capex, fees, the DSRA's initial funding, the initial
   * working capital and the ramp-up loss of the completion row [USD].
   */
  funded_uses_usd: number;
  /** Cash drawn from the loan (capitalised interest not included) [USD]. */
  debt_drawdown_usd: number;
  /** Interest paid in cash [USD]. */
  interest_usd: number;
  /** Interest during construction added to the loan balance [USD]. */
  interest_capitalised_usd: number;
  /** Upfront and commitment fees paid [USD]. */
  financing_fees_usd: number;
  principal_usd: number;
  /** Interest paid + principal [USD]. */
  debt_service_usd: number;
  /** Closing debt balance [USD]. */
  debt_balance_usd: number;
  /** Debt-service reserve account at year end [USD]. */
  dsra_balance_usd: number;
  /** Deposits into the DSRA (negative: releases and draws) [USD]. */
  dsra_change_usd: number;
  /** Taxes with interest and fees deducted from the CIT base [USD]. */
  tax_levered_usd: number;
  /**
   * Cash flow available for debt service = revenue − opex − ΔWC − levered tax − closure −
   * capex not funded by the loan (construction capex and the working capital funded at
   * completion, and the operating loss of the completion row (ramp-up), are project costs, paid
   * by drawdowns and equity, not by CFADS) [USD].
   */
  cfads_usd: number;
  /** CFADS / debt service [-], null when there is no debt service or before operation. */
  dscr: number | null;
  /**
   * Loan-life cover ratio at the start of the row: PV of CFADS over the remaining loan life /
   * (opening balance + PV of later drawdowns), discounted at the loan's own rate [-]; null
   * when no debt is outstanding or before operation.
   */
  llcr: number | null;
  /**
   * Equity cash flow = revenue − opex − capex − ΔWC − levered tax − closure + drawdown −
   * debt service − fees − DSRA deposits (contributions negative, distributable cash positive) [USD].
   */
  equity_cash_flow_usd: number;
}

/** The yearly table. */
export interface CashflowTable {
  basis: MoneyBasis;
  discount_rate: number;
  rows: CashflowRow[];
}

/** Metrics of a table (row 0 at t = 0; NPV = npv(discount_rate, free_cash_flow_usd)). */
export interface CashflowMetrics {
  discount_rate: number;
  npv_usd: number;
  /** Unique project IRR, or null with `irr_reason` [fraction per year]. */
  irr: number | null;
  irr_reason: string | null;
  /** All rates with NPV = 0 [fraction per year]. */
  irr_roots: number[];
  /** MIRR with finance and reinvestment rates = discount rate; null if undefined [fraction]. */
  mirr: number | null;
  payback_years: number | null;
  discounted_payback_years: number | null;
  profitability_index: number | null;
  /** PV(capex + opex + closure) / PV(product tonnes), pre-tax [USD/t]. */
  lcop_usd_per_t: number | null;
  /** Same per t of contained Cr [USD/t Cr]; null without Cr content. */
  lcop_usd_per_t_cr: number | null;
  /** Lowest DSCR over the operating rows with debt service [-]. */
  min_dscr: number | null;
  /** Why `min_dscr` is null (no debt, or debt but no debt service in an operating row); else null. */
  dscr_reason: string | null;
  /** Mean DSCR over the operating rows with debt service [-]. */
  avg_dscr: number | null;
  /** LLCR at the first operating row with debt outstanding (completion) [-]. */
  llcr: number | null;
  /** Lowest LLCR over the loan life [-]. */
  min_llcr: number | null;
  /**
   * Project-life cover ratio at the same row: PV of CFADS to the end of the horizon / debt,
   * discounted at the loan's rate [-].
   */
  plcr: number | null;
  /** Largest negative cumulative free cash flow, as a positive number [USD]. */
  peak_funding_usd: number;
  equity_irr: number | null;
  equity_irr_reason: string | null;
}

/** Unit of every row column (for reports and the spreadsheet export). */
export const CASHFLOW_COLUMN_UNITS: Readonly<Record<keyof CashflowRow, string>> = {
  year: 'a',
  t: 'a',
  utilisation: '-',
  production_t: 't',
  production_cr_t: 't Cr',
  revenue_usd: 'USD',
  opex_usd: 'USD',
  capex_usd: 'USD',
  working_capital_usd: 'USD',
  working_capital_change_usd: 'USD',
  depreciation_usd: 'USD',
  taxable_income_usd: 'USD',
  cit_usd: 'USD',
  property_tax_usd: 'USD',
  land_tax_usd: 'USD',
  met_usd: 'USD',
  payroll_levies_usd: 'USD',
  vat_net_usd: 'USD',
  tax_usd: 'USD',
  closure_cost_usd: 'USD',
  free_cash_flow_usd: 'USD',
  discount_factor: '-',
  funded_uses_usd: 'USD',
  debt_drawdown_usd: 'USD',
  interest_usd: 'USD',
  interest_capitalised_usd: 'USD',
  financing_fees_usd: 'USD',
  principal_usd: 'USD',
  debt_service_usd: 'USD',
  debt_balance_usd: 'USD',
  dsra_balance_usd: 'USD',
  dsra_change_usd: 'USD',
  tax_levered_usd: 'USD',
  cfads_usd: 'USD',
  dscr: '-',
  llcr: '-',
  equity_cash_flow_usd: 'USD',
};
