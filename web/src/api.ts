/** Client of the chromflow REST API (docs/server.md). Same origin; the session is a cookie. */

import type { FeasibleRegionResult } from '../../src/analysis/feasible-region.js';
import type {
  User,
  ScenarioMeta,
  VersionMeta,
  ScenarioVersion as Version,
} from '../../src/store/repository.js';
import type { VersionDiff } from '../../src/store/diff.js';

export type { User, ScenarioMeta, VersionMeta, Version };
export type Diff = VersionDiff & { from: number; to: number };

export interface ApiProblem {
  path: string;
  message: string;
  line?: number;
  column?: number;
  value?: unknown;
  suggestion?: string;
}

/** An error answer of the API: HTTP status, stable code, message and field problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: ApiProblem[] = [],
    /** Seconds to wait before retrying (503 busy, Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** A scenario as listed, with its archive time (`archived_at`, null when not archived). */
export type Scenario = ScenarioMeta & { archived_at?: string | null };

export type McStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';

export interface McRunView {
  id: string;
  status: McStatus;
  samples: number;
  completed_samples: number;
  progress?: number;
  created_at: string;
  updated_at?: string;
  error: string | null;
  scenario_name?: string | null;
  report?: unknown;
}

export interface McLimits {
  max_samples: number;
  max_concurrent_runs_per_user: number;
  min_chunk_size: number;
  max_chunk_size: number;
}

export type StoredAppraisal = import('../../src/appraisal.js').Appraisal;

/**
 * The fetch options of a request. Every state-changing request is JSON with its Content-Type
 * set (the server refuses other content types and cross-site requests); a POST without a body
 * sends `{}`.
 */
export function requestInit(method: string, body?: unknown): RequestInit {
  const init: RequestInit = { method, credentials: 'same-origin' };
  if (method !== 'GET' && method !== 'HEAD') {
    init.headers = { 'Content-Type': 'application/json' };
    if (body !== undefined) init.body = JSON.stringify(body);
    else if (method === 'POST') init.body = '{}';
  }
  return init;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init = requestInit(method, body);
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('Content-Type') ?? '';
  const data: unknown = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const e = (typeof data === 'object' && data !== null ? data : {}) as {
      error?: string;
      message?: string;
      problems?: ApiProblem[];
    };
    const retry = Number(res.headers.get('Retry-After') ?? '');
    throw new ApiError(
      res.status,
      e.error ?? 'http_' + String(res.status),
      e.message ?? (typeof data === 'string' && data !== '' ? data : res.statusText),
      e.problems ?? [],
      Number.isFinite(retry) && retry > 0 ? retry : undefined,
    );
  }
  return data as T;
}

