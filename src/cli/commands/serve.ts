import { InvalidArgumentError, type Command } from '@commander-js/extra-typings';
import { startServer, type Started } from '../../server/start.js';
import { EXIT } from '../exit-codes.js';
import { CliExit } from '../run-main.js';

function positive(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new InvalidArgumentError(`${flag}: found "${value}", expected a positive integer`);
    return n;
  };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError(`found "${value}", expected an integer port 0–65535`);
  return port;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description(
      'start the web server (REST API under /api and, when built, the web UI); prints the URL',
    )
    .option('--port <port>', 'TCP port (0 picks a free one)', parsePort, 8080)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--db <file>', 'SQLite database file', './var/chromflow.sqlite')
    .option(
      '--database-url <url>',
      'PostgreSQL URL postgres://user:password@host:port/database (default: $DATABASE_URL; wins over --db)',
    )
    .option(
      '--trust-proxy',
      'trust X-Forwarded-Proto/-Host/-For from a reverse proxy (Secure cookies, same-origin check, client address)',
    )
    .option(
      '--origin <url...>',
      'further origins (https://host) accepted for state-changing requests, e.g. the public address behind a proxy',
    )
    .option(
      '--workers <k>',
      'worker threads for appraisals, reports and Monte Carlo (default: number of cores)',
      positive('--workers'),
    )
    .option(
      '--queue-limit <n>',
      'requests that may wait for a worker thread before 503 busy (default 32)',
      positive('--queue-limit'),
    )
    .option(
      '--mc-max-samples <n>',
      'most samples in one Monte Carlo run (default 1000000)',
      positive('--mc-max-samples'),
    )
    .option(
      '--mc-max-runs <n>',
      'most Monte Carlo runs of one user at once (default 2)',
      positive('--mc-max-runs'),
    )
    .option(
      '--mc-min-chunk <n>',
      'smallest Monte Carlo chunk [samples] (default 100)',
      positive('--mc-min-chunk'),
    )
    .option(
      '--mc-max-chunk <n>',
      'largest Monte Carlo chunk [samples] (default 10000)',
      positive('--mc-max-chunk'),
    )
    .action(async (options) => {
      const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
      let started: Started;
      try {
        started = await startServer({
          port: options.port,
          host: options.host,
          dbFile: options.db,
          ...(databaseUrl !== undefined && databaseUrl !== '' ? { databaseUrl } : {}),
          trustProxy: options.trustProxy === true,
          ...(options.origin !== undefined ? { allowedOrigins: options.origin } : {}),
          ...(options.workers !== undefined ? { workers: options.workers } : {}),
          ...(options.queueLimit !== undefined ? { maxQueuedRequests: options.queueLimit } : {}),
          mcLimits: {
            ...(options.mcMaxSamples !== undefined ? { max_samples: options.mcMaxSamples } : {}),
            ...(options.mcMaxRuns !== undefined
              ? { max_concurrent_runs_per_user: options.mcMaxRuns }
              : {}),
            ...(options.mcMinChunk !== undefined ? { min_chunk_size: options.mcMinChunk } : {}),
            ...(options.mcMaxChunk !== undefined ? { max_chunk_size: options.mcMaxChunk } : {}),
          },
        });
      } catch (error) {
        // Unreachable database, unwritable file, port in use: the user's environment, not a bug.
        const code = (error as NodeJS.ErrnoException).code;
        const message = error instanceof Error ? error.message : String(error);
        const what =
          code === 'EADDRINUSE' || code === 'EACCES'
            ? `cannot listen on ${options.host}:${options.port}`
            : 'cannot open the database';
        process.stderr.write(`error: ${what}: ${message}\n`);
        throw new CliExit(EXIT.io);
      }
      await new Promise<void>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const)
          process.once(signal, () => {
            void started.close().then(resolve);
          });
      });
    });
}
