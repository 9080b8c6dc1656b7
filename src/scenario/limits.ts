/**
 * Input limits of a scenario text, checked before any expensive step (YAML composition, schema
 * validation, "did you mean"), so that the work per input is bounded whatever its content. The
 * same limits apply in the library, the CLI and the server (docs/scenario-format.md).
 *
 * The check is one pass of the YAML lexer (linear in the text, no recursion), stopping at the
 * first excess: nesting deeper than {@link MAX_NESTING_DEPTH}, a string (key or value) longer than
 * {@link MAX_STRING_CHARS}, a mapping with more than {@link MAX_MAP_KEYS} keys, a list with more
 * than {@link MAX_LIST_ITEMS} items, more than {@link MAX_ANCHORS_AND_ALIASES} anchors and aliases.
 * The YAML parser of the `yaml` package is slower than linear on deeply nested flow collections
 * (≈ 3 s for 200 000 brackets) and its composer recurses and checks duplicate keys pairwise, so
 * none of these may reach it unchecked.
 */
import { Lexer } from 'yaml';

/** Largest scenario text [characters] (the server's body limit is 1 MiB as well). */
export const MAX_SCENARIO_CHARS = 1_048_576;
/** Deepest nesting of mappings and lists; the scenario format itself needs 7. */
export const MAX_NESTING_DEPTH = 32;
/** Longest key or string value [characters]; names are limited further by the schema (200). */
export const MAX_STRING_CHARS = 10_000;
/** Most keys in one mapping. */
export const MAX_MAP_KEYS = 1_000;
/** Most items in one list (e.g. the observations of an empirical distribution). */
export const MAX_LIST_ITEMS = 100_000;
/** Most anchors plus aliases in a file (YAML alias expansion is limited separately). */
export const MAX_ANCHORS_AND_ALIASES = 100;

/** An exceeded limit, located by 1-based line and column. */
export interface LimitViolation {
  line: number;
  column: number;
  message: string;
}

/** Zero-width markers the lexer interleaves with the source (not part of the text). */
const MARKERS = new Set(['\u0002', '\u0018', '\u001f']);

interface Level {
  /** Column of a block collection's items; -1 for a flow collection. */
  col: number;
  /** Items (lists) or keys (mappings) seen so far. */
  count: number;
  flow: '[' | '{' | undefined;
}

/** Tracks position, nesting and counts while the tokens of the text stream past. */
class LimitScan {
  private line = 1;
  private column = 1;
  private atLineStart = true;
  private lastContentColumn = 1;
  private readonly stack: Level[] = [];
  private flowDepth = 0;
  private anchors = 0;
  violation: LimitViolation | undefined;

  private fail(message: string, column = this.column): void {
    this.violation ??= { line: this.line, column, message };
  }

  private push(level: Level): void {
    this.stack.push(level);
    if (this.stack.length > MAX_NESTING_DEPTH)
      this.fail(
        `nested more than ${MAX_NESTING_DEPTH} levels deep; expected at most ${MAX_NESTING_DEPTH} (the scenario format needs 7)`,
      );
  }

  private countItem(level: Level, what: 'items' | 'keys'): void {
    level.count++;
    const max = what === 'keys' ? MAX_MAP_KEYS : MAX_LIST_ITEMS;
    if (level.count > max)
      this.fail(
        `a ${what === 'keys' ? 'mapping' : 'list'} with more than ${max} ${what}; expected at most ${max}`,
      );
  }

  /** A block collection item at `col`: a sibling of the top level, or a new nested level. */
  private blockItem(col: number, what: 'items' | 'keys'): void {
    const top = this.stack[this.stack.length - 1];
    if (top?.flow === undefined && top?.col === col) this.countItem(top, what);
    else this.push({ col, count: 1, flow: undefined });
  }

  /** At the first content of a line, block levels indented deeper than it have ended. */
  private dedent(col: number): void {
    for (;;) {
      const top = this.stack[this.stack.length - 1];
      if (top === undefined || top.flow !== undefined || top.col <= col) return;
      this.stack.pop();
    }
  }

  token(source: string): void {
    if (MARKERS.has(source)) return;
    const first = source[0];
    if (source === '\n' || source === '\r\n' || source === '') {
      this.line++;
      this.column = 1;
      this.atLineStart = true;
      return;
    }
    const col = this.column;
    if (first === ' ' || first === '\t') {
      this.column += source.length;
      return;
    }
    if (first !== '#' && this.atLineStart && this.flowDepth === 0) this.dedent(col);
    if (first !== '#') this.atLineStart = false;
    this.content(source, col);
    // Multi-line tokens (quoted or block scalars) move the line counter.
    const lines = source.split('\n');
    if (lines.length > 1) {
      this.line += lines.length - 1;
      this.column = (lines[lines.length - 1]?.length ?? 0) + 1;
    } else this.column += source.length;
  }

  private content(source: string, col: number): void {
    const top = this.stack[this.stack.length - 1];
    switch (source) {
      case '[':
      case '{':
        this.flowDepth++;
        this.push({ col: -1, count: 1, flow: source });
        return;
      case ']':
      case '}':
        if (top?.flow !== undefined) {
          this.flowDepth--;
          this.stack.pop();
        }
        return;
      case ',':
        if (top?.flow !== undefined) this.countItem(top, top.flow === '{' ? 'keys' : 'items');
        return;
      case '-':
      case '?':
        if (this.flowDepth === 0) this.blockItem(col, source === '-' ? 'items' : 'keys');
        return;
      case ':':
        if (this.flowDepth === 0) this.blockItem(this.lastContentColumn, 'keys');
        return;
    }
    if (source.startsWith('&') || source.startsWith('*')) {
      this.anchors++;
      if (this.anchors > MAX_ANCHORS_AND_ALIASES)
        this.fail(
          `more than ${MAX_ANCHORS_AND_ALIASES} anchors and aliases; expected at most ${MAX_ANCHORS_AND_ALIASES}`,
          col,
        );
    }
    // Quoted strings carry their two quotes.
    if (source.length > MAX_STRING_CHARS + 2)
      this.fail(
        `a string of ${source.length} characters; expected at most ${MAX_STRING_CHARS}`,
        col,
      );
    if (this.flowDepth === 0 || !source.startsWith('!')) this.lastContentColumn = col;
  }
}

/**
 * The first input limit a scenario text exceeds, or undefined when it keeps every limit. Linear
 * in the length of the text; stops at the first violation.
 */
export function checkInputLimits(text: string): LimitViolation | undefined {
  if (text.length > MAX_SCENARIO_CHARS)
    return {
      line: 0,
      column: 0,
      message: `the text is too large (${text.length} characters); expected at most ${MAX_SCENARIO_CHARS}`,
    };
  const scan = new LimitScan();
  for (const token of new Lexer().lex(text)) {
    scan.token(token);
    if (scan.violation) return scan.violation;
  }
  return undefined;
}
