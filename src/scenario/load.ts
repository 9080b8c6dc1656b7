/**
 * Scenario loading: text (YAML or JSON) → a validated, defaulted `Scenario`, or every problem
 * found, each located by file, line, column and field path. Pure: the caller reads the file.
 */
import {
  isMap,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import type { z } from 'zod';
import { didYouMean } from './did-you-mean.js';
import { allowedKeysAt } from './json-schema.js';
import { checkInputLimits } from './limits.js';
import { formatPath, ScenarioError, type Problem } from './problem.js';
import { distribution, scenarioSchema, type Scenario } from './schema.js';

const DISTRIBUTION_TYPES = distribution.options.map((o) => o.shape.type.value);
import { checkSemantics } from './semantics.js';

export type LoadResult =
  { ok: true; scenario: Scenario; warnings: Problem[] } | { ok: false; problems: Problem[] };

/**
 * Parses and validates a scenario.
 *
 * @param text - File contents (YAML 1.2; JSON is accepted as its subset).
 * @param file - Name used in problem locations (a path, or e.g. `<request body>`).
 * @returns The scenario, or all problems at once (syntax, shape, ranges, cross-references).
 */
export function parseScenario(text: string, file: string): LoadResult {
  const at = (path: string, message: string, line = 0, column = 0): Problem => ({
    file,
    line,
    column,
    path,
    message,
  });
  // Bounded work: sizes, depth and counts are checked in one linear pass before anything else.
  const excess = checkInputLimits(text);
  if (excess) return { ok: false, problems: [at('', excess.message, excess.line, excess.column)] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        // Without prettyErrors the error has only its offset: the line counter places it.
        const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
        return at('', `syntax error: ${e.message.split('\n')[0] ?? e.code}`, pos.line, pos.col);
      }),
    };
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return {
      ok: false,
      problems: [
        at(
          '',
          'the file is empty; expected a chromflow scenario (a mapping with chromflow: 1, name, site, feeds, stages, …)',
        ),
      ],
    };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Alias expansion beyond its limit (a "billion laughs" document): point at the first alias.
    const alias = /(^|[\s[,{])\*[^\s,\]}]/m.exec(text);
    const pos = lineCounter.linePos(alias ? alias.index + (alias[1]?.length ?? 0) : 0);
    return {
      ok: false,
      problems: [
        at(
          '',
          `cannot read the document: ${error instanceof Error ? error.message : String(error)}`,
          pos.line,
          pos.col,
        ),
      ],
    };
  }
  if (!isMap(doc.contents)) {
    const pos = position(doc.contents, lineCounter);
    return {
      ok: false,
      problems: [
        {
          ...at(
            '',
            'expected a mapping at the top level (chromflow: 1, name, site, feeds, stages, …)',
            pos.line,
            pos.column,
          ),
          value: raw,
        },
      ],
    };
  }

  const parsed = scenarioSchema.safeParse(raw, { reportInput: true });
  const problems: Problem[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(...issueToProblems(issue, raw, doc, lineCounter, file));
  } else {
    for (const issue of checkSemantics(parsed.data)) {
      const { line, column } = locate(doc, issue.path, lineCounter);
      problems.push({
        file,
        line,
        column,
        severity: issue.severity,
        path: formatPath(issue.path),
        message: issue.message,
        ...('value' in issue ? { value: issue.value } : {}),
        ...(issue.suggestion !== undefined ? { suggestion: issue.suggestion } : {}),
      });
    }
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  const errors = problems.filter((p) => p.severity !== 'warning');
  if (errors.length > 0 || !parsed.success) return { ok: false, problems: dedupe(problems) };
  return { ok: true, scenario: parsed.data, warnings: dedupe(problems) };
}

/**
 * Locates issues found after parsing (e.g. by a plant run) in the scenario text, as problems.
 *
 * @param text - The scenario text the scenario was parsed from.
 * @param file - Name used in problem locations.
 * @param issues - Issues with document paths (`['feeds', 0, 'supply_t_per_year']`).
 */
