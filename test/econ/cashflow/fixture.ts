// A stage-1-like input for tests and benchmarks. Numbers are illustrative round values in the
// range of ../shared/domain/facts.md §5 (≈ USD 150 M capex, ≈ 80 kt/a HC FeCr at ≈ 1,450 USD/t),
// not a scenario claim.
import type { CashflowInput, FiscalRegime } from '../../../src/index.js';
import { kazakhstan } from '../../../src/index.js';

export function stage1Input(overrides: Partial<CashflowInput> = {}): CashflowInput {
  return {
    start_year: 2026,
    horizon_years: 23,
    discount_rate: 0.1,
    basis: 'nominal',
    inflation_rate: 0,
    capex: [
      { name: 'buildings', amount_usd: 45e6, phasing: [0.4, 0.6], depreciation_group: 'buildings' },
      {
        name: 'furnace and equipment',
        amount_usd: 95e6,
        phasing: [0.3, 0.7],
        depreciation_group: 'machinery',
      },
      {
        name: 'IT',
        amount_usd: 2e6,
        phasing: [1],
        start_index: 1,
        depreciation_group: 'computers',
      },
      { name: 'other', amount_usd: 8e6, phasing: [0.5, 0.5], depreciation_group: 'other' },
      {
        name: 'sustaining',
        amount_usd: 5e6,
        phasing: [1],
        start_index: 12,
        depreciation_group: 'machinery',
      },
    ],
    operation: { first_index: 2, ramp_up: [0.6, 0.85] },
    products: [
      {
        name: 'hc_ferrochrome',
        capacity_t_per_year: 80_000,
        price_usd_per_t: 1450,
        cr_mass_fraction: 0.68,
        export_share: 0.95,
      },
    ],
    opex: [
      {
        name: 'concentrate',
        quantity_per_year: 200_000,
        unit: 't',
        unit_price_usd: 300,
        variable: true,
      },
      {
        name: 'electricity',
        quantity_per_year: 320e6,
        unit: 'kWh',
        unit_price_usd: 0.04,
        variable: true,
      },
      {
        name: 'reductants',
        quantity_per_year: 44_000,
        unit: 't',
        unit_price_usd: 250,
        variable: true,
      },
      {
        name: 'wages',
        quantity_per_year: 450,
        unit: 'employee-year',
        unit_price_usd: 12_000,
        variable: false,
        is_wages: true,
      },
      {
        name: 'maintenance',
        quantity_per_year: 1,
        unit: 'year',
        unit_price_usd: 4.5e6,
        variable: false,
      },
    ],
    working_capital: { receivable_days: 30, inventory_days: 45, payable_days: 30 },
    depreciation: { method: 'declining-balance' },
    fiscal: { regime: kazakhstan, land_tax_usd_per_year: 50_000 },
    closure_cost_usd: 6e6,
    ...overrides,
  };
}

/** Priority-project holidays the tests grant: CIT 10 years, property tax 8, land tax 10. */
export const HOLIDAYS = {
  cit_exemption_years: 10,
  property_tax_exemption_years: 8,
  land_tax_exemption_years: 10,
} as const;

/** {@link stage1Input} with the {@link HOLIDAYS}. */
export function stage1WithHolidays(overrides: Partial<CashflowInput> = {}): CashflowInput {
  const base = stage1Input(overrides);
  return { ...base, fiscal: { ...base.fiscal, preferences: HOLIDAYS } };
}

/** A regime with every rate zero (isolates the cash arithmetic from taxes). */
export const noTaxRegime: FiscalRegime = {
  id: 'none',
  name: 'no taxes (test)',
  ratesFor: (year) => ({
    year,
    cit: 0,
    vat: 0,
    vat_export: 0,
    property_tax: 0,
    met: 0,
    social_tax: 0,
    social_contributions: 0,
    medical_contributions: 0,
    pension_employer: 0,
  }),
  depreciationRate: () => 0.1,
  lossCarryForwardYears: 10,
  vatRefundLagMonths: 0,
  maxPreferences: {
    cit_exemption_years: 0,
    property_tax_exemption_years: 0,
    land_tax_exemption_years: 0,
  },
  rateTable: {},
};
