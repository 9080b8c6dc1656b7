import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from '@commander-js/extra-typings';
import { InputError } from '../../errors.js';
import type { Scenario } from '../../scenario/schema.js';
import { DEFAULT_SQLITE_FILE } from '../../store/default-file.js';
import type { KyselyStore } from '../../store/kysely-store.js';
import { localExecutor, type ChunkExecutor } from '../../workers/executor.js';
import {
  buildReport,
  createStoredRun,
  defaultChunkSize,
  executeChunks,
  executeStoredRun,
  storedRunMeta,
  type McReport,
} from '../../workers/mc-run.js';
import { resolveSource, RunCache, sourceKey } from '../../workers/mc-source.js';
import { defaultWorkers } from '../../workers/pool.js';
import { VERSION } from '../../version.js';
import { EXIT } from '../exit-codes.js';
import { progressBar } from '../progress.js';
import { CliExit } from '../run-main.js';
import { CliIoError } from '../write-file.js';
import { collectSetting, loadScenarioOrExit, SET_HELP } from '../scenario-file.js';
import { styleFor } from '../style.js';

export function register(program: Command): void {
  program
    .command('mc')
    .description(
      "Monte Carlo over the scenario's uncertainty section: worker threads, stored chunk by chunk (resumable), or on a Redis queue",
    )
    .argument('[file]', 'scenario file with an uncertainty section (not with --resume)')
    .option(
      '--samples <n>',
      'number of samples (default: uncertainty.samples)',
      positiveInt('--samples'),
    )
    .option('--seed <s>', 'seed (default: uncertainty.seed)', nonNegativeInt('--seed'))
    .addOption(
      new Option('--method <method>', 'sampling method (default: uncertainty.method)').choices([
        'mc',
        'lhs',
        'sobol',
      ] as const),
    )
    .option('--output <name...>', 'outputs to track (default: every numeric output)')
    .option('--set <path=value>', SET_HELP, collectSetting)
    .option(
      '--workers <k>',
      'worker threads (default: number of cores; 1 = in this process)',
      positiveInt('--workers'),
    )
    .option(
      '--chunk-size <n>',
      'samples per chunk (default: about 8 chunks per worker, 10–1000); does not change results',
      positiveInt('--chunk-size'),
    )
    .option(
      '--db <file>',
      'SQLite database the run is stored in, chunk by chunk',
      DEFAULT_SQLITE_FILE,
    )
    .option('--no-store', 'do not store the run (it cannot be resumed)')
    .option(
      '--resume <run-id>',
      'continue a stored run where it stopped (settings come from the run)',
    )
    .option(
      '--queue <redis-url>',
      'publish the chunks as jobs on a BullMQ queue (redis://host:port) for `chromflow worker`',
    )
    .option(
      '--json',
      'print JSON: { run_id, samples, failed, seed, method, metrics: { <output>: { mean, std, p5, p10, p50, p90, p95, prob_negative, … } }, failures[], inputs[], seconds }',
    )
    .action(async (file, options) => {
      if (options.resume !== undefined) {
        const given = [
          file !== undefined ? '<file>' : '',
          options.samples !== undefined ? '--samples' : '',
          options.seed !== undefined ? '--seed' : '',
          options.method !== undefined ? '--method' : '',
          options.output !== undefined ? '--output' : '',
          options.chunkSize !== undefined ? '--chunk-size' : '',
          options.set !== undefined ? '--set' : '',
        ].filter((x) => x !== '');
        if (given.length > 0)
          throw new InputError(
            given.join(', '),
            given.length,
            'none with --resume (a resumed run keeps its stored scenario and settings)',
          );
        if (!options.store)
          throw new InputError('--no-store', true, 'not with --resume (the run is in --db)');
      } else if (file === undefined) {
        throw new InputError('<file>', null, 'a scenario file (or --resume <run-id>)');
      }
      const workers = options.workers ?? defaultWorkers();
      const t0 = performance.now();

      // Ctrl-C: stop starting chunks, keep the finished ones; a second Ctrl-C quits at once.
      const controller = new AbortController();
      let interrupts = 0;
      const onSigint = (): void => {
        interrupts++;
        if (interrupts > 1) process.exit(EXIT.interrupted);
        process.stderr.write(
          '\nstopping after the chunks in progress (Ctrl-C again to quit at once)…\n',
        );
        controller.abort();
      };
      process.on('SIGINT', onSigint);

      let store: KyselyStore | undefined;
      let executor: ChunkExecutor | undefined;
      const progress = progressBar(process.stderr);
      const onProgress = (p: { done: number; total: number }): void => {
        progress.update(p.done, p.total);
      };
      let report: McReport;
      let name: string;
      try {
        if (options.store) {
          try {
            // loaded only to store a run (the database drivers take ≈ 0.2 s to load)
            const { openSqliteStore } = await import('../../store/open.js');
            store = openSqliteStore(options.db);
            await store.migrate();
          } catch (error) {
            throw new CliIoError(options.db, error, 'open the database');
          }
        }
        let runId = options.resume;
        const runs = new RunCache();
        let local:
          | {
              run: ReturnType<typeof resolveSource>['run'];
              source: ReturnType<typeof resolveSource>['source'];
              chunkSize: number;
            }
          | undefined;
        if (runId === undefined) {
          const scenarioFile = file ?? '';
          const scenario = loadScenarioOrExit(scenarioFile, options.set);
          loadEmpiricalCsv(scenario, scenarioFile);
          const { source, run } = resolveSource(scenario, {
            ...(options.samples !== undefined ? { samples: options.samples } : {}),
            ...(options.seed !== undefined ? { seed: options.seed } : {}),
            ...(options.method !== undefined ? { method: options.method } : {}),
            ...(options.output !== undefined ? { outputs: options.output } : {}),
          });
          const chunkSize = options.chunkSize ?? defaultChunkSize(run.samples, workers);
          // this thread evaluates with the run resolveSource compiled (not compiled again)
          runs.add(sourceKey(source), run);
          if (store) {
            runId = (await createStoredRun(store, source, chunkSize)).id;
            process.stderr.write(`run ${runId} (stored in ${options.db})\n`);
          } else local = { run, source, chunkSize };
          name = scenario.name;
        } else {
          const stored = store ? await store.getMcRun(runId) : undefined;
          if (stored === undefined)
            throw new InputError('--resume', runId, `the id of a run stored in ${options.db}`);
          const meta = storedRunMeta(stored);
          name = meta.scenario_name;
          process.stderr.write(
            `resuming run ${runId}: ${stored.completed_samples} of ${stored.samples} samples already stored\n`,
          );
          if (meta.chromflow_version !== VERSION)
            process.stderr.write(
              `warning: run ${runId} was started by chromflow ${meta.chromflow_version}, this is ${VERSION}; if the model changed in between, old and new chunks differ\n`,
            );
        }
        // the queue's client (BullMQ, ioredis) is loaded only to publish on a queue
        const exec =
          options.queue !== undefined
            ? await (await import('../../workers/queue.js')).queueExecutor(options.queue)
            : localExecutor(workers, runs);
        if (options.queue !== undefined)
          process.stderr.write(
            `publishing chunks on ${options.queue}; they are evaluated by \`chromflow worker --queue ${options.queue}\` (start it on one or more machines)\n`,
          );
        executor = exec;
        const signal = controller.signal;
        if (store && runId !== undefined) {
          const outcome = await executeStoredRun(store, runId, {
            executor: exec,
            onProgress,
            signal,
          });
          if (outcome.status === 'interrupted') {
            progress.stop();
            process.stderr.write(
              `interrupted: ${outcome.completed} of ${outcome.total} samples are stored in run ${runId}.\n` +
                `resume with: chromflow mc --resume ${runId}${options.db === DEFAULT_SQLITE_FILE ? '' : ` --db ${options.db}`}\n`,
            );
            throw new CliExit(EXIT.interrupted);
          }
          report = outcome.report;
        } else if (local) {
          const outcome = await executeChunks(local.run, local.source, {
            executor: exec,
            chunkSize: local.chunkSize,
            onProgress,
            signal,
          });
          if (outcome.status === 'interrupted') {
            progress.stop();
            process.stderr.write(
              `interrupted after ${outcome.completed} of ${outcome.total} samples (not stored: --no-store)\n`,
            );
            throw new CliExit(EXIT.interrupted);
          }
          report = buildReport(outcome.result);
        } else throw new Error('unreachable: no run to execute');
      } finally {
        progress.stop();
        process.off('SIGINT', onSigint);
        await executor?.close();
        await store?.close();
      }
      const seconds = (performance.now() - t0) / 1000;
      if (options.json) {
        process.stdout.write(JSON.stringify({ ...report, seconds }, null, 2) + '\n');
        return;
      }
      printReport(name, report, seconds);
    });
}

