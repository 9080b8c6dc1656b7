/**
 * Scenario texts sent to the API: validated with the CLI's own parser, appraised and reported,
 * always in the worker pool (the event loop only moves bytes) and behind the work gate (503
 * `busy` when too many wait). Typed errors of the core become HTTP answers here.
 */
import type { Context } from 'hono';
import type { Problem, Scenario } from '../scenario/index.js';
import type { TaskError, TaskReply } from '../workers/scenario-tasks.js';
import type { Deps } from './context.js';
import { apiError } from './http-error.js';

/** Label used as `file` in problems found in request bodies. */
export const REQUEST_FILE = '<request body>';

export type Checked =
  { ok: true; scenario: Scenario; warnings: Problem[] } | { ok: false; response: Response };

/** `400 invalid_scenario` with every problem (path, line, column, message, value, suggestion). */
export function invalidScenario(c: Context, field: string, problems: Problem[]): Response {
  const errors = problems.filter((p) => p.severity !== 'warning');
  return apiError(
    c,
    400,
    'invalid_scenario',
    `${field}: the scenario has ${errors.length} problem${errors.length === 1 ? '' : 's'}`,
    problems,
  );
}

/**
 * A typed error of the core as an answer: `InputError` → 400 `invalid_input` naming the field;
 * not implemented or no convergence → 422 (the model cannot compute it; nothing is invented).
 */
export function taskErrorResponse(c: Context, error: TaskError): Response {
  if (error.kind === 'input')
    return apiError(c, 400, 'invalid_input', error.message, [
      { path: error.field, message: `expected ${error.expected}`, value: error.value },
    ]);
  return apiError(
    c,
    422,
    error.code,
    error.message,
    error.field !== undefined ? [{ path: error.field, message: error.message }] : undefined,
  );
}

/** The answer to a failed task, or undefined when it succeeded. */
export function replyProblem<T>(
  c: Context,
  reply: TaskReply<T>,
  field: string,
): Response | undefined {
  if (reply.kind === 'invalid') return invalidScenario(c, field, reply.problems);
  if (reply.kind === 'error') return taskErrorResponse(c, reply.error);
  return undefined;
}

/**
 * Parses scenario text in the worker pool; on failure the answer is
 * `400 { error: 'invalid_scenario', problems: [{ file, line, column, path, message, value?, suggestion? }] }`,
 * or 503 `busy` when the pool's queue is full.
 *
 * @param field - Where the text came from in the request (named in the message).
 * @param then - What to do with the valid scenario.
 */
export function withScenarioText(
  c: Context,
  deps: Deps,
  text: string,
  field: string,
  then: (checked: { scenario: Scenario; warnings: Problem[] }) => Promise<Response>,
): Promise<Response> {
  return deps.gate.run(c, async () => {
    const result = await deps.pool().parse({ text, file: REQUEST_FILE });
    if (!result.ok) return invalidScenario(c, field, result.problems);
    return then({ scenario: result.scenario, warnings: result.warnings });
  });
}
