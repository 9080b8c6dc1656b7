/**
 * Runs a Monte Carlo study chunk by chunk on an executor, optionally stored in the database
 * as it goes (one row per finished chunk), so that an interrupted run can be resumed: the
 * missing chunks are evaluated, the stored ones are read back, and the merged result is the
 * same, bit for bit, as an uninterrupted run.
 */
import { ConflictError, type McRun, type Store } from '../store/repository.js';
import {
  planChunks,
  type ChunkRange,
  type ChunkResult,
  type FailedSample,
} from '../uncertainty/runner/chunk.js';
import type { CompiledRun } from '../uncertainty/runner/compile.js';
import { mergeChunks, type RunResult } from '../uncertainty/runner/merge.js';
import { summarizeOutputs, type OutputSummary } from '../uncertainty/runner/summary.js';
import { VERSION } from '../version.js';
import { decodeChunk, encodeChunk, type EncodedChunk } from './chunk-codec.js';
import type { ChunkExecutor } from './executor.js';
import { compileSource, sourceKey, type McSource } from './mc-source.js';

/** Progress of a run [samples]. */
export interface McProgress {
  readonly done: number;
  readonly total: number;
}

/** The report of a finished run; the keys are those of `chromflow mc --json` (docs/cli.md). */
export interface McReport {
  readonly run_id?: string;
  readonly samples: number;
  readonly failed: number;
  readonly seed: number;
  readonly method: string;
  readonly metrics: Record<string, OutputSummary>;
  /** The first 100 failed samples with their inputs. */
  readonly failures: readonly FailedSample[];
  /** Names of the sampled inputs (order of `failures[].inputs`). */
  readonly inputs: readonly string[];
}

/** Builds the report of a merged run. */
export function buildReport(result: RunResult, runId?: string): McReport {
  return {
    ...(runId !== undefined ? { run_id: runId } : {}),
    samples: result.samples,
    failed: result.failedCount,
    seed: result.seed,
    method: result.method,
    metrics: summarizeOutputs(result.outputNames, result.outputs),
    failures: result.failed.slice(0, 100),
    inputs: result.inputNames,
  };
}

/** Default chunk size: about 8 chunks per worker, between 10 and 1000 samples. */
export function defaultChunkSize(samples: number, workers: number): number {
  return Math.max(10, Math.min(1000, Math.ceil(samples / (8 * Math.max(1, workers)))));
}

export interface ExecuteOptions {
  readonly executor: ChunkExecutor;
  readonly chunkSize: number;
  readonly keepInputs?: boolean;
  /** Chunk indices (of `planChunks(samples, chunkSize)`) already done, with their results. */
  readonly done?: ReadonlyMap<number, ChunkResult>;
  /** Called after each stored chunk (and once at the start). */
  readonly onProgress?: (p: McProgress) => void;
  /** Called for each newly finished chunk, before it counts as done (e.g. to store it). */
  readonly onChunk?: (index: number, chunk: ChunkResult) => Promise<void>;
  readonly signal?: AbortSignal;
}

/** Outcome of {@link executeChunks}: all chunks (merged) or an interruption. */
export type ExecuteOutcome =
  | { readonly status: 'done'; readonly result: RunResult }
  | { readonly status: 'interrupted'; readonly completed: number; readonly total: number };

/** Evaluates the missing chunks of a compiled run and merges everything in sample order. */
export async function executeChunks(
  run: CompiledRun,
  source: McSource,
  options: ExecuteOptions,
): Promise<ExecuteOutcome> {
  const outcome = await collectChunks(run.samples, source, options);
  if (outcome.status === 'interrupted') return outcome;
  return { status: 'done', result: mergeChunks(run, outcome.chunks) };
}

/** Outcome of {@link collectChunks}: every chunk (in plan order) or an interruption. */
type CollectOutcome =
  | { readonly status: 'done'; readonly chunks: ChunkResult[] }
  | { readonly status: 'interrupted'; readonly completed: number; readonly total: number };

