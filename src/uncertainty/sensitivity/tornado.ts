import { InputError } from '../../errors.js';
import type { Distribution } from '../distributions/distribution.js';
import type { CompiledRun } from '../runner/compile.js';
import { evaluateWith, type OneAtATimeModel } from './model.js';

/** Low and high value of one parameter for a tornado chart. */
export interface TornadoParameter {
  readonly name: string;
  /** Position in the parameter vector [integer]. */
  readonly index: number;
  /** Low value [parameter unit]. */
  readonly low: number;
  /** High value [parameter unit]. */
  readonly high: number;
}

/** One bar of a tornado chart. */
export interface TornadoEntry {
  readonly name: string;
  readonly low: number;
  readonly high: number;
  /** All outputs with the parameter at its low value [output units]. */
  readonly outputLow: readonly number[];
  /** All outputs with the parameter at its high value [output units]. */
  readonly outputHigh: readonly number[];
  /** |output(high) − output(low)| of the ranked output [output unit]; NaN if an evaluation failed. */
  readonly swing: number;
  /** Error message of a failed evaluation, if any. */
  readonly error?: string;
}

/** A tornado analysis: the base outputs and the bars, largest swing first. */
export interface TornadoResult {
  readonly outputNames: readonly string[];
  /** Name of the output the bars are ranked by. */
  readonly rankedBy: string;
  readonly baseOutputs: readonly number[];
  readonly entries: readonly TornadoEntry[];
}

/**
 * One-at-a-time tornado: each parameter is set to its low and then its high value with all
 * others at the base; bars are ranked by the swing of output `rankBy` (failed evaluations last).
 *
 * @param model - Base vector, evaluator, output names
 * @param parameters - Low/high per parameter
 * @param rankBy - Output index used for ranking [integer]; default 0
 */
export function tornado(
  model: OneAtATimeModel,
  parameters: readonly TornadoParameter[],
  rankBy = 0,
): TornadoResult {
  const rankName = model.outputNames[rankBy];
  if (rankName === undefined)
    throw new InputError('rankBy', rankBy, `an output index 0 … ${model.outputNames.length - 1}`);
  const params = new Float64Array(model.base.length);
  const base = evaluateWith(model, params, -1, 0);
  if (base.error)
    throw new InputError('base', base.error, 'a base parameter vector the model can evaluate');
  const entries = parameters.map((p, k): TornadoEntry => {
    if (!Number.isInteger(p.index) || p.index < 0 || p.index >= model.base.length)
      throw new InputError(`parameters[${k}].index`, p.index, 'an index into the parameter vector');
    const lo = evaluateWith(model, params, p.index, p.low);
    const hi = evaluateWith(model, params, p.index, p.high);
    const swing = Math.abs((hi.outputs[rankBy] ?? NaN) - (lo.outputs[rankBy] ?? NaN));
    const error = lo.error ?? hi.error;
    const entry = {
      name: p.name,
      low: p.low,
      high: p.high,
      outputLow: lo.outputs,
      outputHigh: hi.outputs,
      swing,
    };
    return error === undefined ? entry : { ...entry, error };
  });
  const order = (s: number) => (Number.isNaN(s) ? -Infinity : s);
  entries.sort((a, b) => order(b.swing) - order(a.swing));
  return { outputNames: model.outputNames, rankedBy: rankName, baseOutputs: base.outputs, entries };
}

/**
 * Tornado ranges from distributions: low = Q(pLow), high = Q(pHigh) (default P10 and P90).
 *
 * @param parameters - Parameters with their distributions
 * @param pLow - Probability of the low value [-]
 * @param pHigh - Probability of the high value [-], pLow < pHigh
 */
export function tornadoRangesFromDistributions(
  parameters: readonly {
    readonly name: string;
    readonly index: number;
    readonly distribution: Distribution;
  }[],
  pLow = 0.1,
  pHigh = 0.9,
): TornadoParameter[] {
  if (!(pLow > 0 && pLow < pHigh && pHigh < 1))
    throw new InputError('pLow/pHigh', [pLow, pHigh], 'probabilities with 0 < pLow < pHigh < 1');
  return parameters.map((p) => ({
    name: p.name,
    index: p.index,
    low: p.distribution.quantile(pLow),
    high: p.distribution.quantile(pHigh),
  }));
}

/**
 * Tornado of a compiled run's univariate parameters at the quantiles pLow/pHigh of their
 * distributions (price-path groups are not included: they have no single low/high value).
 *
 * @param run - The compiled run (its base vector, evaluator and distributions)
 * @param pLow - Probability of the low value [-]; default 0.1
 * @param pHigh - Probability of the high value [-]; default 0.9
 * @param rankBy - Output index used for ranking [integer]; default 0
 */
export function tornadoForRun(
  run: CompiledRun,
  pLow = 0.1,
  pHigh = 0.9,
  rankBy = 0,
): TornadoResult {
  const parameters = run.distributions.map((distribution, k) => ({
    name: run.inputNames[k] ?? `parameter ${k}`,
    index: run.inputIndices[k] ?? -1,
    distribution,
  }));
  return tornado(
    { base: run.base, evaluate: run.evaluate, outputNames: run.outputNames },
    tornadoRangesFromDistributions(parameters, pLow, pHigh),
    rankBy,
  );
}

/** A bar as the CLI's JSON and the web app report it: the first output at the low and high value. */
export interface TornadoBar {
  input: string;
  low: number;
  high: number;
  output_low: number;
  output_high: number;
  swing: number;
  error?: string;
}

/** The bars of a tornado of one output (the first of `outputNames`), largest swing first. */
export function tornadoBars(result: TornadoResult): TornadoBar[] {
  return result.entries.map((e) => ({
    input: e.name,
    low: e.low,
    high: e.high,
    output_low: e.outputLow[0] ?? Number.NaN,
    output_high: e.outputHigh[0] ?? Number.NaN,
    swing: e.swing,
    ...(e.error !== undefined ? { error: e.error } : {}),
  }));
}
