// `chromflow serve` as a user runs it: first start creates the SQLite file, prints the admin's
// one-time password once and the URL; the server answers; a second start on the same file
// prints no password. Each child is stopped by its own pid.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

async function serveOnce(
  db: string,
): Promise<{ output: string; health: unknown; code: number | null }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--db', db],
    {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      resolve(code);
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`no URL printed:\n${output}`));
    }, 30_000);
    child.stdout.on('data', () => {
      const m = /serving on (http:\/\/\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  const health: unknown = await (await fetch(new URL('api/health', url))).json();
  child.kill('SIGTERM');
  return { output, health, code: await exited };
}

describe('chromflow serve', () => {
  it('seeds on the first start only, prints the URL, and stops cleanly on SIGTERM', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'chromflow-serve-')), 'var', 'chromflow.sqlite');
    const first = await serveOnce(db);
    expect(first.output).toMatch(/one-time password\n\s+[\w-]{24}\n/);
    expect(first.health).toMatchObject({ status: 'ok', database: 'sqlite' });
    expect(first.code).toBe(0);
    expect(existsSync(db)).toBe(true);
    const second = await serveOnce(db);
    expect(second.output).not.toContain('one-time password');
    expect(second.output).toMatch(/serving on http:\/\/127\.0\.0\.1:\d+\//);
    expect(second.code).toBe(0);
  });

  it('exits 4 with one line when the database cannot be reached', () => {
    const r = runCli(['serve', '--port', '0', '--database-url', 'postgres://nobody@127.0.0.1:1/x']);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/^error: cannot open the database: .*ECONNREFUSED/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const bad = runCli(['serve', '--database-url', 'mysql://u@h/db']);
    expect(bad.status).toBe(4);
    expect(bad.stderr).toContain('postgres://');
  });
});
