/**
 * Differences between two scenario versions: a structured diff of the parsed documents by field
 * path (`stages[0].capacity_t_per_year`), and a unified text diff (LCS over lines).
 */
import { parse } from 'yaml';

export interface FieldChange {
  /** Field path in the document, as in validation problems (`feeds[0].price_usd_per_t.value`). */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export interface VersionDiff {
  /** Field changes in document order; empty when the documents are equal. */
  changes: FieldChange[];
  /** Unified diff of the texts (`---`/`+++` headers, `@@` hunks, 3 lines of context). */
  unified: string;
  /** Set when a text could not be parsed as YAML: then `changes` is empty. */
  parse_error?: string;
}

/**
 * Structured diff of two JSON-like values. Maps compare by key; arrays by index (an element
 * inserted in the middle shows as changes to every later index); scalars by value.
 *
 * @param before - Older document.
 * @param after - Newer document.
 * @returns Changes at the deepest path where the two differ.
 */
export function diffValues(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isRecord(before) && isRecord(after)) {
    const out: FieldChange[] = [];
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))];
    for (const key of keys) {
      const p = path === '' ? key : `${path}.${key}`;
      if (!(key in after)) out.push({ path: p, kind: 'removed', before: before[key] });
      else if (!(key in before)) out.push({ path: p, kind: 'added', after: after[key] });
      else out.push(...diffValues(before[key], after[key], p));
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: FieldChange[] = [];
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) {
      const p = `${path}[${i}]`;
      if (i >= after.length) out.push({ path: p, kind: 'removed', before: before[i] });
      else if (i >= before.length) out.push({ path: p, kind: 'added', after: after[i] });
      else out.push(...diffValues(before[i], after[i], p));
    }
    return out;
  }
  if (Object.is(before, after)) return [];
  return [{ path, kind: 'changed', before, after }];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

type Op = { op: ' ' | '-' | '+'; line: string };

/** Above this many LCS cells [count] the middle part is shown as removed then added. */
const MAX_LCS_CELLS = 16_000_000;

/** Line edit script from `a` to `b`: longest common subsequence after trimming equal ends. */
export function lineEdits(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op[] = a.slice(0, start).map((line) => ({ op: ' ', line }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > MAX_LCS_CELLS) {
    ops.push(...midA.map((line): Op => ({ op: '-', line })));
    ops.push(...midB.map((line): Op => ({ op: '+', line })));
  } else {
    // lcs[i][j] = LCS length of midA[i..] and midB[j..], row-major in one typed array.
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i * w + j] =
          midA[i] === midB[j]
            ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1
            : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      const x = midA[i] ?? '';
      if (x === midB[j]) {
        ops.push({ op: ' ', line: x });
        i++;
        j++;
      } else if ((lcs[(i + 1) * w + j] ?? 0) >= (lcs[i * w + j + 1] ?? 0)) {
        ops.push({ op: '-', line: x });
        i++;
      } else {
        ops.push({ op: '+', line: midB[j] ?? '' });
        j++;
      }
    }
    for (; i < n; i++) ops.push({ op: '-', line: midA[i] ?? '' });
    for (; j < m; j++) ops.push({ op: '+', line: midB[j] ?? '' });
  }
  ops.push(...a.slice(endA).map((line): Op => ({ op: ' ', line })));
  return ops;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Unified diff (as `diff -u`) of two texts.
 *
 * @param a - Old text.
 * @param b - New text.
 * @param labelA - Name on the `---` line.
 * @param labelB - Name on the `+++` line.
 * @param context - Unchanged lines around each change [lines].
 * @returns The diff; empty string when the texts have the same lines.
 */
export function unifiedDiff(a: string, b: string, labelA: string, labelB: string, context = 3) {
  const ops = lineEdits(splitLines(a), splitLines(b));
  const changed = ops.map((o, k) => (o.op === ' ' ? -1 : k)).filter((k) => k >= 0);
  if (changed.length === 0) return '';
  // Group changes whose contexts touch into hunks.
  const hunks: [number, number][] = [];
  for (const k of changed) {
    const from = Math.max(0, k - context);
    const to = Math.min(ops.length, k + context + 1);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else hunks.push([from, to]);
  }
  // Line numbers before each op.
  const posA: number[] = [];
  const posB: number[] = [];
  let la = 1;
  let lb = 1;
  for (const o of ops) {
    posA.push(la);
    posB.push(lb);
    if (o.op !== '+') la++;
    if (o.op !== '-') lb++;
  }
  const out = [`--- ${labelA}`, `+++ ${labelB}`];
  for (const [from, to] of hunks) {
    const slice = ops.slice(from, to);
    const countA = slice.filter((o) => o.op !== '+').length;
    const countB = slice.filter((o) => o.op !== '-').length;
    const startA = countA === 0 ? (posA[from] ?? 1) - 1 : (posA[from] ?? 1);
    const startB = countB === 0 ? (posB[from] ?? 1) - 1 : (posB[from] ?? 1);
    out.push(`@@ -${startA},${countA} +${startB},${countB} @@`);
    for (const o of slice) out.push(o.op + o.line);
  }
  return out.join('\n') + '\n';
}

/**
 * Diff of two scenario texts: structured (parsed YAML/JSON documents) and unified.
 *
 * @param before - Older text, labelled `labelA`.
 * @param after - Newer text, labelled `labelB`.
 */
export function diffScenarioTexts(
  before: string,
  after: string,
  labelA = 'a',
  labelB = 'b',
): VersionDiff {
  const unified = unifiedDiff(before, after, labelA, labelB);
  try {
    const docA: unknown = parse(before, { maxAliasCount: 100 });
    const docB: unknown = parse(after, { maxAliasCount: 100 });
    return { changes: diffValues(docA, docB), unified };
  } catch (error) {
    return {
      changes: [],
      unified,
      parse_error: error instanceof Error ? error.message : String(error),
    };
  }
}