/** Evaluates the missing chunks of a run of `samples` samples; does not merge them. */
async function collectChunks(
  samples: number,
  source: McSource,
  options: ExecuteOptions,
): Promise<CollectOutcome> {
  const plan = planChunks(samples, options.chunkSize);
  const chunks = new Map<number, ChunkResult>(options.done ?? []);
  const indexOf = new Map<number, number>(plan.map((r, k) => [r.start, k]));
  const todo: ChunkRange[] = plan.filter((_, k) => !chunks.has(k));
  let done = [...chunks.values()].reduce((s, c) => s + c.end - c.start, 0);
  options.onProgress?.({ done, total: samples });
  await options.executor.run(
    {
      source,
      key: sourceKey(source),
      ranges: todo,
      ...(options.keepInputs === true ? { keepInputs: true } : {}),
    },
    async (chunk) => {
      const k = indexOf.get(chunk.start);
      if (k === undefined || chunks.has(k)) return; // a duplicate delivery: already have it
      await options.onChunk?.(k, chunk);
      chunks.set(k, chunk);
      done += chunk.end - chunk.start;
      options.onProgress?.({ done, total: samples });
    },
    options.signal,
  );
  if (chunks.size < plan.length) return { status: 'interrupted', completed: done, total: samples };
  return { status: 'done', chunks: plan.map((_, k) => chunks.get(k) as ChunkResult) };
}

/** What a stored run keeps in `mc_runs.meta` (JSON). */
export interface StoredRunMeta {
  readonly kind: 'monte-carlo';
  readonly chromflow_version: string;
  readonly scenario_name: string;
  readonly chunk_size: number;
  readonly source: McSource;
  /** A name given to the run (API), if any. */
  readonly name?: string;
  /** Set when the run is done. */
  readonly report?: McReport;
}

/** Creates a stored run (status `queued`, nothing computed yet). */
export async function createStoredRun(
  store: Store,
  source: McSource,
  chunkSize: number,
  owner: { scenario_version_id?: string | null; created_by?: string | null; name?: string } = {},
): Promise<McRun> {
  const meta: StoredRunMeta = {
    kind: 'monte-carlo',
    chromflow_version: VERSION,
    scenario_name: source.scenario.name,
    chunk_size: chunkSize,
    source,
    ...(owner.name !== undefined ? { name: owner.name } : {}),
  };
  return store.createMcRun({
    scenario_version_id: owner.scenario_version_id ?? null,
    created_by: owner.created_by ?? null,
    method: source.settings.method,
    samples: source.settings.samples,
    seed: source.settings.seed,
    meta,
  });
}

/** Reads and checks the meta of a stored run. */
export function storedRunMeta(run: McRun): StoredRunMeta {
  const m = run.meta as Partial<StoredRunMeta> | null;
  if (m?.kind !== 'monte-carlo' || m.source === undefined || m.chunk_size === undefined)
    throw new Error(`Monte Carlo run ${run.id} has no stored source (not resumable)`);
  return m as StoredRunMeta;
}

/** Abort reason of a process that stops: its runs are marked `interrupted`, not `cancelled`. */
export const SHUTDOWN = 'shutdown';

/**
 * The heavy steps of a stored run done elsewhere (the server: in a worker thread, so that the
 * event loop stays free): compiling the run (Iman–Conover reorders N × k values) and merging
 * and summarising its chunks (sorting N values per output). Default: in this thread.
 */
export interface RunOffload {
  /** The number of samples of the compiled run (N, or N·(k + 2) for a Saltelli design). */
  samples(source: McSource): Promise<number>;
  /** Merges the chunks (in plan order) and builds the report. */
  report(source: McSource, chunks: ChunkResult[], runId: string): Promise<McReport>;
}

export interface StoredExecuteOptions {
  readonly executor: ChunkExecutor;
  readonly onProgress?: (p: McProgress) => void;
  readonly signal?: AbortSignal;
  readonly offload?: RunOffload;
}

