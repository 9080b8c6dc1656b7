// Cash-flow inputs for the report tests. Stage 1 is test/econ/cashflow/fixture.ts; the two-stage
// project adds a 5 kt/a chromium-metal increment. Numbers are illustrative round values in the
// range of ../shared/domain/facts.md (HC FeCr ≈ USD 1,450/t, Cr metal ≈ USD 9,300/t, §"Price
// default for models (2025)"), not a scenario claim.
import type { Appraisal, CashflowInput } from '../../src/index.js';
import type { OpexLine, StageResult } from '../../src/appraisal.js';
import {
  buildCashflowTable,
  cashflowMetrics,
  sourcesAndUses,
  sponsorReturn,
} from '../../src/econ/cashflow/index.js';
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

/**
 * An appraisal with every part filled, for rendering tests only: two stages, the cash flow and
 * metrics of {@link stage12Input}, opex lines from its items, a value ladder from facts.md's
 * "Value ladder per t contained Cr (2025)" row, made-up impact and emissions figures. Text fields
 * carry HTML specials to test escaping. Not a model result.
 */
export function sampleAppraisal(): Appraisal {
  const input = stage12Input();
  const table = buildCashflowTable(input);
  const m = cashflowMetrics(table);
  const metrics = {
    ...m,
    ...sponsorReturn(table, 0.1),
    sources_uses: sourcesAndUses(table),
    covenant_breaches: [],
    basis: input.basis,
    breakeven_price_usd_per_t: 1234.5,
    breakeven_tariff_kzt_per_kwh: null,
    breakeven_reasons: ['tariff: <no root> in [0, 1000] KZT/kWh'],
  };
  const lines = input.opex.map((o): OpexLine => ({
    id: o.name,
    category: o.is_wages === true ? 'labour' : o.name === 'electricity' ? 'energy' : 'consumable',
    quantity_per_year: o.quantity_per_year,
    unit: o.unit,
    unit_price_usd: o.unit_price_usd,
    cost_usd_per_year: o.quantity_per_year * o.unit_price_usd,
    variable: o.variable,
    source: 'test fixture & <source>',
  }));
  const total = lines.reduce((a, l) => a + l.cost_usd_per_year, 0);
  const stage = (id: string, name: string, capex: number | null): StageResult => ({
    id,
    name,
    template: id === 'smelter' ? 'fecr-dc' : 'cr-aluminothermic',
    start_year: id === 'smelter' ? 2028 : 2031,
    construction_years: 2,
    capacity_t_per_year: id === 'smelter' ? 80_000 : 4000,
    capacity_basis: 'product',
    status: 'computed',
    products: [{ id: id === 'smelter' ? 'hc-ferrochrome' : 'chromium-metal', t_per_year: 80_000 }],
    consumptions: {},
    kpis: {},
    byproducts: [],
    energy_balances: [],
    capex_usd: capex,
    capex:
      capex === null
        ? null
        : {
            reference_class: 'china-epc',
            currency: 'CNY',
            family: 'fecr',
            calibrated: true,
            units: [
              {
                unit_id: 'dc-furnace',
                kind: 'dc-arc-furnace',
                item_id: 'furnace-line',
                size: 45.8,
                size_unit: 'MVA',
                count: 1,
                in_range: true,
                priced_by: 'china-epc',
                status: 'derived',
                installed_usd: capex * 0.45,
              },
            ],
            isbl_usd: capex * 0.45,
            osbl_usd: capex * 0.18,
            indirect_usd: capex * 0.1,
            owners_cost_usd: capex * 0.04,
            contingency_usd: capex * 0.23,
            accuracy_usd: { low: capex / 2, high: capex * 2, aace_class: 5 },
            calibration_factor: 0.48,
            location_factor: 1,
            capex_factor: 1,
            currency_per_usd: 7.1,
            phasing_usd: [capex / 2, capex / 2],
            budget: {
              budget_usd: 150e6,
              within_budget: false,
              capacity_within_budget_t_per_year: 41_926,
              capacity_p10_t_per_year: 20_000,
              capacity_p90_t_per_year: 80_000,
            },
          },
    opex_usd_per_year: total,
    opex: {
      lines,
      total_usd_per_year: total,
      cash_cost_usd_per_t: 900,
      cash_cost_usd_per_t_cr: 1300,
    },
    revenue_usd_per_year: 116e6,
    staffing: null,
    metrics,
    warnings: ['scaling <outside> the reference range'],
  });
  return {
    chromflow: { version: '0.1.0', scenario_format: 1 },
    scenario: {
      name: 'Aktobe <script>alert(1)</script> & "stages"',
      description: 'Test appraisal <b>not bold</b>',
      site: 'Aktobe industrial zone',
      region: 'Aktobe Region',
      country: 'KZ',
      base_year: 2026,
    },
    stages: [
      stage('smelter', 'HC ferrochrome <smelter>', 235.8e6),
      stage('chromium', 'Cr metal', 60e6),
    ],
    balance: null,
    cashflow: table.rows,
    metrics,
    impact: {
      value_added_usd_per_year: 55e6,
      value_added_by_stage_usd_per_year: { smelter: 40e6, chromium: 15e6 },
      value_added_over_baseline_usd_per_year: 30e6,
      value_ladder_usd_per_t_cr: {
        concentrate: 910,
        'hc-ferrochrome': 2120,
        'chromium-metal': 9350,
      },
      jobs_direct: 450,
      jobs_indirect: 900,
      taxes_usd_per_year: [],
      government_take_npv_usd: 80e6,
      exports_usd_per_year: [
        { product: 'hc-ferrochrome', hs_code: '7202.41', usd_per_year: 110e6 },
      ],
      power_demand_MW: 45,
    },
    views: null,
    commercial: null,
    environment: {
      stages: [],
      total: {
        cr6_generated_kg_per_year: 0,
        cr6_treated_kg_per_year: 0,
        cr6_released_to_water_kg_per_year: 0,
        cr6_to_landfill_kg_per_year: 0,
        hazardous_waste_t_per_year: 0,
        water_withdrawn_m3_per_year: 0,
        water_discharged_m3_per_year: 0,
        stages_modelled: [],
        so2_to_air_t_per_year: 0,
        so2_stages_modelled: [],
      },
    },
    emissions: {
      scope1_t_co2_per_year: 87_000,
      scope2_t_co2_per_year: 220_000,
      grid_factor_t_co2_per_mwh: 0.6,
      intensity_t_co2_per_t: { 'hc-ferrochrome': 3.8 },
      cbam_cost_usd_per_year: 0,
      cbam_basis: 'actual',
      cbam_embedded_t_co2_per_t: {},
      cbam_by_year: [],
      cbam_coverage: [],
    },
    sources: [
      {
        path: 'stages.smelter.capacity_t_per_year',
        value: 80_000,
        unit: 't/year',
        source: 'derived: <budget> & facts.md §5.1',
        status: 'derived',
        note: 'a "note"',
      },
      { path: 'site.discount_rate', value: 0.12, unit: '1', source: 'assumed', status: 'assumed' },
    ],
    not_implemented: [],
  };
}
