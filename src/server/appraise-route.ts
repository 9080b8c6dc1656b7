/** Running the pure core's `appraise` for the API, mapping its typed errors to HTTP answers. */
import type { Context } from 'hono';
import { appraise } from '../appraise.js';
import type { Appraisal } from '../appraisal.js';
import { ConvergenceError, InputError, NotImplementedError } from '../errors.js';
import type { Scenario } from '../scenario/index.js';
import { apiError } from './http-error.js';

/**
 * Appraises a validated scenario. `InputError` → 400 naming the field; `NotImplementedError`
 * and `ConvergenceError` → 422 (the model cannot compute it; nothing is invented).
 */
export function runAppraisal(
  c: Context,
  scenario: Scenario,
): { ok: true; appraisal: Appraisal } | { ok: false; response: Response } {
  try {
    return { ok: true, appraisal: appraise(scenario) };
  } catch (error) {
    if (error instanceof InputError)
      return {
        ok: false,
        response: apiError(c, 400, 'invalid_input', error.message, [
          { path: error.field, message: `expected ${error.expected}`, value: error.value },
        ]),
      };
    if (error instanceof NotImplementedError || error instanceof ConvergenceError)
      return { ok: false, response: apiError(c, 422, error.code, error.message) };
    throw error;
  }
}
