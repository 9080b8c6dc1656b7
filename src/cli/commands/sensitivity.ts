import { Option, type Command } from '@commander-js/extra-typings';
import { monteCarloSpec } from '../../analysis/monte-carlo.js';
import { InputError } from '../../errors.js';
import { compileRun } from '../../uncertainty/runner/compile.js';
import { sobolIndices } from '../../uncertainty/sensitivity/sobol-indices.js';
import { tornadoForRun } from '../../uncertainty/sensitivity/tornado.js';
import { loadScenarioOrExit } from '../scenario-file.js';
import { styleFor } from '../style.js';

export function register(program: Command): void {
  program
    .command('sensitivity')
    .description(
      'which uncertain inputs drive an output: tornado (P10/P90 one at a time) or Sobol indices (Saltelli/Jansen)',
    )
    .argument('<file>', 'scenario file with an uncertainty section')
    .addOption(
      new Option('--method <method>', 'tornado or sobol')
        .choices(['tornado', 'sobol'] as const)
        .default('tornado' as const),
    )
    .requiredOption(
      '--output <name>',
      'the output to explain, e.g. stages.smelter.capex_usd (see `chromflow mc --json`)',
    )
    .option('--samples <n>', 'Sobol base sample size N (evaluations N·(k+2)); default 256', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 2) throw new InputError('--samples', v, 'an integer ≥ 2');
      return n;
    })
    .option(
      '--seed <s>',
      'seed of the Sobol design and bootstrap; default uncertainty.seed',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0) throw new InputError('--seed', v, 'an integer ≥ 0');
        return n;
      },
    )
    .option('--json', 'print JSON: { method, output, sensitivity: [...] }')
    .action((file, options) => {
      const scenario = loadScenarioOrExit(file);
      // The run's own sample size only matters for imposing rank correlations; 1024 is ample.
      const spec = monteCarloSpec(scenario, {
        outputs: [options.output],
        samples: 1024,
        independent: options.method === 'sobol',
      });
      const run = compileRun(spec);
      const seed = options.seed ?? scenario.uncertainty?.seed ?? 1;
      const s = styleFor(process.stdout);
      if (options.method === 'tornado') {
        const t = tornadoForRun(run);
        const entries = t.entries.map((e) => ({
          input: e.name,
          low: e.low,
          high: e.high,
          output_low: e.outputLow[0] ?? Number.NaN,
          output_high: e.outputHigh[0] ?? Number.NaN,
          swing: e.swing,
          ...(e.error !== undefined ? { error: e.error } : {}),
        }));
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
      const result = sobolIndices(run, { samples: options.samples ?? 256, seed, bootstrap: 200 });
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
