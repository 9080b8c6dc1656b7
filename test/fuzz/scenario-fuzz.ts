// The scenario fuzzer shared by the CI test (test/fuzz/scenarios.test.ts, fixed seed) and
// `npm run fuzz -- --runs N` (test/fuzz/run.ts): fast-check mutates the reference scenarios —
// key deletion and duplication, type swaps, extreme, scaled and non-finite numbers, long
// strings, deep nesting, alias bombs, unicode, BOM and CRLF — and each case must keep the
// contract of parseScenario + appraise:
//   1. nothing is thrown but the project's own error types (InputError, NotImplementedError,
//      ConvergenceError), each naming what is wrong;
//   2. every rejection names a field (a path) or a place in the file (line ≥ 1);
//   3. validation and appraisal agree: a scenario that validates is not then refused by
//      appraise for its input (InputError);
//   4. an accepted appraisal holds no NaN or ±Infinity anywhere;
//   5. every case finishes within the time bound.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { appraise } from '../../src/appraise.js';
import {
  ConvergenceError,
  InfeasibleError,
  InputError,
  NotImplementedError,
} from '../../src/errors.js';
import { parseScenario } from '../../src/scenario/index.js';
import { ROOT } from '../helpers/run-cli.js';

/** Longest time for one case (parse, validate, appraise) [ms]. */
export const CASE_TIME_LIMIT_MS = 10_000;

/** Problems of the whole file, which has no better place than itself (empty, too large). */
const WHOLE_FILE = /^(the file is empty|the text is too large)/;

/** The seed of the CI run (any failure there reproduces exactly). */
export const CI_SEED = 18_2026;

const REFERENCE_FILES = [
  'scenarios/aktobe-raw-export.yaml',
  'scenarios/aktobe-stage1.yaml',
  'scenarios/aktobe-stage1-2.yaml',
  'scenarios/kempirsai-concentrator.yaml',
  'test/fixtures/scenarios/sensitivity.yaml',
];

export const REFERENCES: readonly { file: string; data: unknown }[] = REFERENCE_FILES.map(
  (file) => ({ file, data: parse(readFileSync(`${ROOT}/${file}`, 'utf8')) as unknown }),
);

type Json = unknown;
type Path = (string | number)[];

/** Every path in a parsed document (containers and leaves), root excluded. */
function paths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value))
    value.forEach((v, i) => {
      out.push([...prefix, i]);
      paths(v, [...prefix, i], out);
    });
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) {
      out.push([...prefix, k]);
      paths(v, [...prefix, k], out);
    }
  return out;
}

function getAt(root: Json, path: Path): Json {
  let v = root;
  for (const seg of path) v = (v as Record<string | number, Json>)[seg];
  return v;
}

/** Sets (or with `undefined`, deletes) the value at `path` of a deep copy. */
function setAt(root: Json, path: Path, value: Json): Json {
  const copy = structuredClone(root);
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, Json> | Json[];
  const last = path[path.length - 1] as string | number;
  if (value === undefined) {
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else Reflect.deleteProperty(parent, last);
  } else (parent as Record<string | number, Json>)[last] = value;
  return copy;
}

const EXTREME_NUMBERS = [
  0,
  -0,
  -1,
  1,
  0.5,
  5e-324,
  1e-308,
  1e-12,
  1e12,
  1e300,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

const UNICODE = [
  'Ақтөбе',
  'ферросплав',
  '铬铁',
  '\u202eevil',
  'e\u0301',
  '😀🧪',
  'a\u0000b',
  '\ufeff',
];

/** A value of another type (or an odd one of the same). */
const swapped: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, '', 'x', '1e3', [], {}, [1, 2], { value: 'x' }),
  fc.constantFrom(...EXTREME_NUMBERS),
  fc.constantFrom(...UNICODE),
  fc.integer({ min: 1, max: 20_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 2, max: 60 }).map((d) => JSON.parse('['.repeat(d) + ']'.repeat(d)) as Json),
);

/** A mutation of the parsed document. */
type Mutation = (doc: Json) => Json;

