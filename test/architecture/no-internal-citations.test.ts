// Users of chromflow never see the team's internal notes (../shared): a number in data/ or a
// reference in src/ must cite the original publication, never `../shared/domain/facts.md` or a
// "facts §" section of it (docs/data-sources.md says how to cite). The scan is plain text so it
// also catches citations inside comments, `source` strings and `references` arrays.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

/** Phrases that point at the internal collection instead of an original source. */
export const INTERNAL_CITATION_RE = /shared\/domain|\.\.\/shared|facts\.md|\bfacts\s*§/i;

function textFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...textFiles(path));
    else if (/\.(json|ya?ml|csv|tsx?|md)$/.test(name)) out.push(path);
  }
  return out;
}

function offendingLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, i) =>
      INTERNAL_CITATION_RE.test(line)
        ? [`${relative(ROOT, path)}:${String(i + 1)}: ${line.trim().slice(0, 120)}`]
        : [],
    );
}

describe('no citation of the internal facts collection', () => {
  it('the pattern catches the forms used before and leaves original sources alone', () => {
    for (const bad of [
      'shared/domain/facts.md §1',
      '../shared/domain/facts.md',
      'facts §3.2: 0.42 t coke',
      'see Facts.md §5.6',
    ])
      expect(INTERNAL_CITATION_RE.test(bad), bad).toBe(true);
    for (const good of [
      'SAIMM 2007, "The development of the Voskhod chrome project"',
      'facts and figures, Kazchrome 2024',
      'artefacts §2',
    ])
      expect(INTERNAL_CITATION_RE.test(good), good).toBe(false);
  });

  it('README.md cites no ../shared or facts.md', () => {
    expect(offendingLines(join(ROOT, 'README.md'))).toEqual([]);
  });

  for (const dir of ['data', 'src', 'scenarios', 'docs']) {
    it(`no file under ${dir}/ cites ../shared or facts.md`, () => {
      const files = textFiles(join(ROOT, dir));
      expect(files.length).toBeGreaterThan(3);
      expect(files.flatMap(offendingLines)).toEqual([]);
    });
  }
});
