// `chromflow report <file> --format html|pdf|xlsx --out DIR`: one report file per format.
import { basename, extname, join } from 'node:path';
import type { Command } from '@commander-js/extra-typings';
import { InputError } from '../../errors.js';
import { REPORT_FORMATS, type ReportFormat } from '../../report/formats.js';
import { EXIT } from '../exit-codes.js';
import { CliExit } from '../run-main.js';
import { loadScenarioOrExit } from '../scenario-file.js';
import { writeFileAtomically } from '../write-file.js';

/** Collects `--format` values: repeatable and comma-separated. */
function collectFormats(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim())];
}

function checkFormats(values: string[]): ReportFormat[] {
  const formats = values.length === 0 ? ['html'] : values;
  return formats.map((f) => {
    if (!(REPORT_FORMATS as readonly string[]).includes(f))
      throw new InputError('--format', f, `one of ${REPORT_FORMATS.join(', ')}`);
    return f as ReportFormat;
  });
}

export function register(program: Command): void {
  program
    .command('report')
    .description(
      'write the report of a scenario: HTML (charts inline), PDF (headless Chromium), XLSX (live formulas)',
    )
    .argument('<file>', 'scenario file')
    .option(
      '--format <formats>',
      'html, pdf or xlsx; repeat the option or give a comma list (default: html)',
      collectFormats,
      [] as string[],
    )
    .option('--out <dir>', 'directory for the files, created when missing', '.')
    .action(async (file, options) => {
      const formats = checkFormats(options.format);
      const scenario = loadScenarioOrExit(file);
      // Loaded here, not at start-up: ECharts, exceljs and playwright would slow every command.
      const { PdfRendererUnavailableError, renderReports, reportInputs } =
        await import('../../report/index.js');
      const inputs = reportInputs(scenario);
      let files;
      try {
        files = await renderReports(inputs, formats, { generatedAt: new Date(), origin: file });
      } catch (error) {
        if (error instanceof PdfRendererUnavailableError) {
          process.stderr.write(`error: ${error.message}\n`);
          throw new CliExit(EXIT.io);
        }
        throw error;
      }
      const stem = basename(file, extname(file));
      for (const f of files) {
        const path = join(options.out, `${stem}.${f.format}`);
        writeFileAtomically(path, f.bytes);
        process.stdout.write(
          `wrote ${path} (${(f.bytes.length / 1024).toFixed(0)} kB, ${(f.elapsed_ms / 1000).toFixed(2)} s)\n`,
        );
      }
      if (inputs.cashflow_inputs.length === 0 && formats.includes('xlsx'))
        process.stderr.write(
          'note: the appraisal has no cash flow yet, so the XLSX has no formula sheets (see its About sheet)\n',
        );
    });
}
