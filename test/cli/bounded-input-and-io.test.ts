// The CLI on hostile inputs and unwritable places, as a user runs it: a scenario with a key of
// a million characters or 200 000 nested brackets is refused with exit 2 and a one-line reason
// (its speed is in the scenario bench); output that cannot be written (unwritable folder, a
// file where a folder should be, a database on a full disk) ends with exit 4, one line, no
// stack and no temporary file.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'chromflow-bounded-'));
const STAGE1 = readFileSync(join(ROOT, 'scenarios/aktobe-stage1.yaml'), 'utf8');

/** A folder no one may write into, root included (sysfs refuses files to everyone). */
const UNWRITABLE = '/sys/kernel';

function oneLine(stderr: string): void {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toContain('internal error');
}

describe('bounded work per input (chromflow validate)', () => {
  // Refused, not parsed: the speed of the refusal is measured by `npm run bench` (scenario
  // suite, side by side with parsing the reference scenario), never by a timed test.
  for (const [name, text, reason] of [
    [
      'a key of 1 000 000 characters',
      `${STAGE1}\n${'k'.repeat(1_000_000)}: 1\n`,
      /string of 1000000 characters; expected at most 10000/,
    ],
    [
      '200 000 nested brackets',
      `${'['.repeat(200_000)}${']'.repeat(200_000)}\n`,
      /nested more than 32 levels deep/,
    ],
  ] as const) {
    it(`refuses ${name} with exit 2 and a one-line reason`, () => {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(file, text);
      const r = runCli(['validate', file]);
      expect(r.status).toBe(2);
      const problems = r.stdout.split('\n').filter((l) => l.startsWith(file));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(reason);
    });
  }
});

describe('write failures exit 4 with one line', () => {
  it('appraise --out into an unwritable folder', () => {
    const r = runCli(['appraise', 'scenarios/aktobe-stage1.yaml', '--out', UNWRITABLE]);
    expect(r.status).toBe(4);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(
      /^error: cannot write \/sys\/kernel\/appraisal\.json: permission denied/,
    );
    expect(readdirSync(UNWRITABLE).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('appraise --out below a file', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const r = runCli(['appraise', 'scenarios/aktobe-stage1.yaml', '--out', join(file, 'sub')]);
    expect(r.status).toBe(4);
    oneLine(r.stderr);
    expect(r.stderr).toContain('not a folder');
  });

  it('mc --db in an unwritable folder, and on a full disk (/dev/full)', () => {
    const args = [
      'mc',
      'test/fixtures/scenarios/sensitivity.yaml',
      '--samples',
      '4',
      '--workers',
      '1',
    ];
    const ro = runCli([...args, '--db', `${UNWRITABLE}/x.sqlite`]);
    expect(ro.status).toBe(4);
    oneLine(ro.stderr);
    expect(ro.stderr).toMatch(/^error: cannot open the database \/sys\/kernel\/x\.sqlite/);
    const full = runCli([...args, '--db', '/dev/full']);
    expect(full.status).toBe(4);
    oneLine(full.stderr);
    expect(full.stderr).toContain('no space left');
  });

  it('still writes atomically where it can', () => {
    const out = join(dir, 'out');
    const r = runCli(['appraise', 'scenarios/aktobe-stage1.yaml', '--out', out]);
    expect(r.status).toBe(0);
    expect(readdirSync(out)).toEqual(['appraisal.json']);
    expect(existsSync(join(out, 'appraisal.json'))).toBe(true);
  });
});
