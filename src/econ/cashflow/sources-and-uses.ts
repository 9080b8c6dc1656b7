/**
 * The sources and uses of funds of one stage's construction budget, from its table: every use
 * of the availability period (construction capex, financing fees, the DSRA's initial funding,
 * the initial working capital and ramp-up loss, interest during construction capitalised) and
 * the debt and equity that fund them. Sums of additive columns, so the sources and uses of
 * several stages are the sum of theirs ({@link addSourcesAndUses}).
 */
import type { CashflowTable } from './types.js';

/** Sources and uses of funds [USD, in the table's basis]. */
export interface SourcesAndUses {
  capex_usd: number;
  financing_fees_usd: number;
  interest_during_construction_usd: number;
  dsra_initial_usd: number;
  /** Initial working capital and the operating loss of the completion (ramp-up) row [USD]. */
  working_capital_and_start_up_usd: number;
  total_uses_usd: number;
  /** Drawdowns and capitalised interest [USD]. */
  debt_usd: number;
  equity_usd: number;
}

/**
 * @param table - One stage's table.
 * @returns Its sources and uses; null without a loan.
 */
export function sourcesAndUses(table: CashflowTable): SourcesAndUses | null {
  const rows = table.rows;
  if (!rows.some((r) => r.debt_drawdown_usd > 0)) return null;
  let funded = 0;
  let capex = 0;
  let fees = 0;
  let idc = 0;
  let dsra = 0;
  let drawn = 0;
  // The availability period ends with the last row of funded uses (the completion row).
  const end = rows.findLastIndex((r) => r.funded_uses_usd > 0);
  for (const r of rows.slice(0, end + 1)) {
    // Construction rows produce nothing; the completion row's capex is not a funded use.
    if (r.production_t === 0) {
      capex += r.capex_usd;
      dsra += Math.max(0, r.dsra_change_usd);
    }
    funded += r.funded_uses_usd;
    fees += r.financing_fees_usd;
    idc += r.interest_capitalised_usd;
    drawn += r.debt_drawdown_usd;
  }
  return {
    capex_usd: capex,
    financing_fees_usd: fees,
    interest_during_construction_usd: idc,
    dsra_initial_usd: dsra,
    working_capital_and_start_up_usd: funded - capex - fees - dsra,
    total_uses_usd: funded + idc,
    debt_usd: drawn + idc,
    equity_usd: funded - drawn,
  };
}

/** The sum of several stages' sources and uses (null when none has a loan). */
export function addSourcesAndUses(list: readonly (SourcesAndUses | null)[]): SourcesAndUses | null {
  const present = list.filter((x): x is SourcesAndUses => x !== null);
  const [head, ...rest] = present;
  if (head === undefined) return null;
  const sum = { ...head };
  for (const x of rest)
    for (const k of Object.keys(sum) as (keyof SourcesAndUses)[]) sum[k] += x[k];
  return sum;
}
