/**
 * Piscina worker: evaluates one chunk of a Monte Carlo run (the default task), and the other
 * steps of a server's run that would block the event loop (named tasks): compiling a run to
 * learn its size, merging and summarising its chunks, regenerating the sampled inputs of a
 * range (CSV export). The run is compiled once per worker thread (cached by source key); the
 * results go back as one transferred Float64Array (outputs one after another) plus the sampled
 * inputs when asked.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { runChunk, type ChunkResult } from '../uncertainty/runner/chunk.js';
import { mergeChunks } from '../uncertainty/runner/merge.js';
import { buildReport, type McReport } from './mc-run.js';
import { RunCache, type McSource } from './mc-source.js';
import type { ChunkTask, ChunkReply } from './pool.js';

const cache = new RunCache();

/** Nice value of the pool's threads: below the event loop's, which answers requests [-]. */
export const WORKER_NICE = 10;

/**
 * Lowers this thread's scheduling priority, so that on a busy machine the main thread (HTTP
 * requests, `/api/health`) runs first and the computations take what is left. Linux only:
 * `/proc/thread-self` names this thread's id, and `setpriority` on a thread id applies to that
 * thread alone; elsewhere the threads keep the process's priority.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, WORKER_NICE);
  } catch {
    // Not Linux, or not permitted: run at the normal priority.
  }
}
lowerPriority();

function transfer(value: object, buffers: ArrayBufferLike[]): unknown {
  return move({
    get [transferableSymbol]() {
      return buffers;
    },
    get [valueSymbol]() {
      return value;
    },
  });
}

export default function evaluateChunk(task: ChunkTask): unknown {
  const run = cache.get(task.key, () => task.source);
  const c = runChunk(run, task.start, task.end, { keepInputs: task.keepInputs === true });
  const count = c.end - c.start;
  const data = new Float64Array(count * c.outputs.length);
  c.outputs.forEach((o, k) => {
    data.set(o, k * count);
  });
  const reply: ChunkReply = {
    start: c.start,
    end: c.end,
    data,
    ...(c.inputs ? { inputs: c.inputs } : {}),
    failed: c.failed,
  };
  const buffers: ArrayBufferLike[] = [data.buffer];
  if (c.inputs) buffers.push(c.inputs.buffer);
  return transfer(reply, buffers);
}

/** A run's source with its cache key. */
export interface RunTask {
  readonly key: string;
  readonly source: McSource;
}

/** The number of samples of a compiled run (compiling it here, cached for its chunks). */
export function runSamples(task: RunTask): number {
  return cache.get(task.key, () => task.source).samples;
}

/** Merges the chunks of a run (plan order) and builds its report. */
export function runReport(task: RunTask & { chunks: ChunkResult[]; runId: string }): McReport {
  return buildReport(
    mergeChunks(
      cache.get(task.key, () => task.source),
      task.chunks,
    ),
    task.runId,
  );
}

/** The sampled inputs of samples [start, end), row-major (end − start) × inputs. */
export function sampleInputs(task: RunTask & { start: number; end: number }): unknown {
  const run = cache.get(task.key, () => task.source);
  const nIn = run.inputIndices.length;
  const params = Float64Array.from(run.base);
  const u = new Float64Array(run.dimension);
  const out = new Float64Array((task.end - task.start) * nIn);
  for (let i = task.start; i < task.end; i++) {
    run.setSample(i, params, u);
    for (let k = 0; k < nIn; k++)
      out[(i - task.start) * nIn + k] = params[run.inputIndices[k] ?? 0] ?? NaN;
  }
  return transfer({ names: run.inputNames, values: out }, [out.buffer]);
}

// The server's scenario work runs in the same threads (named tasks of the shared pool).
export {
  appraiseText,
  feasibleRegionText,
  parseText,
  prepareRunText,
  renderReportText,
} from './scenario-tasks.js';
