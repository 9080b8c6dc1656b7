export { appraisalOutputs } from './appraisal-outputs.js';
export { monteCarloSpec, toDistributionSpec, type MonteCarloOptions } from './monte-carlo.js';
