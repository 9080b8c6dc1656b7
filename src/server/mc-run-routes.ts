/**
 * `/api/mc-runs`: Monte Carlo runs as background jobs. `POST` stores a run (of a stored scenario
 * version, or of scenario text) and starts it in the worker-thread pool; `GET /:id` gives status,
 * progress and, when done, the report (keys as `chromflow mc --json`); `GET /:id/events` streams
 * server-sent events: `progress` while it runs and one final `done` (with `status` done, failed
 * or cancelled). A run is visible to its creator and to admins; others get 404.
 */
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { ConvergenceError, InputError, NotImplementedError } from '../errors.js';
import type { McRun } from '../store/index.js';
import { createStoredRun, defaultChunkSize, type StoredRunMeta } from '../workers/mc-run.js';
import type { McService } from '../workers/mc-service.js';
import { resolveSource } from '../workers/mc-source.js';
import type { AppEnv, Deps } from './context.js';
import { apiError, notFound } from './http-error.js';
import { checkScenarioText } from './scenario-text.js';
import { currentUser, hasRole, requireUser } from './session.js';
import { validate } from './validate.js';

/** Largest number of samples a request may ask for. */
export const MAX_SERVER_SAMPLES = 1_000_000;

export const createMcRunBody = z
  .strictObject({
    /** A stored scenario the caller may read … */
    scenario_id: z.string().min(1).optional(),
    /** … at this version (default: the latest). */
    version: z.int().min(1).optional(),
    /** Or the scenario itself, as YAML or JSON text. */
    text: z.string().min(1).optional(),
    samples: z.int().min(1).max(MAX_SERVER_SAMPLES).optional(),
    seed: z.int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    method: z.enum(['mc', 'lhs', 'sobol']).optional(),
    /** Outputs to track (default: every numeric output of the appraisal). */
    outputs: z.array(z.string().min(1)).min(1).optional(),
    chunk_size: z.int().min(1).max(100_000).optional(),
  })
  .refine((b) => (b.scenario_id === undefined) !== (b.text === undefined), {
    message: 'expected exactly one of scenario_id and text',
    path: ['scenario_id'],
  });

const TERMINAL = new Set(['done', 'failed', 'cancelled']);

/** The API view of a run (without the stored scenario). */
export function runView(run: McRun): Record<string, unknown> {
  const meta = run.meta as Partial<StoredRunMeta> | null;
  return {
    id: run.id,
    status: run.status,
    scenario_version_id: run.scenario_version_id,
    scenario_name: meta?.scenario_name ?? null,
    samples: run.samples,
    seed: run.seed,
    method: run.method,
    completed_samples: run.completed_samples,
    progress: run.samples > 0 ? run.completed_samples / run.samples : 0,
    created_at: run.created_at,
    updated_at: run.updated_at,
    error: run.error,
    ...(run.status === 'done' && meta?.report !== undefined ? { report: meta.report } : {}),
  };
}

export function mcRunRoutes(deps: Deps & { mc: McService }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store, mc } = deps;
  app.use('*', requireUser('viewer'));

  async function visible(c: Context<AppEnv>, id: string): Promise<McRun | undefined> {
    const run = await store.getMcRun(id);
    const user = currentUser(c);
    if (!run || (run.created_by !== user.id && !hasRole(user, 'admin'))) return undefined;
    return run;
  }

  app.post('/', requireUser('editor'), validate('json', createMcRunBody), async (c) => {
    const body = c.req.valid('json');
    const user = currentUser(c);
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
    const checked = checkScenarioText(c, text, body.scenario_id !== undefined ? 'version' : 'text');
    if (!checked.ok) return checked.response;
    let resolved;
    try {
      resolved = resolveSource(checked.scenario, {
        ...(body.samples !== undefined ? { samples: body.samples } : {}),
        ...(body.seed !== undefined ? { seed: body.seed } : {}),
        ...(body.method !== undefined ? { method: body.method } : {}),
        ...(body.outputs !== undefined ? { outputs: body.outputs } : {}),
      });
    } catch (error) {
      if (error instanceof InputError)
        return apiError(c, 400, 'invalid_input', error.message, [
          { path: error.field, message: `expected ${error.expected}`, value: error.value },
        ]);
      if (error instanceof NotImplementedError || error instanceof ConvergenceError)
        return apiError(c, 422, error.code, error.message);
      throw error;
    }
    if (resolved.run.samples > MAX_SERVER_SAMPLES)
      return apiError(c, 400, 'invalid_input', `samples: at most ${MAX_SERVER_SAMPLES}`, [
        {
          path: 'samples',
          message: `expected at most ${MAX_SERVER_SAMPLES}`,
          value: resolved.run.samples,
        },
      ]);
    const run = await createStoredRun(
      store,
      resolved.source,
      body.chunk_size ?? defaultChunkSize(resolved.run.samples, 8),
      { scenario_version_id: versionId, created_by: user.id },
    );
    mc.start(run.id);
    return c.json(
      {
        ...runView(run),
        links: { self: `/api/mc-runs/${run.id}`, events: `/api/mc-runs/${run.id}/events` },
      },
      202,
    );
  });

  app.get('/:id', async (c) => {
    const run = await visible(c, c.req.param('id'));
    if (!run) return notFound(c, 'Monte Carlo run');
    return c.json(runView(run));
  });

  app.get('/:id/events', async (c) => {
    const id = c.req.param('id');
    if (!(await visible(c, id))) return notFound(c, 'Monte Carlo run');
    return streamSSE(c, async (stream) => {
      const state = { ended: false };
      let wake: () => void = () => undefined;
      const sendProgress = async (done: number, total: number): Promise<void> => {
        await stream.writeSSE({
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
      stream.onAbort(() => {
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
            await stream.writeSSE({ event: 'done', data: JSON.stringify(runView(run)) });
            break;
          }
          if (stream.aborted) break;
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
