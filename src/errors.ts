/**
 * Typed errors shared by every layer of the core. Each carries enough context for the edges
 * (CLI, server) to print a message a user can act on, and a stable `code` for machines.
 */

/** A value supplied by the user (scenario, CLI argument, API body) is not acceptable. */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly code = 'invalid_input';
  constructor(
    /** Dotted path of the offending field, e.g. `feeds[0].composition_wt_pct`. */
    readonly field: string,
    /** The value that was found (as given). */
    readonly value: unknown,
    /** What was expected instead, in words. */
    readonly expected: string,
  ) {
    super(`${field}: found ${formatValue(value)}, expected ${expected}`);
  }
}

/** A calculation the model does not support yet. Never replaced by a guessed number. */
export class NotImplementedError extends Error {
  override readonly name = 'NotImplementedError';
  readonly code = 'not_implemented';
  constructor(
    /** What cannot be computed yet, e.g. `unit model "dc-arc-furnace"`. */
    readonly what: string,
    /** Where the work is tracked (issue reference) or why it is missing. */
    readonly tracking: string,
  ) {
    super(`${what} is not implemented yet (${tracking})`);
  }
}

/** An iterative solve (recycle loop, root finder, equilibrium) did not converge. */
export class ConvergenceError extends Error {
  override readonly name = 'ConvergenceError';
  readonly code = 'no_convergence';
  constructor(
    /** What was being solved, naming the loop, unit or function. */
    readonly what: string,
    readonly iterations: number,
    /** Worst remaining residual or relative change when the solver gave up. */
    readonly residual: number,
    message?: string,
  ) {
    super(
      message ??
        `${what} did not converge after ${iterations} iterations (residual ${residual.toExponential(3)})`,
    );
  }
}

/**
 * The model cannot solve a part of the scenario for the inputs given, although each input is
 * valid on its own (e.g. a furnace charge that needs no electrical energy at an extreme
 * capacity): a result of the model, not a rule of the format, so validation cannot know it.
 * `field` names the part of the scenario to change (e.g. `stages[1]`).
 */
export class InfeasibleError extends Error {
  override readonly name = 'InfeasibleError';
  readonly code = 'infeasible';
  constructor(
    /** Scenario path of the part that cannot be solved, e.g. `stages[1]`. */
    readonly field: string,
    /** What the solver found, in its own terms. */
    readonly reason: string,
  ) {
    super(
      `${field}: the model cannot solve this with these inputs (${reason}); change its capacity, feed or overrides`,
    );
  }
}

/** Top-level keys of a scenario: an error naming a field under one of them names the input. */
const SCENARIO_FIELD = /^(stages|feeds|markets|finance|impact|site|uncertainty)([.[]|$)/;

/**
 * An error raised while solving a stage, attributed to the scenario: an `InputError` that names
 * a scenario field stays; one naming an override of the stage (`<unit>.<parameter>`) names
 * `<stagePath>.flowsheet.overrides.<key>`; one naming a solver internal becomes an
 * {@link InfeasibleError} of the stage; a `ConvergenceError` says which stage. Other errors
 * (bugs) are returned unchanged.
 *
 * @param stagePath - e.g. `stages[1]`.
 * @param overrideKeys - The stage's `flowsheet.overrides` keys.
 */
export function attributeToStage(
  error: unknown,
  stagePath: string,
  overrideKeys: readonly string[],
): unknown {
  if (error instanceof InputError) {
    if (SCENARIO_FIELD.test(error.field)) return error;
    const key = overrideKeys.find(
      (k) => error.field === k || error.field === `overrides.${k}` || error.field.endsWith(`.${k}`),
    );
    if (key !== undefined)
      return new InputError(`${stagePath}.flowsheet.overrides.${key}`, error.value, error.expected);
    return new InfeasibleError(stagePath, error.message);
  }
  if (error instanceof ConvergenceError && !error.what.startsWith(stagePath))
    return new ConvergenceError(
      `${stagePath}: ${error.what}`,
      error.iterations,
      error.residual,
      `${stagePath}: ${error.message}`,
    );
  return error;
}

/** Short, printable rendering of an arbitrary value for error messages. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  if (
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value === null ||
    value === undefined
  )
    return String(value);
  try {
    const json = JSON.stringify(value);
    return json.length > 80 ? json.slice(0, 77) + '...' : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
