// The core (src/ minus the edge folders) must not import Node built-ins, the DOM or an edge,
// so the same model runs in the CLI, server, worker threads and browser (docs/architecture.md).
// Two independent checks: a scan of every core file's imports, and the ESLint rule itself,
// which we prove rejects `node:fs` in a core file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { corePurityRule, EDGE_DIRS } from '../../eslint.config.js';
import { ROOT } from '../helpers/run-cli.js';

const SRC = join(ROOT, 'src');

function coreFiles(dir = SRC): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const rel = relative(SRC, path);
    if (statSync(path).isDirectory()) {
      if (dir === SRC && EDGE_DIRS.includes(name)) continue;
      out.push(...coreFiles(path));
    } else if (/\.tsx?$/.test(rel)) out.push(path);
  }
  return out;
}

const IMPORT_RE =
  /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

/** Returns the forbidden imports of one source text, with the reason for each. */
export function forbiddenImports(source: string, fileRelToSrc: string): string[] {
  const problems: string[] = [];
  const builtins = new Set(builtinModules);
  for (const m of source.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? '';
    if (spec.startsWith('node:') || builtins.has(spec.split('/')[0] ?? ''))
      problems.push(`${spec}: Node built-in`);
    if (spec.startsWith('.')) {
      const target = join(SRC, fileRelToSrc, '..', spec);
      const top = relative(SRC, target).split(/[\\/]/)[0] ?? '';
      if (EDGE_DIRS.includes(top)) problems.push(`${spec}: edge module`);
    }
  }
  if (/\b(window|document|localStorage)\./.test(source.replace(/\/\/.*$/gm, '')))
    problems.push('DOM global');
  return problems;
}

describe('core purity', () => {
  it('no core file imports a Node built-in, the DOM or an edge', () => {
    const files = coreFiles();
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.flatMap((f) =>
      forbiddenImports(readFileSync(f, 'utf8'), relative(SRC, f)).map(
        (p) => `${relative(ROOT, f)}: ${p}`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('the scanner flags node:fs, bare fs and an edge import (it can fail)', () => {
    expect(forbiddenImports("import { readFileSync } from 'node:fs';", 'thermo/x.ts')).toHaveLength(
      1,
    );
    expect(forbiddenImports("import fs from 'fs';", 'thermo/x.ts')).toHaveLength(1);
    expect(forbiddenImports("import { x } from '../cli/main.js';", 'thermo/x.ts')).toHaveLength(1);
    expect(forbiddenImports("import { x } from './species.js';", 'thermo/x.ts')).toHaveLength(0);
  });

  it('the ESLint core-purity rule rejects node:fs in a core file', async () => {
    const eslint = new ESLint({
      cwd: ROOT,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, rules: corePurityRule },
      ],
    });
    const [bad] = await eslint.lintText(
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      {
        filePath: join(SRC, 'thermo', 'fake.ts'),
      },
    );
    expect(bad?.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
    const [good] = await eslint.lintText(
      "import { x } from './species.js';\nexport const y = x;\n",
      {
        filePath: join(SRC, 'thermo', 'fake.ts'),
      },
    );
    expect(good?.messages).toEqual([]);
  });
});
