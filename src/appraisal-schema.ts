/**
 * JSON Schema of the appraisal (`chromflow appraise --json`, `POST /api/appraise`), as a zod
 * schema kept in step with the {@link Appraisal} type by a compile-time check below and written
 * to schema/appraisal.schema.json by `npm run schema` (a test fails when it is stale).
 */
import { z } from 'zod';
import type { Appraisal } from './appraisal.js';

const num = z.number();
const nullableNum = z.number().nullable();
const usd = (description: string) => z.number().meta({ description: `${description} [USD]` });
const record = z.record(z.string(), z.number());
const exportLine = z.strictObject({ product: z.string(), hs_code: z.string(), usd_per_year: num });

const opexLine = z.strictObject({
  id: z.string(),
  category: z.enum([
    'feed',
    'consumable',
    'energy',
    'labour',
    'maintenance',
    'insurance',
    'overhead',
    'logistics',
  ]),
  quantity_per_year: num,
  unit: z.string(),
  unit_price_usd: num,
  cost_usd_per_year: num,
  variable: z.boolean(),
  source: z.string(),
  price_by_row: z
    .array(num)
    .optional()
    .meta({ description: 'Price by row of the project calendar when it moves [USD/unit]' }),
});

const metrics = z
  .strictObject({
    discount_rate: num,
    npv_usd: usd('npv(discount_rate, free_cash_flow_usd) with row 0 at t = 0'),
    irr: nullableNum.meta({
      description: 'Unique IRR of free_cash_flow_usd, null with irr_reason',
    }),
    irr_reason: z.string().nullable(),
    irr_roots: z.array(num),
    mirr: nullableNum,
    payback_years: nullableNum,
    discounted_payback_years: nullableNum,
    profitability_index: nullableNum,
    lcop_usd_per_t: nullableNum,
    lcop_usd_per_t_cr: nullableNum,
    min_dscr: nullableNum.meta({
      description: 'Lowest DSCR over the operating rows with debt service (null without debt)',
    }),
    dscr_reason: z.string().nullable().meta({
      description: 'Why min_dscr is null (no debt, or no debt service in an operating row)',
    }),
    avg_dscr: nullableNum.meta({
      description: 'Mean DSCR over the operating rows with debt service',
    }),
    llcr: nullableNum.meta({ description: 'Loan-life cover ratio at completion' }),
    min_llcr: nullableNum.meta({ description: 'Lowest LLCR over the loan life' }),
    plcr: nullableNum.meta({ description: 'Project-life cover ratio at completion' }),
    peak_funding_usd: num,
    equity_irr: nullableNum,
    equity_irr_reason: z.string().nullable(),
    dividend_withholding_rate: num.meta({
      description: 'Kazakh dividend withholding tax at the China–Kazakhstan treaty rate (Art. 10)',
    }),
    dividend_withholding_usd: usd('Withholding tax on distributions, undiscounted'),
    sponsor_equity_irr: nullableNum.meta({
      description: 'Equity IRR of the Chinese sponsor after dividend withholding tax',
    }),
    sponsor_equity_irr_reason: z.string().nullable(),
    interest_withholding_usd: usd(
      'Withholding tax on shareholder-loan interest (treaty Art. 11), undiscounted',
    ),
    shareholder_loan_drawn_usd: usd('Shareholder loan drawn, undiscounted'),
    shareholder_loan_repaid_at_maturity: z.boolean().nullable(),
    lockup_years: num.meta({
      description:
        'Years in which distributions were locked up (DSCR below lock-up, DSRA short of its target)',
    }),
    sponsor_equity_irr_rmb: nullableNum.meta({
      description: "The sponsor's IRR in RMB (RMB/USD path: finance.sponsor.fx_path)",
    }),
    sponsor_equity_irr_rmb_reason: z.string().nullable(),
    sponsor_payback_years: nullableNum,
    sponsor_payback_years_rmb: nullableNum,
    basis: z.enum(['real', 'nominal']),
    breakeven_price_usd_per_t: nullableNum,
    breakeven_tariff_kzt_per_kwh: nullableNum,
    breakeven_reasons: z.array(z.string()),
    sources_uses: z
      .strictObject({
        capex_usd: num,
        financing_fees_usd: num,
        interest_during_construction_usd: num,
        dsra_initial_usd: num,
        working_capital_and_start_up_usd: num,
        total_uses_usd: num,
        debt_usd: num,
        equity_usd: num,
      })
      .nullable()
      .meta({ description: 'Sources and uses of funds of the construction budget [USD]' }),
    covenant_breaches: z
      .array(
        z.strictObject({
          year: z.int(),
          covenant: z.enum(['min_dscr', 'lockup_dscr', 'min_llcr']),
          value: num,
          threshold: num,
          stage: z.string().optional(),
        }),
      )
      .meta({ description: 'Covenant breaches by year: DSCR default and lock-up, LLCR' }),
  })
  .meta({ description: 'Metrics of a cash flow' });

