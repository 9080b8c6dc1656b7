// Public API of the ferrochrome (pyrometallurgy) unit models (re-exports only).
export {
  runFerrochromeStage,
  calibrateHeatLoss,
  FECR_TEMPLATES,
  type FecrTemplate,
  type FerrochromeInput,
  type ChromiteFeed,
  type FerrochromeStageRun,
} from './run-fecr.js';
export { runRefiningStage, type RefiningStageInput } from './run-refining.js';
export {
  solveSmeltingFurnace,
  furnaceDefaults,
  DEFAULT_FURNACE_MATERIALS,
  DC_FURNACE_MATERIALS,
  routeMaterials,
  type FurnaceParams,
  type FurnaceResult,
  type FurnaceRoute,
  type FurnaceMaterials,
} from './smelting-furnace.js';
export {
  pelletise,
  sinterPellets,
  briquette,
  shaftPreheater,
  rotaryKiln,
  lhv_W,
  PRETREATMENT_DEFAULTS,
  type PretreatResult,
} from './pretreatment.js';
export {
  silicothermicRefining,
  REFINING_DEFAULTS,
  type RefiningParams,
  type RefiningResult,
} from './silicothermic-refining.js';
export {
  chromiteStream,
  MATERIALS as PYRO_MATERIALS,
  type OxideAnalysis,
  type Proximate,
  type FluxAnalysis,
  type ChromiteForm,
} from './materials.js';
export {
  PYRO_SPECIES,
  pyroSet,
  enthalpy_W,
  elementClosure,
  type SpeciesStream,
} from './species.js';
