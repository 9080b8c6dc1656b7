// Input limits of a scenario text (src/scenario/limits.ts): each one refuses what exceeds it,
// at its place, in one pass, before the parser; the reference scenarios are far inside them;
// and "did you mean" does bounded work whatever the word.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkInputLimits,
  didYouMean,
  MAX_ANCHORS_AND_ALIASES,
  MAX_LIST_ITEMS,
  MAX_MAP_KEYS,
  MAX_NESTING_DEPTH,
  MAX_SCENARIO_CHARS,
  MAX_STRING_CHARS,
  parseScenario,
} from '../../src/scenario/index.js';
import { editDistance } from '../../src/scenario/did-you-mean.js';
import { ROOT } from '../helpers/run-cli.js';

describe('scenario input limits', () => {
  it('lets the reference scenarios through', () => {
    for (const f of [
      'aktobe-raw-export',
      'aktobe-stage1',
      'aktobe-stage1-2',
      'kempirsai-concentrator',
    ])
      expect(
        checkInputLimits(readFileSync(join(ROOT, `scenarios/${f}.yaml`), 'utf8')),
      ).toBeUndefined();
  });

  const nested = (d: number) => `a: ${'['.repeat(d)}${']'.repeat(d)}\n`;
  const blockNested = (d: number) =>
    Array.from({ length: d }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
  const cases: [string, string, string, RegExp][] = [
    [
      'flow nesting',
      nested(MAX_NESTING_DEPTH - 1),
      nested(MAX_NESTING_DEPTH + 1),
      /nested more than 32/,
    ],
    [
      'block nesting',
      blockNested(MAX_NESTING_DEPTH),
      blockNested(MAX_NESTING_DEPTH + 1),
      /nested more than 32/,
    ],
    [
      'compact sequences',
      `${'- '.repeat(MAX_NESTING_DEPTH)}x\n`,
      `${'- '.repeat(MAX_NESTING_DEPTH + 1)}x\n`,
      /nested/,
    ],
    [
      'a string',
      `a: ${'x'.repeat(MAX_STRING_CHARS)}\n`,
      `a: ${'x'.repeat(MAX_STRING_CHARS + 3)}\n`,
      /string of 10003 characters/,
    ],
    [
      'a quoted key',
      `"${'k'.repeat(MAX_STRING_CHARS)}": 1\n`,
      `"${'k'.repeat(MAX_STRING_CHARS + 1)}": 1\n`,
      /string of/,
    ],
    [
      'mapping keys',
      Array.from({ length: MAX_MAP_KEYS }, (_, i) => `k${i}: 1`).join('\n'),
      Array.from({ length: MAX_MAP_KEYS + 1 }, (_, i) => `k${i}: 1`).join('\n'),
      /mapping with more than 1000 keys/,
    ],
    [
      'list items',
      `a: [${Array(MAX_LIST_ITEMS).fill(1).join(',')}]`,
      `a: [${Array(MAX_LIST_ITEMS + 1)
        .fill(1)
        .join(',')}]`,
      /list with more than 100000 items/,
    ],
    [
      'anchors',
      Array.from({ length: MAX_ANCHORS_AND_ALIASES }, (_, i) => `k${i}: &a${i} 1`).join('\n'),
      Array.from({ length: MAX_ANCHORS_AND_ALIASES + 1 }, (_, i) => `k${i}: &a${i} 1`).join('\n'),
      /anchors and aliases/,
    ],
  ];
  for (const [name, inside, outside, reason] of cases)
    it(`refuses ${name} beyond its limit and keeps one at it`, () => {
      expect(checkInputLimits(inside)).toBeUndefined();
      const v = checkInputLimits(outside);
      expect(v?.message).toMatch(reason);
      expect(v?.line).toBeGreaterThan(0);
    });

  it('refuses a text over the size limit, and locates a deep bracket at its column', () => {
    expect(checkInputLimits('#'.repeat(MAX_SCENARIO_CHARS + 1))?.message).toMatch(/too large/);
    // The mapping is level 1, so the 32nd bracket (column 4 + 31) is level 33.
    expect(checkInputLimits(`x: 1\ny: ${'['.repeat(40)}`)).toMatchObject({ line: 2, column: 35 });
  });

  it('answers the issue’s inputs at once (parseScenario)', () => {
    const base = readFileSync(join(ROOT, 'scenarios/aktobe-stage1.yaml'), 'utf8');
    for (const text of [
      `${base}\n${'k'.repeat(1_000_000)}: 1\n`,
      `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
      base.replace(/path: \S+/, `path: ${'p'.repeat(1_040_000)}`),
    ]) {
      const t0 = performance.now();
      const r = parseScenario(text, 'x.yaml');
      expect(r.ok).toBe(false);
      expect(performance.now() - t0).toBeLessThan(1000);
    }
  });
});

describe('did you mean, bounded', () => {
  it('stops a distance as soon as it exceeds the limit', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('a'.repeat(50), 'b'.repeat(3), 2)).toBe(3);
  });
  it('suggests nothing for words longer than 64 characters, even near a candidate', () => {
    const long = 'capacity_t_per_year'.padEnd(65, 'x');
    expect(didYouMean(long, [long.slice(0, 64)])).toBeUndefined();
    expect(didYouMean('uncertainy', ['uncertainty'])).toBe('uncertainty');
  });
});
