/**
 * Covenant tests of a loan, year by year: a DSCR below the default covenant (an event of
 * default), a DSCR below the lock-up covenant (no distributions that year), an LLCR below its
 * minimum. Rows without debt service or debt outstanding are not tested.
 */
import type { CashflowTable } from './types.js';

/** Covenant thresholds [-]. */
export interface Covenants {
  min_dscr: number;
  lockup_dscr: number;
  min_llcr: number;
}

export interface CovenantBreach {
  year: number;
  covenant: 'min_dscr' | 'lockup_dscr' | 'min_llcr';
  value: number;
  threshold: number;
  /** The stage whose tranche breaches (set for a project's list). */
  stage?: string;
}

/**
 * @param table - A stage's table.
 * @param c - Its covenants.
 * @returns Every breach, by year then covenant.
 */
export function covenantBreaches(table: CashflowTable, c: Covenants): CovenantBreach[] {
  const out: CovenantBreach[] = [];
  for (const r of table.rows) {
    if (r.dscr !== null && r.dscr < c.min_dscr)
      out.push({ year: r.year, covenant: 'min_dscr', value: r.dscr, threshold: c.min_dscr });
    else if (r.dscr !== null && r.dscr < c.lockup_dscr)
      out.push({ year: r.year, covenant: 'lockup_dscr', value: r.dscr, threshold: c.lockup_dscr });
    if (r.llcr !== null && r.llcr < c.min_llcr)
      out.push({ year: r.year, covenant: 'min_llcr', value: r.llcr, threshold: c.min_llcr });
  }
  return out;
}
