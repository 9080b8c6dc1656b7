/**
 * Where chunks are evaluated: in this thread, in a worker-thread pool, or (queue.ts) on a
 * BullMQ queue. Every executor gives the same bits for the same chunk, because a chunk's
 * results depend only on the run's source and its sample range.
 */
import { runChunk, type ChunkRange, type ChunkResult } from '../uncertainty/runner/chunk.js';
import type { McSource } from './mc-source.js';
import { RunCache } from './mc-source.js';
import { WorkerPool } from './pool.js';

/** Chunks of one run to evaluate. */
export interface ChunkJob {
  readonly source: McSource;
  /** {@link sourceKey} of the source. */
  readonly key: string;
  readonly ranges: readonly ChunkRange[];
  readonly keepInputs?: boolean;
}

export interface ChunkExecutor {
  /**
   * Evaluates the chunks, awaiting `onChunk` for each as it finishes (completion order, which
   * is not sample order). Once `signal` is aborted no new chunk is started; chunks already
   * started are finished and handed over. Rejects with the first evaluation error (a failing
   * sample is not an error: it is recorded in the chunk).
   */
  run(
    job: ChunkJob,
    onChunk: (chunk: ChunkResult) => Promise<void>,
    signal?: AbortSignal,
  ): Promise<void>;
  close(): Promise<void>;
}

const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

/** Evaluates chunks one after another in this thread, yielding between chunks (signals work). */
export function inProcessExecutor(cache: RunCache = new RunCache()): ChunkExecutor {
  return {
    async run(job, onChunk, signal) {
      const run = cache.get(job.key, () => job.source);
      for (const r of job.ranges) {
        if (signal?.aborted === true) break;
        await onChunk(runChunk(run, r.start, r.end, { keepInputs: job.keepInputs === true }));
        await yieldToEventLoop();
      }
    },
    close: () => Promise.resolve(),
  };
}

/**
 * Runs `worker` over the items with at most `lanes` in flight; stops starting new items after
 * an abort or the first error, waits for the started ones, then rethrows that error.
 */
export async function runLanes<T>(
  items: readonly T[],
  lanes: number,
  worker: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (next < items.length && failure === undefined && signal?.aborted !== true) {
      const item = items[next++] as T;
      try {
        await worker(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
  if (failure !== undefined) throw failure.error;
}

/**
 * Evaluates chunks in a piscina pool (two chunks in flight per thread): a pool of `threads`
 * threads of its own (closed with the executor), or a shared {@link WorkerPool} (left open).
 * An abort stops starting chunks; with `abortRunning` (the server: cancel, shutdown) it also
 * ends the running ones at once (their threads are replaced), else they finish and are handed
 * over (the CLI's Ctrl-C keeps them). Either way the run is interrupted, not failed.
 */
export function poolExecutor(
  threadsOrPool: number | WorkerPool,
  options: { abortRunning?: boolean } = {},
): ChunkExecutor {
  const owned = typeof threadsOrPool === 'number';
  const pool = owned ? new WorkerPool(threadsOrPool) : threadsOrPool;
  return {
    run: (job, onChunk, signal) =>
      runLanes(
        job.ranges,
        2 * pool.threads,
        async (r) => {
          let chunk: ChunkResult;
          try {
            chunk = await pool.run(
              {
                key: job.key,
                source: job.source,
                start: r.start,
                end: r.end,
                ...(job.keepInputs === true ? { keepInputs: true } : {}),
              },
              options.abortRunning === true ? signal : undefined,
            );
          } catch (error) {
            if (signal?.aborted === true) return; // cancelled: not an evaluation error
            throw error;
          }
          await onChunk(chunk);
        },
        signal,
      ),
    close: () => (owned ? pool.close() : Promise.resolve()),
  };
}

/**
 * In-process for 1 worker, else a pool; a shared pool (the server's) with running chunks ended on
 * abort.
 * @param cache - Runs the in-process executor starts with (the caller's compiled run)
 */
export function localExecutor(workers: number | WorkerPool, cache?: RunCache): ChunkExecutor {
  if (typeof workers !== 'number') return poolExecutor(workers, { abortRunning: true });
  return workers <= 1 ? inProcessExecutor(cache) : poolExecutor(workers);
}
