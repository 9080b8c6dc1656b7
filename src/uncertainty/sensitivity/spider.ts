import { InputError } from '../../errors.js';
import type { Distribution } from '../distributions/distribution.js';
import { evaluateWith, type OneAtATimeModel } from './model.js';

/** The values one parameter takes in a spider plot. */
export interface SpiderParameter {
  readonly name: string;
  readonly index: number;
  /** Values to evaluate at [parameter unit]. */
  readonly values: readonly number[];
  /** What the horizontal axis shows for each value (e.g. relative change [-] or probability [-]). */
  readonly axis: readonly number[];
}

/** One line of a spider plot. */
export interface SpiderLine {
  readonly name: string;
  readonly axis: readonly number[];
  readonly values: readonly number[];
  /** outputs[k][o]: output o with the parameter at values[k] [output units] (NaN if failed). */
  readonly outputs: readonly (readonly number[])[];
}

/**
 * Spider-plot data: each parameter in turn swept over its values with all others at base.
 */
export function spider(
  model: OneAtATimeModel,
  parameters: readonly SpiderParameter[],
): SpiderLine[] {
  const params = new Float64Array(model.base.length);
  return parameters.map((p, k) => {
    if (!Number.isInteger(p.index) || p.index < 0 || p.index >= model.base.length)
      throw new InputError(`parameters[${k}].index`, p.index, 'an index into the parameter vector');
    if (p.axis.length !== p.values.length)
      throw new InputError(
        `parameters[${k}].axis`,
        p.axis.length,
        `${p.values.length} entries, one per value`,
      );
    return {
      name: p.name,
      axis: p.axis,
      values: p.values,
      outputs: p.values.map((v) => evaluateWith(model, params, p.index, v).outputs),
    };
  });
}

/**
 * Spider parameters at relative changes of the base value: value = base·(1 + change).
 *
 * @param base - Base parameter vector
 * @param parameters - Names and indices
 * @param changes - Relative changes [-], e.g. [−0.3, −0.2, −0.1, 0, 0.1, 0.2, 0.3]
 */
export function spiderByRelativeChange(
  base: Float64Array,
  parameters: readonly { readonly name: string; readonly index: number }[],
  changes: readonly number[],
): SpiderParameter[] {
  return parameters.map((p) => ({
    name: p.name,
    index: p.index,
    axis: changes,
    values: changes.map((c) => (base[p.index] ?? NaN) * (1 + c)),
  }));
}

/**
 * Spider parameters at quantiles of their distributions: value = Q(p) for each probability.
 *
 * @param parameters - Names, indices and distributions
 * @param probabilities - Probabilities [-], each in (0, 1), e.g. [0.05, 0.25, 0.5, 0.75, 0.95]
 */
export function spiderByQuantiles(
  parameters: readonly {
    readonly name: string;
    readonly index: number;
    readonly distribution: Distribution;
  }[],
  probabilities: readonly number[],
): SpiderParameter[] {
  probabilities.forEach((p, k) => {
    if (!(p > 0 && p < 1))
      throw new InputError(`probabilities[${k}]`, p, 'a probability strictly between 0 and 1');
  });
  return parameters.map((p) => ({
    name: p.name,
    index: p.index,
    axis: probabilities,
    values: probabilities.map((u) => p.distribution.quantile(u)),
  }));
}