const cashflowRow = z.strictObject({
  year: z.int(),
  t: z.int(),
  utilisation: nullableNum,
  production_t: num,
  production_cr_t: num,
  revenue_usd: num,
  opex_usd: num,
  capex_usd: num,
  working_capital_usd: num,
  working_capital_change_usd: num,
  depreciation_usd: num,
  taxable_income_usd: num,
  cit_usd: num,
  property_tax_usd: num,
  land_tax_usd: num,
  met_usd: num,
  payroll_levies_usd: num,
  vat_net_usd: num,
  tax_usd: num,
  closure_cost_usd: num,
  free_cash_flow_usd: num,
  discount_factor: num,
  funded_uses_usd: num,
  debt_drawdown_usd: num,
  interest_usd: num,
  interest_capitalised_usd: num,
  financing_fees_usd: num,
  principal_usd: num,
  debt_service_usd: num,
  debt_balance_usd: num,
  dsra_balance_usd: num,
  dsra_change_usd: num,
  tax_levered_usd: num,
  cfads_usd: num,
  dscr: nullableNum.meta({
    description: 'CFADS / debt service; null: not applicable (no debt service)',
  }),
  llcr: nullableNum,
  equity_cash_flow_usd: num,
});

const stage = z.strictObject({
  id: z.string(),
  name: z.string(),
  template: z.string(),
  start_year: z.int(),
  construction_years: z.int(),
  capacity_t_per_year: num,
  capacity_basis: z.enum(['product', 'feed']),
  status: z.enum(['computed', 'not_implemented']),
  products: z.array(
    z.strictObject({ id: z.string(), t_per_year: num, composition_wt_pct: record.optional() }),
  ),
  consumptions: record.meta({
    description: 'Per year at nameplate: t for solids, m3 for water, MWh for electricity and gas',
  }),
  kpis: record.meta({ description: 'Key figures with units in their names' }),
  byproducts: z.array(
    z.strictObject({
      id: z.string(),
      t_per_year: num,
      energy_MWh_per_year: num.optional(),
      composition_wt_pct: record.optional(),
    }),
  ),
  energy_balances: z.array(
    z.strictObject({
      unit_id: z.string(),
      H_in_kW: num,
      H_out_kW: num,
      electric_kW: num,
      heat_in_kW: num,
      heat_loss_kW: num,
      closure_rel: num,
    }),
  ),
  capex_usd: nullableNum,
  capex: z
    .strictObject({
      reference_class: z.string(),
      currency: z.string(),
      family: z.string(),
      calibrated: z.boolean(),
      units: z.array(
        z.strictObject({
          unit_id: z.string(),
          kind: z.string(),
          item_id: z.string(),
          size: num,
          size_unit: z.string(),
          count: num,
          in_range: z.boolean(),
          priced_by: z.string(),
          status: z.enum(['verified', 'derived', 'assumed']),
          installed_usd: num,
          family: z.string().optional(),
        }),
      ),
      isbl_usd: num,
      osbl_usd: num,
      indirect_usd: num,
      owners_cost_usd: num,
      contingency_usd: num,
      accuracy_usd: z.strictObject({ low: num, high: num, aace_class: z.int() }),
      calibration_factor: num,
      location_factor: num,
      capex_factor: num,
      currency_per_usd: num,
      phasing_usd: z.array(num),
      budget: z
        .strictObject({
          budget_usd: num,
          within_budget: z.boolean(),
          capacity_within_budget_t_per_year: num,
          capacity_p10_t_per_year: num,
          capacity_p90_t_per_year: num,
        })
        .optional(),
      by_route: z
        .array(
          z.strictObject({
            template: z.string(),
            reference_class: z.string(),
            capex_usd: num,
            capacity_within_budget_t_per_year: num,
            capacity_p10_t_per_year: num,
            capacity_p90_t_per_year: num,
          }),
        )
        .optional(),
    })
    .nullable(),
  opex_usd_per_year: nullableNum,
  opex: z
    .strictObject({
      lines: z.array(opexLine),
      total_usd_per_year: num,
      cash_cost_usd_per_t: num,
      cash_cost_usd_per_t_cr: nullableNum,
    })
    .nullable(),
  revenue_usd_per_year: nullableNum,
  staffing: z
    .strictObject({
      positions: z.array(
        z.strictObject({
          role: z.string(),
          per_shift: num,
          crews: num,
          headcount: num,
          wage_kzt_per_month: num,
          source: z.string(),
        }),
      ),
      direct_jobs: num,
      wages_usd_per_year: num,
    })
    .nullable(),
  metrics: metrics.nullable(),
  warnings: z.array(z.string()),
  product_grade: z
    .strictObject({
      standard: z.string(),
      grade: z.string().nullable(),
      failing: z.array(z.string()),
      missed: z
        .array(
          z.strictObject({
            element: z.enum(['Cr', 'C', 'Si', 'P', 'S']),
            value_wt_pct: num,
            limit_wt_pct: num,
            bound: z.enum(['min', 'max']),
            grade: z.string().nullable(),
          }),
        )
        .meta({
          description:
            'The limits missed as data: the alloy content and the limit [wt%], min (Cr) or max, and the grade whose limit it is (null: no grade allows it)',
        }),
    })
    .optional()
    .meta({
      description:
        'Grade of the main product against its standard (ferrochrome: GOST 4757-91 / ISO 5448 high-carbon grades); grade null with the limits missed when out of specification',
    }),
  slag_liquidus: z
    .strictObject({
      T_K: num,
      primary_phase: z.string(),
      superheat_K: num,
      required_superheat_K: num,
    })
    .optional()
    .meta({
      description:
        'Smelter slag against its liquidus (ferrochrome stages): liquidus [K] and the first solid on cooling (ideal associate model, not validated at FeCr-slag compositions: docs/model.md §Slag liquidus), the superheat at the tapping temperature and the one required [K]',
    }),
  power_plant: z
    .strictObject({
      generation_MWh_per_year: num,
      own_use_MWh_per_year: num,
      surplus_MWh_per_year: num,
      offgas_energy_MWh_per_year: num,
      efficiency: num,
    })
    .nullable()
    .optional()
    .meta({ description: 'Captive off-gas power plant: electricity balance [MWh/a]' }),
  grid_connection: z
    .strictObject({ demand_MW: num, capex_usd: num, first_year: z.int(), years: z.int() })
    .nullable()
    .optional()
    .meta({ description: 'Grid connection of the purchased power' }),
});

