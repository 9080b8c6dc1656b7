/**
 * The OpenAPI 3.1 description of `/api`, written by hand next to the routes; request bodies are
 * generated from the same zod schemas that validate them (`z.toJSONSchema`). A test checks that
 * every route the app registers is listed here.
 */
import { z } from 'zod';
import { VERSION } from '../version.js';
import { loginBody, passwordBody } from './auth-routes.js';
import {
  createScenarioBody,
  duplicateBody,
  patchScenarioBody,
  saveVersionBody,
} from './scenario-routes.js';
import { createUserBody, patchUserBody } from './user-routes.js';
import { createMcRunBody } from './mc-run-routes.js';
import { feasibleRegionBody } from './feasible-region-routes.js';
import { SCENARIO_TYPES } from './csrf.js';

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (schema: z.ZodType): Json => ({
  required: true,
  content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } },
});
const ok = (description: string, schema: Json = { type: 'object' }, status = '200'): Json => ({
  [status]: { description, content: { 'application/json': { schema } } },
});
const errors = (...codes: number[]): Json => {
  const text: Record<number, string> = {
    400: 'invalid request or scenario: `problems` names each field (path, line, column, message)',
    401: 'not logged in',
    403: 'role too low, not the owner, the one-time password must be changed first, or (`cross_site`, on every state-changing request) neither a same-origin `Origin` nor `Sec-Fetch-Site: same-origin|none`',
    404: 'no such resource, or not readable by this user (private scenarios of others)',
    409: 'conflict (name taken; run not in a state for this)',
    413: 'request body larger than the limit',
    415: '`unsupported_media_type`: a body that is not JSON (form, multipart and text/plain bodies are refused on every state-changing route)',
    429: 'too many failed logins for this account or client (`too_many_attempts`, see Retry-After), or too many Monte Carlo runs at once (`quota_exceeded`)',
    422: 'the model cannot compute this scenario yet (not implemented / no convergence)',
    503: '`busy`: too many requests wait for a worker thread (see Retry-After); `database_read_only` / `database_busy` / `database_unavailable`',
    507: '`insufficient_storage`: the database disk is full; nothing was saved',
  };
  return Object.fromEntries(
    codes.map((code) => [
      String(code),
      {
        description: text[code] ?? 'error',
        content: { 'application/json': { schema: ref('Error') } },
      },
    ]),
  );
};
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const versionParam = {
  name: 'version',
  in: 'path',
  required: true,
  schema: { type: 'integer', minimum: 1 },
};

/** `GET …/report.html|.pdf|.xlsx`: the report of a version, appraised afresh. */
function reportPaths(): Json {
  const kinds: [string, string, string][] = [
    [
      'html',
      'text/html',
      'self-contained HTML report (inline CSS and SVG charts, no scripts), shown inline',
    ],
    ['pdf', 'application/pdf', 'PDF of the HTML report (headless Chromium), as an attachment'],
    [
      'xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'XLSX workbook (cash-flow sheet with live formulas when the appraisal has a cash flow), as an attachment',
    ],
  ];
  return Object.fromEntries(
    kinds.map(([ext, type, what]) => [
      `/api/scenarios/{id}/versions/{version}/report.${ext}`,
      {
        get: {
          summary: `report of a version: ${what} (readers; docs/reports.md)`,
          parameters: [idParam, versionParam],
          responses: {
            '200': {
              description: `${what}; Content-Disposition names the file <scenario>-v<version>.${ext}`,
              content: { [type]: { schema: { type: 'string', format: 'binary' } } },
            },
            ...errors(400, 401, 404, 422),
            ...(ext === 'pdf'
              ? {
                  '503': {
                    description: 'Chromium cannot be started on the server',
                    content: { 'application/json': { schema: ref('Error') } },
                  },
                }
              : {}),
          },
        },
      },
    ]),
  );
}

