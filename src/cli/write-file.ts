/**
 * Writing output files: via a temporary file in the same folder and a rename, so a reader never
 * sees a half-written file; when anything fails (read-only folder, full disk), the temporary
 * file is removed and the error becomes a one-line I/O error (exit code 4).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A file or folder could not be read or written: the user's environment, not a bug (exit 4). */
export class CliIoError extends Error {
  override readonly name = 'CliIoError';
  constructor(
    readonly path: string,
    cause: unknown,
    action = 'write',
  ) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `cannot ${action} ${path}: ${code !== undefined ? `${describeCode(code)} (${reason})` : reason}`,
    );
  }
}

/** A plain-words reading of the usual file-system error codes. */
export function describeCode(code: string): string {
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the disk',
    EDQUOT: 'disk quota exceeded',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'the path is a folder',
    ENOENT: 'no such file or folder',
    SQLITE_CANTOPEN: 'the database file cannot be opened or created',
    SQLITE_READONLY: 'the database is read-only',
    SQLITE_FULL: 'no space left on the disk',
  };
  return words[code] ?? code;
}

/** Writes `data` to `path` atomically, creating its folder when missing. */
export function writeFileAtomically(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (error) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The temporary file was never created (e.g. the folder cannot be).
    }
    throw new CliIoError(path, error);
  }
}
