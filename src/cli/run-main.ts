import { CommanderError, type Command } from '@commander-js/extra-typings';
import { InputError, NotImplementedError, ConvergenceError, InfeasibleError } from '../errors.js';
import { classifyStoreError } from '../store/store-errors.js';
import { EXIT } from './exit-codes.js';
import { CliIoError, describeCode } from './write-file.js';

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
  const io = ioFailure(error);
  if (io !== undefined) {
    process.stderr.write(`error: ${io}\n`);
    return EXIT.io;
  }
  process.stderr.write(
    `internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT.internal;
}

/**
 * A file or database that cannot be read or written (read-only location, full disk, a folder
 * where a file is expected …) as one line, or undefined for any other error.
 */
function ioFailure(error: unknown): string | undefined {
  if (error instanceof CliIoError) return error.message;
  const store = classifyStoreError(error);
  const message = error instanceof Error ? error.message : String(error);
  if (store !== undefined) return `${store.message}: ${message} (${store.code})`;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && FILE_CODES.has(code))
    return `${describeCode(code)}: ${message}`;
  return undefined;
}

const FILE_CODES = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'ENOTDIR',
  'EISDIR',
  'ENOENT',
  'EEXIST',
  'EMFILE',
  'EIO',
]);

/** Thrown by a command that has already printed its messages and only needs to set the exit code. */
export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}