function printReport(name: string, report: McReport, seconds: number): void {
  const s = styleFor(process.stdout);
  process.stdout.write(
    `${s.bold(name)}\n${report.samples} samples (${report.method}, seed ${report.seed}) in ${seconds.toFixed(1)} s; ${report.failed} failed${report.run_id !== undefined ? `; run ${report.run_id}` : ''}\n\n`,
  );
  process.stdout.write(
    `${'output'.padEnd(58)} ${['mean', 'p10', 'p50', 'p90', 'P(<0)'].map((h) => h.padStart(12)).join('')}\n`,
  );
  for (const [output, m] of Object.entries(report.metrics)) {
    process.stdout.write(
      `${output.padEnd(58)} ${[m.mean, m.p10, m.p50, m.p90].map((x) => fmt(x).padStart(12)).join('')}${fmt(m.prob_negative).padStart(12)}\n`,
    );
  }
  if (report.failed > 0) {
    process.stdout.write(`\n${report.failed} failed samples; the first:\n`);
    for (const f of report.failures.slice(0, 5))
      process.stdout.write(`  sample ${f.index}: ${f.message}\n`);
  }
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return Math.abs(x) >= 1e5 ? x.toExponential(3) : Number(x.toPrecision(5)).toString();
}

function positiveInt(flag: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InputError(flag, v, 'a positive integer');
    return n;
  };
}

