// Public API of the chromflow library. This file only re-exports (one idea per file).
export { VERSION } from './version.js';
export {
  InputError,
  NotImplementedError,
  ConvergenceError,
  InfeasibleError,
  attributeToStage,
} from './errors.js';
export * from './scenario/index.js';
export * from './provenance/index.js';
export * from './units/index.js';
export { appraise } from './appraise.js';
export type {
  Appraisal,
  StageResult,
  StageProduct,
  SourceEntry,
  NotImplemented,
} from './appraisal.js';
export * as uncertainty from './uncertainty/index.js';
export {
  ATOMIC_WEIGHTS_G_PER_MOL,
  ATOMIC_WEIGHTS_SOURCE,
  atomicWeight_g_per_mol,
  parseFormula,
  molarMass_g_per_mol,
  elementMatrix,
  parseReaction,
  elementImbalance,
  type ParsedFormula,
  type PhaseState,
  type ElementMatrix,
  type ReactionEquation,
  type ReactionTerm,
} from './chem/index.js';
export {
  SPECIES_DATA,
  resolveSpecies,
  CompiledSpeciesSet,
  compileSpeciesSet,
  species,
  reaction,
  compileReaction,
  CompiledReaction,
  R_J_PER_MOL_K,
  streamEnthalpy_J,
  heatBalance,
  adiabaticTemperature,
  adiabaticTemperatureOfStreams,
  ellingham,
  ELLINGHAM_REACTIONS,
  equilibrate,
  type SpeciesData,
  type PhaseData,
  type PhaseSelector,
  type SpeciesProperties,
  type ReactionProperties,
  type ThermoStream,
  type HeatBalance,
  type AdiabaticResult,
  type EllinghamLine,
  type EquilibrateInput,
  type EquilibrateOptions,
  type EquilibriumPhaseSpec,
  type EquilibriumResult,
  type EquilibriumSpecies,
} from './thermo/index.js';
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
  sponsorReturn,
  sourcesAndUses,
  addSourcesAndUses,
  covenantBreaches,
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
  SourcesAndUses,
  SponsorReturn,
  CovenantBreach,
  Covenants,
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
} from './econ/fiscal/index.js';
export * from './process/index.js';
export * from './analysis/index.js';
export * from './process/chromium/index.js';
export { chromiumSankey, type ChromiumSankey } from './plant/chromium-sankey.js';
export type { PlantBalance } from './plant/merge-balances.js';
