// Thermochemistry: species data, properties, reactions, heat balances, equilibrium.
export {
  SPECIES_DATA,
  resolveSpecies,
  type SpeciesData,
  type PhaseData,
  type PhaseTransition,
  type ShomateSegment,
  type PhaseSelector,
  type ResolvedSpecies,
} from './species-db.js';
export { CompiledSpeciesSet, compileSpeciesSet } from './compiled.js';
export { species, type SpeciesProperties } from './species.js';
export {
  reaction,
  compileReaction,
  CompiledReaction,
  R_J_PER_MOL_K,
  type ReactionProperties,
} from './reaction.js';
export {
  streamEnthalpy_J,
  heatBalance,
  type ThermoStream,
  type HeatBalance,
} from './heat-balance.js';
export {
  adiabaticTemperature,
  adiabaticTemperatureOfStreams,
  type AdiabaticResult,
} from './adiabatic.js';
export { ellingham, ELLINGHAM_REACTIONS, type EllinghamLine } from './ellingham.js';
export {
  equilibrate,
  type EquilibrateInput,
  type EquilibrateOptions,
  type EquilibriumPhaseSpec,
  type EquilibriumResult,
  type EquilibriumSpecies,
} from './equilibrium.js';
