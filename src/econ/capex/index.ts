export {
  estimateCapex,
  capacityWithinBudget,
  phaseCapex,
  type CapexEstimate,
  type CapexSettings,
  type AaceClass,
} from './estimate-capex.js';
export { costIndexFactor } from './cost-index.js';
export {
  REFERENCE_PLANTS,
  REFERENCE_PLANT_DATA,
  referencePlant,
  referenceCandidates,
  type ReferencePlant,
} from './reference-plants.js';
export { stageCapex, type StageCapex } from './stage-capex.js';
