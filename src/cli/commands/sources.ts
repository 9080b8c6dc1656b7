import type { Command } from '@commander-js/extra-typings';
import { numericLeaves } from '../../scenario/index.js';
import { loadScenarioOrExit } from '../scenario-file.js';
import { styleFor } from '../style.js';

export function register(program: Command): void {
  program
    .command('sources')
    .description(
      'list every number the scenario uses (written or defaulted) with its unit, status and source',
    )
    .argument('<file>', 'scenario file')
    .option('--json', 'print as JSON: [{ path, value, unit, status, source, note? }]')
    .option(
      '--status <status>',
      'only numbers with this status (verified, derived, assumed, input)',
    )
    .action((file, options) => {
      const scenario = loadScenarioOrExit(file);
      const leaves = numericLeaves(scenario).filter(
        (l) => options.status === undefined || l.param.status === options.status,
      );
      if (options.json) {
        const rows = leaves.map(({ path, param }) => ({
          path,
          value: param.value,
          unit: param.unit,
          status: param.status,
          source: param.source,
          ...(param.note !== undefined ? { note: param.note } : {}),
        }));
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      const style = styleFor(process.stdout);
      const counts = new Map<string, number>();
      for (const { path, param } of leaves) {
        counts.set(param.status, (counts.get(param.status) ?? 0) + 1);
        process.stdout.write(
          `${style.bold(path)} = ${formatNumber(param.value)} ${param.unit}  [${param.status}]\n    ${param.source}${param.note ? `\n    note: ${param.note}` : ''}\n`,
        );
      }
      const summary = [...counts].map(([k, v]) => `${v} ${k}`).join(', ');
      process.stdout.write(`\n${leaves.length} numbers: ${summary}\n`);
    });
}

function formatNumber(x: number): string {
  return Math.abs(x) >= 1e5 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(4) : String(x);
}
