import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import {
  breakEvenOpexPrice,
  breakEvenProductPrice,
  buildCashflowTable,
  cashflowMetrics,
  combineTables,
  irr,
  npv,
  type CashflowInput,
  type CashflowTable,
} from '../../../src/index.js';
import { seededUniform } from '../../helpers/seeded.js';
import { HOLIDAYS, noTaxRegime, stage1Input, stage1WithHolidays } from './fixture.js';

const sum = (t: CashflowTable, k: keyof CashflowTable['rows'][number]): number =>
  t.rows.reduce((s, r) => s + (r[k] ?? 0), 0);

/** Random but valid inputs around the fixture (seeded). */
function randomInput(u: (lo?: number, hi?: number) => number): CashflowInput {
  const base = stage1Input();
  const build = 1 + Math.floor(u(0, 3));
  const ops = 3 + Math.floor(u(0, 20));
  const n = build + ops;
  const a = u(0.2, 0.8);
  return stage1Input({
    horizon_years: n,
    discount_rate: u(0, 0.2),
    basis: u() < 0.5 ? 'real' : 'nominal',
    inflation_rate: u(0, 0.1),
    capex: base.capex
      .filter((c) => (c.start_index ?? 0) === 0)
      .map((c) => ({
        ...c,
        amount_usd: c.amount_usd * u(0.5, 1.5),
        phasing: build === 1 ? [1] : build === 2 ? [a, 1 - a] : [a / 2, a / 2, 1 - a],
      })),
    operation: { first_index: build, ramp_up: [u(0.3, 1), u(0.5, 1)] },
    products: [{ ...base.products[0]!, price_usd_per_t: u(1000, 2200), export_share: u(0, 1) }],
    working_capital: {
      receivable_days: u(0, 90),
      inventory_days: u(0, 90),
      payable_days: u(0, 90),
    },
    depreciation: { method: u() < 0.5 ? 'declining-balance' : 'straight-line' },
    fiscal: {
      ...base.fiscal,
      mining_inside_boundary: u() < 0.3,
      extracted_mineral_value_usd_per_year: u(0, 5e7),
      preferences: {
        cit_exemption_years: Math.floor(u(0, 11)),
        property_tax_exemption_years: Math.floor(u(0, 9)),
        land_tax_exemption_years: Math.floor(u(0, 11)),
      },
    },
    financing:
      u() < 0.7
        ? {
            debt_share: u(0, 0.8),
            interest_rate: u(0, 0.15),
            tenor_years: 1 + Math.floor(u(0, ops - 1)),
            grace_years: 0,
            repayment: u() < 0.5 ? 'annuity' : 'sculpted',
            target_dscr: u(1.1, 1.6),
            dsra_months: Math.floor(u(0, 13)),
            upfront_fee: u(0, 0.03),
            commitment_fee: u(0, 0.01),
            idc: u() < 0.8 ? 'capitalised' : 'paid',
            fund_initial_working_capital: u() < 0.8,
          }
        : undefined,
    closure_cost_usd: u(0, 1e7),
  } as Partial<CashflowInput>);
}

