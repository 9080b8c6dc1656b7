import { InputError } from '../../errors.js';
import { checkedCholesky, spearmanToPearson } from '../correlation/cholesky.js';
import type { CorrelationSpec } from '../correlation/correlation-spec.js';
import { applyGaussianCopula } from '../correlation/gaussian-copula.js';
import { imanConover } from '../correlation/iman-conover.js';
import type { Distribution, DistributionSpec } from '../distributions/distribution.js';
import { distributionFromSpec } from '../distributions/from-spec.js';
import {
  compilePricePaths,
  type CompiledPricePaths,
  type PricePathGroup,
} from '../paths/log-ou-path.js';
import { seedKey } from '../random/seed.js';
import { createDesign, type SamplingMethod, type UnitDesign } from '../sampling/design.js';
import type { SobolScramble } from '../sampling/sobol.js';

/**
 * A pure model: reads `params`, writes every output into `out`, and must not mutate `params`
 * or keep state between calls. Throwing marks the sample as failed (it is recorded, not dropped).
 */
export type Evaluator = (params: Float64Array, out: Float64Array) => void;

/** One sampled entry of the parameter vector. */
export interface SampledParameter {
  /** Path or name shown in results, e.g. `prices.electricity_usd_per_MWh`. */
  readonly name: string;
  /** Position in the parameter vector [integer]. */
  readonly index: number;
  readonly distribution: Distribution | DistributionSpec;
}

/** Everything needed to run (or re-run, on another worker) a sampling study. */
export interface RunSpec {
  /** Base (deterministic) parameter vector; entries not sampled keep these values. */
  readonly base: Float64Array;
  readonly parameters: readonly SampledParameter[];
  /** Optional yearly price paths (each group is one sensitivity factor). */
  readonly pricePaths?: readonly PricePathGroup[];
  /** Optional correlation among entries of `parameters` (by name). */
  readonly correlation?: CorrelationSpec;
  /** Output names, one per entry the evaluator writes. */
  readonly outputs: readonly string[];
  readonly evaluate: Evaluator;
  /** Number of samples N [integer, 1 … 2^32]. */
  readonly samples: number;
  /** Seed [integer, 0 … 2^53 − 1]. */
  readonly seed: number;
  readonly method: SamplingMethod;
  /** Sobol scrambling; default `owen`. */
  readonly scramble?: SobolScramble;
}

/** A group of unit-cube coordinates that acts as one factor in sensitivity analysis. */
export interface Factor {
  readonly name: string;
  /** Unit-cube coordinates of the factor. */
  readonly dims: readonly number[];
}

/** A checked, ready-to-run sampling study. All methods are deterministic in (spec, i). */
export interface CompiledRun {
  readonly samples: number;
  readonly seed: number;
  readonly method: SamplingMethod;
  /** Dimension of the unit cube: one per univariate parameter plus years × series per path group. */
  readonly dimension: number;
  readonly base: Float64Array;
  readonly evaluate: Evaluator;
  readonly outputNames: readonly string[];
  /** Names of the sampled entries (parameters, then path entries `series[year]`). */
  readonly inputNames: readonly string[];
  /** Parameter-vector index of each sampled entry, aligned with {@link inputNames}. */
  readonly inputIndices: Int32Array;
  readonly factors: readonly Factor[];
  /** The marginal distributions of the univariate parameters, in spec order. */
  readonly distributions: readonly Distribution[];
  /** Whether the parameters are correlated (Sobol indices require independence). */
  readonly correlated: boolean;
  /**
   * Writes the sampled entries of sample i into `params` (other entries are not touched).
   * `u` is scratch of length ≥ dimension; on return it holds the point actually used.
   */
  setSample(i: number, params: Float64Array, u: Float64Array): void;
  /** Maps a point of the unit cube (no correlation step) to the sampled entries of `params`. */
  mapPoint(u: Float64Array, params: Float64Array): void;
}

function isDistribution(d: Distribution | DistributionSpec): d is Distribution {
  return typeof (d as Distribution).quantile === 'function';
}

/**
 * Checks a run specification and prepares it: builds the distributions, price paths and
 * design; for Iman–Conover, computes the reordered coordinates of the correlated parameters
 * for all N samples (memory N × k doubles, time O(N·k·log N)); for the Gaussian copula, the
 * Cholesky factor.
 *
 * Compiling is deterministic: every worker compiling the same spec gets the same run.
 *
 * @throws InputError naming the offending parameter or field.
 */
