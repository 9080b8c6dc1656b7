export { costIndexFactor } from './cost-index.js';
export { COST_CLASSES, COST_CLASS_IDS, type CostClass, type CostItem } from './cost-class.js';
export { itemCost } from './item-cost.js';
export { costUnits, type UnitCostLine } from './unit-costs.js';
export { estimateStage, type StageCapexEstimate } from './stage-estimate.js';
export { REFERENCE_PLANTS, normalisedCost, type ReferencePlant } from './reference-plants.js';
export { STORED_CALIBRATION, fitFamily, type FamilyCalibration } from './calibration.js';
export { stageCapex, phaseCapex, type StageCapex } from './stage-capex.js';