function mutation(doc: Json): fc.Arbitrary<Mutation> {
  const all = paths(doc);
  const numeric = all.filter((p) => typeof getAt(doc, p) === 'number');
  const pick = fc.constantFrom(...all);
  const ops: fc.Arbitrary<Mutation>[] = [
    pick.map((p) => (d: Json) => setAt(d, p, undefined)),
    fc.tuple(pick, swapped).map(
      ([p, v]) =>
        (d: Json) =>
          setAt(d, p, v),
    ),
  ];
  if (numeric.length > 0) {
    const num = fc.constantFrom(...numeric);
    ops.push(
      fc.tuple(num, fc.constantFrom(...EXTREME_NUMBERS)).map(
        ([p, v]) =>
          (d: Json) =>
            setAt(d, p, v),
      ),
      // Plausible edits that validation lets through: a number scaled by 0.05–20.
      fc.tuple(num, fc.double({ min: 0.05, max: 20, noNaN: true })).map(
        ([p, f]) =>
          (d: Json) =>
            setAt(d, p, (getAt(d, p) as number) * f),
      ),
      // Realistic-looking but out-of-range inputs: a number scaled by a power of ten.
      fc.tuple(num, fc.integer({ min: -12, max: 12 })).map(
        ([p, e]) =>
          (d: Json) =>
            setAt(d, p, (getAt(d, p) as number) * 10 ** e),
      ),
    );
  }
  return fc.oneof(...ops);
}

/** A change of the text itself (what a parsed document cannot express). */
type TextMutation = (text: string) => string;

const textMutations: fc.Arbitrary<TextMutation>[] = [
  fc.constant((t: string) => '\ufeff' + t),
  fc.constant((t: string) => t.replace(/\n/g, '\r\n')),
  // A duplicated line (duplicate keys, or a repeated list item).
  fc.nat().map((n) => (t: string) => {
    const lines = t.split('\n');
    const i = n % lines.length;
    lines.splice(i, 0, lines[i] ?? '');
    return lines.join('\n');
  }),
  // An alias bomb ("billion laughs") in front of the document.
  fc.integer({ min: 2, max: 12 }).map((levels) => (t: string) => {
    let bomb = 'bomb0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < levels; i++)
      bomb += `bomb${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]\n`;
    return bomb + t;
  }),
  // Deep flow nesting in place of a line's value.
  fc.tuple(fc.nat(), fc.integer({ min: 10, max: 300_000 })).map(([n, depth]) => (t: string) => {
    const lines = t.split('\n');
    const i = n % lines.length;
    lines[i] = `${lines[i] ?? ''} ${'['.repeat(depth)}${']'.repeat(depth)}`;
    return lines.join('\n');
  }),
  // A very long key.
  fc.integer({ min: 100, max: 1_000_000 }).map((n) => (t: string) => `${t}\n${'k'.repeat(n)}: 1\n`),
  // A cut in the middle.
  fc.nat().map((n) => (t: string) => t.slice(0, n % (t.length + 1))),
];

/** One fuzz case: the scenario text and how it was made. */
export interface FuzzCase {
  text: string;
  origin: string;
}

/** Numeric edits only (most validate): what appraise must then compute or refuse honestly. */
function numericEdits(doc: Json): fc.Arbitrary<Mutation[]> {
  // Years, counts and the format version are integers a scale would only break.
  const numeric = paths(doc).filter((p) => {
    const v = getAt(doc, p);
    return typeof v === 'number' && !(Number.isInteger(v) && v < 3000) && p[0] !== 'uncertainty';
  });
  const edit = fc
    .tuple(
      fc.constantFrom(...numeric),
      fc.oneof(
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.constantFrom(0, 0.001, 1000, 1e6, -1),
      ),
    )
    .map(
      ([p, f]): Mutation =>
        (d: Json) =>
          setAt(d, p, (getAt(d, p) as number) * f),
    );
  return fc.array(edit, { minLength: 1, maxLength: 6 });
}

