// Persistence and resumption through the real CLI: a run stored chunk by chunk in SQLite is
// killed with SIGKILL after some chunks were stored, resumed with --resume, and must then equal
// an uninterrupted run bit for bit (every stored chunk and the report), with each chunk stored
// exactly once. Ctrl-C (SIGINT) stops cleanly, marks the run resumable and prints how to resume.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { FIXTURE } from './helpers.js';

const ARGS = ['--samples', '80', '--seed', '4', '--chunk-size', '4', '--workers', '1'];
const CHUNKS = 20;

interface Row {
  chunk_index: number;
  first_sample: number;
  results_json: string;
}

function chunkRows(db: string): Row[] {
  const d = new BetterSqlite3(db, { readonly: true });
  try {
    return d
      .prepare(
        'select chunk_index, first_sample, results_json from mc_run_chunks order by chunk_index',
      )
      .all() as Row[];
  } finally {
    d.close();
  }
}

function storedChunks(db: string): number {
  try {
    const d = new BetterSqlite3(db, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare('select count(*) as n from mc_run_chunks').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
}

function runIds(db: string): { id: string; status: string }[] {
  const d = new BetterSqlite3(db, { readonly: true });
  try {
    return d.prepare('select id, status from mc_runs').all() as { id: string; status: string }[];
  } finally {
    d.close();
  }
}

/** Starts `chromflow mc` and sends `signal` once at least `after` chunks are stored. */
async function interrupt(
  db: string,
  signal: NodeJS.Signals,
  after: number,
): Promise<{ code: number | null; stderr: string; storedAtSignal: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'mc', FIXTURE, ...ARGS, '--db', db, '--json'],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      resolve(code);
    });
  });
  let storedAtSignal: number;
  for (;;) {
    await new Promise((r) => setTimeout(r, 25));
    storedAtSignal = storedChunks(db);
    if (storedAtSignal >= after || child.exitCode !== null) break;
  }
  child.kill(signal);
  return { code: await exited, stderr, storedAtSignal };
}

function report(stdout: string): Record<string, unknown> {
  const { run_id: _id, seconds: _s, ...rest } = JSON.parse(stdout) as Record<string, unknown>;
  return rest;
}

describe('stored runs: kill, resume, same bits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chromflow-resume-'));
  const reference = join(dir, 'reference.sqlite');
  const full = runCli(['mc', FIXTURE, ...ARGS, '--db', reference, '--json']);

  it('an uninterrupted run stores every chunk once', () => {
    expect(full.status, full.stderr).toBe(0);
    // stderr is a pipe here, not a TTY: no progress bar, only the run id line.
    expect(full.stderr).not.toContain('samples/s');
    expect(full.stderr).toMatch(/^run [0-9a-f-]{36} \(stored in /);
    const rows = chunkRows(reference);
    expect(rows.map((r) => r.chunk_index)).toEqual(Array.from({ length: CHUNKS }, (_, k) => k));
    expect(runIds(reference)[0]?.status).toBe('done');
  });

  it('SIGKILL after some chunks, then --resume: nothing lost, nothing duplicated, same bits', async () => {
    const db = join(dir, 'killed.sqlite');
    const killed = await interrupt(db, 'SIGKILL', 3);
    expect(killed.code).toBeNull(); // killed, not finished
    const before = storedChunks(db);
    expect(before).toBeGreaterThanOrEqual(3);
    expect(before).toBeLessThan(CHUNKS);
    const [run] = runIds(db);
    expect(run?.status).toBe('running');
    const resumed = runCli(['mc', '--resume', run?.id ?? '', '--db', db, '--json']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`resuming run ${run?.id ?? ''}`);
    expect(report(resumed.stdout)).toEqual(report(full.stdout));
    const rows = chunkRows(db);
    expect(rows.map((r) => r.chunk_index)).toEqual(Array.from({ length: CHUNKS }, (_, k) => k));
    expect(rows).toEqual(chunkRows(reference)); // every output array, bit for bit
    expect(runIds(db)).toEqual([{ id: run?.id, status: 'done' }]);
  });

  it('Ctrl-C keeps the finished chunks and prints how to resume', async () => {
    const db = join(dir, 'interrupted.sqlite');
    const stopped = await interrupt(db, 'SIGINT', 2);
    expect(stopped.code).toBe(130);
    const [run] = runIds(db);
    expect(run?.status).toBe('cancelled');
    expect(stopped.stderr).toContain(`chromflow mc --resume ${run?.id ?? ''} --db ${db}`);
    const kept = storedChunks(db);
    expect(kept).toBeGreaterThanOrEqual(stopped.storedAtSignal);
    expect(kept).toBeLessThan(CHUNKS);
    const resumed = runCli(['mc', '--resume', run?.id ?? '', '--db', db, '--json']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(report(resumed.stdout)).toEqual(report(full.stdout));
    expect(chunkRows(db)).toEqual(chunkRows(reference));
  });

  it('--resume refuses settings and unknown ids', () => {
    expect(runCli(['mc', '--resume', 'nope', '--db', reference]).status).toBe(2);
    expect(runCli(['mc', FIXTURE, '--resume', 'x', '--db', reference]).status).toBe(2);
  });
});
