import type { Command } from '@commander-js/extra-typings';
import { InputError } from '../../errors.js';
import { defaultWorkers } from '../../workers/pool.js';
import { startQueueWorker } from '../../workers/queue.js';

export function register(program: Command): void {
  program
    .command('worker')
    .description(
      'evaluate Monte Carlo chunks published by `chromflow mc --queue` (run on any number of machines)',
    )
    .requiredOption('--queue <redis-url>', 'the BullMQ queue, redis://host:port')
    .option(
      '--workers <k>',
      'worker threads = chunks evaluated at once (default: number of cores)',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1)
          throw new InputError('--workers', v, 'a positive integer');
        return n;
      },
    )
    .option('--quiet', 'do not log each chunk')
    .action(async (options) => {
      const threads = options.workers ?? defaultWorkers();
      const worker = await startQueueWorker(options.queue, threads, (c) => {
        if (options.quiet !== true)
          process.stderr.write(`chunk ${c.start}–${c.end} done (${c.failed.length} failed)\n`);
      });
      process.stderr.write(
        `chromflow worker: ${threads} thread${threads === 1 ? '' : 's'} on ${options.queue}; Ctrl-C stops after the chunks in progress\n`,
      );
      await new Promise<void>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const)
          process.once(signal, () => {
            resolve();
          });
      });
      await worker.close();
      process.stderr.write(`chromflow worker: stopped after ${worker.processed()} chunks\n`);
    });
}
