/**
 * A worker-thread pool (piscina) for Monte Carlo chunks. Works from source (TypeScript under
 * tsx: the worker file is `mc-worker.ts`, loaded with `--import tsx`) and from the compiled
 * `dist/` (`mc-worker.js`, no loader).
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ChunkResult, FailedSample } from '../uncertainty/runner/chunk.js';
import type { McSource } from './mc-source.js';

/** A chunk to evaluate in a worker thread. */
export interface ChunkTask {
  /** {@link sourceKey} of `source` (the worker's cache key). */
  readonly key: string;
  readonly source: McSource;
  readonly start: number;
  readonly end: number;
  readonly keepInputs?: boolean;
}

/** A worker's answer: the outputs packed output-major in one array, transferred. */
export interface ChunkReply {
  readonly start: number;
  readonly end: number;
  /** outputs.length × (end − start) doubles; output k at [k·count, (k+1)·count). */
  readonly data: Float64Array;
  readonly inputs?: Float64Array;
  readonly failed: readonly FailedSample[];
}

/** Default number of worker threads: the cores Node reports as available. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** The worker file and Node options for it, depending on whether this module runs as TS. */
function workerEntry(): { filename: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const filename = new URL(fromSource ? './mc-worker.ts' : './mc-worker.js', import.meta.url).href;
  if (!fromSource) return { filename, execArgv: [] };
  let tsx = 'tsx';
  try {
    tsx = import.meta.resolve('tsx');
  } catch {
    // Resolved by the worker from the working directory instead.
  }
  return { filename, execArgv: ['--import', tsx] };
}

/** Unpacks a {@link ChunkReply} into a chunk result (views into the transferred array). */
export function replyToChunk(reply: ChunkReply, outputs: number): ChunkResult {
  const count = reply.end - reply.start;
  const views = Array.from({ length: outputs }, (_, k) =>
    reply.data.subarray(k * count, (k + 1) * count),
  );
  const base = { start: reply.start, end: reply.end, outputs: views, failed: reply.failed };
  return reply.inputs ? { ...base, inputs: reply.inputs } : base;
}

/** A pool of `threads` worker threads evaluating chunks. */
export class ChunkPool {
  private readonly piscina: Piscina;

  /** @param threads - Number of worker threads [integer ≥ 1] */
  constructor(readonly threads: number) {
    const { filename, execArgv } = workerEntry();
    this.piscina = new Piscina({
      filename,
      execArgv,
      minThreads: threads,
      maxThreads: threads,
      // A compiled run is cached per thread; keep idle threads (and their caches) alive.
      idleTimeout: 60_000,
    });
  }

  /** Evaluates one chunk in a worker thread. */
  async run(task: ChunkTask): Promise<ChunkResult> {
    const reply = (await this.piscina.run(task)) as ChunkReply;
    return replyToChunk(reply, task.source.settings.outputs.length);
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}
