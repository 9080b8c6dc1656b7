// Gnumeric as an independent spreadsheet engine in tests: `ssconvert --recalc` recalculates a
// workbook and writes each sheet as CSV. Method: ../shared/validation/finance/
// spreadsheet_oracle_demo/HOWTO.md (Gnumeric 1.12.55; Debian package gnumeric).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { requireTool } from './required-tool.js';

/**
 * Whether Gnumeric's ssconvert runs here: use as `describe.runIf(gnumericPresent())`.
 * CHROMFLOW_SKIP_GNUMERIC=1 skips its suites off CI (in CI a missing Gnumeric fails instead).
 */
export function gnumericPresent(): boolean {
  return requireTool(
    'Gnumeric (ssconvert)',
    process.env.CHROMFLOW_SKIP_GNUMERIC !== '1' &&
      spawnSync('ssconvert', ['--version']).status === 0,
    'apt-get install gnumeric (CHROMFLOW_SKIP_GNUMERIC=1 skips it off CI)',
  );
}

/** A temporary directory for one test file's workbooks, removed after its tests. */
export function workbookDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/**
 * Writes `text` as `<dir>/<name>.<ext>` (a CSV or a Gnumeric XML workbook), recalculates it with
 * Gnumeric and returns its first sheet as CSV rows.
 */
export function recalcFile(dir: string, name: string, ext: string, text: string): string[][] {
  const src = join(dir, `${name}.${ext}`);
  const out = join(dir, `${name}.out.csv`);
  writeFileSync(src, text);
  execFileSync('ssconvert', ['--recalc', src, out], { stdio: 'pipe' });
  return parseCsv(readFileSync(out, 'utf8'));
}

/**
 * Recalculates one column of cells (A1 first; numbers written to 17 digits, strings such as
 * formulas quoted) and returns the values of column A.
 */
export function recalcColumn(
  dir: string,
  name: string,
  cells: readonly (number | string)[],
): number[] {
  const csv =
    cells.map((c) => (typeof c === 'number' ? c.toPrecision(17) : `"${c}"`)).join('\n') + '\n';
  return recalcFile(dir, name, 'csv', csv).map((r) => Number(r[0]));
}

/** Minimal CSV parser (quoted fields, doubled quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/**
 * Writes `bytes` as `<dir>/<name>.xlsx`, recalculates it with Gnumeric and returns every sheet
 * as CSV rows (index = spreadsheet row − 1, column − 1), by sheet name.
 */
export function recalcXlsx(dir: string, name: string, bytes: Uint8Array): Map<string, string[][]> {
  const src = join(dir, `${name}.xlsx`);
  writeFileSync(src, bytes);
  execFileSync('ssconvert', ['--recalc', '-S', src, join(dir, `${name}.out.%s.csv`)], {
    stdio: 'pipe',
  });
  const sheets = new Map<string, string[][]>();
  const prefix = `${name}.out.`;
  for (const f of readdirSync(dir)) {
    if (f.startsWith(prefix) && f.endsWith('.csv'))
      sheets.set(f.slice(prefix.length, -4), parseCsv(readFileSync(join(dir, f), 'utf8')));
  }
  return sheets;
}
