// `chromflow option …`: real and financial options valued by least-squares Monte Carlo.
// `bermudan-put` is the engine's validation case (Longstaff & Schwartz 2001, Table 1; see
// docs/finance.md). JSON contract: { value, standard_error, paths, exercise_dates, seed, antithetic }.
import type { Command } from '@commander-js/extra-typings';
import { stageTimingOption, type StageTimingResult } from '../../stage-timing-option.js';
import { InputError } from '../../errors.js';
import { loadScenarioOrExit } from '../scenario-file.js';
import { bermudanPut } from '../../uncertainty/lsm/bermudan-put.js';

function finite(flag: string) {
  return (v: string): number => {
    const x = Number(v);
    if (v.trim() === '' || !Number.isFinite(x)) throw new InputError(flag, v, 'a finite number');
    return x;
  };
}

function integer(flag: string) {
  return (v: string): number => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isSafeInteger(n) || n < 0)
      throw new InputError(flag, v, 'an integer ≥ 0');
    return n;
  };
}

function usd(x: number): string {
  return `${(x / 1e6).toFixed(2)} M USD`;
}

function timingText(r: StageTimingResult): string {
  const lines = [
    `Timing option of stage "${r.stage}": start in any year ${r.start_years[0]}–${r.start_years[1]} (${r.paths} price paths, seed ${r.seed})`,
    `  commit now (start ${r.planned_start_year}): expected NPV ${usd(r.commit_now_npv_usd)}`,
    `  optimal rule (LSM):           ${usd(r.optimal_rule_value_usd)} ± ${usd(r.standard_error_usd)} (never started on ${(100 * r.never_share).toFixed(1)} % of paths)`,
    `  value of waiting:             ${usd(r.option_value_usd)}`,
    `  exercise boundary (price level × deck median at which starting that year pays; others at median):`,
    `  year  started  deck NPV [M USD]  ${r.series.join('  ')}`,
  ];
  for (const b of r.boundary)
    lines.push(
      `  ${b.year}  ${(100 * b.exercised_share).toFixed(1).padStart(5)} %  ${(b.deck_npv_usd / 1e6).toFixed(2).padStart(16)}  ${b.series
        .map((s) =>
          (s.multiplier === null
            ? '—'
            : `${s.builds_when === 'below' ? '≤' : '≥'}${s.multiplier.toFixed(3)}${s.ex_works_usd_per_t !== null ? ` (${Math.round(s.ex_works_usd_per_t)} USD/t)` : ''}`
          ).padStart(s.id.length),
        )
        .join('  ')}`,
    );
  return lines.join('\n') + '\n';
}

export function register(program: Command): void {
  const option = program
    .command('option')
    .description('options valued by least-squares Monte Carlo (Longstaff–Schwartz 2001)');
  option
    .command('stage-timing')
    .description(
      'the right to start a later stage in any year of a window, under the correlated price paths of uncertainty.price_paths (LSM); docs/finance.md',
    )
    .argument('<file>', 'scenario file with two or more stages and uncertainty.price_paths')
    .option('--stage <id>', 'the stage whose start is optional (default: the last)')
    .option(
      '--from <year>',
      "first start year of the window (default: the stage's start_year)",
      integer('--from'),
    )
    .option('--to <year>', 'last start year (default: --from + 9)', integer('--to'))
    .option('--paths <N>', 'price paths, even (default 10000)', integer('--paths'))
    .option('--seed <s>', 'seed (default: uncertainty.seed, else 1)', integer('--seed'))
    .option('--json', 'print the result as JSON (docs/finance.md)')
    .action((file, opts) => {
      const scenario = loadScenarioOrExit(file);
      const r = stageTimingOption(scenario, {
        ...(opts.stage !== undefined ? { stage: opts.stage } : {}),
        ...(opts.from !== undefined ? { from: opts.from } : {}),
        ...(opts.to !== undefined ? { to: opts.to } : {}),
        ...(opts.paths !== undefined ? { paths: opts.paths } : {}),
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      });
      process.stdout.write(opts.json ? JSON.stringify(r, null, 2) + '\n' : timingText(r));
    });
  option
    .command('bermudan-put')
    .description(
      'Bermudan put on a GBM stock by LSM: the validation case of Longstaff & Schwartz (2001), Table 1',
    )
    .requiredOption('--S0 <S>', 'spot price [money/share]', finite('--S0'))
    .requiredOption('--K <K>', 'strike [money/share]', finite('--K'))
    .requiredOption('--r <r>', 'continuously compounded risk-free rate [1/year]', finite('--r'))
    .requiredOption('--sigma <σ>', 'volatility [1/√year]', finite('--sigma'))
    .requiredOption('--T <years>', 'maturity [year]', finite('--T'))
    .requiredOption(
      '--exercises-per-year <m>',
      'exercise dates per year (T × m whole)',
      finite('--exercises-per-year'),
    )
    .option('--paths <N>', 'simulated paths, even (default 100000)', integer('--paths'))
    .option('--seed <s>', 'seed (default 1)', integer('--seed'))
    .option('--no-antithetic', 'independent paths instead of antithetic pairs')
    .option('--json', 'print { value, standard_error, paths, exercise_dates, seed, antithetic }')
    .action((opts) => {
      const r = bermudanPut({
        S0: opts.S0,
        K: opts.K,
        r: opts.r,
        sigma: opts.sigma,
        T: opts.T,
        exercisesPerYear: opts.exercisesPerYear,
        antithetic: opts.antithetic,
        ...(opts.paths !== undefined ? { paths: opts.paths } : {}),
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      });
      process.stdout.write(
        opts.json
          ? JSON.stringify(r, null, 2) + '\n'
          : `Bermudan put: ${r.value.toFixed(4)} (standard error ${r.standard_error.toFixed(4)}; ${r.paths} paths${r.antithetic ? ' in antithetic pairs' : ''}, ${r.exercise_dates} exercise dates, seed ${r.seed})\n`,
      );
    });
}
