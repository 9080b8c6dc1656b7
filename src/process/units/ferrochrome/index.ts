// Ferrochrome unit kinds on the flowsheet engine (re-exports only).
export { fecrBriquetting } from './briquetting.js';
export { fecrPelletiser } from './pelletiser.js';
export { fecrSinterStrand } from './sinter-strand.js';
export { fecrShaftPreheater } from './shaft-preheater.js';
export { fecrPrereductionKiln } from './prereduction-kiln.js';
export { fecrSilicothermicRefining } from './silicothermic-refining.js';
export { submergedArcFurnace, dcArcFurnace, FURNACE_ADDITIONS } from './smelting-furnace.js';
export { FECR_COMPONENTS, toSpecies, writeSpecies, writeDemand, demandStream } from './bridge.js';
