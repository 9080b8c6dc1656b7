// The debt tranche of a stage: drawdowns pro rata with equity, interest during construction
// capitalised, upfront and commitment fees, the DSRA, annuity and sculpted repayment, CFADS
// without construction capex, and the LLCR. Identities of project-finance accounting
// (e.g. Yescombe, Principles of Project Finance, 2nd ed. 2014, ch. 12–14: cover ratios; a loan
// sculpted to a constant DSCR k has LLCR = k) checked to round-off.
import { describe, expect, it } from 'vitest';
import {
  buildCashflowTable,
  addSourcesAndUses,
  cashflowMetrics,
  covenantBreaches,
  sourcesAndUses,
  type CashflowInput,
  type CashflowRow,
  type FinancingInput,
} from '../../../src/index.js';
import { stage1Input } from './fixture.js';

const BASE: FinancingInput = {
  debt_share: 0.6,
  interest_rate: 0.08,
  tenor_years: 8,
  grace_years: 2,
  repayment: 'annuity',
};

function table(fin: Partial<FinancingInput>, over: Partial<CashflowInput> = {}) {
  return buildCashflowTable(stage1Input({ ...over, financing: { ...BASE, ...fin } }));
}

const sum = (rows: CashflowRow[], k: keyof CashflowRow, to = rows.length): number =>
  rows.slice(0, to).reduce((a, r) => a + (r[k] ?? 0), 0);

