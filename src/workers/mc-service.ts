/**
 * Monte Carlo runs as background jobs of a long-lived process (the web server): each run is
 * stored chunk by chunk (mc-run.ts) and evaluated in a shared worker-thread pool, so the event
 * loop stays free for requests. Progress and the end of a run are announced on an emitter (for
 * server-sent events); the database stays the source of truth.
 */
import { EventEmitter } from 'node:events';
import type { Store } from '../store/repository.js';
import { localExecutor, type ChunkExecutor } from './executor.js';
import { executeStoredRun, SHUTDOWN, type McProgress } from './mc-run.js';
import type { WorkerPool } from './pool.js';

/** How a background run ended. */
export type McEnd =
  | { readonly status: 'done' }
  | { readonly status: 'cancelled' }
  | { readonly status: 'interrupted' }
  | { readonly status: 'failed'; readonly error: string };

export interface McServiceOptions {
  /**
   * A shared worker pool (the server's): chunks wait behind interactive requests, and a cancel
   * or shutdown ends the running chunks at once.
   */
  readonly pool?: WorkerPool | (() => WorkerPool);
  /**
   * Without a pool: worker threads of a pool of the service's own [integer ≥ 1]; 1 evaluates
   * in the main thread between events.
   */
  readonly workers?: number;
}

export class McService {
  private executor: ChunkExecutor | undefined;
  private readonly active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private readonly emitter = new EventEmitter();

  constructor(
    private readonly store: Store,
    private readonly options: McServiceOptions,
  ) {
    this.emitter.setMaxListeners(0);
  }

  /** Starts (or resumes) a stored run in the background; a run already active is left alone. */
  start(runId: string): void {
    if (this.active.has(runId)) return;
    const pool = typeof this.options.pool === 'function' ? this.options.pool() : this.options.pool;
    this.executor ??= localExecutor(pool ?? this.options.workers ?? 1);
    const executor = this.executor;
    const controller = new AbortController();
    const done = executeStoredRun(this.store, runId, {
      executor,
      signal: controller.signal,
      ...(pool ? { offload: pool.offload() } : {}),
      onProgress: (p) => this.emitter.emit(`progress:${runId}`, p),
    }).then(
      (outcome) => {
        const stopped = controller.signal.reason === SHUTDOWN ? 'interrupted' : 'cancelled';
        this.finish(runId, { status: outcome.status === 'done' ? 'done' : stopped });
      },
      (error: unknown) => {
        this.finish(runId, {
          status: 'failed',
          error: error instanceof Error ? error.message : String(error),
        });
      },
    );
    this.active.set(runId, { controller, done });
  }

  private finish(runId: string, end: McEnd): void {
    this.active.delete(runId);
    this.emitter.emit(`end:${runId}`, end);
  }

  /**
   * Asks an active run to stop: waiting chunks are not started, running ones end; the run is
   * then marked `cancelled` (resumable). Returns false when the run is not active here.
   */
  cancel(runId: string): boolean {
    const active = this.active.get(runId);
    if (!active) return false;
    active.controller.abort('cancel');
    return true;
  }

  /** Whether the run is being evaluated by this process. */
  isActive(runId: string): boolean {
    return this.active.has(runId);
  }

  /** Listens to a run's progress and end; returns the function that stops listening. */
  subscribe(
    runId: string,
    onProgress: (p: McProgress) => void,
    onEnd: (end: McEnd) => void,
  ): () => void {
    this.emitter.on(`progress:${runId}`, onProgress);
    this.emitter.on(`end:${runId}`, onEnd);
    return () => {
      this.emitter.off(`progress:${runId}`, onProgress);
      this.emitter.off(`end:${runId}`, onEnd);
    };
  }

  /** Resolves when the run is no longer active here (at once when it is not). */
  async settled(runId: string): Promise<void> {
    await this.active.get(runId)?.done;
  }

  /**
   * Stops every active run (finished chunks stay stored; the runs are marked `interrupted`,
   * resumable) and the pool of its own (a shared pool is left to its owner).
   */
  async close(): Promise<void> {
    const runs = [...this.active.values()];
    for (const r of runs) r.controller.abort(SHUTDOWN);
    await Promise.all(runs.map((r) => r.done));
    await this.executor?.close();
    this.executor = undefined;
  }
}
