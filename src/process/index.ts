// Public API of the flowsheet engine (re-exports only).
export {
  buildComponentModel,
  WATER,
  type ComponentModel,
  type ComponentSpec,
} from './components.js';
export {
  MINERALS,
  MAGNETIC_CLASSES,
  type MineralData,
  type SourcedValue,
  type ValueStatus,
} from './minerals.js';
export {
  sieveSeries,
  passingSize_um,
  DEFAULT_SIEVE,
  type SieveSeries,
  type SieveSpec,
} from './sieve.js';
export { createStream, copyStream, zeroStream, elementFlows, type Stream } from './stream.js';
export { assays, CR2O3_PER_CR, type Assays } from './assays.js';
export {
  bondEnergy_kWh_per_t,
  operatingWorkIndex_kWh_per_t,
  workIndexMetric_kWh_per_t,
  KWH_PER_T_PER_KWH_PER_SHORT_T,
} from './bond.js';
export { tromp, whiten, withBypass, fineRecovery, stokesCut_um } from './partition.js';
export { resolveParams, type ParamDef, type ParamSchema } from './params.js';
export type { UnitKind, UnitContext, UnitOutput, Duties } from './unit.js';
export { UNIT_KINDS } from './units/registry.js';
export {
  compileFlowsheet,
  reparameterize,
  type CompiledFlowsheet,
  type CompiledUnit,
  type CompiledStream,
} from './flowsheet/compile.js';
export {
  solveFlowsheet,
  createSolution,
  DEFAULT_SOLVER_SETTINGS,
  type FlowsheetSolution,
  type SolverSettings,
  type SolveOptions,
  type TearDiagnostics,
} from './flowsheet/solve.js';
export { mineralsFromOxides, nnls, type Normative } from './flowsheet/normative.js';
export { oreFeedStream, DEFAULT_GANGUE_WT_PCT, type OreFeed } from './flowsheet/feed.js';
export {
  balanceReport,
  type BalanceReport,
  type StreamRecord,
  type UnitRecord,
  type SankeyFlow,
} from './flowsheet/report.js';
export type {
  FlowsheetTemplate,
  FlowsheetOverrides,
  UnitSpec,
  CalibrationNote,
} from './flowsheet/template.js';
export { concentratorKpis, type ConcentratorKpis } from './concentrator/kpis.js';
export {
  runConcentrator,
  KEMPIRSAI_CONCENTRATOR,
  FLOWSHEET_TEMPLATES,
  type ConcentratorInput,
  type ConcentratorResult,
} from './concentrator/run.js';
export type {
  StageRun,
  StageProductFlow,
  StageConsumption,
  StageByproduct,
  UnitEnergyBalance,
} from './stage-run.js';

export * from './pyro/index.js';
