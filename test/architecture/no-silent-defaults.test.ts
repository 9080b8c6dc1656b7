// Issue 13: "No unit result is read with a silent default anywhere in src/process and src/plant".
// Unit results are read through unitResult/unitEnergy (src/process/design/unit-result.ts), which
// refuse an undeclared or missing result; this scan refuses a diagnostics read with `??`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** `diagnostics.x ??`, `diagnostics[k] ??`, `diagnostics ?? {}` and `.energy?.x ??` reads. */
const SILENT = /diagnostics(\.\w+|\[[^\]]+\])?\s*\?\?|\.energy\?\.\w+\s*\?\?\s*0/;

describe('no silent defaults on unit results', () => {
  it('finds the pattern in a sample', () => {
    expect(SILENT.test('const a = out.diagnostics.alloy_kg_per_h ?? 0;')).toBe(true);
    expect(SILENT.test('const d = sol.outputs[i]?.diagnostics ?? {};')).toBe(true);
    expect(SILENT.test("const v = unitResult(fs, sol, i, 'alloy_kg_per_h');")).toBe(false);
  });
  it('src/process and src/plant read unit results strictly', () => {
    const hits: string[] = [];
    for (const dir of ['src/process', 'src/plant'])
      for (const f of files(join(ROOT, dir)))
        readFileSync(f, 'utf8')
          .split('\n')
          .forEach((line, k) => {
            if (SILENT.test(line)) hits.push(`${relative(ROOT, f)}:${k + 1}: ${line.trim()}`);
          });
    expect(hits).toEqual([]);
  });
});
