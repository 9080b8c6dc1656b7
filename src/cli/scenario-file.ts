import { readFileSync } from 'node:fs';
import { formatProblem, type LoadResult } from '../scenario/index.js';
import { parseScenarioWithSettings, parseSetting, type Setting } from '../scenario/settings.js';
import { EXIT } from './exit-codes.js';
import { CliExit } from './run-main.js';
import { styleFor } from './style.js';

/** Reads a scenario file; a missing or unreadable file is an I/O error (exit 4), not a crash. */
export function readScenarioFile(file: string, settings: readonly Setting[] = []): LoadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    process.stderr.write(`error: cannot read ${file}: ${reason}\n`);
    throw new CliExit(EXIT.io);
  }
  return parseScenarioWithSettings(text, file, settings);
}

/** Loads a scenario or prints every problem and exits with code 2. Warnings go to stderr. */
export function loadScenarioOrExit(file: string, settings: readonly Setting[] = []) {
  const result = readScenarioFile(file, settings);
  const style = styleFor(process.stderr);
  if (!result.ok) {
    for (const p of result.problems) process.stderr.write(style.red(formatProblem(p)) + '\n');
    const errors = result.problems.filter((p) => p.severity !== 'warning').length;
    process.stderr.write(`${file}: invalid (${errors} error${errors === 1 ? '' : 's'})\n`);
    throw new CliExit(EXIT.invalidInput);
  }
  for (const w of result.warnings) process.stderr.write(style.yellow(formatProblem(w)) + '\n');
  return result.scenario;
}

/** Commander parser of a repeatable `--set <path>=<value>`. */
export function collectSetting(text: string, previous: Setting[] = []): Setting[] {
  return [...previous, parseSetting(text)];
}

/** Help text of `--set`. */
export const SET_HELP =
  'change a numeric input, <input path>=<number> (repeatable; paths as in `chromflow sources`), validated like the file';
