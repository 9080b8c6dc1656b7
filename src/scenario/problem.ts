import { formatValue } from '../errors.js';

/** One thing wrong with a scenario file, located precisely enough to fix it. */
export interface Problem {
  /** File name as given by the caller (path or label such as "<request body>"). */
  file: string;
  /** 1-based line and column of the offending key or value; 0 when the file has no position (empty file). */
  line: number;
  column: number;
  /** Field path in the document, e.g. `stages[0].capacity_t_per_year`; empty for the whole file. */
  path: string;
  /** What is wrong, e.g. `expected a finite number > 0 [t/year]`. */
  message: string;
  /** The value found there, when there is one. */
  value?: unknown;
  /** A likely intended key or name. */
  suggestion?: string;
  /** Problems are errors unless marked as warnings (reported, but the scenario is usable). */
  severity?: 'error' | 'warning';
}

/** `file:line:col: path: found <value>, <message> (did you mean "x"?)` */
export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  const field = p.path === '' ? '' : `${p.path}: `;
  const found = 'value' in p ? `found ${formatValue(p.value)}; ` : '';
  const hint = p.suggestion !== undefined ? ` (did you mean "${p.suggestion}"?)` : '';
  const level = p.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${level}${field}${found}${p.message}${hint}`;
}

/** Thrown by `loadScenario` variants that throw: carries every problem found, not just the first. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  readonly code = 'invalid_scenario';
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in scenario:\n` +
        problems.map((p) => '  ' + formatProblem(p)).join('\n'),
    );
  }
}

/** `['stages', 0, 'flowsheet', 'template']` → `stages[0].flowsheet.template` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += (out === '' ? '' : '.') + String(seg);
  }
  return out;
}
