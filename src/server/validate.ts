/** Request validation with zod; failures answer 400 with every problem and its field path. */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { formatPath } from '../scenario/index.js';
import { apiError } from './http-error.js';

/**
 * zod validation of a request part (`json`, `query`, `param`) answering
 * `400 { error: 'invalid_request', problems: [{ path, message }] }` on failure.
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const problems = result.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: issue.message,
      }));
      return apiError(
        c,
        400,
        'invalid_request',
        `invalid ${target}: ${problems.map((p) => `${p.path || '(body)'}: ${p.message}`).join('; ')}`,
        problems,
      );
    }
    return undefined;
  });
}
