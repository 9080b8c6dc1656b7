// Cash-flow inputs for the report tests. Stage 1 is test/econ/cashflow/fixture.ts; the two-stage
// project adds a 5 kt/a chromium-metal increment. Numbers are illustrative round values in the
// range of ../shared/domain/facts.md (HC FeCr ≈ USD 1,450/t, Cr metal ≈ USD 9,300/t, §"Price
// default for models (2025)"), not a scenario claim.
import type { CashflowInput } from '../../src/index.js';
import { stage1Input } from '../econ/cashflow/fixture.js';

export { stage1Input };

/** Stages 1 + 2 in one input (both products from t = 2, operation ends a row before the horizon; nominal, 4 % inflation). */
export function stage12Input(overrides: Partial<CashflowInput> = {}): CashflowInput {
  const base = stage1Input();
  return {
    ...base,
    horizon_years: 25,
    inflation_rate: 0.04,
    discount_rate: 0.12,
    capex: [
      ...base.capex,
      {
        name: 'chromium-metal plant',
        amount_usd: 60e6,
        phasing: [0.5, 0.5],
        start_index: 3,
        depreciation_group: 'machinery',
      },
    ],
    operation: { first_index: 2, last_index: 23, ramp_up: [0.6, 0.85, 0.95] },
    products: [
      ...base.products,
      {
        name: 'chromium_metal',
        capacity_t_per_year: 4000,
        price_usd_per_t: 9300,
        cr_mass_fraction: 0.99,
        export_share: 1,
      },
    ],
    opex: [
      ...base.opex,
      {
        name: 'aluminium',
        quantity_per_year: 2400,
        unit: 't',
        unit_price_usd: 2500,
        variable: true,
      },
      {
        name: 'natural gas',
        quantity_per_year: 100_000,
        unit: 'MWh',
        unit_price_usd: 20,
        variable: true,
      },
    ],
    ...overrides,
  };
}
