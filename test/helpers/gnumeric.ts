// Gnumeric as an independent spreadsheet engine in tests: `ssconvert --recalc` recalculates a
// workbook and writes each sheet as CSV. Method: ../shared/validation/finance/
// spreadsheet_oracle_demo/HOWTO.md (Gnumeric 1.12.55; Debian package gnumeric).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
