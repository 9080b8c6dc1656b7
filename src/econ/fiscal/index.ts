// Fiscal regimes (one file per country) and the plug-in interface.
export { DEPRECIATION_GROUPS } from './fiscal-regime.js';
export type {
  DepreciationGroup,
  FiscalPreferences,
  FiscalRegime,
  FiscalYearRates,
  RateEntry,
  SourceStatus,
} from './fiscal-regime.js';
export { rateInForce } from './rate-in-force.js';
export { kazakhstan, KAZAKHSTAN_FISCAL_DATA } from './kazakhstan.js';
