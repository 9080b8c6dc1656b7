// The BullMQ queue on a real redis-server (Debian package, on loopback, no persistence): chunks
// published by the coordinator and evaluated by two consumers — one in this process, one a
// `chromflow worker` child process — merge to the same bits as a local run; so does
// `chromflow mc --queue`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '../helpers/required-tool.js';
import { runAll } from '../../src/uncertainty/index.js';
import { buildReport, executeChunks } from '../../src/workers/mc-run.js';
import { resolveSource } from '../../src/workers/mc-source.js';
import { queueExecutor, startQueueWorker, type QueueWorker } from '../../src/workers/queue.js';
import { Redis } from 'ioredis';
import { parseRedisUrl } from '../../src/workers/queue.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { FIXTURE, expectSameBits, fixtureScenario } from './helpers.js';

const REDIS = '/usr/bin/redis-server';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

async function waitForRedis(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const client = new Redis({ ...parseRedisUrl(url), lazyConnect: true, maxRetriesPerRequest: 0 });
    client.on('error', () => undefined); // refused until redis-server listens: retried below
    try {
      await client.connect();
      expect(await client.ping()).toBe('PONG');
      await client.quit();
      return;
    } catch {
      client.disconnect();
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`redis-server did not start at ${url}`);
}

describe.runIf(requireTool('redis-server', existsSync(REDIS), 'apt-get install redis-server'))(
  'Monte Carlo on a BullMQ queue (real redis-server)',
  () => {
    let redis: ChildProcess;
    let child: ChildProcess;
    let local: QueueWorker;
    let url = '';
    let childLog = '';

    beforeAll(async () => {
      const port = await freePort();
      url = `redis://127.0.0.1:${port}`;
      redis = spawn(
        REDIS,
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      );
      await waitForRedis(url);
      local = await startQueueWorker(url, 1);
      child = spawn(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--queue', url, '--workers', '1'],
        { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      child.stderr?.on('data', (d: Buffer) => {
        childLog += d.toString();
      });
    });

    afterAll(async () => {
      await local.close();
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        await exited;
      }
      const stopped = new Promise((r) => redis.once('exit', r));
      redis.kill('SIGTERM');
      await stopped;
    });

    const { source, run } = resolveSource(fixtureScenario(), {
      samples: 40,
      seed: 9,
      method: 'mc',
    });
    const reference = runAll(run, 40);

    it('results gathered from the queue equal a local run bit for bit', async () => {
      const executor = await queueExecutor(url);
      try {
        const out = await executeChunks(run, source, { executor, chunkSize: 5 });
        expect(out.status).toBe('done');
        if (out.status === 'done') expectSameBits(reference, out.result);
      } finally {
        await executor.close();
      }
      expect(local.processed() + (childLog.match(/^chunk /gm)?.length ?? 0)).toBeGreaterThanOrEqual(
        8,
      );
    });

    it('chromflow mc --queue prints the same report as a local run', () => {
      const r = runCli([
        'mc',
        FIXTURE,
        '--samples',
        '40',
        '--seed',
        '9',
        '--method',
        'mc',
        '--chunk-size',
        '10',
        '--queue',
        url,
        '--no-store',
        '--json',
      ]);
      expect(r.status, r.stderr).toBe(0);
      const { seconds: _s, ...report } = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(report).toEqual(JSON.parse(JSON.stringify(buildReport(reference))));
    });
  },
);