/** Outcome of {@link executeStoredRun}. */
export type StoredOutcome =
  | {
      readonly status: 'done';
      readonly run: McRun;
      readonly report: McReport;
      /** The merged results; absent when the report was built by an offload. */
      readonly result?: RunResult;
    }
  | {
      readonly status: 'interrupted';
      readonly run: McRun;
      readonly completed: number;
      readonly total: number;
    };

/**
 * Runs (or resumes) a stored run: reads its finished chunks, evaluates the missing ones,
 * storing each as it finishes, then stores the report and marks the run `done`. An aborted
 * run is marked `cancelled` (`interrupted` when the abort reason is {@link SHUTDOWN}; both
 * resumable); an error marks it `failed` (also resumable) and is rethrown. A chunk stored meanwhile by another process is not stored twice.
 *
 * @throws Error when the run does not exist or is not a resumable Monte Carlo run.
 */
export async function executeStoredRun(
  store: Store,
  runId: string,
  options: StoredExecuteOptions,
): Promise<StoredOutcome> {
  const stored = await store.getMcRun(runId);
  if (stored === undefined) throw new Error(`no Monte Carlo run ${runId} in this database`);
  const meta = storedRunMeta(stored);
  const fail = async (error: unknown): Promise<never> => {
    await store.updateMcRun(runId, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  };
  let compiled: CompiledRun | undefined;
  let samples: number;
  try {
    if (options.offload) samples = await options.offload.samples(meta.source);
    else {
      compiled = compileSource(meta.source);
      samples = compiled.samples;
    }
  } catch (error) {
    return fail(error);
  }
  const plan = planChunks(samples, meta.chunk_size);
  const done = new Map<number, ChunkResult>();
  for (const row of await store.listMcChunks(runId)) {
    const r = plan[row.chunk_index];
    if (r?.start !== row.first_sample || r.end - r.start !== row.sample_count)
      throw new Error(`run ${runId}: stored chunk ${row.chunk_index} does not match the plan`);
    done.set(row.chunk_index, decodeChunk(row.results as EncodedChunk));
  }
  let completed = [...done.values()].reduce((s, c) => s + c.end - c.start, 0);
  await store.updateMcRun(runId, { status: 'running', completed_samples: completed, error: null });
  let outcome: CollectOutcome;
  try {
    outcome = await collectChunks(samples, meta.source, {
      executor: options.executor,
      chunkSize: meta.chunk_size,
      done,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onChunk: async (index, chunk) => {
        try {
          await store.putMcChunk({
            run_id: runId,
            chunk_index: index,
            first_sample: chunk.start,
            sample_count: chunk.end - chunk.start,
            results: encodeChunk(chunk),
          });
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
        }
        completed += chunk.end - chunk.start;
        await store.updateMcRun(runId, { completed_samples: completed });
      },
    });
  } catch (error) {
    return fail(error);
  }
  if (outcome.status === 'interrupted') {
    // A stopping server leaves its runs `interrupted`; a user's cancel (or Ctrl-C) `cancelled`.
    const status = options.signal?.reason === SHUTDOWN ? 'interrupted' : 'cancelled';
    const updated = await store.updateMcRun(runId, { status });
    return {
      status: 'interrupted',
      run: updated ?? stored,
      completed: outcome.completed,
      total: outcome.total,
    };
  }
  let report: McReport;
  let result: RunResult | undefined;
  try {
    if (options.offload) report = await options.offload.report(meta.source, outcome.chunks, runId);
    else {
      result = mergeChunks(compiled ?? compileSource(meta.source), outcome.chunks);
      report = buildReport(result, runId);
    }
  } catch (error) {
    return fail(error);
  }
  const updated = await store.updateMcRun(runId, {
    status: 'done',
    completed_samples: samples,
    meta: { ...meta, report },
  });
  return {
    status: 'done',
    run: updated ?? stored,
    report,
    ...(result !== undefined ? { result } : {}),
  };
}