describe('debt tranche', () => {
  it('CFADS carry no construction capex: construction rows have CFADS = −levered tax', () => {
    const t = table({});
    for (const r of t.rows.slice(0, 2)) {
      expect(r.capex_usd).toBeGreaterThan(0);
      expect(r.cfads_usd).toBeCloseTo(-r.tax_levered_usd, 6);
    }
  });

  it('interest during construction is capitalised on the opening balance; none is paid', () => {
    const t = table({ idc: 'capitalised' });
    const [r0, r1] = t.rows;
    expect(r0!.interest_capitalised_usd).toBe(0);
    expect(r1!.interest_capitalised_usd).toBeCloseTo(0.08 * r0!.debt_balance_usd, 6);
    expect(r1!.interest_usd).toBe(0);
    expect(r1!.debt_balance_usd).toBeCloseTo(
      r0!.debt_drawdown_usd + r1!.debt_drawdown_usd + r1!.interest_capitalised_usd,
      6,
    );
    const paid = table({ idc: 'paid' });
    expect(paid.rows[1]!.interest_usd).toBeCloseTo(0.08 * paid.rows[0]!.debt_balance_usd, 6);
    expect(paid.rows[1]!.interest_capitalised_usd).toBe(0);
  });

  it('drawdowns are the debt share of the uses; fees are charged on the facility they fund', () => {
    const fin = { upfront_fee: 0.015, commitment_fee: 0.005, dsra_months: 6 };
    const t = table(fin);
    const rows = t.rows;
    const first = 2;
    const facility =
      sum(rows, 'debt_drawdown_usd', first + 1) + sum(rows, 'interest_capitalised_usd', first + 1);
    // Upfront fee at financial close (row 0) + commitment fee on the whole undrawn facility.
    expect(rows[0]!.financing_fees_usd).toBeCloseTo(0.015 * facility + 0.005 * facility, 4);
    const drawnBefore1 = rows[0]!.debt_drawdown_usd;
    expect(rows[1]!.financing_fees_usd).toBeCloseTo(0.005 * (facility - drawnBefore1), 4);
    // Uses = construction capex + fees + DSRA funding + the first-year working capital.
    const uses =
      rows[0]!.capex_usd +
      rows[1]!.capex_usd +
      sum(rows, 'financing_fees_usd', first + 1) +
      rows[0]!.dsra_change_usd +
      Math.max(0, rows[first]!.working_capital_change_usd);
    expect(sum(rows, 'debt_drawdown_usd', first + 1)).toBeCloseTo(0.6 * uses, 3);
  });

  it('the DSRA is funded at financial close, held at months/12 of next debt service, released at maturity', () => {
    const t = table({ dsra_months: 6 });
    const rows = t.rows;
    // The first debt service: in a grace period the completion row's interest is capitalised.
    const firstService = rows.find((r) => r.debt_service_usd > 0)!;
    expect(rows[0]!.dsra_balance_usd).toBeCloseTo(0.5 * firstService.debt_service_usd, 4);
    // Topped up towards the next year's debt service with the cash left after debt service.
    let topped = 0;
    for (let i = 2; i < 11; i++) {
      const r = rows[i]!;
      const target = 0.5 * rows[i + 1]!.debt_service_usd;
      const gap = target - rows[i - 1]!.dsra_balance_usd;
      expect(r.dsra_balance_usd).toBeLessThanOrEqual(target + 1e-6);
      if (r.cfads_usd - r.debt_service_usd >= gap) {
        expect(r.dsra_balance_usd).toBeCloseTo(target, 4);
        topped++;
      } else expect(r.dsra_change_usd).toBeCloseTo(r.cfads_usd - r.debt_service_usd, 4);
    }
    expect(topped).toBeGreaterThan(4);
    expect(rows[11]!.dsra_balance_usd).toBe(0);
    expect(rows[11]!.dsra_change_usd).toBeLessThan(0);
    expect(Math.abs(sum(rows, 'dsra_change_usd'))).toBeLessThan(1e-6);
  });

  it('sculpted: constant DSCR k ≥ target over the tenor, and LLCR = k in every repayment row', () => {
    for (const grace of [0, 2]) {
      const t = table({ repayment: 'sculpted', target_dscr: 1.3, grace_years: grace });
      const rep = t.rows.filter((r) => r.principal_usd > 0);
      const k = rep[0]!.dscr!;
      expect(k).toBeGreaterThanOrEqual(1.3 - 1e-9);
      for (const r of rep) {
        expect(r.dscr).toBeCloseTo(k, 9);
        if (r.t >= 2 + grace) expect(r.llcr).toBeCloseTo(k, 9);
      }
    }
  });

  it('sculpted: a target the gearing cannot meet sizes the loan down to exactly the target', () => {
    const geared = table({ repayment: 'sculpted', target_dscr: 1.3 });
    const sized = table({ repayment: 'sculpted', target_dscr: 4 });
    for (const r of sized.rows.filter((x) => x.principal_usd > 0)) expect(r.dscr).toBeCloseTo(4, 9);
    expect(sum(sized.rows, 'debt_drawdown_usd')).toBeLessThan(
      sum(geared.rows, 'debt_drawdown_usd'),
    );
  });

  it('sculpted: a row of negative CFADS has no debt service (its interest capitalised) and no DSCR; no DSCR is below the target', () => {
    const relinings = [3, 7].map((start_index) => ({
      name: `relining ${start_index}`,
      amount_usd: 40e6,
      phasing: [1],
      start_index,
      depreciation_group: 'machinery' as const,
    }));
    const t = table(
      { repayment: 'sculpted', target_dscr: 1.4, dsra_months: 6 },
      { capex: [...stage1Input().capex, ...relinings] },
    );
    for (const i of [3, 7]) {
      const r = t.rows[i]!;
      expect(r.cfads_usd).toBeLessThan(0);
      expect(r.debt_service_usd).toBe(0);
      expect(r.dscr).toBeNull();
      expect(r.interest_capitalised_usd).toBeCloseTo(0.08 * t.rows[i - 1]!.debt_balance_usd, 6);
      // The reserve services debt only: it is not drawn for the operating shortfall.
      expect(r.dsra_change_usd).toBeGreaterThanOrEqual(0);
    }
    const dscrs = t.rows.map((r) => r.dscr).filter((d): d is number => d !== null);
    expect(dscrs.length).toBeGreaterThan(5);
    for (const d of dscrs) expect(d).toBeGreaterThanOrEqual(1.4 - 1e-9);
    // Sized on the PV of all the CFADS of the repayment rows: LLCR at the first repayment = target.
    expect(t.rows[4]!.llcr).toBeCloseTo(1.4, 9);
    expect(t.rows.at(-1)!.debt_balance_usd).toBeCloseTo(0, 3);
  });

  it('sculpted: CFADS that carry no debt give no loan — equity funds it all, DSCR null with a reason', () => {
    const poor = {
      products: [{ ...stage1Input().products[0]!, price_usd_per_t: 900 }],
    };
    const t = table({ repayment: 'sculpted', target_dscr: 1.4, dsra_months: 6 }, poor);
    expect(sum(t.rows, 'debt_drawdown_usd')).toBe(0);
    expect(sum(t.rows, 'debt_service_usd')).toBe(0);
    for (const r of t.rows) expect(r.equity_cash_flow_usd).toBeCloseTo(r.free_cash_flow_usd, 6);
    const m = cashflowMetrics(t);
    expect(m.min_dscr).toBeNull();
    expect(m.llcr).toBeNull();
    expect(m.dscr_reason).toMatch(/no debt/);
    // The same stage on an annuity is serviced from negative CFADS: DSCR < 0.
    expect(cashflowMetrics(table({ dsra_months: 6 }, poor)).min_dscr!).toBeLessThan(0);
    expect(cashflowMetrics(table({})).dscr_reason).toBeNull();
  });

  it('LLCR is the same in real and nominal money (discounted at the loan rate of each basis)', () => {
    const over = { inflation_rate: 0.05 };
    const real = table({ dsra_months: 6 }, { ...over, basis: 'real' });
    const nominal = table({ dsra_months: 6 }, { ...over, basis: 'nominal' });
    real.rows.forEach((r, i) => {
      const n = nominal.rows[i]!;
      if (n.llcr === null) expect(r.llcr).toBeNull();
      else expect(r.llcr! / n.llcr).toBeCloseTo(1, 12);
    });
    const m = cashflowMetrics(nominal);
    expect(m.llcr).not.toBeNull();
    expect(m.min_llcr!).toBeLessThanOrEqual(m.llcr!);
    expect(m.plcr!).toBeGreaterThan(m.llcr!);
    expect(m.avg_dscr!).toBeGreaterThanOrEqual(m.min_dscr!);
  });

  it('without debt the equity cash flow is the free cash flow', () => {
    const t = buildCashflowTable(stage1Input());
    for (const r of t.rows) expect(r.equity_cash_flow_usd).toBeCloseTo(r.free_cash_flow_usd, 6);
    expect(cashflowMetrics(t).llcr).toBeNull();
  });

  it('an operating loss in the completion (ramp-up) row is funded pro rata, not charged to CFADS', () => {
    const slow = { operation: { first_index: 2, ramp_up: [0.02] } };
    const t = table({}, slow);
    const r = t.rows[2]!;
    // The unfunded operating cash of the row is negative...
    expect(r.revenue_usd - r.opex_usd - r.tax_levered_usd).toBeLessThan(0);
    // ...so CFADS is zero, the DSCR (interest is paid in grace) is 0 rather than negative.
    expect(r.cfads_usd).toBeCloseTo(0, 6);
    expect(r.dscr).toBeCloseTo(0, 9);
    const loss = -(r.revenue_usd - r.opex_usd - r.tax_levered_usd - r.closure_cost_usd);
    expect(r.debt_drawdown_usd).toBeCloseTo(0.6 * (r.working_capital_change_usd + loss), 4);
  });

  it('sources and uses balance: uses = debt + equity, debt = everything repaid, capex = construction capex', () => {
    const fin = { upfront_fee: 0.015, commitment_fee: 0.005, dsra_months: 6 };
    const t = table(fin);
    const su = sourcesAndUses(t)!;
    const scale = su.total_uses_usd;
    const parts =
      su.capex_usd +
      su.financing_fees_usd +
      su.interest_during_construction_usd +
      su.dsra_initial_usd +
      su.working_capital_and_start_up_usd;
    expect(Math.abs(parts - su.total_uses_usd)).toBeLessThan(1e-9 * scale);
    expect(Math.abs(su.debt_usd + su.equity_usd - su.total_uses_usd)).toBeLessThan(1e-9 * scale);
    expect(Math.abs(su.debt_usd - sum(t.rows, 'principal_usd'))).toBeLessThan(1e-9 * scale);
    expect(su.capex_usd).toBeCloseTo(sum(t.rows, 'capex_usd', 2), 4);
    expect(su.working_capital_and_start_up_usd).toBeCloseTo(
      t.rows[2]!.working_capital_change_usd,
      4,
    );
    expect(su.dsra_initial_usd).toBeCloseTo(t.rows[0]!.dsra_balance_usd, 6);
    // Gearing: drawdowns are the debt share of the funded uses (annuity: no sizing down).
    expect(
      (su.debt_usd - su.interest_during_construction_usd) /
        (scale - su.interest_during_construction_usd),
    ).toBeCloseTo(0.6, 12);
    expect(addSourcesAndUses([su, null, su])!.equity_usd).toBeCloseTo(2 * su.equity_usd, 4);
    expect(sourcesAndUses(buildCashflowTable(stage1Input()))).toBeNull();
  });

  it('covenant breaches: a loan sculpted to DSCR 1.3 breaches a 1.35 default covenant in every repayment year', () => {
    const t = table({ repayment: 'sculpted', target_dscr: 1.3 });
    const repaying = t.rows.filter((r) => r.principal_usd > 0).map((r) => r.year);
    const hard = covenantBreaches(t, { min_dscr: 1.35, lockup_dscr: 1.5, min_llcr: 1 });
    expect(hard.filter((b) => b.covenant === 'min_dscr').map((b) => b.year)).toEqual(
      expect.arrayContaining(repaying),
    );
    expect(hard.some((b) => b.covenant === 'min_llcr')).toBe(false);
    const soft = covenantBreaches(t, { min_dscr: 1.2, lockup_dscr: 1.35, min_llcr: 1.4 });
    expect(soft.filter((b) => b.covenant === 'lockup_dscr').map((b) => b.year)).toEqual(
      expect.arrayContaining(repaying),
    );
    expect(soft.some((b) => b.covenant === 'min_dscr')).toBe(false);
    expect(soft.some((b) => b.covenant === 'min_llcr' && b.value < 1.4)).toBe(true);
  });
});