describe('buildCashflowTable: identities on 300 seeded random inputs', () => {
  const u = seededUniform(101);
  const inputs = Array.from({ length: 300 }, () => randomInput(u));

  it('FCF = revenue − opex − capex − ΔWC − tax − closure, and tax = Σ parts, in every row', () => {
    for (const input of inputs) {
      for (const r of buildCashflowTable(input).rows) {
        const scale = 1 + Math.abs(r.revenue_usd) + Math.abs(r.capex_usd);
        const fcf =
          r.revenue_usd -
          r.opex_usd -
          r.capex_usd -
          r.working_capital_change_usd -
          r.tax_usd -
          r.closure_cost_usd;
        expect(Math.abs(r.free_cash_flow_usd - fcf)).toBeLessThan(1e-9 * scale);
        const parts =
          r.cit_usd +
          r.property_tax_usd +
          r.land_tax_usd +
          r.met_usd +
          r.payroll_levies_usd +
          r.vat_net_usd;
        expect(Math.abs(r.tax_usd - parts)).toBeLessThan(1e-9 * scale);
        // Equity = project FCF + interest tax shield + drawdown − debt service − fees − DSRA deposits.
        const eq =
          r.free_cash_flow_usd +
          (r.tax_usd - r.tax_levered_usd) +
          r.debt_drawdown_usd -
          r.debt_service_usd -
          r.financing_fees_usd -
          r.dsra_change_usd;
        expect(Math.abs(r.equity_cash_flow_usd - eq)).toBeLessThan(1e-9 * scale);
        expect(r.cit_usd).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('conservation in nominal money: ΣΔWC = 0, Σ depreciation = Σ capex, VAT fully recovered, debt repaid', () => {
    for (const input of inputs) {
      const t = buildCashflowTable({ ...input, basis: 'nominal' });
      const scale = sum(t, 'capex_usd') + sum(t, 'revenue_usd');
      expect(Math.abs(sum(t, 'working_capital_change_usd'))).toBeLessThan(1e-9 * scale);
      expect(Math.abs(sum(t, 'depreciation_usd') - sum(t, 'capex_usd'))).toBeLessThan(1e-9 * scale);
      expect(Math.abs(sum(t, 'vat_net_usd'))).toBeLessThan(1e-9 * scale);
      // Every dollar drawn or capitalised is repaid; the DSRA is released by maturity.
      expect(
        Math.abs(
          sum(t, 'principal_usd') -
            sum(t, 'debt_drawdown_usd') -
            sum(t, 'interest_capitalised_usd'),
        ),
      ).toBeLessThan(1e-9 * scale);
      expect(Math.abs(sum(t, 'dsra_change_usd'))).toBeLessThan(1e-9 * scale);
      expect(Math.abs(t.rows[t.rows.length - 1]!.debt_balance_usd)).toBeLessThan(1e-9 * scale);
    }
  });

  it('metrics.npv_usd is exactly npv(rate, free_cash_flow_usd) with row 0 at t = 0', () => {
    for (const input of inputs.slice(0, 50)) {
      const t = buildCashflowTable(input);
      const m = cashflowMetrics(t);
      expect(m.npv_usd).toBe(
        npv(
          input.discount_rate,
          t.rows.map((r) => r.free_cash_flow_usd),
        ),
      );
      const fcf = t.rows.map((r) => r.free_cash_flow_usd);
      if (m.irr !== null) {
        const r = m.irr;
        const size = fcf.reduce((s, v, k) => s + Math.abs(v) * Math.pow(1 + r, -k), 0);
        expect(Math.abs(npv(r, fcf))).toBeLessThan(1e-12 * size);
      } else expect(m.irr_reason).toMatch(/IRR/);
    }
  });

  it('real vs nominal: NPV_real(r) = NPV_nominal((1+r)(1+i) − 1) (Fisher)', () => {
    for (const input of inputs.slice(0, 100)) {
      const real = cashflowMetrics(buildCashflowTable({ ...input, basis: 'real' }));
      const rn = (1 + input.discount_rate) * (1 + input.inflation_rate) - 1;
      const nominal = cashflowMetrics(
        buildCashflowTable({ ...input, basis: 'nominal', discount_rate: rn }),
      );
      expect(Math.abs(real.npv_usd - nominal.npv_usd)).toBeLessThan(
        1e-6 * (1 + Math.abs(real.npv_usd)),
      );
      if (real.irr !== null && nominal.irr !== null)
        expect((1 + real.irr) * (1 + input.inflation_rate) - 1).toBeCloseTo(nominal.irr, 10);
    }
  });
});

describe('buildCashflowTable: worked examples', () => {
  it('without taxes, WC or debt the FCF is the hand-computed vector', () => {
    const t = buildCashflowTable(
      stage1Input({
        horizon_years: 5,
        capex: [{ name: 'plant', amount_usd: 100, phasing: [1], depreciation_group: 'machinery' }],
        operation: { first_index: 1, ramp_up: [0.5] },
        products: [{ name: 'p', capacity_t_per_year: 10, price_usd_per_t: 5 }],
        opex: [
          {
            name: 'fixed',
            quantity_per_year: 1,
            unit: 'year',
            unit_price_usd: 10,
            variable: false,
          },
        ],
        working_capital: { receivable_days: 0, inventory_days: 0, payable_days: 0 },
        fiscal: { regime: noTaxRegime },
        closure_cost_usd: 7,
      }),
    );
    expect(t.rows.map((r) => r.free_cash_flow_usd)).toEqual([-100, 15, 40, 40, 33]);
    expect(irr(t.rows.map((r) => r.free_cash_flow_usd))).toBeCloseTo(
      irr([-100, 15, 40, 40, 33]),
      15,
    );
  });

  it('declining balance: buildings 1000 → 100, 90, 81, … and the rest written off in the last row', () => {
    const t = buildCashflowTable(
      stage1Input({
        horizon_years: 5,
        capex: [{ name: 'b', amount_usd: 1000, phasing: [1], depreciation_group: 'buildings' }],
        operation: { first_index: 1, ramp_up: [] },
        opex: [],
        closure_cost_usd: 0,
      }),
    );
    const d = t.rows.map((r) => r.depreciation_usd);
    expect(d[0]).toBe(0);
    expect(d[1]).toBeCloseTo(100, 9);
    expect(d[2]).toBeCloseTo(90, 9);
    expect(d[3]).toBeCloseTo(81, 9);
    expect(d[4]).toBeCloseTo(1000 - 271, 9);
    const sl = buildCashflowTable(
      stage1Input({
        horizon_years: 5,
        capex: [{ name: 'b', amount_usd: 1000, phasing: [1], depreciation_group: 'buildings' }],
        operation: { first_index: 1, ramp_up: [] },
        depreciation: { method: 'straight-line' },
        closure_cost_usd: 0,
      }),
    );
    expect(sl.rows.slice(1, 4).map((r) => r.depreciation_usd)).toEqual([100, 100, 100]);
  });

  it('CIT 20 % after losses are used; exempt during the CIT holiday; property tax 0 in its holiday', () => {
    const base = buildCashflowTable(stage1Input());
    const firstCit = base.rows.findIndex((r) => r.cit_usd > 0);
    expect(firstCit).toBeGreaterThan(2); // early losses are carried forward
    const r = base.rows[base.rows.length - 2]!;
    expect(r.cit_usd).toBeCloseTo(0.2 * r.taxable_income_usd, 6);
    const pref = buildCashflowTable(stage1WithHolidays());
    pref.rows.forEach((row, t) => {
      if (t < 2 + HOLIDAYS.cit_exemption_years) expect(row.cit_usd).toBe(0);
      if (t < 2 + HOLIDAYS.property_tax_exemption_years) expect(row.property_tax_usd).toBe(0);
      if (t < 2 + HOLIDAYS.land_tax_exemption_years) expect(row.land_tax_usd).toBe(0);
    });
    expect(cashflowMetrics(pref).npv_usd).toBeGreaterThan(cashflowMetrics(base).npv_usd);
  });

  it('MET only when mining is inside the boundary: 21.06 % of the extracted value', () => {
    const t = buildCashflowTable(
      stage1Input({
        fiscal: {
          ...stage1Input().fiscal,
          mining_inside_boundary: true,
          extracted_mineral_value_usd_per_year: 1e7,
        },
      }),
    );
    expect(t.rows[10]!.met_usd).toBeCloseTo(0.2106 * 1e7, 6);
    expect(buildCashflowTable(stage1Input()).rows[10]!.met_usd).toBe(0);
  });

  it('payroll levies are 6 + 5 + 3 + 3.5 % of wages in 2030 (Kazakh 2026 rates)', () => {
    const r = buildCashflowTable(stage1Input()).rows[4]!;
    expect(r.year).toBe(2030);
    expect(r.payroll_levies_usd).toBeCloseTo(450 * 12_000 * (0.06 + 0.05 + 0.03 + 0.035), 6);
  });

  it('annuity debt: level debt service over the tenor; sculpted: DSCR at target until the balloon', () => {
    const fin = { debt_share: 0.6, interest_rate: 0.08, tenor_years: 8, grace_years: 2 } as const;
    const a = buildCashflowTable(stage1Input({ financing: { ...fin, repayment: 'annuity' } }));
    const ds = a.rows.slice(4, 12).map((r) => r.debt_service_usd);
    for (const v of ds) expect(v).toBeCloseTo(ds[0]!, 4);
    expect(a.rows[11]!.debt_balance_usd).toBeCloseTo(0, 4);
    const s = buildCashflowTable(
      stage1Input({ financing: { ...fin, repayment: 'sculpted', target_dscr: 1.3 } }),
    );
    for (const r of s.rows.slice(4, 11))
      if (r.principal_usd > 0) expect(r.dscr).toBeCloseTo(1.3, 9);
    expect(cashflowMetrics(s).min_dscr).not.toBeNull();
  });

  it('rejects tax holidays longer than the regime allows (CIT ≤ 10 years in Kazakhstan)', () => {
    const fiscal = {
      ...stage1Input().fiscal,
      preferences: {
        cit_exemption_years: 12,
        property_tax_exemption_years: 8,
        land_tax_exemption_years: 10,
      },
    };
    expect(() => buildCashflowTable(stage1Input({ fiscal }))).toThrow(
      /fiscal\.preferences\.cit_exemption_years/,
    );
  });

  it('rejects inconsistent input naming the field', () => {
    expect(() =>
      buildCashflowTable(
        stage1Input({
          capex: [{ name: 'x', amount_usd: 1, phasing: [0.5, 0.4], depreciation_group: 'other' }],
        }),
      ),
    ).toThrow(/capex\[0\]\.phasing/);
    expect(() =>
      buildCashflowTable(stage1Input({ operation: { first_index: 2, ramp_up: [1.2] } })),
    ).toThrow(InputError);
    expect(() =>
      buildCashflowTable(
        stage1Input({
          financing: {
            debt_share: 0.5,
            interest_rate: 0.1,
            tenor_years: 30,
            grace_years: 0,
            repayment: 'annuity',
          },
        }),
      ),
    ).toThrow(/financing\.tenor_years/);
  });
});

describe('metrics, break-evens and stage combination', () => {
  it('LCOP, peak funding, payback from the table', () => {
    const t = buildCashflowTable(stage1Input());
    const m = cashflowMetrics(t);
    expect(m.peak_funding_usd).toBeGreaterThan(150e6);
    expect(m.lcop_usd_per_t_cr).toBeCloseTo(m.lcop_usd_per_t! / 0.68, 6);
    expect(m.payback_years).not.toBeNull();
    expect(m.irr).not.toBeNull();
  });

  it('break-even price and electricity tariff give NPV = 0 and bracket the base case', () => {
    const input = stage1Input();
    const base = cashflowMetrics(buildCashflowTable(input)).npv_usd;
    const p = breakEvenProductPrice(input, 'hc_ferrochrome');
    const e = breakEvenOpexPrice(input, 'electricity');
    expect(p.value).not.toBeNull();
    expect(e.value).not.toBeNull();
    const at = (x: CashflowInput): number => cashflowMetrics(buildCashflowTable(x)).npv_usd;
    expect(
      Math.abs(at({ ...input, products: [{ ...input.products[0]!, price_usd_per_t: p.value! }] })),
    ).toBeLessThan(1);
    const opex = input.opex.map((o) =>
      o.name === 'electricity' ? { ...o, unit_price_usd: e.value! } : o,
    );
    expect(Math.abs(at({ ...input, opex }))).toBeLessThan(1);
    // NPV < 0 in the base case → the break-even price is above and the tariff below the base.
    expect(base < 0).toBe(p.value! > 1450);
    expect(base < 0).toBe(e.value! < 0.04);
  });

  it('combineTables refuses tables of different basis or discount rate', () => {
    const a = buildCashflowTable(stage1Input());
    const b = buildCashflowTable(stage1Input({ basis: 'real' }));
    expect(() => combineTables(a, b)).toThrow(/b\.basis/);
    const c = buildCashflowTable(stage1Input({ discount_rate: 0.08 }));
    expect(() => combineTables(a, c)).toThrow(/b\.discount_rate/);
  });

  it('combine(a, b) − b = a (incremental stage evaluation), NPV additive', () => {
    const a = buildCashflowTable(stage1Input());
    const b = buildCashflowTable(stage1Input({ start_year: 2029, horizon_years: 20 }));
    const both = combineTables(a, b);
    const back = combineTables(both, b, -1);
    a.rows.forEach((r, i) => {
      expect(back.rows[i]!.free_cash_flow_usd).toBeCloseTo(r.free_cash_flow_usd, 4);
    });
    const shift = Math.pow(1.1, -3);
    expect(cashflowMetrics(both).npv_usd).toBeCloseTo(
      cashflowMetrics(a).npv_usd + shift * cashflowMetrics(b).npv_usd,
      2,
    );
  });
});
