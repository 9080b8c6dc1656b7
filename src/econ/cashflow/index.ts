// The yearly project cash-flow table: builder, metrics, break-evens, stage combination.
export { buildCashflowTable } from './build-cashflow-table.js';
export { cashflowMetrics } from './cashflow-metrics.js';
export { breakEvenOpexPrice, breakEvenProductPrice, solveBreakEven } from './break-even.js';
export type { BreakEven } from './break-even.js';
export { combineTables } from './combine-tables.js';
export { sponsorReturn, type SponsorReturn } from './sponsor-return.js';
export { covenantBreaches, type CovenantBreach, type Covenants } from './covenants.js';
export { addSourcesAndUses, sourcesAndUses, type SourcesAndUses } from './sources-and-uses.js';
export { validateCashflowInput } from './validate-input.js';
export { CASHFLOW_COLUMN_UNITS } from './types.js';
export type {
  CapexItem,
  CashflowInput,
  CashflowMetrics,
  CashflowRow,
  CashflowTable,
  FinancingInput,
  MoneyBasis,
  OpexItem,
  ProductInput,
} from './types.js';
