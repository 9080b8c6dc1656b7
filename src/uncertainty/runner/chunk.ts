import { InputError } from '../../errors.js';
import type { CompiledRun } from './compile.js';

/** A sample whose evaluation threw; kept with the values it was run with. */
export interface FailedSample {
  /** Sample index [integer]. */
  readonly index: number;
  /** Values of the sampled entries, aligned with `CompiledRun.inputNames` [parameter units]. */
  readonly inputs: readonly number[];
  /** Error message. */
  readonly message: string;
  /** Error `code` when the error carried one (e.g. `no_convergence`, `invalid_input`). */
  readonly code?: string;
}

/** Results of samples [start, end) — the unit of work of a worker or queue job. */
export interface ChunkResult {
  readonly start: number;
  readonly end: number;
  /** One array per output, length end − start; NaN where the sample failed [output units]. */
  readonly outputs: readonly Float64Array[];
  /** Sampled inputs, row-major (end − start) × inputNames.length, when requested. */
  readonly inputs?: Float64Array;
  readonly failed: readonly FailedSample[];
}

/** Options of {@link runChunk}. */
export interface ChunkOptions {
  /** Keep the sampled inputs of every sample (needed for rank correlations); default false. */
  readonly keepInputs?: boolean;
}

/** A half-open sample-index range [start, end). */
export interface ChunkRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Splits samples 0 … N−1 into consecutive ranges of at most `chunkSize` samples.
 *
 * @param samples - N [integer ≥ 1]
 * @param chunkSize - Samples per chunk [integer ≥ 1]
 */
export function planChunks(samples: number, chunkSize: number): ChunkRange[] {
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new InputError('chunkSize', chunkSize, 'an integer ≥ 1');
  const ranges: ChunkRange[] = [];
  for (let start = 0; start < samples; start += chunkSize)
    ranges.push({ start, end: Math.min(samples, start + chunkSize) });
  return ranges;
}

function describeError(e: unknown): { message: string; code?: string } {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' ? { message: e.message, code } : { message: e.message };
  }
  return { message: String(e) };
}

/**
 * Evaluates samples [start, end) of a compiled run.
 *
 * The loop allocates nothing per sample: one parameter vector (a copy of the base, of which
 * only the sampled entries are overwritten), one unit point and one output vector are reused.
 * Outputs are reset to NaN before each evaluation, so an output the evaluator does not write
 * shows as NaN rather than a stale value. A sample whose evaluation throws is recorded in
 * `failed` with its inputs, and its outputs are NaN.
 *
 * The results depend only on (spec, start, end): any split of [0, N) into chunks, run anywhere,
 * merges to the same bits.
 *
 * @throws InputError when the range is not within [0, N).
 */
export function runChunk(
  run: CompiledRun,
  start: number,
  end: number,
  options: ChunkOptions = {},
): ChunkResult {
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end > run.samples ||
    start > end
  )
    throw new InputError('chunk', [start, end], `a range 0 ≤ start ≤ end ≤ ${run.samples}`);
  const count = end - start;
  const nOut = run.outputNames.length;
  const nIn = run.inputIndices.length;
  const outputs = run.outputNames.map(() => new Float64Array(count));
  const inputs = options.keepInputs ? new Float64Array(count * nIn) : undefined;
  const failed: FailedSample[] = [];
  const params = Float64Array.from(run.base);
  const u = new Float64Array(run.dimension);
  const out = new Float64Array(nOut);
  const idx = run.inputIndices;
  for (let i = start; i < end; i++) {
    const row = i - start;
    run.setSample(i, params, u);
    if (inputs) for (let k = 0; k < nIn; k++) inputs[row * nIn + k] = params[idx[k] ?? 0] ?? NaN;
    out.fill(NaN);
    try {
      run.evaluate(params, out);
      for (let o = 0; o < nOut; o++) (outputs[o] as Float64Array)[row] = out[o] ?? NaN;
    } catch (e) {
      for (let o = 0; o < nOut; o++) (outputs[o] as Float64Array)[row] = NaN;
      failed.push({
        index: i,
        inputs: Array.from(idx, (k) => params[k] ?? NaN),
        ...describeError(e),
      });
    }
  }
  return inputs ? { start, end, outputs, inputs, failed } : { start, end, outputs, failed };
}
