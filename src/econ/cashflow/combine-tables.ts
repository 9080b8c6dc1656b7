import { InputError } from '../../errors.js';
import { loanLifeCoverRatios } from './coverage-ratios.js';
import { CASHFLOW_COLUMN_NAMES, type CashflowColumnName } from './columns.js';
import type { CashflowRow, CashflowTable } from './types.js';

/** Columns summed row by row: every column but utilisation, DSCR and LLCR (ratios, not sums). */
const ADDITIVE: readonly CashflowColumnName[] = CASHFLOW_COLUMN_NAMES.filter(
  (k) => k !== 'utilisation' && k !== 'dscr' && k !== 'llcr',
);

/**
 * Row-wise a + sign·b of two tables aligned by calendar year (missing years count as zero):
 * `sign = +1` combines two stages, `sign = −1` gives the increment of `a` over `b`
 * (e.g. stages 1+2 minus stage 1 alone). Money and tonnage columns are summed; DSCR is
 * recomputed as CFADS / debt service and the LLCR from the summed debt columns; utilisation is null. Note that a combined table sums
 * taxes computed separately: losses of one stage do not offset profits of the other (use a
 * combined input to model one taxpayer).
 *
 * @param a - First table.
 * @param b - Second table (same basis and discount rate).
 * @param sign - +1 (sum) or −1 (difference).
 * @returns The combined table, rows from the earliest to the latest year of either.
 */
export function combineTables(a: CashflowTable, b: CashflowTable, sign: 1 | -1 = 1): CashflowTable {
  if (a.basis !== b.basis)
    throw new InputError('b.basis', b.basis, `the same basis as a (${a.basis})`);
  if (a.discount_rate !== b.discount_rate)
    throw new InputError(
      'b.discount_rate',
      b.discount_rate,
      `the same rate as a (${a.discount_rate})`,
    );
  const years = [...a.rows, ...b.rows].map((r) => r.year);
  if (years.length === 0) return { ...a, rows: [] };
  const y0 = Math.min(...years);
  const y1 = Math.max(...years);
  const byYear = (t: CashflowTable): Map<number, CashflowRow> =>
    new Map(t.rows.map((r) => [r.year, r]));
  const ma = byYear(a);
  const mb = byYear(b);
  const rows: CashflowRow[] = [];
  // First row where a source table has an LLCR: the combined ratios start there.
  let first: number | undefined;
  for (let y = y0; y <= y1; y++) {
    const ra = ma.get(y);
    const rb = mb.get(y);
    const t = y - y0;
    const row = {
      year: y,
      t,
      utilisation: null,
      discount_factor: Math.pow(1 + a.discount_rate, -t),
      dscr: null,
      llcr: null,
    } as Record<keyof CashflowRow, number | null>;
    for (const k of ADDITIVE)
      row[k] =
        ((ra?.[k] as number | undefined) ?? 0) + sign * ((rb?.[k] as number | undefined) ?? 0);
    // DSCR only where a source row had one (operating rows with debt service).
    const ds = row.debt_service_usd ?? 0;
    const operating = (ra?.dscr ?? null) !== null || (rb?.dscr ?? null) !== null;
    row.dscr = ds > 0 && operating ? (row.cfads_usd ?? 0) / ds : null;
    rows.push(row as unknown as CashflowRow);
    if (first === undefined && ((ra?.llcr ?? null) !== null || (rb?.llcr ?? null) !== null))
      first = t;
  }
  if (first !== undefined) {
    const llcr = new Float64Array(rows.length);
    loanLifeCoverRatios(
      {
        cfads: rows.map((r) => r.cfads_usd),
        drawdown: rows.map((r) => r.debt_drawdown_usd),
        debtService: rows.map((r) => r.debt_service_usd),
        balance: rows.map((r) => r.debt_balance_usd),
        first,
      },
      llcr,
    );
    rows.forEach((r, t) => {
      const v = llcr[t] ?? Number.NaN;
      r.llcr = Number.isNaN(v) ? null : v;
    });
  }
  return { basis: a.basis, discount_rate: a.discount_rate, rows };
}
