/** Validating scenario text sent to the API with the CLI's own parser. */
import type { Context } from 'hono';
import { parseScenario, type Problem, type Scenario } from '../scenario/index.js';
import { apiError } from './http-error.js';

/** Label used as `file` in problems found in request bodies. */
export const REQUEST_FILE = '<request body>';

export type Checked =
  { ok: true; scenario: Scenario; warnings: Problem[] } | { ok: false; response: Response };

/**
 * Parses scenario text; on failure the answer is
 * `400 { error: 'invalid_scenario', problems: [{ file, line, column, path, message, value?, suggestion? }] }`.
 *
 * @param field - Where the text came from in the request, prefixed to nothing but the message.
 */
export function checkScenarioText(c: Context, text: string, field: string): Checked {
  const result = parseScenario(text, REQUEST_FILE);
  if (result.ok) return { ok: true, scenario: result.scenario, warnings: result.warnings };
  const errors = result.problems.filter((p) => p.severity !== 'warning');
  return {
    ok: false,
    response: apiError(
      c,
      400,
      'invalid_scenario',
      `${field}: the scenario has ${errors.length} problem${errors.length === 1 ? '' : 's'}`,
      result.problems,
    ),
  };
}
