// `chromflow thermo …`: species properties, reaction thermochemistry, adiabatic temperature and
// the Ellingham diagram. JSON contract in docs/cli.md.
import type { Command } from '@commander-js/extra-typings';
import { InputError } from '../../errors.js';
import { species } from '../../thermo/species.js';
import { reaction } from '../../thermo/reaction.js';
import { adiabaticTemperature } from '../../thermo/adiabatic.js';
import { ellingham } from '../../thermo/ellingham.js';

/** Parses `298.15,1000,1500` into temperatures [K]; rejects anything else naming the option. */
export function parseTemperatures(text: string, option: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  const Ts = parts.map(Number);
  if (parts.some((p) => p === '') || Ts.some((T) => !Number.isFinite(T) || T <= 0))
    throw new InputError(option, text, 'comma-separated temperatures in K, e.g. 298.15,1000');
  return Ts;
}

function table(header: string[], rows: string[][]): string {
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => r.map((c, i) => c.padStart(w[i] ?? 0)).join('  ');
  return (
    [line(header), w.map((x) => '-'.repeat(x)).join('  '), ...rows.map(line)].join('\n') + '\n'
  );
}

function fixed(x: number, d: number): string {
  return x.toFixed(d);
}

function print(json: boolean, value: unknown, human: () => string): void {
  process.stdout.write(json ? JSON.stringify(value, null, 2) + '\n' : human());
}

export function register(program: Command): void {
  const thermo = program
    .command('thermo')
    .description(
      'thermochemistry: species properties, reactions, adiabatic temperature, Ellingham',
    );

  thermo
    .command('species')
    .description(
      'Cp, H (absolute), S and G of a species at temperatures (stable phase unless suffixed)',
    )
    .argument('<formula>', 'formula with optional phase suffix, e.g. Cr2O3, Al(l), CO(g)')
    .option('--T <list>', 'temperatures in K, comma-separated', '298.15')
    .option('--json', 'print JSON')
    .action((formula, opts) => {
      const rows = species(formula, parseTemperatures(opts.T, '--T'));
      print(opts.json === true, rows, () =>
        table(
          ['species', 'phase', 'T [K]', 'Cp [J/mol/K]', 'H [kJ/mol]', 'S [J/mol/K]', 'G [kJ/mol]'],
          rows.map((r) => [
            r.species,
            r.phase,
            fixed(r.T_K, 2),
            fixed(r.cp_J_per_mol_K, 3),
            fixed(r.h_kJ_per_mol, 3),
            fixed(r.s_J_per_mol_K, 3),
            fixed(r.g_kJ_per_mol, 3),
          ]),
        ),
      );
    });

  thermo
    .command('reaction')
    .description('ΔrH, ΔrS, ΔrG and K of a balanced reaction as written')
    .argument('<equation>', 'e.g. "Cr2O3 + 2Al = 2Cr + Al2O3"')
    .option('--T <list>', 'temperatures in K, comma-separated', '298.15')
    .option('--json', 'print JSON')
    .action((equation, opts) => {
      const rows = reaction(equation, parseTemperatures(opts.T, '--T'));
      print(opts.json === true, rows, () =>
        table(
          ['T [K]', 'dH [kJ]', 'dS [J/K]', 'dG [kJ]', 'K'],
          rows.map((r) => [
            fixed(r.T_K, 2),
            fixed(r.dH_kJ, 3),
            fixed(r.dS_J_per_K, 3),
            fixed(r.dG_kJ, 3),
            r.K.toExponential(4),
          ]),
        ),
      );
    });

  thermo
    .command('adiabatic')
    .description('adiabatic temperature of a complete reaction, with molten fractions of products')
    .argument('<equation>', 'e.g. "Cr2O3 + 2Al = 2Cr + Al2O3"')
    .option('--T0 <K>', 'temperature of the reactants in K', '298.15')
    .option('--json', 'print JSON')
    .action((equation, opts) => {
      const [T0] = parseTemperatures(opts.T0, '--T0');
      if (T0 === undefined || opts.T0.includes(','))
        throw new InputError('--T0', opts.T0, 'one temperature in K');
      const r = adiabaticTemperature(equation, { T0_K: T0 });
      const out = { T_ad_K: r.T_ad_K, molten_fraction: r.molten_fraction };
      print(
        opts.json === true,
        out,
        () =>
          `T_ad = ${fixed(r.T_ad_K, 1)} K\n` +
          table(
            ['product', 'molten fraction'],
            Object.entries(r.molten_fraction).map(([k, v]) => [k, fixed(v, 4)]),
          ),
      );
    });

  thermo
    .command('ellingham')
    .description('Ellingham diagram: ΔG° per mol O2 of the oxides of Cr, Fe, Si, Al, Mg, Ca, C')
    .option('--T <list>', 'temperatures in K, comma-separated (default 300 to 2300 step 100)')
    .option('--json', 'print JSON')
    .action((opts) => {
      const lines = ellingham(opts.T === undefined ? undefined : parseTemperatures(opts.T, '--T'));
      print(opts.json === true, lines, () => {
        const Ts = [...new Set(lines.flatMap((l) => l.points.map((p) => p.T_K)))].sort(
          (a, b) => a - b,
        );
        return (
          'ΔG° [kJ/mol O2]\n' +
          table(
            ['reaction', ...Ts.map((T) => `${String(T)} K`)],
            lines.map((l) => [
              l.reaction,
              ...Ts.map((T) => {
                const p = l.points.find((q) => q.T_K === T);
                return p ? fixed(p.dG_kJ_per_mol_O2, 1) : '-';
              }),
            ]),
          )
        );
      });
    });
}