/** The OpenAPI document served at `/api/openapi.json`. */
export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'chromflow API',
      version: VERSION,
      description:
        'Scenarios with immutable versions, diffs and appraisals of the chromflow model. Authentication by session cookie (POST /api/auth/login). Errors: `{ error, message, problems? }`.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'chromflow_session' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error', 'message'],
          properties: {
            error: { type: 'string' },
            message: { type: 'string' },
            problems: {
              type: 'array',
              items: {
                type: 'object',
                required: ['path', 'message'],
                properties: {
                  file: { type: 'string' },
                  line: { type: 'integer' },
                  column: { type: 'integer' },
                  path: { type: 'string' },
                  message: { type: 'string' },
                  value: {},
                  suggestion: { type: 'string' },
                  severity: { enum: ['error', 'warning'] },
                },
              },
            },
          },
        },
        User: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            email: { type: ['string', 'null'] },
            role: { enum: ['viewer', 'editor', 'admin'] },
            must_change_password: { type: 'boolean' },
            created_at: { type: 'string', format: 'date-time' },
          },
        },
        Scenario: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            owner_id: { type: 'string' },
            owner_name: { type: 'string' },
            name: { type: 'string' },
            visibility: { enum: ['private', 'shared'] },
            created_at: { type: 'string', format: 'date-time' },
            updated_at: { type: 'string', format: 'date-time' },
            latest_version: { type: 'integer' },
            archived_at: {
              type: ['string', 'null'],
              format: 'date-time',
              description: 'when the owner archived it; null while active',
            },
          },
        },
        Version: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            scenario_id: { type: 'string' },
            version: { type: 'integer' },
            author_id: { type: 'string' },
            author_name: { type: 'string' },
            created_at: { type: 'string', format: 'date-time' },
            message: { type: 'string' },
            text: { type: 'string', description: 'absent in version lists' },
          },
        },
        McLimits: {
          type: 'object',
          required: [
            'max_samples',
            'max_concurrent_runs_per_user',
            'min_chunk_size',
            'max_chunk_size',
          ],
          properties: {
            max_samples: { type: 'integer' },
            max_concurrent_runs_per_user: { type: 'integer' },
            min_chunk_size: { type: 'integer' },
            max_chunk_size: { type: 'integer' },
          },
        },
        McRun: {
          type: 'object',
          required: ['id', 'status', 'samples', 'seed', 'method', 'completed_samples', 'progress'],
          properties: {
            id: { type: 'string' },
            status: {
              enum: ['queued', 'running', 'done', 'failed', 'cancelled', 'interrupted'],
              description:
                'interrupted: left running by a server that stopped (marked at its next start); resumable like failed and cancelled',
            },
            name: { type: ['string', 'null'] },
            scenario_version_id: { type: ['string', 'null'] },
            scenario_name: { type: ['string', 'null'] },
            created_by: { type: ['string', 'null'] },
            chunk_size: { type: ['integer', 'null'] },
            samples: { type: 'integer' },
            seed: { type: 'integer' },
            method: { enum: ['mc', 'lhs', 'sobol'] },
            completed_samples: { type: 'integer' },
            progress: { type: 'number', minimum: 0, maximum: 1 },
            created_at: { type: 'string' },
            updated_at: { type: 'string' },
            error: { type: ['string', 'null'] },
            report: {
              type: 'object',
              description:
                "when done, for its creator only (admins see other users' runs without it): { run_id, samples, failed, seed, method, metrics: { <output>: { n, non_finite, mean, std, min, max, p5, p10, p50, p90, p95, prob_negative, mcse_mean, mcse_prob_negative, histogram, ecdf } }, failures, inputs } (docs/cli.md)",
            },
          },
        },
        Appraisal: {
          type: 'object',
          description: 'The Appraisal object of src/appraisal.ts (docs/cli.md lists its keys)',
        },
        Diff: {
          type: 'object',
          properties: {
            from: { type: 'integer' },
            to: { type: 'integer' },
            changes: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  path: { type: 'string' },
                  kind: { enum: ['added', 'removed', 'changed'] },
                  before: {},
                  after: {},
                },
              },
            },
            unified: { type: 'string' },
            parse_error: { type: 'string' },
          },
        },
      },
    },
    security: [{ session: [] }],
    paths: {
      '/api/health': {
        get: {
          summary: 'liveness and database check',
          security: [],
          responses: {
            ...ok('ok', {
              type: 'object',
              properties: {
                status: { enum: ['ok', 'error'] },
                version: { type: 'string' },
                database: { enum: ['sqlite', 'postgres'] },
                database_writable: { type: 'boolean' },
                database_error: { type: 'string' },
              },
            }),
            '503': {
              description:
                'the database does not answer, or cannot take writes (disk full, read-only): status error, database_writable false, database_error says why',
            },
          },
        },
      },
      '/api/openapi.json': {
        get: { summary: 'this document', security: [], responses: ok('OpenAPI 3.1') },
      },
      '/api/auth/login': {
        post: {
          summary: 'log in; sets the session cookie (HttpOnly, SameSite=Strict, Secure over https)',
          security: [],
          requestBody: jsonBody(loginBody),
          responses: { ...ok('logged in'), ...errors(400, 401, 429) },
        },
      },
      '/api/auth/logout': {
        post: { summary: 'log out', responses: { '204': { description: 'logged out' } } },
      },
      '/api/auth/me': {
        get: { summary: 'the current user', responses: { ...ok('user'), ...errors(401) } },
      },
      '/api/auth/password': {
        post: {
          summary: 'change the own password (clears must_change_password)',
          requestBody: jsonBody(passwordBody),
          responses: { ...ok('changed'), ...errors(400, 401, 403) },
        },
      },
      '/api/users': {
        get: {
          summary: 'list users (admin)',
          responses: { ...ok('users'), ...errors(401, 403) },
        },
        post: {
          summary: 'register a user (admin); returns one_time_password when none was given',
          requestBody: jsonBody(createUserBody),
          responses: { ...ok('created', ref('User'), '201'), ...errors(400, 401, 403, 409) },
        },
      },
      '/api/users/{id}': {
        patch: {
          summary: 'change role or reset the password (admin)',
          parameters: [idParam],
          requestBody: jsonBody(patchUserBody),
          responses: { ...ok('updated'), ...errors(400, 401, 403, 404) },
        },
      },
      '/api/scenarios': {
        get: {
          summary:
            'own and shared scenarios, without archived ones; `?archived=true`: the own archived ones',
          parameters: [
            {
              name: 'archived',
              in: 'query',
              required: false,
              schema: { enum: ['true', 'false'] },
            },
          ],
          responses: { ...ok('list'), ...errors(400, 401) },
        },
        post: {
          summary: 'create a scenario (editor); the text is validated like `chromflow validate`',
          requestBody: jsonBody(createScenarioBody),
          responses: { ...ok('created', { type: 'object' }, '201'), ...errors(400, 401, 403, 413) },
        },
      },
      '/api/scenarios/{id}': {
        get: {
          summary: 'a scenario and its latest version',
          parameters: [idParam],
          responses: { ...ok('scenario'), ...errors(401, 404) },
        },
        patch: {
          summary: 'rename or share/unshare (owner, editor)',
          parameters: [idParam],
          requestBody: jsonBody(patchScenarioBody),
          responses: { ...ok('updated'), ...errors(400, 401, 403, 404) },
        },
        delete: {
          summary:
            'delete a scenario with its versions, stored appraisals and Monte Carlo runs (owner; running runs are cancelled first)',
          parameters: [idParam],
          responses: { '204': { description: 'deleted' }, ...errors(401, 403, 404) },
        },
      },
      '/api/scenarios/{id}/versions': {
        get: {
          summary: 'versions, newest first (without text)',
          parameters: [idParam],
          responses: { ...ok('versions'), ...errors(401, 404) },
        },
        post: {
          summary: 'save a new version (owner, editor); validated like `chromflow validate`',
          parameters: [idParam],
          requestBody: jsonBody(saveVersionBody),
          responses: {
            ...ok('saved', ref('Version'), '201'),
            ...errors(400, 401, 403, 404, 413),
          },
        },
      },
      '/api/scenarios/{id}/versions/{version}': {
        get: {
          summary: 'one version with its text',
          parameters: [idParam, versionParam],
          responses: { ...ok('version', ref('Version')), ...errors(400, 401, 404) },
        },
      },
      '/api/scenarios/{id}/versions/{version}/appraisal': {
        get: {
          summary: 'the latest stored appraisal of a version',
          parameters: [idParam, versionParam],
          responses: { ...ok('appraisal'), ...errors(401, 404) },
        },
        post: {
          summary: 'appraise a version (in a worker thread) and store the result',
          parameters: [idParam, versionParam],
          responses: {
            ...ok('stored', { type: 'object' }, '201'),
            ...errors(400, 401, 404, 422, 503, 507),
          },
        },
      },
      '/api/scenarios/{id}/versions/{version}/appraisal.json': {
        get: {
          summary:
            "the version's Appraisal by this server's code, computed once per process and cached (ETag); the web UI's first load",
          parameters: [idParam, versionParam],
          responses: { ...ok('appraisal', ref('Appraisal')), ...errors(400, 401, 404, 422) },
        },
      },
      ...reportPaths(),
      '/api/scenarios/{id}/diff': {
        get: {
          summary: 'diff of two versions: field changes by path and a unified text diff',
          parameters: [
            idParam,
            { name: 'from', in: 'query', required: true, schema: { type: 'integer' } },
            { name: 'to', in: 'query', required: true, schema: { type: 'integer' } },
          ],
          responses: { ...ok('diff', ref('Diff')), ...errors(400, 401, 404) },
        },
      },
      '/api/scenarios/{id}/duplicate': {
        post: {
          summary: 'copy a readable scenario into a new one owned by the caller (editor)',
          parameters: [idParam],
          requestBody: jsonBody(duplicateBody),
          responses: { ...ok('created', { type: 'object' }, '201'), ...errors(400, 401, 403, 404) },
        },
      },
      '/api/feasible-region/limits': {
        get: {
          summary:
            'the limits of a feasible-region request (grid rows), for forms to check before posting',
          responses: {
            ...ok('limits', {
              type: 'object',
              properties: { max_rows: { type: 'integer' }, default_rows: { type: 'integer' } },
            }),
            ...errors(401),
          },
        },
      },
      '/api/feasible-region': {
        post: {
          summary:
            'the feasible region of two inputs of a stored version (chromflow solve --vary a --vary b): for a grid of the first input, the value of the second at which the output equals the target; rows without a value carry their reason. Computed in the worker pool; one request per user at a time (429)',
          requestBody: jsonBody(feasibleRegionBody),
          responses: {
            ...ok(
              '{ output, target, vary, base_values, range_x, range_y, rows: [{ x, y, achieved, feasible_above, reason? }], evaluations, version }',
              {
                type: 'object',
              },
            ),
            ...errors(400, 401, 404, 413, 422, 429, 503),
          },
        },
      },
      '/api/mc-runs/limits': {
        get: {
          summary:
            'the limits of Monte Carlo runs (server options), for forms to check before posting',
          responses: { ...ok('limits', ref('McLimits')), ...errors(401) },
        },
      },
      '/api/mc-runs': {
        get: {
          summary:
            "the caller's runs of a scenario they may read, newest first (metadata, without report)",
          parameters: [
            { name: 'scenario_id', in: 'query', required: true, schema: { type: 'string' } },
          ],
          responses: {
            ...ok('runs', {
              type: 'object',
              properties: { runs: { type: 'array', items: ref('McRun') } },
            }),
            ...errors(400, 401, 404),
          },
        },
        post: {
          summary:
            'start a Monte Carlo run (editor) of a stored scenario version or of scenario text; it runs in the background in the worker-thread pool and is stored chunk by chunk',
          requestBody: jsonBody(createMcRunBody),
          responses: {
            ...ok(
              'accepted: the run (status queued) with links to itself and its events',
              ref('McRun'),
              '202',
            ),
            ...errors(400, 401, 403, 404, 413, 422, 429, 503),
          },
        },
      },
      '/api/mc-runs/{id}/cancel': {
        post: {
          summary:
            'cancel a run (its creator): waiting chunks are dropped, running ones ended; the finished chunks stay (resumable); idempotent',
          parameters: [idParam],
          responses: {
            ...ok('the run (status cancelled once stopped)', ref('McRun'), '202'),
            ...errors(401, 403, 404, 409),
          },
        },
      },
      '/api/mc-runs/{id}/resume': {
        post: {
          summary:
            'continue a failed, cancelled or interrupted run (its creator, editor): only the missing chunks are evaluated; bit-identical to an uninterrupted run',
          parameters: [idParam],
          responses: {
            ...ok('the run (status queued)', ref('McRun'), '202'),
            ...errors(401, 403, 404, 409, 429),
          },
        },
      },
      '/api/mc-runs/{id}/export.csv': {
        get: {
          summary:
            'every sample of a done run as CSV (RFC 4180; its creator): sample, the sampled inputs, the outputs (empty for a failed sample), error',
          parameters: [idParam],
          responses: {
            '200': {
              description: 'text/csv, attachment mc-run-<id>.csv',
              content: { 'text/csv': { schema: { type: 'string' } } },
            },
            ...errors(401, 403, 404, 409),
          },
        },
      },
      '/api/mc-runs/{id}': {
        get: {
          summary:
            'status and progress of a run; `report` when done (keys as `chromflow mc --json`)',
          parameters: [idParam],
          responses: { ...ok('run', ref('McRun')), ...errors(401, 404) },
        },
      },
      '/api/mc-runs/{id}/events': {
        get: {
          summary:
            'server-sent events: `progress` {completed_samples, samples} while it runs, then one `done` event with the run (status done, failed, cancelled or interrupted)',
          parameters: [idParam],
          responses: {
            '200': {
              description: 'text/event-stream',
              content: { 'text/event-stream': { schema: { type: 'string' } } },
            },
            ...errors(401, 404),
          },
        },
      },
      '/api/appraise': {
        post: {
          summary:
            'appraise a scenario sent as text (YAML or JSON); computed in a worker thread; nothing is stored',
          requestBody: {
            required: true,
            content: Object.fromEntries(
              SCENARIO_TYPES.map((t) => [
                t,
                { schema: t === 'application/json' ? { type: 'object' } : { type: 'string' } },
              ]),
            ),
          },
          responses: {
            ...ok('appraisal', ref('Appraisal')),
            ...errors(400, 401, 403, 413, 415, 422, 503),
          },
        },
      },
    },
  };
}
