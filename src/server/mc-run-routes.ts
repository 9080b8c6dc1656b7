/**
 * `/api/mc-runs`: Monte Carlo runs as background jobs. `POST` stores a run (of a stored scenario
 * version, or of scenario text) and starts it in the worker pool, within the limits of
 * `GET /limits` (samples, chunk size, runs per user); `GET ?scenario_id=` lists the caller's
 * runs of a scenario; `GET /:id` gives status, progress and, when done, the report (keys as
 * `chromflow mc --json`); `GET /:id/events` streams server-sent events (`progress` while it
 * runs, one final `done`); `POST /:id/cancel` and `/:id/resume` stop and continue it;
 * `GET /:id/export.csv` gives every sample's inputs and outputs. A run belongs to its creator;
 * admins see other users' runs as metadata only (never the report or the samples); others 404.
 */
import { Hono, type Context } from 'hono';
import { stream, streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { MAX_NAME_CHARS } from '../scenario/schema.js';
import { ACTIVE_MC_STATUSES, type McRun, type McRunStatus } from '../store/index.js';
import { decodeChunk, type EncodedChunk } from '../workers/chunk-codec.js';
import { createStoredRun, defaultChunkSize, type StoredRunMeta } from '../workers/mc-run.js';
import type { McService } from '../workers/mc-service.js';
import { csvRow } from './csv.js';
import type { AppEnv, Deps, McLimits } from './context.js';
import { apiError, notFound } from './http-error.js';
import { replyProblem, REQUEST_FILE } from './scenario-text.js';
import { currentUser, hasRole, requireUser } from './session.js';
import { validate } from './validate.js';

/** Default limits of runs started through the API ({@link McLimits}). */
export const DEFAULT_MC_LIMITS: McLimits = {
  max_samples: 1_000_000,
  max_concurrent_runs_per_user: 2,
  min_chunk_size: 100,
  max_chunk_size: 10_000,
};

export const createMcRunBody = z
  .strictObject({
    /** A stored scenario the caller may read … */
    scenario_id: z.string().min(1).max(100).optional(),
    /** … at this version (default: the latest). */
    version: z.int().min(1).optional(),
    /** Or the scenario itself, as YAML or JSON text. */
    text: z.string().min(1).optional(),
    /** A name for the run (default: none; the scenario's name is shown with it). */
    name: z
      .string()
      .trim()
      .min(1)
      .max(MAX_NAME_CHARS, `expected at most ${MAX_NAME_CHARS} characters`)
      .optional(),
    /** At most `max_samples` of `GET /api/mc-runs/limits`. */
    samples: z.int().min(1).optional(),
    seed: z.int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    method: z.enum(['mc', 'lhs', 'sobol']).optional(),
    /** Outputs to track (default: every numeric output of the appraisal). */
    outputs: z.array(z.string().min(1).max(200)).min(1).max(100).optional(),
    /** Between `min_chunk_size` and `max_chunk_size` of `GET /api/mc-runs/limits`. */
    chunk_size: z.int().min(1).optional(),
  })
  .refine((b) => (b.scenario_id === undefined) !== (b.text === undefined), {
    message: 'expected exactly one of scenario_id and text',
    path: ['scenario_id'],
  });

export const listRunsQuery = z.strictObject({ scenario_id: z.string().min(1).max(100) });

/** Longest wait of a cancel for the run to stop before answering [ms]. */
const CANCEL_WAIT_MS = 2000;

const TERMINAL = new Set<McRunStatus>(['done', 'failed', 'cancelled', 'interrupted']);
/** Statuses from which a run can be continued. */
const RESUMABLE = new Set<McRunStatus>(['failed', 'cancelled', 'interrupted']);

/** The API view of a run (without the stored scenario); `report` only for its creator. */
export function runView(run: McRun, withReport = true): Record<string, unknown> {
  const meta = run.meta as (Partial<StoredRunMeta> & { name?: string }) | null;
  return {
    id: run.id,
    status: run.status,
    name: meta?.name ?? null,
    scenario_version_id: run.scenario_version_id,
    scenario_name: meta?.scenario_name ?? null,
    created_by: run.created_by,
    samples: run.samples,
    seed: run.seed,
    method: run.method,
    chunk_size: meta?.chunk_size ?? null,
    completed_samples: run.completed_samples,
    progress: run.samples > 0 ? run.completed_samples / run.samples : 0,
    created_at: run.created_at,
    updated_at: run.updated_at,
    error: run.error,
    ...(withReport && run.status === 'done' && meta?.report !== undefined
      ? { report: meta.report }
      : {}),
  };
}

/** A problem with the samples or chunk size against the limits, as a 400 answer. */
function limitProblem(
  c: Context,
  limits: McLimits,
  samples: number,
  chunkSize: number | undefined,
): Response | undefined {
  if (samples > limits.max_samples)
    return apiError(c, 400, 'invalid_request', `samples: at most ${limits.max_samples}`, [
      { path: 'samples', message: `expected at most ${limits.max_samples}`, value: samples },
    ]);
  if (
    chunkSize !== undefined &&
    (chunkSize < limits.min_chunk_size || chunkSize > limits.max_chunk_size)
  )
    return apiError(
      c,
      400,
      'invalid_request',
      `chunk_size: expected ${limits.min_chunk_size} to ${limits.max_chunk_size}`,
      [
        {
          path: 'chunk_size',
          message: `expected ${limits.min_chunk_size} to ${limits.max_chunk_size} samples`,
          value: chunkSize,
        },
      ],
    );
  return undefined;
}

/** Runs `f` after the previous call for the same key has finished (one at a time per user). */
class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, f: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(f, f);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await result;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

export function mcRunRoutes(deps: Deps & { mc: McService }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store, mc } = deps;
  const limits = deps.options.mcLimits;
  // The quota check and the start of a run happen one request at a time per user, so that
  // concurrent requests cannot all pass the check.
  const quotaLock = new KeyedLock();
  app.use('*', requireUser('viewer'));

  /** The run and whether the caller is its creator; undefined (→ 404) for others but admins. */
  async function visible(
    c: Context<AppEnv>,
    id: string,
  ): Promise<{ run: McRun; own: boolean } | undefined> {
    const run = await store.getMcRun(id);
    const user = currentUser(c);
    if (!run) return undefined;
    const own = run.created_by === user.id;
    if (!own && !hasRole(user, 'admin')) return undefined;
    return { run, own };
  }

  /** The caller's own run; 404 for runs they cannot see, 403 for an admin's view of another's. */
  async function owned(c: Context<AppEnv>, id: string): Promise<McRun | Response> {
    const v = await visible(c, id);
    if (!v) return notFound(c, 'Monte Carlo run');
    if (!v.own) return apiError(c, 403, 'forbidden', 'only its creator may do this to a run');
    return v.run;
  }

  /** 429 when the user already has the most runs queued or running; else starts `start`. */
  async function withinQuota(c: Context<AppEnv>, start: () => Promise<Response>) {
    const user = currentUser(c);
    return quotaLock.run(user.id, async () => {
      const active = await store.countMcRuns(user.id, ACTIVE_MC_STATUSES);
      if (active >= limits.max_concurrent_runs_per_user)
        return apiError(
          c,
          429,
          'quota_exceeded',
          `you have ${active} Monte Carlo runs queued or running; at most ${limits.max_concurrent_runs_per_user} at once (cancel one or wait)`,
        );
      return start();
    });
  }

  const links = (id: string) => ({
    self: `/api/mc-runs/${id}`,
    events: `/api/mc-runs/${id}/events`,
    cancel: `/api/mc-runs/${id}/cancel`,
    export: `/api/mc-runs/${id}/export.csv`,
  });

  app.get('/limits', (c) => c.json(limits));

  app.get('/', validate('query', listRunsQuery), async (c) => {
    const { scenario_id } = c.req.valid('query');
    const user = currentUser(c);
    const s = await store.getScenario(scenario_id);
    if (!s || (s.owner_id !== user.id && s.visibility !== 'shared')) return notFound(c, 'scenario');
    const runs = await store.listScenarioMcRuns(s.id, user.id);
    return c.json({ runs: runs.map((r) => runView(r, false)) });
  });

  app.post('/', requireUser('editor'), validate('json', createMcRunBody), async (c) => {
    const body = c.req.valid('json');
    const user = currentUser(c);
    const early = limitProblem(c, limits, body.samples ?? 0, body.chunk_size);
    if (early) return early;
    let text: string;
    let versionId: string | null = null;
    if (body.scenario_id !== undefined) {
      const s = await store.getScenario(body.scenario_id);
      if (!s || (s.owner_id !== user.id && s.visibility !== 'shared'))
        return notFound(c, 'scenario');
      const v = await store.getVersion(s.id, body.version ?? 'latest');
      if (!v) return notFound(c, 'version');
      text = v.text;
      versionId = v.id;
    } else text = body.text ?? '';
    return withinQuota(c, () =>
      deps.gate.run(c, async () => {
        const reply = await deps.pool().prepareRun({
          text,
          file: REQUEST_FILE,
          options: {
            ...(body.samples !== undefined ? { samples: body.samples } : {}),
            ...(body.seed !== undefined ? { seed: body.seed } : {}),
            ...(body.method !== undefined ? { method: body.method } : {}),
            ...(body.outputs !== undefined ? { outputs: body.outputs } : {}),
          },
        });
        const problem = replyProblem(c, reply, body.scenario_id !== undefined ? 'version' : 'text');
        if (problem !== undefined || reply.kind !== 'ok') return problem ?? notFound(c);
        const tooMany = limitProblem(c, limits, reply.samples, undefined);
        if (tooMany) return tooMany;
        const chunkSize =
          body.chunk_size ??
          Math.min(
            limits.max_chunk_size,
            Math.max(limits.min_chunk_size, defaultChunkSize(reply.samples, deps.pool().threads)),
          );
        const run = await createStoredRun(store, reply.source, chunkSize, {
          scenario_version_id: versionId,
          created_by: user.id,
          ...(body.name !== undefined ? { name: body.name } : {}),
        });
        mc.start(run.id);
        return c.json({ ...runView(run), links: links(run.id) }, 202);
      }),
    );
  });

  app.get('/:id', async (c) => {
    const v = await visible(c, c.req.param('id'));
    if (!v) return notFound(c, 'Monte Carlo run');
    return c.json(runView(v.run, v.own));
  });

  app.post('/:id/cancel', async (c) => {
    const run = await owned(c, c.req.param('id'));
    if (run instanceof Response) return run;
    if (run.status === 'done')
      return apiError(c, 409, 'conflict', 'the run is done; there is nothing to cancel');
    if (mc.cancel(run.id)) {
      // Running chunks are ended at once; wait (briefly) for the run to be marked cancelled.
      await Promise.race([
        mc.settled(run.id),
        new Promise((resolve) => setTimeout(resolve, CANCEL_WAIT_MS)),
      ]);
    } else if (run.status !== 'cancelled' && run.status !== 'failed')
      // Not evaluated by this process (queued, interrupted, or another process's).
      await store.updateMcRun(run.id, { status: 'cancelled' });
    const now = (await store.getMcRun(run.id)) ?? run;
    return c.json({ ...runView(now), links: links(run.id) }, 202);
  });

  app.post('/:id/resume', requireUser('editor'), async (c) => {
    const run = await owned(c, c.req.param('id'));
    if (run instanceof Response) return run;
    if (!RESUMABLE.has(run.status))
      return apiError(
        c,
        409,
        'conflict',
        `the run is ${run.status}; only failed, cancelled or interrupted runs continue`,
      );
    return withinQuota(c, async () => {
      await store.updateMcRun(run.id, { status: 'queued', error: null });
      mc.start(run.id);
      const now = (await store.getMcRun(run.id)) ?? run;
      return c.json({ ...runView(now), links: links(run.id) }, 202);
    });
  });

  app.get('/:id/export.csv', async (c) => {
    const run = await owned(c, c.req.param('id'));
    if (run instanceof Response) return run;
    if (run.status !== 'done')
      return apiError(c, 409, 'not_done', `the run is ${run.status}; export it once it is done`);
    const meta = run.meta as StoredRunMeta;
    const outputs = meta.source.settings.outputs;
    c.header('Content-Type', 'text/csv; charset=utf-8; header=present');
    c.header('Content-Disposition', `attachment; filename="mc-run-${run.id}.csv"`);
    return stream(c, async (s) => {
      let header = false;
      let from = 0;
      for (;;) {
        // A few chunks at a time: memory stays bounded for a run of a million samples.
        const rows = await store.listMcChunks(run.id, from, 16);
        if (rows.length === 0) break;
        for (const row of rows) {
          const chunk = decodeChunk(row.results as EncodedChunk);
          const inputs = await deps.pool().sampleInputs(meta.source, chunk.start, chunk.end);
          if (!header) {
            await s.write(csvRow(['sample', ...inputs.names, ...outputs, 'error']));
            header = true;
          }
          const failed = new Map(chunk.failed.map((f) => [f.index, f.message]));
          const nIn = inputs.names.length;
          let text = '';
          for (let i = chunk.start; i < chunk.end; i++) {
            const r = i - chunk.start;
            text += csvRow([
              i,
              ...Array.from(inputs.values.subarray(r * nIn, (r + 1) * nIn)),
              ...chunk.outputs.map((o) => o[r] ?? NaN),
              failed.get(i) ?? '',
            ]);
          }
          await s.write(text);
          from = row.chunk_index + 1;
        }
      }
    });
  });

  app.get('/:id/events', async (c) => {
    const id = c.req.param('id');
    const v = await visible(c, id);
    if (!v) return notFound(c, 'Monte Carlo run');
    const withReport = v.own;
    return streamSSE(c, async (sse) => {
      const state = { ended: false };
      let wake: () => void = () => undefined;
      const sendProgress = async (done: number, total: number): Promise<void> => {
        await sse.writeSSE({
          event: 'progress',
          data: JSON.stringify({ completed_samples: done, samples: total }),
        });
      };
      const unsubscribe = mc.subscribe(
        id,
        (p) => {
          void sendProgress(p.done, p.total);
        },
        () => {
          state.ended = true;
          wake();
        },
      );
      sse.onAbort(() => {
        state.ended = true;
        wake();
      });
      try {
        let last = -1;
        // The database is the truth: it also covers runs evaluated by another process.
        for (;;) {
          const run = await store.getMcRun(id);
          if (!run) break;
          if (TERMINAL.has(run.status)) {
            await sse.writeSSE({ event: 'done', data: JSON.stringify(runView(run, withReport)) });
            break;
          }
          if (sse.aborted) break;
          if (run.completed_samples !== last) {
            last = run.completed_samples;
            await sendProgress(run.completed_samples, run.samples);
          }
          if (!state.ended)
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, 1000);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
          state.ended = false;
        }
      } finally {
        unsubscribe();
      }
    });
  });

  return app;
}
