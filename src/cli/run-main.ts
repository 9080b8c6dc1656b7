import { CommanderError, type Command } from '@commander-js/extra-typings';
import { InputError, NotImplementedError, ConvergenceError, InfeasibleError } from '../errors.js';
import { EXIT } from './exit-codes.js';

/**
 * Parses argv and runs the chosen command. Every error becomes a one-line message and a
 * meaningful exit code; only genuine bugs print a stack trace (with a request to report).
 */
export async function runMain(program: Command): Promise<void> {
  program.exitOverride();
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version are reported by commander as "errors" with exit code 0.
    if (error.exitCode === 0) return EXIT.ok;
    return EXIT.invalidInput;
  }
  if (error instanceof InputError) {
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT.invalidInput;
  }
  if (
    error instanceof NotImplementedError ||
    error instanceof ConvergenceError ||
    error instanceof InfeasibleError
  ) {
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT.modelFailure;
  }
  if (error instanceof CliExit) return error.exitCode;
  process.stderr.write(
    `internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT.internal;
}

/** Thrown by a command that has already printed its messages and only needs to set the exit code. */
export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}
