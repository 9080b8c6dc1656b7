/** Process exit codes of the chromflow CLI; documented in docs/cli.md. */
export const EXIT = {
  ok: 0,
  /** An unexpected internal error (a bug): please report it. */
  internal: 1,
  /** Invalid input: a scenario file or argument failed validation. */
  invalidInput: 2,
  /** The model cannot compute what was asked (not implemented, no convergence, infeasible). */
  modelFailure: 3,
  /** A file could not be read or written. */
  io: 4,
  /** Stopped by Ctrl-C (SIGINT) after keeping what was finished (128 + signal 2). */
  interrupted: 130,
} as const;
