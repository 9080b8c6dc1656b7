import { InputError } from '../../errors.js';
import { fillUniforms, uint32At } from '../random/counter-random.js';
import { seedKey, type SeedKey } from '../random/seed.js';
import { STREAM } from '../random/streams.js';
import { permute } from './permutation.js';
import { SobolSequence, type SobolScramble } from './sobol.js';

/** Sampling method of an experimental design on the unit cube. */
export type SamplingMethod = 'mc' | 'lhs' | 'sobol';

/**
 * A design of `samples` points in the open unit cube (0, 1)^dimension with random access:
 * `point(i, out)` depends only on the design's settings and i, never on which points were
 * generated before — the property that makes chunked and parallel runs bit-identical.
 */
export interface UnitDesign {
  readonly method: SamplingMethod;
  readonly dimension: number;
  readonly samples: number;
  /** Writes point i [-] into out[offset … offset + dimension − 1]. */
  point(i: number, out: Float64Array, offset?: number): void;
}

/** Options of {@link createDesign}. */
export interface DesignOptions {
  readonly method: SamplingMethod;
  /** Number of coordinates [integer ≥ 1]. */
  readonly dimension: number;
  /** Number of points [integer ≥ 1]; for LHS the number of strata. */
  readonly samples: number;
  /** Seed [integer, 0 … 2^53 − 1]. */
  readonly seed: number;
  /** Sobol scrambling; default `owen`. */
  readonly scramble?: SobolScramble;
  /** LHS: `random` jitter inside each stratum (default) or the stratum `centre`. */
  readonly lhsPoint?: 'random' | 'centre';
}

class MonteCarloDesign implements UnitDesign {
  readonly method = 'mc';
  constructor(
    readonly dimension: number,
    readonly samples: number,
    private readonly key: SeedKey,
  ) {}
  point(i: number, out: Float64Array, offset = 0): void {
    fillUniforms(this.key, STREAM.monteCarlo, i, this.dimension, out, offset);
  }
}

class LatinHypercubeDesign implements UnitDesign {
  readonly method = 'lhs';
  private readonly permKeys: Uint32Array;
  constructor(
    readonly dimension: number,
    readonly samples: number,
    private readonly key: SeedKey,
    private readonly centre: boolean,
  ) {
    this.permKeys = new Uint32Array(dimension);
    for (let j = 0; j < dimension; j++)
      this.permKeys[j] = uint32At(key, STREAM.lhsPermutation, 0, j);
  }
  point(i: number, out: Float64Array, offset = 0): void {
    const n = this.samples;
    const d = this.dimension;
    // Jitter first (the same numbers as uniformAt(key, lhsJitter, i, j), two per Philox call).
    if (this.centre) out.fill(0.5, offset, offset + d);
    else fillUniforms(this.key, STREAM.lhsJitter, i, d, out, offset);
    for (let j = 0; j < d; j++)
      out[offset + j] = (permute(i, n, this.permKeys[j] ?? 0) + (out[offset + j] ?? 0.5)) / n;
  }
}

class SobolDesign implements UnitDesign {
  readonly method = 'sobol';
  constructor(
    readonly samples: number,
    private readonly sequence: SobolSequence,
  ) {}
  get dimension(): number {
    return this.sequence.dimension;
  }
  point(i: number, out: Float64Array, offset = 0): void {
    this.sequence.point(i, out, offset);
  }
}

const MAX_SAMPLES = 4294967296;

/**
 * Builds a random-access design on the unit cube.
 *
 * - `mc`: u_ij = Philox uniform (seed, sample i, dimension j).
 * - `lhs`: u_ij = (π_j(i) + ξ_ij) / N with π_j a keyed random permutation of the N strata
 *   (Kensler's hash, one key per dimension) and ξ_ij a Philox uniform (or ½ for `centre`);
 *   McKay, Beckman & Conover (1979).
 * - `sobol`: Joe–Kuo Sobol points (scrambled by default), see {@link SobolSequence}.
 *
 * @throws InputError for a dimension or sample count out of range or a bad seed.
 */
export function createDesign(options: DesignOptions): UnitDesign {
  const { method, dimension, samples, seed } = options;
  if (!Number.isInteger(dimension) || dimension < 1)
    throw new InputError('design.dimension', dimension, 'an integer ≥ 1');
  if (!Number.isInteger(samples) || samples < 1 || samples > MAX_SAMPLES)
    throw new InputError('design.samples', samples, `an integer from 1 to ${MAX_SAMPLES}`);
  const key = seedKey(seed, 'design.seed');
  switch (method) {
    case 'mc':
      return new MonteCarloDesign(dimension, samples, key);
    case 'lhs':
      return new LatinHypercubeDesign(dimension, samples, key, options.lhsPoint === 'centre');
    case 'sobol':
      return new SobolDesign(
        samples,
        new SobolSequence(dimension, options.scramble ?? 'owen', seed),
      );
    default:
      throw new InputError('design.method', method satisfies never, 'one of mc, lhs, sobol');
  }
}
