// Public API of the chromflow library. This file only re-exports (one idea per file).
export { VERSION } from './version.js';
export { InputError, NotImplementedError, ConvergenceError } from './errors.js';
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
