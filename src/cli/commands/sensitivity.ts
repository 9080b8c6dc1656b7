import { Option, type Command } from '@commander-js/extra-typings';
import { monteCarloSpec } from '../../analysis/monte-carlo.js';
import { InputError } from '../../errors.js';
import { compileRun } from '../../uncertainty/runner/compile.js';
import { sobolIndicesFromResult } from '../../uncertainty/sensitivity/sobol-indices.js';
import { tornadoBars, tornadoForRun } from '../../uncertainty/sensitivity/tornado.js';
import { rankCorrelationsForRun } from '../../uncertainty/sensitivity/spearman.js';
import { spider, spiderByQuantiles } from '../../uncertainty/sensitivity/spider.js';
import { localExecutor } from '../../workers/executor.js';
import { defaultChunkSize, executeChunks } from '../../workers/mc-run.js';
import { compileSaltelli, resolveSource } from '../../workers/mc-source.js';
import { defaultWorkers } from '../../workers/pool.js';
import { EXIT } from '../exit-codes.js';
import { CliExit } from '../run-main.js';
import { collectSetting, loadScenarioOrExit, SET_HELP } from '../scenario-file.js';
import { styleFor } from '../style.js';

export function register(program: Command): void {
  program
    .command('sensitivity')
    .description(
      'which uncertain inputs drive an output: tornado (P10/P90 one at a time), spider (quantile sweeps), Spearman rank correlations (Monte Carlo) or Sobol indices (Saltelli/Jansen)',
    )
    .argument('<file>', 'scenario file with an uncertainty section')
    .addOption(
      new Option('--method <method>', 'tornado, spider, spearman or sobol')
        .choices(['tornado', 'spider', 'spearman', 'sobol'] as const)
        .default('tornado' as const),
    )
    .requiredOption(
      '--output <name>',
      'the output to explain, e.g. stages.smelter.capex_usd (see `chromflow mc --json`)',
    )
    .option(
      '--workers <k>',
      'worker threads for the Spearman and Sobol runs (default: number of cores)',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1)
          throw new InputError('--workers', v, 'a positive integer');
        return n;
      },
    )
    .option(
      '--samples <n>',
      'Sobol base sample size N (evaluations N·(k+2)), default 256; Spearman: Monte Carlo samples, default 512',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 2) throw new InputError('--samples', v, 'an integer ≥ 2');
        return n;
      },
    )
    .option(
      '--seed <s>',
      'seed of the Sobol design and bootstrap; default uncertainty.seed',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0) throw new InputError('--seed', v, 'an integer ≥ 0');
        return n;
      },
    )
    .option('--json', 'print JSON: { method, output, sensitivity: [...] } (docs/cli.md)')
    .option('--set <path=value>', SET_HELP, collectSetting)
    .action(async (file, options) => {
      const scenario = loadScenarioOrExit(file, options.set);
      // The run's own sample size only matters for imposing rank correlations; 1024 is ample.
      const spec = monteCarloSpec(scenario, {
        outputs: [options.output],
        samples: 1024,
        independent: options.method === 'sobol',
      });
      const run = compileRun(spec);
      const seed = options.seed ?? scenario.uncertainty?.seed ?? 1;
      const s = styleFor(process.stdout);
      if (options.method === 'spider') {
        const probabilities = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];
        const parameters = run.distributions.map((distribution, k) => ({
          name: run.inputNames[k] ?? `parameter ${k}`,
          index: run.inputIndices[k] ?? -1,
          distribution,
        }));
        const lines = spider(
          { base: run.base, evaluate: run.evaluate, outputNames: run.outputNames },
          spiderByQuantiles(parameters, probabilities),
        ).map((l) => ({
          input: l.name,
          probabilities: l.axis,
          values: l.values,
          outputs: l.outputs.map((o) => o[0] ?? Number.NaN),
        }));
        if (options.json) {
          process.stdout.write(
            JSON.stringify(
              { method: 'spider', output: options.output, sensitivity: lines },
              null,
              2,
            ) + '\n',
          );
          return;
        }
        process.stdout.write(
          `${s.bold(`Spider data of ${options.output}`)} (each input at its quantiles ${probabilities.join(', ')}, the others at base)\n`,
        );
        for (const l of lines)
          process.stdout.write(
            `  ${l.input.padEnd(70)} ${l.outputs.map((x) => fmt(x).padStart(11)).join('')}\n`,
          );
        return;
      }
      if (options.method === 'spearman') {
        const samples = options.samples ?? 512;
        const workers = options.workers ?? defaultWorkers();
        const { source, run: mcRun } = resolveSource(scenario, {
          outputs: [options.output],
          samples,
          seed,
        });
        const executor = localExecutor(workers);
        let outcome;
        try {
          outcome = await executeChunks(mcRun, source, {
            executor,
            chunkSize: defaultChunkSize(samples, workers),
          });
        } finally {
          await executor.close();
        }
        if (outcome.status !== 'done') throw new CliExit(EXIT.interrupted);
        const rho = rankCorrelationsForRun(mcRun, outcome.result, 0);
        if (options.json) {
          process.stdout.write(
            JSON.stringify(
              {
                method: 'spearman',
                output: options.output,
                samples,
                seed,
                sampling: mcRun.method,
                failed: outcome.result.failedCount,
                sensitivity: rho,
              },
              null,
              2,
            ) + '\n',
          );
          return;
        }
        process.stdout.write(
          `${s.bold(`Spearman rank correlations with ${options.output}`)} (${samples} samples, ${mcRun.method}, seed ${seed}; ${outcome.result.failedCount} failed)\n`,
        );
        for (const r of rho)
          process.stdout.write(`  ${r.input.padEnd(70)} rho ${fmt(r.rho).padStart(8)}\n`);
        return;
      }
      if (options.method === 'tornado') {
        const t = tornadoForRun(run);
        const entries = tornadoBars(t);
        if (options.json) {
          process.stdout.write(
            JSON.stringify(
              {
                method: 'tornado',
                output: options.output,
                base: t.baseOutputs[0],
                sensitivity: entries,
              },
              null,
              2,
            ) + '\n',
          );
          return;
        }
        process.stdout.write(
          `${s.bold(`Tornado of ${options.output}`)} (inputs at their P10 and P90, one at a time; base ${fmt(t.baseOutputs[0] ?? Number.NaN)})\n`,
        );
        for (const e of entries) {
          process.stdout.write(
            `  ${e.input.padEnd(70)} swing ${fmt(e.swing).padStart(12)}  [${fmt(e.output_low)} … ${fmt(e.output_high)}]\n`,
          );
        }
        return;
      }
      // The Saltelli design as a source: evaluated in worker threads, same bits as in process.
      const base = resolveSource(scenario, {
        outputs: [options.output],
        samples: 1024,
        independent: true,
      }).source;
      const source = {
        ...base,
        settings: { ...base.settings, saltelli: { samples: options.samples ?? 256, seed } },
      };
      const design = compileSaltelli(source);
      const workers = options.workers ?? defaultWorkers();
      const executor = localExecutor(workers);
      let outcome;
      try {
        outcome = await executeChunks(design, source, {
          executor,
          chunkSize: defaultChunkSize(design.samples, workers),
        });
      } finally {
        await executor.close();
      }
      if (outcome.status !== 'done') throw new CliExit(EXIT.interrupted);
      const result = sobolIndicesFromResult(design, outcome.result, { seed, bootstrap: 200 });
      const factors = result.outputs[0]?.factors ?? [];
      if (options.json) {
        process.stdout.write(
          JSON.stringify(
            {
              method: 'sobol',
              output: options.output,
              evaluations: result.evaluations,
              correlations_ignored: (scenario.uncertainty?.correlations.length ?? 0) > 0,
              sensitivity: factors,
            },
            null,
            2,
          ) + '\n',
        );
        return;
      }
      const dropped = (scenario.uncertainty?.correlations.length ?? 0) > 0;
      process.stdout.write(
        `${s.bold(`Sobol indices of ${options.output}`)} (${result.evaluations} evaluations; 95 % bootstrap intervals${dropped ? '; declared correlations ignored: Sobol indices assume independent inputs' : ''})\n`,
      );
      for (const f of [...factors].sort((a, b) => b.ST - a.ST)) {
        process.stdout.write(
          `  ${f.factor.padEnd(70)} S1 ${fmt(f.S1).padStart(8)} [${fmt(f.S1_low)}, ${fmt(f.S1_high)}]  ST ${fmt(f.ST).padStart(8)} [${fmt(f.ST_low)}, ${fmt(f.ST_high)}]\n`,
        );
      }
    });
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return Math.abs(x) >= 1e5 ? x.toExponential(3) : Number(x.toPrecision(4)).toString();
}