const impact = z.strictObject({
  value_added_usd_per_year: num,
  value_added_by_stage_usd_per_year: record,
  value_added_over_baseline_usd_per_year: nullableNum,
  value_ladder_usd_per_t_cr: record.meta({
    description: 'USD per t contained Cr by product form, in order of processing depth',
  }),
  jobs_direct: num,
  jobs_indirect: num,
  taxes_usd_per_year: z.array(
    z.strictObject({
      year: z.int(),
      cit_usd: num,
      property_tax_usd: num,
      land_tax_usd: num,
      met_usd: num,
      payroll_levies_usd: num,
      vat_net_usd: num,
      total_usd: num,
    }),
  ),
  government_take_npv_usd: num,
  exports_usd_per_year: z.array(exportLine),
  power_demand_MW: num,
});

const viewJobs = z.strictObject({
  direct: num,
  direct_by_entity: record,
  construction_by_year: z.array(z.strictObject({ year: z.int(), jobs: num })),
  construction_source: z.string(),
  indirect: num,
  indirect_per_direct_job: num,
  indirect_source: z.string(),
});

const viewFields = {
  boundary: z.string(),
  entities: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['project-stage', 'supplier']),
    }),
  ),
  price_point: z.literal('ex-works'),
  npv_usd: usd('NPV of the entities’ combined free cash flow'),
  irr: nullableNum,
  irr_reason: z.string().nullable().meta({ description: 'Why irr is null' }),
  value_added_usd_per_year: num,
  government_take_npv_usd: usd('PV of all taxes of the entities, MET included'),
  met_npv_usd: usd('PV of the mineral extraction tax'),
  jobs: viewJobs,
  exports_usd_per_year: z.array(exportLine),
  exports_price_point: z.literal('fca-border'),
};

