import { InputError } from '../../errors.js';
import type { ChunkResult, FailedSample } from './chunk.js';
import type { CompiledRun } from './compile.js';

/** All samples of a run, in sample order. */
export interface RunResult {
  readonly samples: number;
  readonly seed: number;
  readonly method: CompiledRun['method'];
  readonly outputNames: readonly string[];
  readonly inputNames: readonly string[];
  /** One array per output, length N, in sample order; NaN for failed samples [output units]. */
  readonly outputs: readonly Float64Array[];
  /** Sampled inputs, row-major N × inputNames.length, when every chunk kept them. */
  readonly inputs?: Float64Array;
  /** Number of failed samples. */
  readonly failedCount: number;
  /** The failed samples, by increasing index. */
  readonly failed: readonly FailedSample[];
}

/**
 * Merges chunk results (in any order) into the run's results, in sample order.
 *
 * The chunks must tile [0, N) exactly — no gap, no overlap — otherwise an InputError names the
 * first problem, so a lost or duplicated queue job cannot go unnoticed.
 */
export function mergeChunks(run: CompiledRun, chunks: readonly ChunkResult[]): RunResult {
  const n = run.samples;
  const nOut = run.outputNames.length;
  const nIn = run.inputNames.length;
  const sorted = [...chunks].sort((a, b) => a.start - b.start);
  let next = 0;
  for (const c of sorted) {
    if (c.start !== next)
      throw new InputError(
        'chunks',
        [c.start, c.end],
        c.start < next
          ? `no overlap (samples from ${c.start} were already covered up to ${next})`
          : `a chunk starting at ${next} (samples ${next} … ${c.start - 1} are missing)`,
      );
    if (c.outputs.length !== nOut || c.outputs.some((o) => o.length !== c.end - c.start))
      throw new InputError(
        'chunks',
        [c.start, c.end],
        `${nOut} output arrays of length ${c.end - c.start}`,
      );
    next = c.end;
  }
  if (next !== n)
    throw new InputError(
      'chunks',
      next,
      `chunks covering all ${n} samples (covered up to ${next})`,
    );
  const outputs = run.outputNames.map(() => new Float64Array(n));
  const keepInputs = sorted.length > 0 && sorted.every((c) => c.inputs !== undefined);
  const inputs = keepInputs ? new Float64Array(n * nIn) : undefined;
  const failed: FailedSample[] = [];
  for (const c of sorted) {
    for (let o = 0; o < nOut; o++)
      (outputs[o] as Float64Array).set(c.outputs[o] as Float64Array, c.start);
    if (inputs && c.inputs) inputs.set(c.inputs, c.start * nIn);
    failed.push(...c.failed);
  }
  const base = {
    samples: n,
    seed: run.seed,
    method: run.method,
    outputNames: run.outputNames,
    inputNames: run.inputNames,
    outputs,
    failedCount: failed.length,
    failed,
  };
  return inputs ? { ...base, inputs } : base;
}
