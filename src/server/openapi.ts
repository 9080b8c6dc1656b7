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
    403: 'role too low, not the owner, or the one-time password must be changed first',
    404: 'no such resource, or not readable by this user (private scenarios of others)',
    409: 'conflict (name taken)',
    413: 'request body larger than the limit',
    429: 'too many failed logins for this user name; see Retry-After',
    422: 'the model cannot compute this scenario yet (not implemented / no convergence)',
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
        McRun: {
          type: 'object',
          required: ['id', 'status', 'samples', 'seed', 'method', 'completed_samples', 'progress'],
          properties: {
            id: { type: 'string' },
            status: { enum: ['queued', 'running', 'done', 'failed', 'cancelled'] },
            scenario_version_id: { type: ['string', 'null'] },
            scenario_name: { type: ['string', 'null'] },
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
                'when done: { run_id, samples, failed, seed, method, metrics: { <output>: { n, non_finite, mean, std, min, max, p5, p10, p50, p90, p95, prob_negative, mcse_mean, mcse_prob_negative, histogram, ecdf } }, failures, inputs } (docs/cli.md)',
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
          responses: ok('ok', {
            type: 'object',
            properties: { status: { const: 'ok' }, version: { type: 'string' }, database: {} },
          }),
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
          summary: 'own and shared scenarios',
          responses: { ...ok('list'), ...errors(401) },
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
          summary: 'appraise a version and store the result',
          parameters: [idParam, versionParam],
          responses: { ...ok('stored', { type: 'object' }, '201'), ...errors(400, 401, 404, 422) },
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
      '/api/mc-runs': {
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
            ...errors(400, 401, 403, 404, 413, 422),
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
            'server-sent events: `progress` {completed_samples, samples} while it runs, then one `done` event with the run (status done, failed or cancelled)',
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
          summary: 'appraise a scenario sent as text (YAML or JSON); nothing is stored',
          requestBody: {
            required: true,
            content: {
              'application/yaml': { schema: { type: 'string' } },
              'application/json': { schema: { type: 'object' } },
              'text/plain': { schema: { type: 'string' } },
            },
          },
          responses: { ...ok('appraisal', ref('Appraisal')), ...errors(400, 401, 413, 422) },
        },
      },
    },
  };
}
