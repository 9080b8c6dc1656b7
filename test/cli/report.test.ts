// `chromflow report` as a user runs it: one file per format (repeatable and comma-list
// --format), atomic writes, exit codes 2 (bad format) and 4 (unwritable output).
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'chromflow-report-'));

describe('chromflow report', () => {
  it('writes html, pdf and xlsx into --out (created), nothing else', () => {
    const out = join(tmp, 'a', 'b');
    const r = runCli([
      'report',
      'scenarios/aktobe-raw-export.yaml',
      '--format',
      'html,xlsx',
      '--format',
      'pdf',
      '--out',
      out,
    ]);
    expect(r.stderr).not.toContain('no cash flow yet'); // appraise has economics now
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'aktobe-raw-export.html',
      'aktobe-raw-export.pdf',
      'aktobe-raw-export.xlsx',
    ]);
    expect(r.stdout).toMatch(/wrote .*aktobe-raw-export\.pdf \(\d+ kB, [\d.]+ s\)/);
    const html = readFileSync(join(out, 'aktobe-raw-export.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('scenarios/aktobe-raw-export.yaml');
    expect(readFileSync(join(out, 'aktobe-raw-export.pdf')).subarray(0, 5).toString()).toBe(
      '%PDF-',
    );
    expect(readFileSync(join(out, 'aktobe-raw-export.xlsx')).subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('exits 2 on an unknown format, naming it, and writes nothing', () => {
    const out = join(tmp, 'bad');
    const r = runCli([
      'report',
      'scenarios/aktobe-raw-export.yaml',
      '--format',
      'html,docx',
      '--out',
      out,
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--format');
    expect(r.stderr).toContain('docx');
    expect(r.stderr).toContain('html, pdf, xlsx');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 4 when --out cannot be created', () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    const out = join(file, 'sub');
    const r = runCli(['report', 'scenarios/aktobe-raw-export.yaml', '--out', out]);
    expect(r.status).toBe(4);
    // One line (the CLI's one write helper, src/cli/write-file.ts): the file it could not
    // write and why, in plain words with the system's code.
    expect(r.stderr).toBe(
      `error: cannot write ${join(out, 'aktobe-raw-export.html')}: a part of the path is not a folder (ENOTDIR: not a directory, mkdir '${out}')\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe('x');
  }, 60_000);
});
