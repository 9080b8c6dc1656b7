import type { Command } from '@commander-js/extra-typings';
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
    .requiredOption('--vary <path>', 'the numeric input to vary, e.g. stages.smelter.capex.factor')
    .option(
      '--min <x>',
      'lower end of the search range (default 0, or 4× a negative value)',
      finite('--min'),
    )
    .option(
      '--max <x>',
      'upper end of the search range (default 4× the input value)',
      finite('--max'),
    )
    .option('--set <path=value>', SET_HELP, collectSetting)
    .option(
      '--json',
      'print { vary, output, target, value, achieved, base_value, range, evaluations }',
    )
    .action((file, options) => {
      const scenario = loadScenarioOrExit(file, options.set);
      const { output, target } = parseTarget(options.target);
      const r = solveInput(scenario, {
        output,
        target,
        vary: options.vary,
        ...(options.min !== undefined ? { min: options.min } : {}),
        ...(options.max !== undefined ? { max: options.max } : {}),
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
