import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '@commander-js/extra-typings';
import { appraise } from '../../appraise.js';
import type { Appraisal } from '../../appraisal.js';
import { loadScenarioOrExit } from '../scenario-file.js';
import { styleFor } from '../style.js';

export function register(program: Command): void {
  program
    .command('appraise')
    .description(
      'appraise a scenario: plant, economics, impact (prints what is not yet computable)',
    )
    .argument('<file>', 'scenario file')
    .option('--json', 'print the whole appraisal as JSON (keys documented in docs/cli.md)')
    .option('--out <dir>', 'also write appraisal.json into this directory')
    .action((file, options) => {
      const scenario = loadScenarioOrExit(file);
      const result = appraise(scenario);
      if (options.out !== undefined)
        writeAtomically(
          join(options.out, 'appraisal.json'),
          JSON.stringify(result, null, 2) + '\n',
          options.out,
        );
      if (options.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else printSummary(result);
    });
}

/** Writes via a temporary file and a rename, so a reader never sees a half-written file. */
function writeAtomically(path: string, text: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

function printSummary(a: Appraisal): void {
  const s = styleFor(process.stdout);
  const w = (line = '') => process.stdout.write(line + '\n');
  w(s.bold(a.scenario.name));
  w(
    `${a.scenario.site}, ${a.scenario.region} (${a.scenario.country}); base year ${a.scenario.base_year}`,
  );
  w();
  w(s.bold('Stages'));
  for (const st of a.stages) {
    w(
      `  ${st.id.padEnd(12)} ${st.template.padEnd(20)} ${String(st.capacity_t_per_year).padStart(10)} t/year (${st.capacity_basis})  from ${st.start_year}  ${st.status === 'computed' ? s.green('computed') : s.yellow('not implemented')}`,
    );
    for (const p of st.products) w(`      product ${p.id}: ${formatAmount(p.t_per_year)} t/year`);
    for (const [k, v] of Object.entries(st.kpis)) w(`      ${k} = ${formatAmount(v)}`);
    if (st.capex) {
      const c = st.capex;
      w(
        `      capex ${usd(st.capex_usd ?? 0)} (AACE class ${c.accuracy_usd.aace_class}: ${usd(c.accuracy_usd.low)} – ${usd(c.accuracy_usd.high)}), scaled from ${c.reference_id}`,
      );
      w(
        `      benchmark spread: ${c.benchmarks.map((b) => `${b.reference_id} ${usd(b.total_usd)}${b.in_range ? '' : ' (out of range)'}`).join('; ')}`,
      );
      if (c.budget) {
        w(
          `      budget ${usd(c.budget.budget_usd)}: ${c.budget.within_budget ? s.green('within') : s.yellow('exceeded')}; the budget buys ${formatAmount(c.budget.capacity_within_budget_t_per_year)} t/year`,
        );
      }
    }
    for (const warning of st.warnings) w(`      ${s.yellow('warning')}: ${warning}`);
  }
  if (a.balance) {
    w();
    w(
      `${s.bold('Plant balance')}: ${a.balance.streams.length} streams, ${a.balance.units.length} units; worst closure of any element, water or total mass ${a.balance.max_closure_rel.toExponential(1)} (relative)`,
    );
  }
  w();
  w(s.bold('Not yet computable (no numbers are invented for these):'));
  for (const n of a.not_implemented) w(`  - ${n.what} — ${n.tracking}`);
  w();
  w(
    `${a.sources.length} input numbers with sources: run \`chromflow sources <file>\` to list them.`,
  );
}

function usd(x: number): string {
  return `USD ${(x / 1e6).toFixed(1)} M`;
}

function formatAmount(x: number): string {
  return Math.abs(x) >= 1000
    ? Math.round(x).toLocaleString('en-US')
    : String(Number(x.toPrecision(6)));
}
