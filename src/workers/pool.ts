/**
 * A worker-thread pool (piscina) for Monte Carlo chunks and the server's scenario work. Works from source (TypeScript under
 * tsx: the worker file is `mc-worker.ts`, loaded with `--import tsx`) and from the compiled
 * `dist/` (`mc-worker.js`, no loader).
 */
import { availableParallelism } from 'node:os';
import { Piscina, type PiscinaTask, type TaskQueue } from 'piscina';
import type { LoadResult } from '../scenario/index.js';
import type { ChunkResult, FailedSample } from '../uncertainty/runner/chunk.js';
import type { McReport, RunOffload } from './mc-run.js';
import { sourceKey, type McSource } from './mc-source.js';
import type { FeasibleRegionResult } from '../analysis/feasible-region.js';
import type {
  FeasibleRegionTask,
  ReportReply,
  ReportTask,
  RunOptions,
  TaskReply,
  TextTask,
} from './scenario-tasks.js';

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

/** A task as piscina's queue sees it. */
type Task = Parameters<TaskQueue['push']>[0];

/** Names of the worker functions of interactive requests (served before Monte Carlo chunks). */
const INTERACTIVE = new Set([
  'appraiseText',
  'parseText',
  'prepareRunText',
  'renderReportText',
  'sampleInputs',
]);

/**
 * Piscina's task queue with two lanes: interactive requests (appraisals, validation, reports)
 * are handed to the next free thread before any waiting Monte Carlo chunk, so a long run does
 * not hold up an appraisal by more than the chunks already running. FIFO within each lane.
 */
export class TwoLaneQueue implements TaskQueue {
  private readonly interactive: PiscinaTask[] = [];
  private readonly batch: PiscinaTask[] = [];

  get size(): number {
    return this.interactive.length + this.batch.length;
  }

  private lane(task: PiscinaTask): PiscinaTask[] {
    return INTERACTIVE.has(task.name) ? this.interactive : this.batch;
  }

  push(task: Task): void {
    const t = task as PiscinaTask;
    this.lane(t).push(t);
  }

  unshift(task: Task): void {
    const t = task as PiscinaTask;
    this.lane(t).unshift(t);
  }

  shift(): Task | null {
    return this.interactive.shift() ?? this.batch.shift() ?? null;
  }

  remove(task: Task): void {
    const t = task as PiscinaTask;
    const lane = this.lane(t);
    const i = lane.indexOf(t);
    if (i >= 0) lane.splice(i, 1);
  }
}

/**
 * A pool of worker threads (piscina) for Monte Carlo chunks and, in the server, for the scenario
 * work of requests (scenario-tasks.ts): one pool per process, shared, so the threads never
 * outnumber the cores.
 */
export class WorkerPool {
  private readonly piscina: Piscina;

  /** @param threads - Number of worker threads [integer ≥ 1] */
  constructor(readonly threads: number) {
    const { filename, execArgv } = workerEntry();
    this.piscina = new Piscina({
      filename,
      execArgv,
      minThreads: threads,
      maxThreads: threads,
      taskQueue: new TwoLaneQueue(),
      // A compiled run is cached per thread; keep idle threads (and their caches) alive.
      idleTimeout: 60_000,
    });
  }

  /**
   * Evaluates one chunk in a worker thread. An abort stops a waiting chunk, and ends the thread
   * of a running one (its results are dropped; a stored run stays resumable).
   */
  async run(task: ChunkTask, signal?: AbortSignal): Promise<ChunkResult> {
    const reply = (await this.piscina.run(task, signal ? { signal } : {})) as ChunkReply;
    return replyToChunk(reply, task.source.settings.outputs.length);
  }

  /** Parses and validates a scenario text in a worker thread. */
  async parse(task: TextTask): Promise<LoadResult> {
    return (await this.piscina.run(task, { name: 'parseText' })) as LoadResult;
  }

  /** Parses, validates and appraises a scenario text in a worker thread (JSON answer). */
  async appraise(task: TextTask): Promise<TaskReply<{ readonly json: string }>> {
    return (await this.piscina.run(task, { name: 'appraiseText' })) as TaskReply<{
      readonly json: string;
    }>;
  }

  /**
   * The feasible region of two inputs of a scenario text (tens of appraisals: queued with the
   * Monte Carlo chunks, behind interactive requests).
   */
  async feasibleRegion(
    task: FeasibleRegionTask,
  ): Promise<TaskReply<{ readonly result: FeasibleRegionResult }>> {
    return (await this.piscina.run(task, { name: 'feasibleRegionText' })) as TaskReply<{
      readonly result: FeasibleRegionResult;
    }>;
  }

  /** Renders a report of a scenario text in a worker thread. */
  async report(task: ReportTask): Promise<ReportReply> {
    return (await this.piscina.run(task, { name: 'renderReportText' })) as ReportReply;
  }

  /** Parses a scenario text and resolves (compiles) a Monte Carlo run of it. */
  async prepareRun(
    task: TextTask & { readonly options: RunOptions },
  ): Promise<
    TaskReply<{ readonly source: McSource; readonly samples: number; readonly name: string }>
  > {
    return (await this.piscina.run(task, { name: 'prepareRunText' })) as TaskReply<{
      readonly source: McSource;
      readonly samples: number;
      readonly name: string;
    }>;
  }

  /** The number of samples of a run, compiled in a worker thread (then cached there). */
  async runSamples(source: McSource): Promise<number> {
    return (await this.piscina.run(
      { key: sourceKey(source), source },
      { name: 'runSamples' },
    )) as number;
  }

  /** Merges a run's chunks (plan order) and builds its report in a worker thread. */
  async runReport(source: McSource, chunks: ChunkResult[], runId: string): Promise<McReport> {
    const buffers = new Set<ArrayBufferLike>();
    for (const c of chunks) {
      for (const o of c.outputs) buffers.add(o.buffer);
      if (c.inputs) buffers.add(c.inputs.buffer);
    }
    return (await this.piscina.run(
      { key: sourceKey(source), source, chunks, runId },
      { name: 'runReport', transferList: [...buffers] as ArrayBuffer[] },
    )) as McReport;
  }

  /** The sampled inputs of samples [start, end) of a run, row-major, with their names. */
  async sampleInputs(
    source: McSource,
    start: number,
    end: number,
  ): Promise<{ names: string[]; values: Float64Array }> {
    return (await this.piscina.run(
      { key: sourceKey(source), source, start, end },
      { name: 'sampleInputs' },
    )) as { names: string[]; values: Float64Array };
  }

  /** The steps of a stored run that would block the event loop, done in worker threads. */
  offload(): RunOffload {
    return {
      samples: (source) => this.runSamples(source),
      report: (source, chunks, runId) => this.runReport(source, chunks, runId),
    };
  }

  /** Tasks waiting for a thread. */
  get queueSize(): number {
    return this.piscina.queueSize;
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}
