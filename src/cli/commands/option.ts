// `chromflow option …`: real and financial options valued by least-squares Monte Carlo.
// `bermudan-put` is the engine's validation case (Longstaff & Schwartz 2001, Table 1; see
// docs/finance.md). JSON contract: { value, standard_error, paths, exercise_dates, seed, antithetic }.
import type { Command } from '@commander-js/extra-typings';
import { InputError } from '../../errors.js';
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

export function register(program: Command): void {
  const option = program
    .command('option')
    .description('options valued by least-squares Monte Carlo (Longstaff–Schwartz 2001)');
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
