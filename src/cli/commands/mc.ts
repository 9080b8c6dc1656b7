import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from '@commander-js/extra-typings';
import { monteCarloSpec } from '../../analysis/monte-carlo.js';
import { InputError } from '../../errors.js';
import type { Scenario } from '../../scenario/schema.js';
import { compileRun } from '../../uncertainty/runner/compile.js';
import { runAll } from '../../uncertainty/runner/run-all.js';
import { summarizeOutputs } from '../../uncertainty/runner/summary.js';
import { loadScenarioOrExit } from '../scenario-file.js';
import { styleFor } from '../style.js';

export function register(program: Command): void {
  program
    .command('mc')
    .description(
      "Monte Carlo over the scenario's uncertainty section (in this process; parallel and queued runs: issue 7)",
    )
    .argument('<file>', 'scenario file with an uncertainty section')
    .option('--samples <n>', 'number of samples (default: uncertainty.samples)', parsePositiveInt)
    .option('--seed <s>', 'seed (default: uncertainty.seed)', parseNonNegativeInt)
    .addOption(
      new Option('--method <method>', 'sampling method (default: uncertainty.method)').choices([
        'mc',
        'lhs',
        'sobol',
      ] as const),
    )
    .option('--output <name...>', 'outputs to track (default: every numeric output)')
    .option(
      '--json',
      'print JSON: { samples, failed, seed, method, metrics: { <output>: { mean, std, p5, p10, p50, p90, p95, prob_negative, … } }, failures[] }',
    )
    .action((file, options) => {
      const scenario = loadScenarioOrExit(file);
      loadEmpiricalCsv(scenario, file);
      const spec = monteCarloSpec(scenario, {
        ...(options.samples !== undefined ? { samples: options.samples } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        ...(options.method !== undefined ? { method: options.method } : {}),
        ...(options.output !== undefined ? { outputs: options.output } : {}),
      });
      const run = compileRun(spec);
      const t0 = performance.now();
      const result = runAll(run);
      const seconds = (performance.now() - t0) / 1000;
      const metrics = summarizeOutputs(result.outputNames, result.outputs);
      const report = {
        samples: result.samples,
        failed: result.failedCount,
        seed: result.seed,
        method: result.method,
        metrics,
        failures: result.failed.slice(0, 100),
        seconds,
      };
      if (options.json) {
        process.stdout.write(JSON.stringify(report, null, 2) + '\n');
        return;
      }
      const s = styleFor(process.stdout);
      process.stdout.write(
        `${s.bold(scenario.name)}\n${result.samples} samples (${result.method}, seed ${result.seed}) in ${seconds.toFixed(1)} s; ${result.failedCount} failed\n\n`,
      );
      process.stdout.write(
        `${'output'.padEnd(58)} ${['mean', 'p10', 'p50', 'p90', 'P(<0)'].map((h) => h.padStart(12)).join('')}\n`,
      );
      for (const [name, m] of Object.entries(metrics)) {
        process.stdout.write(
          `${name.padEnd(58)} ${[m.mean, m.p10, m.p50, m.p90].map((x) => fmt(x).padStart(12)).join('')}${fmt(m.prob_negative).padStart(12)}\n`,
        );
      }
    });
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return Math.abs(x) >= 1e5 ? x.toExponential(3) : Number(x.toPrecision(5)).toString();
}

function parsePositiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InputError('--samples', v, 'a positive integer');
  return n;
}

function parseNonNegativeInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InputError('--seed', v, 'an integer ≥ 0');
  return n;
}

/** Reads `empirical` distributions given as CSV files (relative to the scenario) into observations. */
function loadEmpiricalCsv(scenario: Scenario, file: string): void {
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
