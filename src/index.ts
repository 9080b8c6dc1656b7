// Public API of the chromflow library. This file only re-exports (one idea per file).
export { VERSION } from './version.js';
export { InputError, NotImplementedError, ConvergenceError } from './errors.js';
export { brent } from './numeric/brent.js';
export type { BrentOptions } from './numeric/brent.js';
export {
  npv,
  excelNpv,
  irr,
  irrAll,
  irrAnalysis,
  IrrError,
  mirr,
  xnpv,
  xirr,
  xirrAll,
  pmt,
  paybackYears,
  discountedPaybackYears,
  profitabilityIndex,
} from './econ/metrics/index.js';
export type { IrrAnalysis, IrrOptions, IrrFailure } from './econ/metrics/index.js';
export {
  buildCashflowTable,
  cashflowMetrics,
  breakEvenOpexPrice,
  breakEvenProductPrice,
  solveBreakEven,
  combineTables,
  validateCashflowInput,
  CASHFLOW_COLUMN_UNITS,
} from './econ/cashflow/index.js';
export type {
  BreakEven,
  CapexItem,
  CashflowInput,
  CashflowMetrics,
  CashflowRow,
  CashflowTable,
  FinancingInput,
  MoneyBasis,
  OpexItem,
  ProductInput,
} from './econ/cashflow/index.js';
export {
  kazakhstan,
  KAZAKHSTAN_FISCAL_DATA,
  rateInForce,
  DEPRECIATION_GROUPS,
} from './econ/fiscal/index.js';
export type {
  DepreciationGroup,
  FiscalPreferences,
  FiscalRegime,
  FiscalYearRates,
  RateEntry,
  SourceStatus,
} from './econ/fiscal/index.js';
