/**
 * The JSON error answers of the API. Every error body is `{ error, message, problems? }`:
 * `error` is a stable code, `problems` (for 400) lists `{ path, message, line?, column?, … }`.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface ApiProblem {
  path: string;
  message: string;
  line?: number;
  column?: number;
  value?: unknown;
  suggestion?: string;
  severity?: 'error' | 'warning';
  file?: string;
}

export interface ApiErrorBody {
  error: string;
  message: string;
  problems?: ApiProblem[];
}

export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  message: string,
  problems?: ApiProblem[],
): Response {
  const body: ApiErrorBody = { error, message, ...(problems ? { problems } : {}) };
  return c.json(body, status);
}

export const notFound = (c: Context, what = 'resource'): Response =>
  apiError(c, 404, 'not_found', `no such ${what}`);
