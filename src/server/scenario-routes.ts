/**
 * `/api/scenarios`: list (own + shared; archived ones apart), create, read, rename/share/
 * archive, delete, versions, diff, duplicate, and stored appraisals of a version. Access:
 * anyone logged in reads their own and shared scenarios; another user's private scenario
 * answers 404 (as if it did not exist); writing needs the editor role and ownership.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { VERSION } from '../version.js';
import { MAX_NAME_CHARS } from '../scenario/schema.js';
import {
  ACTIVE_MC_STATUSES,
  diffScenarioTexts,
  type ScenarioMeta,
  type User,
} from '../store/index.js';
import type { McService } from '../workers/mc-service.js';
import type { AppEnv, Deps } from './context.js';
import { apiError, notFound } from './http-error.js';
import { REPORT_FORMATS } from '../report/formats.js';
import { reportResponse } from './report-response.js';
import { replyProblem, REQUEST_FILE, withScenarioText } from './scenario-text.js';
import { currentUser, hasRole, requireUser } from './session.js';
import { validate } from './validate.js';

const visibility = z.enum(['private', 'shared']);
const name = z
  .string()
  .trim()
  .min(1)
  .max(MAX_NAME_CHARS, `expected at most ${MAX_NAME_CHARS} characters`);
const message = z.string().max(2000);
const text = z.string().min(1, 'expected the scenario text (YAML or JSON)');

export const createScenarioBody = z.strictObject({
  /** Defaults to the scenario's own `name`. */
  name: name.optional(),
  visibility: visibility.default('private'),
  text,
  message: message.default('created'),
});
export const saveVersionBody = z.strictObject({ text, message: message.default('') });
export const patchScenarioBody = z.strictObject({
  name: name.optional(),
  visibility: visibility.optional(),
  /** true archives (hidden from the default list), false restores. */
  archived: z.boolean().optional(),
});
export const listQuery = z.strictObject({
  /** `true`: the caller's archived scenarios instead of the active ones. */
  archived: z.enum(['true', 'false']).optional(),
});
export const duplicateBody = z.strictObject({
  name: name.optional(),
  visibility: visibility.default('private'),
  /** Version to copy; default the latest. */
  version: z.int().min(1).optional(),
});
const versionNumber = z.coerce.number().int().min(1);
export const diffQuery = z.strictObject({ from: versionNumber, to: versionNumber });
const versionParam = z.object({ id: z.string(), version: versionNumber });

function canRead(user: User, s: ScenarioMeta): boolean {
  return s.owner_id === user.id || s.visibility === 'shared';
}

function canWrite(user: User, s: ScenarioMeta): boolean {
  return s.owner_id === user.id && hasRole(user, 'editor');
}

/** `name`, cut to the longest allowed name (a duplicate's " (copy)" may not make it too long). */
function fitName(text: string): string {
  return Array.from(text).slice(0, MAX_NAME_CHARS).join('');
}

