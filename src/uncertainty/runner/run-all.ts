import { runChunk, planChunks, type ChunkOptions } from './chunk.js';
import type { CompiledRun } from './compile.js';
import { mergeChunks, type RunResult } from './merge.js';

/**
 * Runs every sample in this thread, chunk by chunk (what a worker pool does in parallel).
 *
 * @param chunkSize - Samples per chunk [integer ≥ 1]; does not change the results.
 */
export function runAll(run: CompiledRun, chunkSize = 4096, options: ChunkOptions = {}): RunResult {
  return mergeChunks(
    run,
    planChunks(run.samples, chunkSize).map((r) => runChunk(run, r.start, r.end, options)),
  );
}
