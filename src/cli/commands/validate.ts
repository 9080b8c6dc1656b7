import type { Command } from '@commander-js/extra-typings';
import { readFileSync } from 'node:fs';
import { feedSupplyIssues } from '../../feed-supply.js';
import { formatProblem, locateIssues, type LoadResult } from '../../scenario/index.js';
import { EXIT } from '../exit-codes.js';
import { CliExit } from '../run-main.js';
import { readScenarioFile } from '../scenario-file.js';
import { styleFor } from '../style.js';

/**
 * Adds the supply check (which needs the plant solved) to a parsed scenario: feed use above the
 * contract makes the file invalid.
 */
function withSupplyCheck(result: LoadResult, file: string): LoadResult {
  if (!result.ok) return result;
  const issues = feedSupplyIssues(result.scenario);
  if (issues.length === 0) return result;
  return {
    ok: false,
    problems: [...result.warnings, ...locateIssues(readFileSync(file, 'utf8'), file, issues)],
  };
}

export function register(program: Command): void {
  program
    .command('validate')
    .description(
      'check scenario files: every problem with file:line:col, field path, value and expectation; solves the plant to check each feed’s use against its supply contract',
    )
    .argument('<files...>', 'scenario files (YAML or JSON)')
    .option('--json', 'print the problems as JSON')
    .addHelpText(
      'after',
      '\nExit codes: 0 all valid, 2 some file invalid, 4 a file could not be read.',
    )
    .action((files, options) => {
      const out = styleFor(process.stdout);
      let invalid = 0;
      const report: { file: string; valid: boolean; problems: unknown[] }[] = [];
      for (const file of files) {
        const result = withSupplyCheck(readScenarioFile(file), file);
        const problems = result.ok ? result.warnings : result.problems;
        report.push({ file, valid: result.ok, problems });
        if (!result.ok) invalid++;
        if (options.json) continue;
        for (const p of problems) {
          const line = formatProblem(p);
          process.stdout.write(
            (p.severity === 'warning' ? out.yellow(line) : out.red(line)) + '\n',
          );
        }
        if (result.ok) {
          const s = result.scenario;
          process.stdout.write(
            `${out.green('valid')}: ${file} — "${s.name}", ${s.feeds.length} feed(s), ${s.stages.length} stage(s)\n`,
          );
        } else {
          const n = problems.filter((p) => p.severity !== 'warning').length;
          process.stdout.write(
            `${out.red('invalid')}: ${file} — ${n} error${n === 1 ? '' : 's'}\n`,
          );
        }
      }
      if (options.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      if (invalid > 0) throw new CliExit(EXIT.invalidInput);
    });
}