const views = z
  .strictObject({
    investor: z
      .strictObject({ ...viewFields, equity_irr: nullableNum })
      .meta({ description: 'The project company as a taxpayer' }),
    economy: z
      .strictObject({
        ...viewFields,
        value_added_by_entity_usd_per_year: record,
        cashflow: z.array(cashflowRow),
        opex_usd_per_year_by_category: record,
      })
      .meta({
        description:
          'Every entity inside Kazakhstan: project stages and the suppliers of their feeds; sales between them netted',
      }),
  })
  .meta({ description: 'Stakeholder views (docs/economics.md)' });

const commercial = z
  .strictObject({
    valuation_point: z.literal('ex-works'),
    products: z.array(
      z.strictObject({
        id: z.string(),
        price_point: z.string(),
        basis_path: z.string(),
        quote_usd_per_t: num,
        ex_works_usd_per_t: num,
        fca_border_usd_per_t: num,
        conversion: z.array(z.strictObject({ step: z.string(), usd_per_t: num })),
        ex_works_usd_per_t_by_year: z.array(z.strictObject({ year: z.int(), usd_per_t: num })),
        market_response: z
          .strictObject({
            world_market_t_per_year: num,
            project_t_per_year: num,
            demand_elasticity: num,
            incumbent_supply_elasticity: num,
            market_share: num,
            price_factor: num,
          })
          .nullable()
          .meta({
            description:
              "The project's share of the world market after entry and its price effect: the quotation path is the pre-entry path × price_factor (markets.products.<id>.market_response)",
          }),
      }),
    ),
    electricity_kzt_per_kwh_by_year: z.array(z.strictObject({ year: z.int(), kzt_per_kwh: num })),
    feeds: z.array(
      z.strictObject({
        id: z.string(),
        contract_t_per_year: nullableNum,
        use_t_per_year: num,
        price_source: z.string(),
        take_or_pay_share: num,
        supplier: z.string().nullable(),
      }),
    ),
  })
  .meta({ description: 'Price points, decks, tariff path and feed contracts' });

