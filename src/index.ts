// Public API of the chromflow library. This file only re-exports (one idea per file).
export { VERSION } from './version.js';
export { InputError, NotImplementedError, ConvergenceError } from './errors.js';
export * from './process/index.js';
