import type { Evaluator } from '../runner/compile.js';

/** A deterministic model for one-at-a-time analyses: base vector, evaluator and output names. */
export interface OneAtATimeModel {
  readonly base: Float64Array;
  readonly evaluate: Evaluator;
  readonly outputNames: readonly string[];
}

/**
 * Evaluates the model at the base vector with entry `index` set to `value` (or at the base
 * itself when index < 0). Returns NaN outputs and the error message when the evaluator throws.
 */
export function evaluateWith(
  model: OneAtATimeModel,
  params: Float64Array,
  index: number,
  value: number,
): { outputs: number[]; error?: string } {
  params.set(model.base);
  if (index >= 0) params[index] = value;
  const out = new Float64Array(model.outputNames.length).fill(NaN);
  try {
    model.evaluate(params, out);
    return { outputs: Array.from(out) };
  } catch (e) {
    return {
      outputs: Array.from(out, () => NaN),
      error: e instanceof Error ? e.message : String(e),
    };
  }
}
