import { InvalidArgumentError, type Command } from '@commander-js/extra-typings';
import { startServer, type Started } from '../../server/start.js';
import { EXIT } from '../exit-codes.js';
import { CliExit } from '../run-main.js';

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
    .option('--trust-proxy', 'trust X-Forwarded-Proto from a reverse proxy (Secure cookies)')
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
