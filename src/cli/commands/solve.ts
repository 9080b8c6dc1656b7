import type { Command } from '@commander-js/extra-typings';
import { feasibleRegion, type FeasibleRegionResult } from '../../analysis/feasible-region.js';
import { solveInput } from '../../analysis/solve-input.js';
import { InputError } from '../../errors.js';
import { collectSetting, loadScenarioOrExit, SET_HELP } from '../scenario-file.js';

/** Six significant digits: the solver's answer is finer than any input's provenance. */
function formatAmount(x: number): string {
  return String(Number(x.toPrecision(6)));
}

function finite(flag: string) {
  return (v: string): number => {
    const x = Number(v);
    if (v.trim() === '' || !Number.isFinite(x)) throw new InputError(flag, v, 'a finite number');
    return x;
  };
}

/** Collects a repeatable option (one value per `--vary`). */
function collect<T>(parse: (v: string) => T) {
  return (v: string, previous: T[] | undefined): T[] => [...(previous ?? []), parse(v)];
}

/** The contour as a text table, with the reason on rows where no value works. */
function regionTable(r: FeasibleRegionResult): string {
  const lines = [
    `Feasible region: ${r.vary[1]} at which ${r.output} = ${formatAmount(r.target)}, for ${r.vary[0]} in [${formatAmount(r.range_x[0])}, ${formatAmount(r.range_x[1])}] (${r.evaluations} appraisals)`,
    `${r.vary[0]} (file ${formatAmount(r.base_values[0])})\t${r.vary[1]} (file ${formatAmount(r.base_values[1])})\tachieved\ttarget met`,
  ];
  for (const row of r.rows)
    lines.push(
      row.y === null
        ? `${formatAmount(row.x)}\t—\t—\t${row.reason ?? ''}`
        : `${formatAmount(row.x)}\t${formatAmount(row.y)}\t${formatAmount(row.achieved ?? Number.NaN)}\t${row.feasible_above === null ? '?' : row.feasible_above ? 'above' : 'below'}`,
    );
  return lines.join('\n') + '\n';
}

/** `<output>=<number>`. */
function parseTarget(text: string): { output: string; target: number } {
  const eq = text.lastIndexOf('=');
  const target = Number(text.slice(eq + 1));
  if (eq <= 0 || text.slice(eq + 1).trim() === '' || !Number.isFinite(target))
    throw new InputError('--target', text, '<output>=<number>, e.g. metrics.npv_usd=0');
  return { output: text.slice(0, eq).trim(), target };
}

export function register(program: Command): void {
  program
    .command('solve')
    .description(
      'reverse solving: the value of one input at which an output hits a target (grid scan for a sign change, then Brent)',
    )
    .argument('<file>', 'scenario file')
    .requiredOption(
      '--target <output=value>',
      'output and target, e.g. metrics.npv_usd=0 or metrics.min_dscr=1.3',
    )
    .requiredOption(
      '--vary <path>',
      'the numeric input to vary, e.g. stages.smelter.capex.factor; twice: the feasible region (a grid of the first, the second solved per row)',
      collect(String),
    )
    .option(
      '--min <x>',
      'lower end of the search range (default 0, or 4× a negative value); once per --vary',
      collect(finite('--min')),
    )
    .option(
      '--max <x>',
      'upper end of the search range (default 4× the input value); once per --vary',
      collect(finite('--max')),
    )
    .option(
      '--grid <n>',
      'with --vary twice: grid rows of the first input (default 9, at most 41)',
      finite('--grid'),
    )
    .option('--set <path=value>', SET_HELP, collectSetting)
    .option(
      '--json',
      'print { vary, output, target, value, achieved, base_value, range, evaluations }; with --vary twice { output, target, vary, base_values, range_x, range_y, rows: [{ x, y, achieved, feasible_above, reason? }], evaluations }',
    )
    .action((file, options) => {
      const scenario = loadScenarioOrExit(file, options.set);
      const { output, target } = parseTarget(options.target);
      const vary = options.vary;
      if (vary.length > 2)
        throw new InputError(
          '--vary',
          vary.join(', '),
          'one input path, or two for a feasible region',
        );
      if (vary.length === 2) {
        const region = feasibleRegion(scenario, {
          output,
          target,
          vary: [vary[0] ?? '', vary[1] ?? ''],
          ...(options.min?.[0] !== undefined ? { xMin: options.min[0] } : {}),
          ...(options.max?.[0] !== undefined ? { xMax: options.max[0] } : {}),
          ...(options.min?.[1] !== undefined ? { yMin: options.min[1] } : {}),
          ...(options.max?.[1] !== undefined ? { yMax: options.max[1] } : {}),
          ...(options.grid !== undefined ? { rows: options.grid } : {}),
        });
        process.stdout.write(
          options.json ? JSON.stringify(region, null, 2) + '\n' : regionTable(region),
        );
        return;
      }
      const r = solveInput(scenario, {
        output,
        target,
        vary: vary[0] ?? '',
        ...(options.min?.[0] !== undefined ? { min: options.min[0] } : {}),
        ...(options.max?.[0] !== undefined ? { max: options.max[0] } : {}),
      });
      if (options.json) {
        process.stdout.write(JSON.stringify(r, null, 2) + '\n');
        return;
      }
      process.stdout.write(
        `${r.vary} = ${formatAmount(r.value)} (file: ${formatAmount(r.base_value)}) gives ${r.output} = ${formatAmount(r.achieved)} (target ${formatAmount(r.target)}); ${r.evaluations} appraisals in [${formatAmount(r.range[0])}, ${formatAmount(r.range[1])}]\n`,
      );
    });
}
