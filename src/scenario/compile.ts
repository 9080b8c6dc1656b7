/**
 * Compile a validated scenario into a model with a flat parameter vector: every numeric input
 * gets an index, and Monte Carlo or sensitivity runs change inputs by index without re-parsing
 * or re-validating. The vector is bound to the scenario's `Param` objects, so setting entry i
 * writes `leaves[i].param.value`, which the appraisal reads: no allocation per sample.
 *
 * A compiled model is mutable state: give each worker thread its own (compile once per worker).
 */
import { InputError } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import { numericLeaves, type NumericLeaf } from './numeric-leaves.js';
import type { Scenario } from './schema.js';

export interface CompiledScenario {
  scenario: Scenario;
  /** Every numeric input, in document order; index i of the vector is `leaves[i]`. */
  leaves: readonly NumericLeaf[];
  /** Stable path → index. */
  index: ReadonlyMap<string, number>;
  /** The values as loaded (defaults and inputs), to restore after a run. */
  base: Float64Array;
}

export function compileScenario(scenario: Scenario): CompiledScenario {
  const leaves = numericLeaves(scenario);
  const index = new Map<string, number>();
  leaves.forEach((l, i) => index.set(l.path, i));
  const base = Float64Array.from(leaves, (l) => l.param.value);
  return { scenario, leaves, index, base };
}

/**
 * Indices of the given paths, resolved once before a run.
 *
 * @throws InputError naming the path (with a suggestion) when it is not a numeric input.
 */
export function parameterIndices(model: CompiledScenario, paths: readonly string[]): Int32Array {
  return Int32Array.from(paths, (path) => {
    const i = model.index.get(path);
    if (i === undefined) {
      const guess = didYouMean(path, [...model.index.keys()]);
      throw new InputError(
        'parameter path',
        path,
        `a numeric input of the scenario${guess ? ` (did you mean "${guess}"?)` : ''}`,
      );
    }
    return i;
  });
}

/** Writes `values[k]` into the input at `indices[k]` (hot path: no checks, no allocation). */
export function setParameters(
  model: CompiledScenario,
  indices: Int32Array,
  values: ArrayLike<number>,
): void {
  const leaves = model.leaves;
  for (let k = 0; k < indices.length; k++) {
    const leaf = leaves[indices[k] ?? 0];
    if (leaf) leaf.param.value = values[k] ?? Number.NaN;
  }
}

/**
 * Writes `vector[i]` into the input at each index i of `indices`: a sample's full parameter
 * vector, of which only the sampled entries differ from the base (hot path: no checks, no
 * allocation; the inputs not listed keep their values).
 */
export function setParametersAt(
  model: CompiledScenario,
  indices: Int32Array,
  vector: ArrayLike<number>,
): void {
  const leaves = model.leaves;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] ?? 0;
    const leaf = leaves[i];
    if (leaf) leaf.param.value = vector[i] ?? Number.NaN;
  }
}

/** Restores every input to its loaded value. */
export function resetParameters(model: CompiledScenario): void {
  model.leaves.forEach((leaf, i) => {
    leaf.param.value = model.base[i] ?? Number.NaN;
  });
}

/** Current values of every input, as a new vector. */
export function currentParameters(model: CompiledScenario): Float64Array {
  return Float64Array.from(model.leaves, (l) => l.param.value);
}