const emissions = z.strictObject({
  scope1_t_co2_per_year: num,
  scope2_t_co2_per_year: num,
  grid_factor_t_co2_per_mwh: num,
  intensity_t_co2_per_t: record,
  cbam_cost_usd_per_year: num,
  cbam_basis: z.enum(['actual', 'default']).meta({
    description:
      "Embedded emissions CBAM is charged on: the plant's direct emissions (actual) or the Implementing Regulation (EU) 2025/2621 default value with the year's mark-up (default)",
  }),
  cbam_embedded_t_co2_per_t: record.meta({
    description:
      'Embedded emissions charged per t of each covered product in the full-rate year [t CO2/t]',
  }),
  cbam_by_year: z.array(z.strictObject({ year: z.int(), cost_usd: num })),
  cbam_coverage: z.array(
    z.strictObject({
      product: z.string(),
      cn_code: z.string(),
      covered: z.boolean(),
      source: z.string(),
    }),
  ),
});

const envFields = {
  cr6_generated_kg_per_year: num.meta({
    description: 'Cr(VI) reaching the treatment units [kg/a]',
  }),
  cr6_treated_kg_per_year: num.meta({ description: 'Cr(VI) reduced to Cr(III) [kg/a]' }),
  cr6_released_to_water_kg_per_year: num.meta({
    description: 'Cr(VI) released with the treated water discharged [kg/a]',
  }),
  cr6_to_landfill_kg_per_year: num.meta({
    description: 'Cr(VI) left in the treated waste sent to the hazardous-waste landfill [kg/a]',
  }),
  hazardous_waste_t_per_year: num.meta({ description: 'Hazardous waste, wet [t/a]' }),
  water_withdrawn_m3_per_year: num.meta({ description: 'Fresh water withdrawn [m3/a]' }),
  water_discharged_m3_per_year: num.meta({ description: 'Treated water discharged [m3/a]' }),
};
const so2ToAir = num.meta({
  description:
    'SO2 to air before gas cleaning (no SO2 capture is modelled): the off-gas sulphur of the stage minor-element ledger as SO2 = S × 64.066/32.06 [t/a]',
});
const environment = z
  .strictObject({
    stages: z.array(
      z.strictObject({
        stage: z.string(),
        ...Object.fromEntries(Object.entries(envFields).map(([k, v]) => [k, v.nullable()])),
        so2_to_air_t_per_year: so2ToAir.nullable(),
        note: z.string().nullable(),
      }),
    ),
    total: z.strictObject({
      ...envFields,
      stages_modelled: z.array(z.string()),
      so2_to_air_t_per_year: so2ToAir,
      so2_stages_modelled: z
        .array(z.string())
        .meta({ description: 'Stages whose SO2 is in the total (those with a sulphur ledger)' }),
    }),
  })
  .meta({
    description:
      'Hexavalent chromium generated, treated and released, hazardous waste and water per stage (null where the template does not model them, with a note) and in total; SO2 to air before gas cleaning (docs/environment.md)',
  });

const stageTimingOption = z
  .strictObject({
    stage: z.string().meta({ description: 'Id of the stage whose start is optional' }),
    start_years: z
      .tuple([z.int(), z.int()])
      .meta({ description: 'First and last start year (first year of production) of the window' }),
    paths: z.int().meta({ description: 'Simulated price paths (antithetic pairs)' }),
    seed: z.int(),
    series: z.array(z.string()).meta({ description: 'Price series of uncertainty.price_paths' }),
    commit_now_npv_usd: usd(
      'Expected NPV of the stage started in the planned year whatever the prices (base-year money)',
    ),
    planned_start_year: z.int().meta({ description: "The scenario's start year of the stage" }),
    optimal_rule_value_usd: usd(
      'Value of the right to start in the window under the least-squares Monte Carlo rule',
    ),
    standard_error_usd: usd('Standard error of optimal_rule_value_usd'),
    option_value_usd: usd(
      'optimal_rule_value_usd − max(commit_now_npv_usd, 0): what waiting is worth',
    ),
    never_share: num.meta({
      description: 'Share of paths on which the stage is never started [-]',
    }),
    boundary: z.array(
      z.strictObject({
        year: z.int().meta({ description: 'Start year (first year of production)' }),
        decision_year: z.int().meta({
          description: 'Year the decision is taken and construction begins',
        }),
        exercised_share: num.meta({ description: 'Share of paths started this year [-]' }),
        deck_npv_usd: usd('Incremental NPV of starting this year on the deck (median prices)'),
        series: z.array(
          z.strictObject({
            id: z.string(),
            multiplier: nullableNum.meta({
              description:
                'Level (× the deck median) at which starting this year pays, the other series at their median; null when none in 0.3–3 × the median [-]',
            }),
            builds_when: z.enum(['above', 'below']).nullable(),
            ex_works_usd_per_t: nullableNum.meta({
              description:
                "The deck's ex-works price that year × multiplier [USD/t] (approximate); null for electricity or without a priced basis",
            }),
          }),
        ),
      }),
    ),
    revaluation_check_usd: usd(
      "Largest |quadratic − revaluation| of the stage's NPV at every series × 1.3 in the first year",
    ),
  })
  .meta({
    description:
      'The stage-timing option of finance.stage_timing_option (docs/finance.md); the JSON of `chromflow option stage-timing --json`. Absent when not declared, and in what-if steps and Monte Carlo samples, which never recompute it.',
  });

