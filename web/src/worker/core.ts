/** The parts of the pure core the worker uses (one import site keeps the bundle explicit). */
import { appraise } from '../../../src/appraise.js';
import { parseScenario } from '../../../src/scenario/load.js';
import { numericLeaves } from '../../../src/scenario/numeric-leaves.js';
import { formatPath } from '../../../src/scenario/problem.js';
import { monteCarloSpec } from '../../../src/analysis/monte-carlo.js';
import { appraisalOutputs } from '../../../src/analysis/appraisal-outputs.js';
import { compileRun } from '../../../src/uncertainty/runner/compile.js';
import { tornadoBars, tornadoForRun } from '../../../src/uncertainty/sensitivity/tornado.js';

export const analysis = {
  appraise,
  parseScenario,
  numericLeaves,
  formatPath,
  monteCarloSpec,
  appraisalOutputs,
  compileRun,
  tornadoForRun,
  tornadoBars,
};
