/**
 * Monte Carlo chunks on a BullMQ queue in Redis, so that any number of machines can evaluate
 * them: the coordinator (`chromflow mc --queue redis://…`) publishes one job per chunk and
 * gathers the results as they complete; `chromflow worker --queue redis://…` consumes jobs,
 * evaluating them in a local worker-thread pool (which keeps the event loop free, so job locks
 * are renewed during long chunks).
 *
 * A job's id is derived from the run's source key and the chunk's range, so publishing the same
 * chunk twice (a resumed run) does not duplicate work, and a job's result — the chunk encoded
 * exactly (chunk-codec.ts) — is the same bits whichever machine computed it.
 */
import { Queue, QueueEvents, Worker, type Job } from 'bullmq';
import type { ChunkResult } from '../uncertainty/runner/chunk.js';
import { decodeChunk, encodeChunk, type EncodedChunk } from './chunk-codec.js';
import type { ChunkExecutor } from './executor.js';
import type { McSource } from './mc-source.js';
import { WorkerPool } from './pool.js';

/** Name of the BullMQ queue of Monte Carlo chunks. */
export const QUEUE_NAME = 'chromflow-mc';

/** Data of one job. */
export interface ChunkJobData {
  readonly key: string;
  readonly source: McSource;
  readonly start: number;
  readonly end: number;
  readonly keepInputs?: boolean;
}

/** Connection options for BullMQ's ioredis client from a `redis://[user:pass@]host:port[/db]` URL. */
export function parseRedisUrl(url: string): {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  maxRetriesPerRequest: null;
} {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--queue: found ${JSON.stringify(url)}, expected redis://host:port`);
  }
  if (u.protocol !== 'redis:')
    throw new Error(`--queue: found ${JSON.stringify(url)}, expected redis://host:port`);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port === '' ? 6379 : Number(u.port),
    db: Number.isInteger(db) ? db : 0,
    ...(u.username !== '' ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password !== '' ? { password: decodeURIComponent(u.password) } : {}),
    // BullMQ workers block on Redis; ioredis must not give up on a command (BullMQ docs).
    maxRetriesPerRequest: null,
  };
}

function connection(url: string) {
  return parseRedisUrl(url);
}

/** Job id of a chunk: unique per (source, range); BullMQ ids may not contain ':'. */
export function chunkJobId(key: string, start: number, end: number): string {
  return `${key.slice(0, 32)}-${start}-${end}`;
}

/**
 * An executor that publishes chunks on the queue at `url` and waits for their results.
 * Resolves once the queue's connections are ready.
 */
export async function queueExecutor(url: string): Promise<ChunkExecutor> {
  const queue = new Queue<ChunkJobData, EncodedChunk>(QUEUE_NAME, { connection: connection(url) });
  const events = new QueueEvents(QUEUE_NAME, { connection: connection(url) });
  await queue.waitUntilReady();
  await events.waitUntilReady();
  return {
    async run(job, onChunk, signal) {
      const jobs = await queue.addBulk(
        job.ranges.map((r) => ({
          name: 'chunk',
          data: {
            key: job.key,
            source: job.source,
            start: r.start,
            end: r.end,
            ...(job.keepInputs === true ? { keepInputs: true } : {}),
          },
          opts: {
            jobId: chunkJobId(job.key, r.start, r.end),
            attempts: 3,
            removeOnComplete: { age: 3600 },
            removeOnFail: { age: 24 * 3600 },
          },
        })),
      );
      const aborted = new Promise<'aborted'>((resolve) => {
        if (signal?.aborted === true) resolve('aborted');
        signal?.addEventListener('abort', () => {
          resolve('aborted');
        });
      });
      if (signal) {
        // Jobs not started yet are withdrawn; running ones finish (and stay cached in Redis).
        signal.addEventListener('abort', () => {
          for (const j of jobs) void j.remove().catch(() => undefined);
        });
      }
      await Promise.all(
        jobs.map(async (j) => {
          const value = await Promise.race([j.waitUntilFinished(events), aborted]);
          if (value === 'aborted') return;
          await onChunk(decodeChunk(value));
        }),
      );
    },
    async close() {
      await events.close();
      await queue.close();
    },
  };
}

/** A running queue consumer. */
export interface QueueWorker {
  /** Number of chunks evaluated so far. */
  readonly processed: () => number;
  close(): Promise<void>;
}

/**
 * Consumes chunk jobs from the queue at `url` with a pool of `threads` worker threads
 * (concurrency = threads).
 */
export async function startQueueWorker(
  url: string,
  threads: number,
  onChunk?: (c: ChunkResult, job: Job<ChunkJobData, EncodedChunk>) => void,
): Promise<QueueWorker> {
  const pool = new WorkerPool(threads);
  let processed = 0;
  const worker = new Worker<ChunkJobData, EncodedChunk>(
    QUEUE_NAME,
    async (job) => {
      const d = job.data;
      const chunk = await pool.run({
        key: d.key,
        source: d.source,
        start: d.start,
        end: d.end,
        ...(d.keepInputs === true ? { keepInputs: true } : {}),
      });
      processed++;
      onChunk?.(chunk, job);
      return encodeChunk(chunk);
    },
    { connection: connection(url), concurrency: threads },
  );
  await worker.waitUntilReady();
  return {
    processed: () => processed,
    async close() {
      await worker.close();
      await pool.close();
    },
  };
}
