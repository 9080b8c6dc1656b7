/**
 * Editing one node of a YAML text without touching the rest: the edit is located with the `yaml`
 * package's document API (each node knows its source `range`) and only that node's characters
 * are replaced, so comments, key order, line breaks, flow maps and long strings elsewhere stay
 * byte for byte — a one-field edit is a one-line diff. (`Document.toString()` would re-emit the
 * whole file in the library's own style.)
 *
 * - A scalar replaced by a scalar: its characters are replaced.
 * - A map replaced by a map (e.g. a quantity `{ value, source }`): each changed key is edited in
 *   place, recursively; keys that disappear are removed.
 * - A scalar replaced by a map: the map is written in flow style on the scalar's line
 *   (`capacity: { value: 85000, source: Edited in the web UI }`).
 * - A new key or list item: inserted after the last entry of its block map or sequence, with the
 *   same indentation; a removed one: its lines are deleted.
 * Anything else (a flow collection that must change shape) falls back to re-writing only the
 * smallest enclosing collection.
 */
import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  stringify,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

export type Path = readonly (string | number)[];

interface Splice {
  start: number;
  end: number;
  text: string;
}

function apply(text: string, s: Splice): string {
  return text.slice(0, s.start) + s.text + text.slice(s.end);
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** End of the line containing `pos`, after its newline. */
function lineEnd(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
}

function column(text: string, pos: number): number {
  return pos - lineStart(text, pos);
}

/** A value as YAML in flow style (one line). */
function flow(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd();
}

/** A value as a YAML scalar token (quoted when it must be). */
function scalarText(value: unknown): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** A value as block YAML indented by `indent` spaces (its first line not indented). */
function block(value: unknown, indent: number): string {
  const body = stringify(value, { lineWidth: 0, indent: 2 }).trimEnd();
  const pad = ' '.repeat(indent);
  return body
    .split('\n')
    .map((l, k) => (k === 0 ? l : pad + l))
    .join('\n');
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key);
}

function childOf(node: Node | null | undefined, seg: string | number): Node | null | undefined {
  if (isMap(node) && typeof seg === 'string')
    return findPair(node, seg)?.value as Node | null | undefined;
  if (isSeq(node) && typeof seg === 'number') return node.items[seg] as Node | null | undefined;
  return undefined;
}

function nodeAt(doc: Document, path: Path): Node | null | undefined {
  let n = doc.contents as Node | null | undefined;
  for (const seg of path) {
    n = childOf(n, seg);
    if (n === undefined) return undefined;
  }
  return n;
}

/** The splice that sets `path` to `value` in `text` (one step; `editYaml` repeats until done). */
function spliceFor(
  text: string,
  doc: Document,
  path: Path,
  value: unknown,
): Splice | 'reparse' | 'none' {
  const node = nodeAt(doc, path);
  if (node !== undefined && node !== null) {
    const [start, valueEnd] = node.range ?? [0, 0, 0];
    if (isScalar(node) && !isPlainObject(value) && !Array.isArray(value)) {
      if (node.value === value) return 'none';
      return { start, end: valueEnd, text: scalarText(value) };
    }
    if (isMap(node) && isPlainObject(value)) {
      // Edit key by key: the first key that differs.
      for (const [k, v] of Object.entries(value)) {
        const child = childOf(node, k);
        const same =
          child !== undefined &&
          child !== null &&
          JSON.stringify((child as { toJSON(): unknown }).toJSON()) === JSON.stringify(v);
        if (!same) return spliceFor(text, doc, [...path, k], v);
      }
      for (const p of node.items) {
        const k = isScalar(p.key) ? String(p.key.value) : String(p.key);
        if (!(k in value)) return removal(text, doc, [...path, k]);
      }
      return 'none';
    }
    if (isScalar(node) && (isPlainObject(value) || Array.isArray(value)))
      return { start, end: valueEnd, text: flow(value) };
    // Any other change of shape: re-write this node only.
    const flowStyle = (node as { flow?: boolean }).flow === true;
    return {
      start,
      end: valueEnd,
      text: flowStyle ? flow(value) : block(value, column(text, start)).trimStart(),
    };
  }
  // The node does not exist: insert it into its parent (created first when missing).
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = parentPath.length === 0 ? doc.contents : nodeAt(doc, parentPath);
  if (key === undefined) return 'none';
  if (parent === undefined || parent === null) {
    const wrapped = typeof key === 'number' ? [value] : { [key]: value };
    return spliceFor(text, doc, parentPath, wrapped);
  }
  if (isMap(parent) && typeof key === 'string') return insertIntoMap(text, parent, key, value);
  if (isSeq(parent) && typeof key === 'number') return insertIntoSeq(text, parent, value);
  return 'reparse';
}

