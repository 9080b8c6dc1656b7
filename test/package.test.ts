// The package as a user gets it after `npm ci` (which builds dist/ through `prepare`):
// `import … from 'chromflow'` resolves by self-reference and `npx chromflow` runs the CLI.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requireTool } from './helpers/required-tool.js';
import { ROOT } from './helpers/run-cli.js';

const built = existsSync(`${ROOT}/dist/index.js`);

describe.runIf(
  requireTool(
    'the built package (dist/)',
    built,
    'npm ci (its prepare script builds dist/) or npm run build',
  ),
)('package self-reference and bin', () => {
  it("import { appraise, loadScenario } from 'chromflow' works from the repository root", () => {
    const code =
      "import('chromflow').then(m => console.log(typeof m.appraise, typeof m.loadScenario, typeof m.parseScenario, m.VERSION))";
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toMatch(/^function function function \d+\.\d+\.\d+$/);
  });

  it('npx chromflow runs the CLI from the root', () => {
    const r = spawnSync(
      'npx',
      ['--no-install', 'chromflow', 'validate', 'scenarios/aktobe-stage1.yaml'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^valid: /);
  });
});

describe('package build', () => {
  it('dist/ exists after npm ci (prepare builds it); CI must not skip the checks above', () => {
    if (process.env.CI) expect(built).toBe(true);
  });
});