function nonNegativeInt(flag: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new InputError(flag, v, 'an integer ≥ 0');
    return n;
  };
}

/** Reads `empirical` distributions given as CSV files (relative to the scenario) into observations. */
export function loadEmpiricalCsv(scenario: Scenario, file: string): void {
  scenario.uncertainty?.parameters.forEach((p, i) => {
    const d = p.distribution;
    if (d.type !== 'empirical' || d.csv === undefined) return;
    const field = `uncertainty.parameters[${i}].distribution.csv`;
    const path = resolve(dirname(file), d.csv);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new InputError(field, d.csv, `a readable CSV file (looked for ${path})`);
    }
    const rows = text
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '')
      .map((l) => l.split(','));
    const header = rows[0] ?? [];
    const hasHeader = header.some((h) => Number.isNaN(Number(h)));
    const col = d.column === undefined ? 0 : header.indexOf(d.column);
    if (col < 0)
      throw new InputError(
        field.replace('.csv', '.column'),
        d.column,
        `a column of ${d.csv} (${header.join(', ')})`,
      );
    const observations = rows.slice(hasHeader ? 1 : 0).map((r, k) => {
      const x = Number(r[col]);
      if (!Number.isFinite(x))
        throw new InputError(`${d.csv}: row ${k + (hasHeader ? 2 : 1)}`, r[col], 'a finite number');
      return x;
    });
    d.observations = observations;
    delete d.csv;
  });
}
