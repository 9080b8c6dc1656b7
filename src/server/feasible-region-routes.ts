/**
 * `/api/feasible-region`: the feasible region of two inputs of a stored scenario version
 * (`chromflow solve --target … --vary a --vary b`): for a grid of the first input, the value of
 * the second at which an output hits a target. The work is bounded before it starts — at most
 * `max_rows` grid rows (each about ten appraisals; `GET /limits`), one request per user at a
 * time (429 otherwise), in the worker pool behind the work gate (503 `busy` when full) — and
 * every bad field is refused by name (`output`, `target`, `vary[1]`, `range_x`, `rows`).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Deps } from './context.js';
import { apiError, notFound } from './http-error.js';
import { replyProblem, REQUEST_FILE } from './scenario-text.js';
import { currentUser, requireUser } from './session.js';
import { validate } from './validate.js';

/** Limits of a feasible-region request (`GET /api/feasible-region/limits`). */
export interface FeasibleRegionLimits {
  /** Most grid rows of the first input [-]. */
  max_rows: number;
  /** Grid rows when the request gives none [-]. */
  default_rows: number;
}

export const DEFAULT_FEASIBLE_LIMITS: FeasibleRegionLimits = { max_rows: 15, default_rows: 7 };

const path = z.string().min(1).max(200);
const range = z
  .tuple([z.number(), z.number()])
  .refine((r) => r[0] < r[1], { message: 'expected [min, max] with min < max' });

/** The request body; `rows` is checked against the limits in the handler. */
export const feasibleRegionBody = z
  .strictObject({
    scenario_id: z.string().min(1).max(100),
    /** Default: the latest version. */
    version: z.int().min(1).optional(),
    /** An output path of the appraisal (`metrics.equity_irr`). */
    output: path,
    target: z.number(),
    /** The gridded input and the solved input (stable input paths), different. */
    vary: z.tuple([path, path]),
    /** Ranges of the two inputs [their units]; default 0 … 4 × the value, as in the CLI. */
    range_x: range.optional(),
    range_y: range.optional(),
    rows: z.int().min(2).optional(),
  })
  .refine((b) => b.vary[0] !== b.vary[1], {
    message: 'expected two different input paths',
    path: ['vary', 1],
  });

export function feasibleRegionRoutes(deps: Deps, limits: FeasibleRegionLimits): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = deps;
  /** Users with a request being computed (one at a time each). */
  const running = new Set<string>();
  app.use('*', requireUser('viewer'));

  app.get('/limits', (c) => c.json(limits));

  app.post('/', validate('json', feasibleRegionBody), async (c) => {
    const body = c.req.valid('json');
    const rows = body.rows ?? limits.default_rows;
    if (rows > limits.max_rows)
      return apiError(c, 400, 'invalid_request', `rows: at most ${limits.max_rows}`, [
        { path: 'rows', message: `expected 2 to ${limits.max_rows} grid rows`, value: rows },
      ]);
    const user = currentUser(c);
    const s = await store.getScenario(body.scenario_id);
    if (!s || (s.owner_id !== user.id && s.visibility !== 'shared')) return notFound(c, 'scenario');
    const v = await store.getVersion(s.id, body.version ?? 'latest');
    if (!v) return notFound(c, 'version');
    if (running.has(user.id))
      return apiError(
        c,
        429,
        'quota_exceeded',
        'a feasible region of yours is being computed; at most one at a time (wait for it)',
      );
    running.add(user.id);
    try {
      return await deps.gate.run(c, async () => {
        const reply = await deps.pool().feasibleRegion({
          text: v.text,
          file: REQUEST_FILE,
          spec: {
            output: body.output,
            target: body.target,
            vary: body.vary,
            rows,
            ...(body.range_x ? { xMin: body.range_x[0], xMax: body.range_x[1] } : {}),
            ...(body.range_y ? { yMin: body.range_y[0], yMax: body.range_y[1] } : {}),
          },
        });
        const problem = replyProblem(c, reply, 'version');
        if (problem !== undefined || reply.kind !== 'ok') return problem ?? notFound(c);
        return c.json({ ...reply.result, version: v.version });
      });
    } finally {
      running.delete(user.id);
    }
  });
  return app;
}