const structuralCase: fc.Arbitrary<FuzzCase> = fc
  .constantFrom(...REFERENCES)
  .chain((ref) =>
    fc.record({
      ref: fc.constant(ref),
      mutations: fc.array(mutation(ref.data), { minLength: 0, maxLength: 4 }),
      format: fc.constantFrom('yaml', 'json'),
      textMutation: fc.option(fc.oneof(...textMutations), { freq: 3 }),
    }),
  )
  .map(({ ref, mutations, format, textMutation }) => {
    let doc = ref.data;
    for (const m of mutations) {
      try {
        doc = m(doc);
      } catch {
        // A path removed by an earlier mutation: skip this one.
      }
    }
    let text = format === 'json' ? JSON.stringify(doc) : stringify(doc);
    if (textMutation !== null) text = textMutation(text);
    return { text, origin: `${ref.file} (${mutations.length} mutations, ${format})` };
  });

const numericCase: fc.Arbitrary<FuzzCase> = fc
  .constantFrom(...REFERENCES)
  .chain((ref) => fc.record({ ref: fc.constant(ref), edits: numericEdits(ref.data) }))
  .map(({ ref, edits }) => {
    let doc = ref.data;
    for (const e of edits) doc = e(doc);
    return { text: stringify(doc), origin: `${ref.file} (${edits.length} numeric edits)` };
  });

/** Half structural mutations (mostly rejected), half numeric edits (mostly appraised). */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(structuralCase, numericCase);

/** Paths of non-finite numbers in a value (at most `max`). */
export function nonFinitePaths(value: unknown, prefix = '', out: string[] = [], max = 5): string[] {
  if (out.length >= max) return out;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${prefix} = ${value}`);
  } else if (Array.isArray(value))
    value.forEach((v, i) => nonFinitePaths(v, `${prefix}[${i}]`, out, max));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value))
      nonFinitePaths(v, prefix ? `${prefix}.${k}` : k, out, max);
  return out;
}

/** What happened to one case. */
export type Outcome = 'rejected' | 'appraised' | 'model-limit';

/**
 * Runs one case and checks the contract; throws an Error describing the broken rule.
 *
 * @returns How the case ended (rejected by validation, appraised, or refused by the model as
 *   not implemented / not converged).
 */
export function checkCase(c: FuzzCase): Outcome {
  const t0 = performance.now();
  const elapsed = (): number => performance.now() - t0;
  const fail = (rule: string): never => {
    throw new Error(`${rule} [${c.origin}; ${c.text.length} characters]`);
  };
  const parsed = parseScenario(c.text, 'fuzz.yaml');
  if (!parsed.ok) {
    for (const p of parsed.problems)
      if ((p.path === '' && p.line < 1 && !WHOLE_FILE.test(p.message)) || p.message === '')
        fail(`rejection without a field or a place: ${JSON.stringify(p).slice(0, 300)}`);
    if (parsed.problems.length === 0) fail('rejected without a problem');
    if (elapsed() > CASE_TIME_LIMIT_MS) fail(`validation took ${elapsed().toFixed(0)} ms`);
    return 'rejected';
  }
  let outcome: Outcome = 'appraised';
  try {
    const appraisal = appraise(parsed.scenario);
    const bad = nonFinitePaths(appraisal);
    if (bad.length > 0) fail(`non-finite numbers in the appraisal: ${bad.join('; ')}`);
  } catch (error) {
    if (error instanceof InputError)
      fail(`validate accepted what appraise refuses: ${error.message.slice(0, 300)}`);
    // The library's last check (src/finite-result.ts) keeps NaN out of every result; reaching
    // it means an input that makes a metric undefined was neither refused nor made null.
    if (error instanceof InfeasibleError && error.reason.startsWith('the result '))
      fail(`non-finite numbers in the appraisal: ${error.message.slice(0, 300)}`);
    if (error instanceof InfeasibleError && !/^(stages\[\d+\]|scenario$)/.test(error.field))
      fail(`an infeasible stage not named by its path: ${error.message.slice(0, 300)}`);
    if (
      error instanceof NotImplementedError ||
      error instanceof ConvergenceError ||
      error instanceof InfeasibleError
    ) {
      if (error.message === '') fail('a model error without a message');
      outcome = 'model-limit';
    } else if (error instanceof Error && error.message.startsWith('non-finite numbers'))
      throw error;
    else
      fail(
        `unexpected ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`.slice(
          0,
          400,
        ),
      );
  }
  if (elapsed() > CASE_TIME_LIMIT_MS) fail(`the case took ${elapsed().toFixed(0)} ms`);
  return outcome;
}
