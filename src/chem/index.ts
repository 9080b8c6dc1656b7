// Chemistry basics: atomic weights, formulas, element matrices, reaction equations.
export {
  ATOMIC_WEIGHTS_G_PER_MOL,
  ATOMIC_WEIGHTS_SOURCE,
  atomicWeight_g_per_mol,
} from './atomic-weights.js';
export {
  parseFormula,
  molarMass_g_per_mol,
  elementMatrix,
  type ParsedFormula,
  type PhaseState,
  type ElementMatrix,
} from './formula.js';
export {
  parseReaction,
  elementImbalance,
  type ReactionEquation,
  type ReactionTerm,
} from './reaction-equation.js';