export const api = {
  me: () => call<{ user: User }>('GET', '/api/auth/me'),
  login: (username: string, password: string) =>
    call<{ user: User }>('POST', '/api/auth/login', { username, password }),
  logout: () => call<undefined>('POST', '/api/auth/logout'),
  changePassword: (current_password: string, new_password: string) =>
    call<{ user: User }>('POST', '/api/auth/password', { current_password, new_password }),
  scenarios: (archived = false) =>
    call<{ scenarios: Scenario[] }>('GET', `/api/scenarios${archived ? '?archived=true' : ''}`),
  createScenario: (body: {
    text: string;
    name?: string;
    visibility?: 'private' | 'shared';
    message?: string;
  }) =>
    call<{ scenario: ScenarioMeta; version: VersionMeta; warnings: ApiProblem[] }>(
      'POST',
      '/api/scenarios',
      body,
    ),
  patchScenario: (
    id: string,
    body: { name?: string; visibility?: 'private' | 'shared'; archived?: boolean },
  ) => call<{ scenario: Scenario }>('PATCH', `/api/scenarios/${id}`, body),
  deleteScenario: (id: string) => call<undefined>('DELETE', `/api/scenarios/${id}`),
  /** The version's appraisal as the server computed and cached it (first load of a dashboard). */
  appraisal: (id: string, n: number) =>
    call<StoredAppraisal>('GET', `/api/scenarios/${id}/versions/${String(n)}/appraisal.json`),
  users: () => call<{ users: User[] }>('GET', '/api/users'),
  createUser: (body: { name: string; email?: string; role: User['role'] }) =>
    call<{ user: User; one_time_password?: string }>('POST', '/api/users', body),
  patchUser: (id: string, body: { role?: User['role']; reset_password?: boolean }) =>
    call<{ user: User; one_time_password?: string }>('PATCH', `/api/users/${id}`, body),
  mcLimits: () => call<McLimits>('GET', '/api/mc-runs/limits'),
  mcRuns: (scenarioId: string) =>
    call<{ runs: McRunView[] }>(
      'GET',
      `/api/mc-runs?scenario_id=${encodeURIComponent(scenarioId)}`,
    ),
  cancelMcRun: (runId: string) => call<unknown>('POST', `/api/mc-runs/${runId}/cancel`),
  scenario: (id: string) =>
    call<{ scenario: ScenarioMeta; version: Version }>('GET', `/api/scenarios/${id}`),
  versions: (id: string) =>
    call<{ versions: VersionMeta[] }>('GET', `/api/scenarios/${id}/versions`),
  version: (id: string, n: number) =>
    call<{ version: Version }>('GET', `/api/scenarios/${id}/versions/${n}`),
  saveVersion: (id: string, text: string, message: string) =>
    call<{ version: VersionMeta; warnings: ApiProblem[] }>(
      'POST',
      `/api/scenarios/${id}/versions`,
      { text, message },
    ),
  diff: (id: string, from: number, to: number) =>
    call<Diff>('GET', `/api/scenarios/${id}/diff?from=${from}&to=${to}`),
  duplicate: (id: string, name?: string) =>
    call<{ scenario: ScenarioMeta }>(
      'POST',
      `/api/scenarios/${id}/duplicate`,
      name !== undefined ? { name } : {},
    ),
  /** Monte Carlo run as a server job (issue 7/8 routes; may be absent on older servers). */
  /** A stored version (`scenario_id`, `version`) or scenario text (`text`), as the server takes. */
  startMcRun: (
    body:
      | { scenario_id: string; version: number; samples: number; seed?: number }
      | { text: string; samples: number; seed?: number },
  ) => call<unknown>('POST', '/api/mc-runs', body),
  mcRun: (runId: string) => call<unknown>('GET', `/api/mc-runs/${runId}`),
  feasibleLimits: () =>
    call<{ max_rows: number; default_rows: number }>('GET', '/api/feasible-region/limits'),
  /** The feasible region of two inputs of a stored version (computed on request). */
  feasibleRegion: (body: FeasibleRegionRequest) =>
    call<FeasibleRegionAnswer>('POST', '/api/feasible-region', body),
};

export interface FeasibleRegionRequest {
  scenario_id: string;
  version: number;
  output: string;
  target: number;
  vary: [string, string];
  range_x: [number, number];
  range_y: [number, number];
  rows: number;
}

/** The server's answer (src/analysis/feasible-region.ts FeasibleRegionResult + the version). */
export type FeasibleRegionAnswer = FeasibleRegionResult & { version: number };

/** The CSV of a run's samples. */
export function mcCsvUrl(runId: string): string {
  return `/api/mc-runs/${runId}/export.csv`;
}

/** POST scenario text to /api/appraise (YAML or JSON as `application/yaml`). */
export async function appraiseText(text: string): Promise<StoredAppraisal> {
  const res = await fetch('/api/appraise', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/yaml' },
    body: text,
  });
  const data = (await res.json()) as StoredAppraisal & {
    error?: string;
    message?: string;
    problems?: ApiProblem[];
  };
  if (!res.ok)
    throw new ApiError(
      res.status,
      data.error ?? `http_${String(res.status)}`,
      data.message ?? '',
      data.problems ?? [],
    );
  return data;
}

/** Download links of the reports of a version (the report routes of issue 8). */
export function reportUrl(id: string, version: number, format: 'html' | 'pdf' | 'xlsx'): string {
  return `/api/scenarios/${id}/versions/${version}/report.${format}`;
}