export const appraisalSchema = z
  .strictObject({
    chromflow: z.strictObject({ version: z.string(), scenario_format: z.int() }),
    scenario: z.strictObject({
      name: z.string(),
      description: z.string().optional(),
      site: z.string(),
      region: z.string(),
      country: z.string(),
      base_year: z.int(),
    }),
    stages: z.array(stage).meta({ description: 'In scenario order' }),
    balance: z
      .object({
        streams: z.array(z.object({ id: z.string(), stage: z.string() })),
        units: z.array(z.object({ id: z.string(), stage: z.string() })),
        max_closure_rel: num,
        sankey: z.array(z.object({ source: z.string(), target: z.string() })),
        tears: z.array(z.object({ stage: z.string() })),
      })
      .nullable()
      .meta({ description: 'Plant balance: streams, units, closures (see docs/flowsheet.md)' }),
    cashflow: z.array(cashflowRow),
    metrics: metrics.nullable(),
    impact: impact.nullable(),
    views: views.nullable(),
    commercial: commercial.nullable(),
    emissions: emissions.nullable(),
    environment,
    sources: z.array(
      z.strictObject({
        path: z.string(),
        value: num,
        unit: z.string(),
        source: z.string(),
        status: z.enum(['verified', 'derived', 'assumed', 'input']),
        note: z.string().optional(),
      }),
    ),
    not_implemented: z.array(z.strictObject({ what: z.string(), tracking: z.string() })),
    stage_timing_option: stageTimingOption.optional(),
  })
  .meta({
    title: 'chromflow appraisal',
    description: 'Output of `chromflow appraise --json` and POST /api/appraise.',
  });

// Compile-time guard: the schema's output type and Appraisal must describe the same keys.
type SchemaKeys = keyof z.output<typeof appraisalSchema>;
const sameTopLevelKeys: Record<SchemaKeys, true> & Record<keyof Appraisal, true> = {
  chromflow: true,
  scenario: true,
  stages: true,
  balance: true,
  cashflow: true,
  metrics: true,
  impact: true,
  views: true,
  commercial: true,
  emissions: true,
  environment: true,
  sources: true,
  not_implemented: true,
  stage_timing_option: true,
};
/** The top-level keys of the appraisal, in documentation order. */
export const APPRAISAL_KEYS = Object.keys(sameTopLevelKeys) as (keyof Appraisal)[];

/** The JSON Schema document (draft 2020-12). */
export function appraisalJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(appraisalSchema, { target: 'draft-2020-12' });
}

// Compile-time guard: every Appraisal value is a valid input of the schema (catches a field
// added to the type but not here, or typed differently).
export const appraisalFitsSchema = (a: Appraisal): z.input<typeof appraisalSchema> => a;
