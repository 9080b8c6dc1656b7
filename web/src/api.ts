/** Client of the chromflow REST API (docs/server.md). Same origin; the session is a cookie. */

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
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: {} };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'Content-Type': 'application/json' };
  }
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
    throw new ApiError(
      res.status,
      e.error ?? 'http_' + String(res.status),
      e.message ?? (typeof data === 'string' && data !== '' ? data : res.statusText),
      e.problems ?? [],
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
  scenarios: () => call<{ scenarios: ScenarioMeta[] }>('GET', '/api/scenarios'),
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
};

/** Download links of the reports of a version (the report routes of issue 8). */
export function reportUrl(id: string, version: number, format: 'html' | 'pdf' | 'xlsx'): string {
  return `/api/scenarios/${id}/versions/${version}/report.${format}`;
}
