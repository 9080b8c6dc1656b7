/**
 * `--set <path>=<value>`: change numeric inputs of a scenario file from the command line with
 * the same validation as the file. The value is written into the YAML document at the input's
 * place (its `value` when written as a quantity with provenance; otherwise — a reference to a
 * data value, a bare number or a defaulted input — the bare number), and the edited document is parsed and validated again.
 * Whole-number inputs written bare (years, tenors: `integer-leaves.ts`) are settable too and must
 * be integers.
 */
import { isMap, parseDocument } from 'yaml';
import { InputError } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import { parseScenario, type LoadResult } from './load.js';
import { integerLeaves } from './integer-leaves.js';
import { numericLeaves } from './numeric-leaves.js';

/** One `--set`: a stable input path (as in uncertainty declarations) and its new value. */
export interface Setting {
  path: string;
  value: number;
}

/**
 * Parses `path=value`.
 *
 * @throws InputError when there is no `=` or the value is not a finite number.
 */
export function parseSetting(text: string): Setting {
  const eq = text.lastIndexOf('=');
  const path = text.slice(0, eq).trim();
  const value = Number(text.slice(eq + 1).trim());
  if (eq <= 0 || path === '' || text.slice(eq + 1).trim() === '' || !Number.isFinite(value))
    throw new InputError(
      '--set',
      text,
      '<input path>=<number>, e.g. stages.smelter.capex.factor=1.2',
    );
  return { path, value };
}

/**
 * The scenario of `text` with `settings` applied, validated like the file.
 *
 * @param text - The scenario file's text.
 * @param file - Its name (for problems).
 * @param settings - The inputs to change.
 * @returns As {@link parseScenario}: the scenario, or the problems of the file or of the edit.
 * @throws InputError naming a path that is not a numeric input (with a suggestion).
 */
export function parseScenarioWithSettings(
  text: string,
  file: string,
  settings: readonly Setting[],
): LoadResult {
  const first = parseScenario(text, file);
  if (!first.ok || settings.length === 0) return first;
  const leaves = new Map(numericLeaves(first.scenario).map((l) => [l.path, l.documentPath]));
  const integers = new Map(integerLeaves(first.scenario).map((l) => [l.path, l.documentPath]));
  const doc = parseDocument(text);
  for (const { path, value } of settings) {
    const whole = integers.get(path);
    if (whole !== undefined) {
      // Years and counts of years are whole numbers: refuse 8.5 here, not as a rounding later.
      if (!Number.isInteger(value))
        throw new InputError(`--set ${path}`, value, 'an integer (a year or a number of years)');
      doc.setIn(whole, value);
      continue;
    }
    const at = leaves.get(path);
    if (at === undefined) {
      const guess = didYouMean(path, [...leaves.keys(), ...integers.keys()]);
      throw new InputError(
        '--set',
        path,
        `a numeric input of the scenario${guess ? ` (did you mean "${guess}"?)` : ''}`,
      );
    }
    const node = doc.getIn(at, true);
    // A quantity written with its provenance keeps it; a reference or a bare number is replaced.
    if (isMap(node) && node.has('value')) node.set('value', value);
    else doc.setIn(at, value);
  }
  return parseScenario(String(doc), `${file} (with --set)`);
}