export function locateIssues(
  text: string,
  file: string,
  issues: readonly { path: (string | number)[]; message: string; value?: unknown }[],
): Problem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  return issues.map((issue) => {
    const { line, column } = locate(doc, issue.path, lineCounter);
    return {
      file,
      line,
      column,
      path: formatPath(issue.path),
      message: issue.message,
      ...('value' in issue ? { value: issue.value } : {}),
    };
  });
}

/** Like {@link parseScenario} but throws a {@link ScenarioError} carrying every problem. */
export function loadScenario(text: string, file: string): Scenario {
  const result = parseScenario(text, file);
  if (!result.ok) throw new ScenarioError(result.problems);
  return result.scenario;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.path}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const seg of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[seg];
  }
  return node;
}

function position(
  node: Node | null | undefined,
  lc: LineCounter,
): { line: number; column: number } {
  const offset = node?.range?.[0];
  if (offset === undefined) return { line: 0, column: 0 };
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}

/** Position of the node at `path`, or of its deepest existing ancestor when it is missing. */
function locate(
  doc: Document,
  path: readonly PropertyKey[],
  lc: LineCounter,
  key?: string,
): { line: number; column: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined;
    if (node === undefined) continue;
    if (key !== undefined && n === path.length && isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && it.key.value === key);
      if (pair && isScalar(pair.key)) return position(pair.key, lc);
    }
    if (n < path.length && isMap(node)) {
      // Point at the key of the missing child when the parent is a map that has it as a key.
      const seg = path[n];
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && it.key.value === seg);
      if (pair && isScalar(pair.key)) return position(pair.key, lc);
    }
    return position(node, lc);
  }
  return { line: 1, column: 1 };
}

function describeExpected(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'an integer' : `a value of type ${issue.expected}`;
    default:
      return issue.message;
  }
}

function issueToProblems(
  issue: z.core.$ZodIssue,
  raw: unknown,
  doc: Document,
  lc: LineCounter,
  file: string,
): Problem[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(path);
    return issue.keys.map((key) => {
      const { line, column } = locate(doc, path, lc, key);
      const suggestion = didYouMean(key, allowed);
      return {
        file,
        line,
        column,
        path: formatPath([...path, key]),
        message: `unknown key${allowed.length ? `; allowed here: ${allowed.join(', ')}` : ''}`,
        ...(suggestion !== undefined ? { suggestion } : {}),
      };
    });
  }
  let value = valueAt(raw, path);
  let where = path;
  // For `{ value, unit, source }` inputs, point at and show the number itself.
  if (typeof value === 'object' && value !== null && 'value' in value && issue.code === 'custom') {
    where = [...path, 'value'];
    value = value.value;
  }
  const { line, column } = locate(doc, where, lc);
  const present = value !== undefined;
  let message: string;
  let suggestion: string | undefined;
  if (issue.code === 'invalid_type') {
    message = present
      ? `expected ${describeExpected(issue)}`
      : `required: ${describeExpected(issue)}`;
  } else if (issue.code === 'invalid_value') {
    const options = issue.values.map((v) => JSON.stringify(v));
    message = present
      ? `expected one of ${options.join(', ')}`
      : `required: one of ${options.join(', ')}`;
    if (typeof value === 'string') suggestion = didYouMean(value, issue.values.map(String));
  } else if (
    issue.code === 'invalid_union' &&
    'note' in issue &&
    issue.note === 'No matching discriminator'
  ) {
    const types = DISTRIBUTION_TYPES.map((t) => JSON.stringify(t)).join(', ');
    message = `unknown or missing "${String(issue.discriminator)}"; expected one of ${types}`;
    if (typeof value === 'string') suggestion = didYouMean(value, DISTRIBUTION_TYPES);
  } else if (issue.code === 'too_small' || issue.code === 'too_big') {
    message = issue.message.replace(/^Too (small|big): (expected )?/, 'expected ');
  } else {
    message = issue.message.replace(/^Invalid input: /, '');
  }
  return [
    {
      file,
      line,
      column,
      path: formatPath(path),
      message,
      ...(present ? { value } : {}),
      ...(suggestion !== undefined ? { suggestion } : {}),
    },
  ];
}
