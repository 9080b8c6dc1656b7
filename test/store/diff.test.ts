// Version diffs. The unified diff is checked against GNU patch (an independent implementation
// of the format): applying our diff to the old text must give the new text exactly. The LCS edit
// script is checked for minimality against a plain recursive LCS on random inputs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { describe, expect, it } from 'vitest';
import { requireTool } from '../helpers/required-tool.js';
import { diffScenarioTexts, diffValues, lineEdits, unifiedDiff } from '../../src/store/index.js';

const hasPatch = spawnSync('patch', ['--version']).status === 0;
const tmp = mkdtempSync(join(tmpdir(), 'chromflow-diff-'));

function randomLines(rng: RandomGenerator, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`line ${uniformInt(rng, 0, 5)}`);
  return out;
}

function lcsLength(a: string[], b: string[]): number {
  const memo = new Map<string, number>();
  const go = (i: number, j: number): number => {
    if (i === a.length || j === b.length) return 0;
    const key = `${i},${j}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const r = a[i] === b[j] ? 1 + go(i + 1, j + 1) : Math.max(go(i + 1, j), go(i, j + 1));
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

describe('lineEdits', () => {
  it('rebuilds both texts and keeps a longest common subsequence (random inputs)', () => {
    const rng = xoroshiro128plus(20261128);
    for (let trial = 0; trial < 200; trial++) {
      const a = randomLines(rng, uniformInt(rng, 0, 25));
      const b = randomLines(rng, uniformInt(rng, 0, 25));
      const ops = lineEdits(a, b);
      expect(ops.filter((o) => o.op !== '+').map((o) => o.line)).toEqual(a);
      expect(ops.filter((o) => o.op !== '-').map((o) => o.line)).toEqual(b);
      expect(ops.filter((o) => o.op === ' ').length).toBe(lcsLength(a, b));
    }
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts and has diff -u headers and hunks otherwise', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', 'v1', 'v2')).toBe('');
    expect(unifiedDiff('a\nb\nc\n', 'a\nB\nc\n', 'v1', 'v2')).toBe(
      '--- v1\n+++ v2\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n',
    );
    expect(unifiedDiff('', 'x\n', 'v1', 'v2')).toBe('--- v1\n+++ v2\n@@ -0,0 +1,1 @@\n+x\n');
  });

  it.runIf(requireTool('patch', hasPatch, 'apt-get install patch'))(
    'is applied by GNU patch to give the new text exactly (random inputs)',
    () => {
      const rng = xoroshiro128plus(7);
      for (let trial = 0; trial < 40; trial++) {
        const a = randomLines(rng, uniformInt(rng, 0, 40));
        const b = [...a];
        for (let k = uniformInt(rng, 1, 6); k > 0; k--) {
          const at = uniformInt(rng, 0, b.length);
          if (uniformInt(rng, 0, 1) === 0 && b.length > 0) b.splice(Math.min(at, b.length - 1), 1);
          else b.splice(at, 0, `new ${trial}.${k}`);
        }
        const textA = a.map((l) => l + '\n').join('');
        const textB = b.map((l) => l + '\n').join('');
        const diff = unifiedDiff(textA, textB, 'old.yaml', 'new.yaml');
        if (textA === textB) continue;
        const file = join(tmp, `f${trial}.yaml`);
        writeFileSync(file, textA);
        writeFileSync(`${file}.diff`, diff);
        const r = spawnSync('patch', ['--quiet', '--force', '--fuzz=0', file, `${file}.diff`], {
          encoding: 'utf8',
        });
        expect(r.status, r.stdout + r.stderr).toBe(0);
        expect(readFileSync(file, 'utf8')).toBe(textB);
      }
    },
  );
});

describe('diffValues and diffScenarioTexts', () => {
  it('lists changes by field path', () => {
    expect(
      diffValues(
        { name: 'a', stages: [{ id: 's', capacity_t_per_year: 80000 }], site: { country: 'KZ' } },
        { name: 'a', stages: [{ id: 's', capacity_t_per_year: 90000 }, { id: 't' }], extra: true },
      ),
    ).toEqual([
      { path: 'stages[0].capacity_t_per_year', kind: 'changed', before: 80000, after: 90000 },
      { path: 'stages[1]', kind: 'added', after: { id: 't' } },
      { path: 'site', kind: 'removed', before: { country: 'KZ' } },
      { path: 'extra', kind: 'added', after: true },
    ]);
  });

  it('diffs YAML texts structurally (comments and layout do not count) and textually', () => {
    const d = diffScenarioTexts('# c\na: 1\nb: { c: 2 }\n', 'a: 1\nb:\n  c: 3\n', 'v1', 'v2');
    expect(d.changes).toEqual([{ path: 'b.c', kind: 'changed', before: 2, after: 3 }]);
    expect(d.unified).toContain('-# c');
    const broken = diffScenarioTexts('a: 1\n', 'a: [\n');
    expect(broken.parse_error).toBeDefined();
    expect(broken.changes).toEqual([]);
  });
});
