import { InputError } from '../../errors.js';
import type { CompiledRun } from '../runner/compile.js';
import { SobolSequence, type SobolScramble } from '../sampling/sobol.js';

/** Options of {@link saltelliRun}. */
export interface SaltelliOptions {
  /** Base sample size N [integer ≥ 2]; the model is evaluated N·(k + 2) times. Powers of 2 are best. */
  readonly samples: number;
  /** Seed of the scrambled Sobol design [integer]. */
  readonly seed: number;
  /** Scrambling of the Sobol design; default `owen`. */
  readonly scramble?: SobolScramble;
}

/** A compiled run whose samples are the N·(k + 2) evaluations of the Saltelli design. */
export interface SaltelliRun extends CompiledRun {
  /** Base sample size N [-]. */
  readonly baseSamples: number;
  /** Number of factors k [-]. */
  readonly factorCount: number;
}

/**
 * The Saltelli (2002, 2010) design for Sobol indices, as a {@link CompiledRun} so that the
 * same `runChunk` / `mergeChunks` / worker / queue machinery evaluates it.
 *
 * A scrambled Sobol sequence of dimension 2D gives, for base row j, the points A_j (first D
 * coordinates) and B_j (last D). Evaluation e = j·(k + 2) + m is A_j for m = 0, B_j for m = 1
 * and A_B^(f)_j — A_j with the coordinates of factor f = m − 2 taken from B_j — for m ≥ 2. Rows
 * are contiguous, so a chunk holds whole rows.
 *
 * @throws InputError for a correlated run (indices assume independent factors), N < 2, or
 *   2D beyond the Sobol table (D ≤ 512).
 */
export function saltelliRun(run: CompiledRun, options: SaltelliOptions): SaltelliRun {
  const { samples: n, seed } = options;
  if (run.correlated)
    throw new InputError(
      'correlation',
      'present',
      'independent inputs: Sobol indices are defined for independent factors; remove the correlation for this analysis',
    );
  if (!Number.isInteger(n) || n < 2) throw new InputError('samples', n, 'an integer ≥ 2');
  const d = run.dimension;
  const factors = run.factors;
  const k = factors.length;
  const stride = k + 2;
  const seq = new SobolSequence(2 * d, options.scramble ?? 'owen', seed);
  const point = new Float64Array(2 * d);
  let cachedRow = -1;
  return {
    ...run,
    samples: n * stride,
    seed,
    method: 'sobol',
    baseSamples: n,
    factorCount: k,
    setSample(e, params, u) {
      const j = Math.floor(e / stride);
      const m = e - j * stride;
      if (j !== cachedRow) {
        seq.point(j, point);
        cachedRow = j;
      }
      if (m === 1) u.set(point.subarray(d, 2 * d));
      else {
        u.set(point.subarray(0, d));
        if (m >= 2) for (const dim of factors[m - 2]?.dims ?? []) u[dim] = point[d + dim] ?? NaN;
      }
      run.mapPoint(u, params);
    },
  };
}
