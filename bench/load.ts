// `npm run load -- [--connections 60] [--duration 10] [--scenario FILE] [--workers K] [--root DIR]`: a load
// test of the server as it is deployed. Starts `chromflow serve` as a child process on a fresh
// SQLite database (127.0.0.1, a free port), logs in as the seeded admin, then posts the scenario
// to /api/appraise from `connections` concurrent clients for `duration` seconds (autocannon)
// while probing /api/health every 50 ms from a second connection. Prints the throughput by
// status, the latency percentiles of the appraisals and of /api/health, and stops the server
// by its pid. Traffic goes to the loopback address only and ends by itself.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const HERE = fileURLToPath(new URL('..', import.meta.url));

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/** The chromflow checkout whose server is tested (another one compares versions). */
const ROOT = option('root', HERE);
const connections = Number(option('connections', '60'));
const duration = Number(option('duration', '10'));
const scenarioFile = option('scenario', join(ROOT, 'scenarios/aktobe-stage1-2.yaml'));
const workers = option('workers', '');

interface Server {
  url: string;
  password: string;
  stop(): Promise<void>;
}

/** Starts `chromflow serve` on a fresh database; resolves once it prints its URL. */
async function startServer(dir: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.LOAD_NODE_ARGS?.split(' ').filter((a) => a !== '') ?? []),
      '--import',
      'tsx',
      'src/cli/main.ts',
      'serve',
      '--port',
      '0',
      '--db',
      join(dir, 'load.sqlite'),
      ...(workers !== '' ? ['--workers', workers] : []),
    ],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' }, stdio: 'pipe' },
  );
  let output = '';
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString();
    if (process.env.LOAD_NODE_ARGS !== undefined) process.stderr.write(d);
  });
  const exited = new Promise<void>((resolve) =>
    child.on('exit', () => {
      resolve();
    }),
  );
  const started = await new Promise<{ url: string; password: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`the server did not start:\n${output}`));
    }, 60_000);
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const url = /serving on (http:\/\/\S+)/.exec(output)?.[1];
      const password = /one-time password\n\s+(\S+)/.exec(output)?.[1];
      if (url !== undefined && password !== undefined) {
        clearTimeout(timer);
        resolve({ url, password });
      }
    });
  });
  return {
    ...started,
    stop: async () => {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
      await exited;
    },
  };
}

/** Logs in as admin, replaces the one-time password, returns the session cookie. */
async function login(url: string, otp: string): Promise<string> {
  const origin = new URL(url).origin;
  const headers = { 'content-type': 'application/json', origin };
  const r = await fetch(new URL('api/auth/login', url), {
    method: 'POST',
    headers,
    body: JSON.stringify({ username: 'admin', password: otp }),
  });
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const changed = await fetch(new URL('api/auth/password', url), {
    method: 'POST',
    headers: { ...headers, cookie },
    body: JSON.stringify({ current_password: otp, new_password: 'load test pass phrase 2026' }),
  });
  return (changed.headers.get('set-cookie') ?? cookie).split(';')[0] ?? '';
}

/**
 * Probes /api/health every `everyMs` from a separate process (so that the load generator's own
 * work does not delay the probe) until `stop` resolves; returns the latencies [ms].
 */
async function probeHealth(url: string, stop: Promise<void>, everyMs = 50): Promise<number[]> {
  const script = `
    const url = ${JSON.stringify(new URL('api/health', url).href)};
    const times = [];
    let done = false;
    process.stdin.on('data', () => { done = true; });
    (async () => {
      while (!done) {
        const t0 = performance.now();
        const r = await fetch(url);
        await r.arrayBuffer();
        times.push(performance.now() - t0);
        await new Promise((resolve) => setTimeout(resolve, ${everyMs}));
      }
      process.stdout.write(JSON.stringify(times));
      process.exit(0);
    })();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) =>
    child.on('exit', () => {
      resolve();
    }),
  );
  await stop;
  child.stdin.write('stop\n');
  await exited;
  return JSON.parse(out) as number[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

const dir = mkdtempSync(join(tmpdir(), 'chromflow-load-'));
const server = await startServer(dir);
try {
  const cookie = await login(server.url, server.password);
  const body = readFileSync(scenarioFile, 'utf8');
  // Warm up: the worker threads load the model once.
  await fetch(new URL('api/appraise', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/yaml', origin: new URL(server.url).origin, cookie },
    body,
  });
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const health = probeHealth(server.url, finished);
  const result = await autocannon({
    url: new URL('api/appraise', server.url).href,
    method: 'POST',
    connections,
    duration,
    timeout: 60,
    headers: {
      'content-type': 'application/yaml',
      origin: new URL(server.url).origin,
      cookie,
    },
    body,
  });
  finish();
  const h = (await health).sort((a, b) => a - b);
  const lines = [
    `load: ${connections} clients posting ${scenarioFile.replace(ROOT, '')} to /api/appraise for ${duration} s`,
    `  requests: ${result.requests.total} (${result.requests.average.toFixed(1)}/s); 2xx ${result['2xx']}, 503 busy ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
    `  appraisals answered 200: ${(result['2xx'] / duration).toFixed(1)}/s`,
    `  latency [ms]: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`,
    `  /api/health [ms] over ${h.length} probes: p50 ${percentile(h, 0.5).toFixed(1)}, p99 ${percentile(h, 0.99).toFixed(1)}, max ${(h[h.length - 1] ?? NaN).toFixed(1)}`,
  ];
  console.log(lines.join('\n'));
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
