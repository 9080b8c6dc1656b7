export { parseScenario, loadScenario, locateIssues, type LoadResult } from './load.js';
export {
  checkInputLimits,
  MAX_SCENARIO_CHARS,
  MAX_NESTING_DEPTH,
  MAX_STRING_CHARS,
  MAX_MAP_KEYS,
  MAX_LIST_ITEMS,
  MAX_ANCHORS_AND_ALIASES,
  type LimitViolation,
} from './limits.js';
export {
  scenarioSchema,
  SCENARIO_FORMAT_VERSION,
  ANALYSIS_KEYS,
  type Scenario,
  type ScenarioInput,
  type Feed,
  type Stage,
  type Distribution,
} from './schema.js';
export { formatProblem, formatPath, ScenarioError, type Problem } from './problem.js';
export { numericLeaves, numericPaths, type NumericLeaf } from './numeric-leaves.js';
export { scenarioJsonSchema } from './json-schema.js';
export { TEMPLATES, TEMPLATE_IDS, templateInfo, type TemplateInfo } from './template-catalogue.js';
export { PRODUCTS, CONSUMABLES, type ProductInfo } from './product-catalogue.js';
export { DATA_FILES, allDataRefs } from './data-files.js';
export { didYouMean } from './did-you-mean.js';
export {
  compileScenario,
  parameterIndices,
  setParameters,
  setParametersAt,
  resetParameters,
  currentParameters,
  type CompiledScenario,
} from './compile.js';