function insertIntoMap(text: string, map: YAMLMap, key: string, value: unknown): Splice {
  const entry = `${scalarText(key)}: `;
  if (map.flow === true || map.items.length === 0) {
    const [start, end] = map.range ?? [0, 0, 0];
    const plain = map.toJSON() as Record<string, unknown>;
    return { start, end, text: flow({ ...plain, [key]: value }) };
  }
  const first = map.items[0] as Pair<Node, Node>;
  const last = map.items[map.items.length - 1] as Pair<Node, Node>;
  const indent = column(text, first.key.range?.[0] ?? 0);
  const end = last.value?.range?.[2] ?? last.key.range?.[2] ?? 0;
  const at = lineEnd(text, Math.max(0, end - 1));
  const simple = !isPlainObject(value) && !Array.isArray(value);
  const body = simple
    ? entry + scalarText(value)
    : `${entry.trimEnd()}\n${' '.repeat(indent + 2)}${block(value, indent + 2)}`;
  const nl = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
  return { start: at, end: at, text: `${nl}${' '.repeat(indent)}${body}\n` };
}

function insertIntoSeq(text: string, seq: YAMLSeq, value: unknown): Splice {
  if (seq.flow === true || seq.items.length === 0) {
    const [start, end] = seq.range ?? [0, 0, 0];
    const plain: unknown[] = seq.toJSON();
    return { start, end, text: flow([...plain, value]) };
  }
  const first = seq.items[0] as Node;
  const last = seq.items[seq.items.length - 1] as Node;
  const dash = text.lastIndexOf('-', first.range?.[0] ?? 0);
  const indent = column(text, dash);
  const end = last.range?.[2] ?? 0;
  const at = lineEnd(text, Math.max(0, end - 1));
  const nl = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
  return { start: at, end: at, text: `${nl}${' '.repeat(indent)}- ${block(value, indent + 2)}\n` };
}

/** The splice that removes the map key or list item at `path`. */
function removal(text: string, doc: Document, path: Path): Splice | 'none' {
  const parent = path.length === 1 ? doc.contents : nodeAt(doc, path.slice(0, -1));
  const key = path[path.length - 1];
  let from: number | undefined;
  let to: number | undefined;
  if (isMap(parent) && typeof key === 'string') {
    const pair = findPair(parent, key) as Pair<Node, Node> | undefined;
    if (!pair) return 'none';
    if (parent.flow === true) {
      const [start, end] = parent.range ?? [0, 0, 0];
      const plain = Object.fromEntries(
        Object.entries(parent.toJSON() as Record<string, unknown>).filter(([k]) => k !== key),
      );
      return { start, end, text: flow(plain) };
    }
    from = pair.key.range?.[0];
    to = pair.value?.range?.[2] ?? pair.key.range?.[2];
  } else if (isSeq(parent) && typeof key === 'number') {
    const item = parent.items[key] as Node | undefined;
    if (!item) return 'none';
    if (parent.flow === true) {
      const [start, end] = parent.range ?? [0, 0, 0];
      const plain: unknown[] = [...parent.toJSON()];
      plain.splice(key, 1);
      return { start, end, text: flow(plain) };
    }
    from = text.lastIndexOf('-', item.range?.[0] ?? 0);
    to = item.range?.[2];
  }
  if (from === undefined || to === undefined) return 'none';
  const start = lineStart(text, from);
  const end = lineEnd(text, Math.max(from, to - 1));
  return { start, end, text: '' };
}

/**
 * `text` with the node at `path` set to `value` (`undefined` removes it), changing only that
 * node's characters. Throws when the text is not valid YAML (the editor then edits the text).
 */
export function editYaml(text: string, path: Path, value: unknown): string {
  let current = text;
  // A map edit is done key by key: each step re-reads the document (ranges move).
  for (let step = 0; step < 64; step++) {
    const doc = parseDocument(current, { keepSourceTokens: false });
    if (doc.errors.length > 0) throw doc.errors[0] ?? new Error('invalid YAML');
    const s =
      value === undefined ? removal(current, doc, path) : spliceFor(current, doc, path, value);
    if (s === 'none') return current;
    if (s === 'reparse') {
      if (value === undefined) doc.deleteIn(path);
      else doc.setIn(path, value);
      return doc.toString();
    }
    current = apply(current, s);
    if (value === undefined) return current;
  }
  return current;
}