export function compileRun(spec: RunSpec): CompiledRun {
  const { base, parameters, samples, seed, method } = spec;
  seedKey(seed, 'seed');
  const m = parameters.length;
  const names = new Set<string>();
  const distributions = parameters.map((p, k) => {
    const field = `parameters[${k}]`;
    if (!Number.isInteger(p.index) || p.index < 0 || p.index >= base.length)
      throw new InputError(
        `${field}.index`,
        p.index,
        `an index into the parameter vector (0 … ${base.length - 1})`,
      );
    if (names.has(p.name))
      throw new InputError(`${field}.name`, p.name, 'a name not used by another parameter');
    names.add(p.name);
    return isDistribution(p.distribution)
      ? p.distribution
      : distributionFromSpec(p.distribution, `parameters.${p.name}`);
  });
  const paths: CompiledPricePaths[] = (spec.pricePaths ?? []).map((g, k) =>
    compilePricePaths(g, `pricePaths[${k}]`),
  );
  const inputNames = [...parameters.map((p) => p.name), ...paths.flatMap((p) => p.targetNames)];
  const inputIndices = Int32Array.from([
    ...parameters.map((p) => p.index),
    ...paths.flatMap((p) => Array.from(p.targetIndices)),
  ]);
  const seen = new Map<number, string>();
  inputIndices.forEach((idx, k) => {
    if (idx < 0 || idx >= base.length)
      throw new InputError(
        `inputs.${inputNames[k] ?? '?'}.index`,
        idx,
        `an index into the parameter vector (0 … ${base.length - 1})`,
      );
    const other = seen.get(idx);
    if (other !== undefined)
      throw new InputError(
        `inputs.${inputNames[k] ?? '?'}.index`,
        idx,
        `an index not also sampled by ${other}`,
      );
    seen.set(idx, inputNames[k] ?? '?');
  });
  if (spec.outputs.length < 1)
    throw new InputError('outputs', spec.outputs, 'at least one output name');

  const factors: Factor[] = parameters.map((p, k) => ({ name: p.name, dims: [k] }));
  let dimension = m;
  const pathOffsets = paths.map((p) => {
    const offset = dimension;
    factors.push({ name: p.name, dims: Array.from({ length: p.dimension }, (_, j) => offset + j) });
    dimension += p.dimension;
    return offset;
  });
  if (dimension < 1)
    throw new InputError('parameters', parameters, 'at least one sampled parameter or price path');

  const design: UnitDesign = createDesign({
    method,
    dimension,
    samples,
    seed,
    ...(spec.scramble === undefined ? {} : { scramble: spec.scramble }),
  });

  // Correlation set-up.
  const corr = spec.correlation;
  let corrDims = new Int32Array(0);
  let copulaL: Float64Array | null = null;
  let icU: Float64Array | null = null;
  if (corr) {
    const pos = new Map(parameters.map((p, k) => [p.name, k]));
    corrDims = Int32Array.from(
      corr.parameters.map((name, a) => {
        const k = pos.get(name);
        if (k === undefined)
          throw new InputError(
            `correlation.parameters[${a}]`,
            name,
            `the name of a sampled parameter (${[...pos.keys()].join(', ')})`,
          );
        return k;
      }),
    );
    if (new Set(corrDims).size !== corrDims.length)
      throw new InputError('correlation.parameters', corr.parameters, 'distinct parameter names');
    const rankL = checkedCholesky(corr.matrix, corr.parameters, 'correlation.matrix');
    const corrMethod = corr.method as string;
    if (corrMethod !== 'iman-conover' && corrMethod !== 'gaussian-copula')
      throw new InputError('correlation.method', corrMethod, 'iman-conover or gaussian-copula');
    if (corr.method === 'gaussian-copula') {
      const pearson =
        (corr.matrixType ?? 'spearman') === 'spearman'
          ? corr.matrix.map((row, i) => row.map((r, j) => (i === j ? 1 : spearmanToPearson(r))))
          : corr.matrix;
      copulaL = checkedCholesky(
        pearson,
        corr.parameters,
        'correlation.matrix (as normal-score correlations)',
      );
    } else {
      if (corr.matrixType === 'normal-scores')
        throw new InputError(
          'correlation.matrixType',
          corr.matrixType,
          'spearman (Iman–Conover imposes rank correlations)',
        );
      const k = corrDims.length;
      icU = new Float64Array(samples * k);
      const u = new Float64Array(dimension);
      for (let i = 0; i < samples; i++) {
        design.point(i, u);
        for (let a = 0; a < k; a++) icU[i * k + a] = u[corrDims[a] ?? 0] ?? NaN;
      }
      imanConover(icU, samples, k, rankL, seed);
    }
  }

  const quantiles = distributions.map((d) => d.quantile.bind(d));
  const paramIndex = Int32Array.from(parameters.map((p) => p.index));
  const z = new Float64Array(corrDims.length);

  const mapPoint = (u: Float64Array, params: Float64Array): void => {
    for (let k = 0; k < m; k++) {
      const q = quantiles[k];
      if (q) params[paramIndex[k] ?? 0] = q(u[k] ?? NaN);
    }
    for (let g = 0; g < paths.length; g++) paths[g]?.apply(u, pathOffsets[g] ?? 0, params);
  };

  return {
    samples,
    seed,
    method,
    dimension,
    base,
    evaluate: spec.evaluate,
    outputNames: [...spec.outputs],
    inputNames,
    inputIndices,
    factors,
    distributions,
    correlated: corr !== undefined,
    setSample(i, params, u) {
      design.point(i, u);
      if (icU) {
        const k = corrDims.length;
        for (let a = 0; a < k; a++) u[corrDims[a] ?? 0] = icU[i * k + a] ?? NaN;
      } else if (copulaL) applyGaussianCopula(u, corrDims, copulaL, z);
      mapPoint(u, params);
    },
    mapPoint,
  };
}