export function scenarioRoutes(deps: Deps & { mc: McService }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = deps;
  app.use('*', requireUser('viewer'));

  /** The scenario when the current user may read it; else a 404 answer. */
  async function readable(
    c: Context<AppEnv>,
    id: string,
  ): Promise<{ s: ScenarioMeta } | { response: Response }> {
    const s = await store.getScenario(id);
    if (!s || !canRead(currentUser(c), s)) return { response: notFound(c, 'scenario') };
    return { s };
  }

  async function writable(
    c: Context<AppEnv>,
    id: string,
  ): Promise<{ s: ScenarioMeta } | { response: Response }> {
    const r = await readable(c, id);
    if ('response' in r) return r;
    if (!canWrite(currentUser(c), r.s))
      return {
        response: apiError(
          c,
          403,
          'forbidden',
          'only the owner (with the editor role) changes a scenario; duplicate it instead',
        ),
      };
    return r;
  }

  app.get('/', validate('query', listQuery), async (c) => {
    const archived = c.req.valid('query').archived === 'true';
    return c.json({
      scenarios: await store.listScenariosVisibleTo(currentUser(c).id, { archived }),
    });
  });

  app.post('/', requireUser('editor'), validate('json', createScenarioBody), async (c) => {
    const body = c.req.valid('json');
    return withScenarioText(c, deps, body.text, 'text', async (checked) => {
      const created = await store.createScenario({
        owner_id: currentUser(c).id,
        name: body.name ?? checked.scenario.name,
        visibility: body.visibility,
        text: body.text,
        message: body.message,
      });
      return c.json({ ...created, warnings: checked.warnings }, 201);
    });
  });

  app.get('/:id', async (c) => {
    const r = await readable(c, c.req.param('id'));
    if ('response' in r) return r.response;
    const version = await store.getVersion(r.s.id, 'latest');
    return c.json({ scenario: r.s, version });
  });

  app.patch('/:id', validate('json', patchScenarioBody), async (c) => {
    const r = await writable(c, c.req.param('id'));
    if ('response' in r) return r.response;
    const body = c.req.valid('json');
    const scenario = await store.updateScenario(r.s.id, {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.visibility !== undefined ? { visibility: body.visibility } : {}),
      ...(body.archived !== undefined ? { archived: body.archived } : {}),
    });
    return c.json({ scenario });
  });

  // Deleting: the owner only (a shared scenario's readers get 403, others 404). Its running
  // Monte Carlo runs are cancelled and awaited first, then everything goes in one transaction.
  app.delete('/:id', async (c) => {
    const r = await writable(c, c.req.param('id'));
    if ('response' in r) return r.response;
    for (const id of await store.scenarioMcRunIds(r.s.id, ACTIVE_MC_STATUSES)) {
      deps.mc.cancel(id);
      await deps.mc.settled(id);
    }
    await store.deleteScenario(r.s.id);
    return c.body(null, 204);
  });

  app.get('/:id/versions', async (c) => {
    const r = await readable(c, c.req.param('id'));
    if ('response' in r) return r.response;
    return c.json({ versions: await store.listVersions(r.s.id) });
  });

  app.post('/:id/versions', validate('json', saveVersionBody), async (c) => {
    const r = await writable(c, c.req.param('id'));
    if ('response' in r) return r.response;
    const body = c.req.valid('json');
    return withScenarioText(c, deps, body.text, 'text', async (checked) => {
      const version = await store.saveVersion(r.s.id, {
        author_id: currentUser(c).id,
        text: body.text,
        message: body.message,
      });
      return c.json({ version, warnings: checked.warnings }, 201);
    });
  });

  app.get('/:id/versions/:version', validate('param', versionParam), async (c) => {
    const { id, version } = c.req.valid('param');
    const r = await readable(c, id);
    if ('response' in r) return r.response;
    const v = await store.getVersion(r.s.id, version);
    if (!v) return notFound(c, 'version');
    return c.json({ version: v });
  });

  app.get('/:id/diff', validate('query', diffQuery), async (c) => {
    const r = await readable(c, c.req.param('id'));
    if ('response' in r) return r.response;
    const { from, to } = c.req.valid('query');
    const [a, b] = await Promise.all([
      store.getVersion(r.s.id, from),
      store.getVersion(r.s.id, to),
    ]);
    if (!a || !b) return notFound(c, `version ${!a ? from : to}`);
    return c.json({ from, to, ...diffScenarioTexts(a.text, b.text, `v${from}`, `v${to}`) });
  });

  app.post('/:id/duplicate', requireUser('editor'), validate('json', duplicateBody), async (c) => {
    const r = await readable(c, c.req.param('id'));
    if ('response' in r) return r.response;
    const body = c.req.valid('json');
    const source = await store.getVersion(r.s.id, body.version ?? 'latest');
    if (!source) return notFound(c, 'version');
    const created = await store.createScenario({
      owner_id: currentUser(c).id,
      name: body.name ?? fitName(`${r.s.name} (copy)`),
      visibility: body.visibility,
      text: source.text,
      message: `duplicated from "${r.s.name}" v${source.version}`,
    });
    return c.json(created, 201);
  });

  app.get('/:id/versions/:version/appraisal', validate('param', versionParam), async (c) => {
    const { id, version } = c.req.valid('param');
    const r = await readable(c, id);
    if ('response' in r) return r.response;
    const v = await store.getVersion(r.s.id, version);
    if (!v) return notFound(c, 'version');
    const stored = await store.latestAppraisal(v.id);
    if (!stored) return notFound(c, 'appraisal');
    return c.json(stored);
  });

  app.post('/:id/versions/:version/appraisal', validate('param', versionParam), async (c) => {
    const { id, version } = c.req.valid('param');
    const r = await readable(c, id);
    if ('response' in r) return r.response;
    const v = await store.getVersion(r.s.id, version);
    if (!v) return notFound(c, 'version');
    return deps.gate.run(c, async () => {
      const reply = await deps.pool().appraise({ text: v.text, file: REQUEST_FILE });
      const problem = replyProblem(c, reply, `version ${version}`);
      if (problem !== undefined || reply.kind !== 'ok') return problem ?? notFound(c);
      const meta = await store.saveAppraisalJson(v.id, VERSION, reply.json);
      // The appraisal is spliced in as the JSON text the worker made: no parse and re-serialise.
      const head = JSON.stringify(meta).slice(0, -1);
      return c.body(`${head},"result":${reply.json}}`, 201, {
        'Content-Type': 'application/json; charset=UTF-8',
      });
    });
  });

  // Report downloads: same access as reading the version; the version is appraised afresh.
  for (const format of REPORT_FORMATS) {
    app.get(
      `/:id/versions/:version/report.${format}`,
      validate('param', versionParam),
      async (c) => {
        const { id, version } = c.req.valid('param');
        const r = await readable(c, id);
        if ('response' in r) return r.response;
        const v = await store.getVersion(r.s.id, version);
        if (!v) return notFound(c, 'version');
        return reportResponse(c, deps, v.text, format, {
          name: r.s.name,
          version,
          now: deps.options.now(),
        });
      },
    );
  }

  return app;
}
