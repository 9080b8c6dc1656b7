/**
 * The scenario file format, version 1: one schema in code from which the TypeScript types, the
 * validation and `schema/scenario.schema.json` (for editors) are all derived.
 *
 * Rules: units are explicit in every numeric key (`capacity_t_per_year`, `price_usd_per_t`,
 * `T_K`); every number may be written bare or as `{ value, unit, source }` or `{ ref }` (a value
 * from `data/`); unknown keys are errors. Cross-field rules (unique ids, references between
 * stages and feeds, prices present for what a flowsheet makes and consumes, uncertainty paths)
 * are checked afterwards by `semantics.ts`. See docs/scenario-format.md.
 */
import { z } from 'zod';
import {
  MAX_MAGNITUDE,
  MIN_MAGNITUDE,
  plausibleMagnitude,
  quantity,
  quantityOr,
} from './quantity.js';
import { FEED_PRESETS, defaultParam, lookupDataRef } from './data-files.js';
import { SCENARIO_INPUT_SOURCE, type Param } from '../provenance/param.js';
import { CONSUMABLE_IDS } from './product-catalogue.js';
import {
  contract,
  electricity,
  extraSupply,
  logistics,
  product,
  supplier,
} from './commercial-schema.js';

export const SCENARIO_FORMAT_VERSION = 1;

/**
 * Largest nameplate capacity of a stage [t/year]: 100 Mt/year, above any chromite mine or
 * smelter (world chromite output is about 40 Mt/year); the smallest is 1 t/year.
 */
export const MAX_CAPACITY_T_PER_YEAR = 1e8;
/** Longest name of a scenario, site, region, feed or stage [characters] (as the server's). */
export const MAX_NAME_CHARS = 200;
const displayName = z.string().min(1).max(MAX_NAME_CHARS);

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const id = z
  .string()
  .max(64)
  .regex(ID_PATTERN, {
    message: 'expected an id of lowercase letters, digits and "-" (e.g. "hc-smelter")',
  })
  .meta({ description: 'Identifier: lowercase letters, digits and "-".' });

const year = z
  .int({ message: 'expected a calendar year (integer)' })
  .min(2000, { message: 'expected a calendar year ≥ 2000' })
  .max(2100, { message: 'expected a calendar year ≤ 2100' });

/** Oxide and element analysis keys accepted in feed compositions. */
export const ANALYSIS_KEYS = [
  'Cr2O3',
  'FeO',
  'Fe2O3',
  'MgO',
  'Al2O3',
  'SiO2',
  'CaO',
  'MnO',
  'TiO2',
  'NiO',
  'V2O5',
  'Na2O',
  'K2O',
  'P2O5',
  'S',
  'C',
  'LOI',
] as const;

const percent = (description: string) => quantity('%', { min: 0, max: 100, description });

const site = z
  .strictObject({
    name: displayName,
    region: displayName,
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, { message: 'expected an ISO 3166-1 alpha-2 country code such as "KZ"' }),
    base_year: year.meta({ description: 'Year of money and of the first construction year.' }),
    currency: z.literal('USD').default('USD'),
  })
  .meta({ description: 'Where the project is and the base year of the appraisal.' });

const feed = z
  .strictObject({
    id,
    name: displayName.optional(),
    kind: z.enum(['ore', 'concentrate', 'slimes', 'oxide']).meta({
      description:
        'ore, concentrate, slimes, or oxide (purchased Cr2O3 for the aluminothermic reactor)',
    }),
    preset: z
      .enum(Object.keys(FEED_PRESETS) as [string, ...string[]])
      .optional()
      .meta({
        description:
          'Take the analysis (and its sources) from a data preset; keys given here override it.',
      }),
    composition_wt_pct: z
      .partialRecord(z.enum(ANALYSIS_KEYS), percent('Dry analysis, wt%'))
      .optional()
      .meta({ description: 'Dry oxide analysis in wt%; must close to 100 ± 0.5.' }),
    moisture_wt_pct: percent('Free moisture, wt% of wet mass').optional(),
    supply_t_per_year: quantity('t/year', {
      min: 0,
      description: 'Dry tonnes available per year',
    }).optional(),
    price_usd_per_t: quantity('USD/t', {
      min: 0,
      description: 'Purchase price at the plant gate, dry basis (a fixed-price contract)',
    }).optional(),
    contract: contract.optional(),
    extra_supply: extraSupply.optional(),
    supplier: supplier.optional(),
    mining_inside_boundary: z.boolean().default(false).meta({
      description: 'True when the project mines this feed itself (mineral extraction tax applies).',
    }),
  })
  .transform(completeFeedAnalysis)
  .meta({ description: 'A raw material entering the chain.' });

/** Tolerance on the closure of a dry analysis [wt%]. */
export const ANALYSIS_CLOSURE_TOLERANCE_WT_PCT = 0.5;

type AnalysisKey = (typeof ANALYSIS_KEYS)[number];

/**
 * Merges a feed's preset analysis with the keys written in the scenario (which win), and
 * rejects an analysis that does not close to 100 ± 0.5 wt% — never normalises it silently.
 */
function completeFeedAnalysis<
  F extends {
    preset?: string | undefined;
    composition_wt_pct?: Partial<Record<AnalysisKey, Param>> | undefined;
    moisture_wt_pct?: Param | undefined;
  },
>(f: F, ctx: z.RefinementCtx) {
  const presetFile = f.preset === undefined ? undefined : FEED_PRESETS[f.preset];
  const composition: Partial<Record<AnalysisKey, Param>> = {};
  let moisture = f.moisture_wt_pct;
  if (presetFile !== undefined) {
    for (const key of ANALYSIS_KEYS) {
      const ref = `${presetFile}#${key}` as const;
      if (lookupDataRef(ref)) composition[key] = defaultParam(ref);
    }
    moisture ??= lookupDataRef(`${presetFile}#moisture_wt_pct`);
  }
  Object.assign(composition, f.composition_wt_pct ?? {});
  const values = Object.values(composition);
  if (values.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['composition_wt_pct'],
      message: 'required: a dry analysis in wt% (composition_wt_pct) or a preset',
      input: f,
    });
    return z.NEVER;
  }
  const total = values.reduce((sum, p) => sum + p.value, 0);
  if (Math.abs(total - 100) > ANALYSIS_CLOSURE_TOLERANCE_WT_PCT) {
    ctx.addIssue({
      code: 'custom',
      path: ['composition_wt_pct'],
      message: `the analysis sums to ${total.toFixed(2)} wt%; expected 100 ± ${ANALYSIS_CLOSURE_TOLERANCE_WT_PCT} wt%`,
      input: f.composition_wt_pct,
    });
    return z.NEVER;
  }
  return { ...f, composition_wt_pct: composition, moisture_wt_pct: moisture };
}

const overrideNumber = z.number().refine(plausibleMagnitude, {
  message: `expected 0 or a magnitude between ${MIN_MAGNITUDE} and ${MAX_MAGNITUDE}`,
});
/**
 * A flowsheet override: a bare value, or `{ value, unit?, source?, note? }` — a number with its
 * provenance, parsed into a `Param` so that it is a numeric input of the scenario (an uncertainty
 * declaration can sample it: `stages.<id>.flowsheet.overrides.<unit>.<parameter>`). The unit
 * is the unit parameter's own (data/pyro, data/process); '-' when not written.
 */
const overrideValue = z.union([
  overrideNumber,
  z.boolean(),
  z.string(),
  z
    .strictObject({
      value: overrideNumber,
      unit: z.string().optional(),
      source: z.string().optional(),
      note: z.string().optional(),
    })
    .transform((o): Param => ({
      value: o.value,
      unit: o.unit ?? '-',
      source: o.source ?? SCENARIO_INPUT_SOURCE,
      status: o.source?.startsWith('assumed') === true ? 'assumed' : 'input',
      ...(o.note !== undefined ? { note: o.note } : {}),
    })),
]);

const flowsheet = z.strictObject({
  template: z.string().meta({ description: 'Name of a flowsheet template from the library.' }),
  inputs: z.record(z.string(), z.string()).meta({
    description: 'Template input port → "feed:<feed id>" or "stage:<stage id>/<product id>".',
  }),
  overrides: z.record(z.string(), overrideValue).default({}).meta({
    description:
      'Template parameter overrides, keyed "<unit id>.<parameter>"; the ferrochrome templates take furnace.<name> (data/pyro/fecr.json: e.g. furnace.slag_SiO2_wt_pct, furnace.slag_superheat_K, furnace.flux_by_liquidus: 1 to solve the quartzite from the slag liquidus; docs/model.md) and pretreatment.<name>.',
  }),
});

const stageCapex = z
  .strictObject({
    reference_class: z.enum(['china-epc', 'western']).default('western').meta({
      description:
        'Who designs, supplies and builds the plant (data/capex/classes): china-epc (Chinese equipment and EPC contractors, costs in RMB) or western; sets the unit cost items, factors and calibration.',
    }),
    site: z.enum(['greenfield', 'brownfield']).default('greenfield').meta({
      description:
        'greenfield: off-sites (utilities, infrastructure, buildings outside the process areas) are built; brownfield: an existing site provides them.',
    }),
    aace_class: z
      .union([z.literal(3), z.literal(4), z.literal(5)])
      .default(5)
      .meta({
        description:
          'AACE estimate class (RP 18R-97): sets default contingency and the accuracy range.',
      }),
    contingency_pct: quantity('%', {
      min: 0,
      max: 100,
      description: 'Contingency; default by AACE class',
    }).optional(),
    owners_cost_pct: quantity('%', {
      min: 0,
      max: 100,
      description: "Owner's cost; default: the reference class's",
    }).optional(),
    location_factor: quantity('1', {
      above: 0,
      max: 5,
      description:
        "Cost at the site relative to the class's basis; default: the class's factor to Kazakhstan",
    }).optional(),
    osbl_pct: quantity('%', {
      min: 0,
      max: 200,
      description: "Off-sites as a share of the unit costs (greenfield); default: the class's",
    }).optional(),
    indirect_pct: quantity('%', {
      min: 0,
      max: 100,
      description: "Engineering and construction management; default: the class's",
    }).optional(),
    factor: quantityOr('capex/estimating-factors#capex_factor', '1', {
      above: 0,
      max: 10,
      description:
        'Multiplies the estimate: 1 as computed; an uncertainty declaration samples it over the class accuracy range',
    }),
    phasing: z
      .array(quantity('1', { min: 0, max: 1 }))
      .optional()
      .meta({
        description: 'Share of capex spent in each construction year (sums to 1); default even.',
      }),
  })
  .transform((c) => ({
    ...c,
    contingency_pct:
      c.contingency_pct ??
      defaultParam(`capex/estimating-factors#contingency_pct_class${c.aace_class}`),
  }))
  .meta({ description: 'How the capital cost of the stage is estimated (docs/capex.md).' });

const stageOpex = z
  .strictObject({
    maintenance_pct_of_capex: quantityOr('econ/opex-defaults#maintenance_pct_of_capex', '%', {
      min: 0,
      max: 100,
      description: 'Maintenance materials and contractors per year',
    }),
    insurance_pct_of_capex: quantityOr('econ/opex-defaults#insurance_pct_of_capex', '%', {
      min: 0,
      max: 100,
    }),
    overhead_pct_of_labour_and_maintenance: quantityOr(
      'econ/opex-defaults#overhead_pct_of_labour_and_maintenance',
      '%',
      { min: 0, max: 100, description: 'General and administrative costs' },
    ),
  })
  .meta({ description: 'Operating-cost factors of the stage besides consumptions × prices.' });

/** Lender presets of a debt tranche (data/finance/lenders.json, keys `<lender>.<term>`). */
export const LENDER_PRESETS = ['china-policy-bank', 'dbk', 'commercial-bank'] as const;

/**
 * The terms of a debt tranche. Under `finance.financing` they apply to every stage; under
 * `stages[].financing` they override those for one stage (each stage has its own tranche,
 * drawn when it is built and repaid from its own cash flow). A term not written comes from the
 * stage's, else the project's, lender preset, else data/finance/financing-defaults.json;
 * the debt share, rate and tenor must come from one of them (semantics.ts).
 */
const financingTerms = {
  lender: z.enum(LENDER_PRESETS).optional().meta({
    description:
      'Lender preset for the terms not written here (data/finance/lenders.json): a Chinese policy bank, the Development Bank of Kazakhstan, a commercial bank.',
  }),
  debt_share: quantity('1', {
    min: 0,
    max: 1,
    description:
      'Gearing: share of the cash uses of construction (capex, fees, DSRA funding, initial working capital) drawn as debt',
  }).optional(),
  interest_rate: quantity('1', {
    min: 0,
    max: 1,
    description: 'Annual all-in interest rate, nominal (money of the day)',
  }).optional(),
  tenor_years: z.int().min(1).max(30).optional(),
  grace_years: z.int().min(0).max(10).optional(),
  repayment: z.enum(['annuity', 'sculpted']).optional(),
  target_dscr: quantity('1', {
    above: 0,
    description:
      "Target DSCR of the sculpted repayment (the loan is sized down to meet it); else the lender preset's (1.4 policy bank and DBK, 1.5 commercial bank, assumed); required for sculpted repayment",
  }).optional(),
  dsra_months: quantity('month', {
    min: 0,
    max: 24,
    description: "Debt-service reserve: months of the next year's debt service",
  }).optional(),
  upfront_fee_pct: quantity('%', {
    min: 0,
    max: 10,
    description: 'Upfront fee at financial close, % of the facility',
  }).optional(),
  commitment_fee_pct_per_year: quantity('%', {
    min: 0,
    max: 5,
    description: 'Commitment fee on the undrawn facility, % per year',
  }).optional(),
  interest_during_construction: z.enum(['capitalised', 'paid']).optional().meta({
    description:
      'Interest during construction added to the loan (capitalised, default) or paid by the sponsor',
  }),
  covenants: z
    .strictObject({
      min_dscr: quantity('1', {
        above: 0,
        description: 'DSCR below which the loan is in default',
      }).optional(),
      lockup_dscr: quantity('1', {
        above: 0,
        description: 'DSCR below which distributions are locked up',
      }).optional(),
      min_llcr: quantity('1', { above: 0, description: 'Minimum LLCR' }).optional(),
    })
    .optional(),
};

const financing = z.strictObject(financingTerms);

const stage = z
  .strictObject({
    id,
    name: displayName,
    start_year: year.meta({ description: 'First year of production.' }),
    construction_years: z
      .int()
      .min(0)
      .max(10)
      .meta({ description: 'Years of construction before start_year.' }),
    development_years: z.int().min(0).max(10).optional().meta({
      description:
        'Years of development (feasibility, EIA and permits, grid connection) before construction; absent: none modelled (data/capex/schedule.json#development_years gives 2, assumed).',
    }),
    development_cost_pct_of_capex: quantityOr('capex/schedule#development_cost_pct_of_capex', '%', {
      min: 0,
      max: 50,
      description: 'Cost of the development phase, % of construction capex, equity-funded',
    }),
    capacity_t_per_year: quantity('t/year', {
      min: 1,
      max: MAX_CAPACITY_T_PER_YEAR,
      description: 'Nameplate capacity',
    }),
    capacity_basis: z.enum(['product', 'feed']).optional().meta({
      description: "Whether capacity counts product or feed; default: the template's basis.",
    }),
    capex_budget_usd: quantity('USD', {
      above: 0,
      max: 1e12,
      description: 'Capex ceiling for this stage',
    }).optional(),
    availability: quantityOr('process/operating-defaults#availability', '1', {
      above: 0,
      max: 1,
      description: 'Share of the 8,760 hours of a year the plant runs at nameplate rate',
    }),
    ramp_up: z
      .array(quantity('1', { min: 0, max: 1, description: 'Fraction of capacity' }))
      .max(10)
      .optional()
      .meta({ description: 'Fraction of capacity produced in the first years of operation.' }),
    flowsheet,
    design: z.record(z.string(), overrideValue).default({}).meta({
      description:
        'Design-basis overrides keyed "<unit id or unit kind>.<parameter>" (data/process/design-basis.json): specific capacities, residence times, largest furnace size…',
    }),
    power_plant: z
      .strictObject({
        offgas_efficiency: quantityOr(
          'markets/electricity-kazakhstan#offgas_power_efficiency',
          '1',
          {
            above: 0,
            max: 0.6,
            description: 'Electricity per unit of chemical energy of the furnace off-gas',
          },
        ),
      })
      .optional()
      .meta({
        description:
          'A captive power plant on the furnace off-gas: its electricity is used on site (netted from the purchase and from scope 2), any surplus credited at the tariff.',
      }),
    capex: stageCapex.prefault({}),
    opex: stageOpex.prefault({}),
    financing: financing.optional().meta({
      description:
        "This stage's debt tranche: terms overriding finance.financing (drawn when the stage is built, repaid from its own cash flow).",
    }),
  })
  .meta({ description: 'A processing stage with its own start year, capacity and flowsheet.' });

export { PRODUCT_PRICE_KEYS } from './commercial-semantics.js';

const consumable = z
  .strictObject({
    id: z.enum(CONSUMABLE_IDS as [string, ...string[]]),
    price_usd_per_t: quantity('USD/t', { min: 0 }).optional(),
    price_usd_per_m3: quantity('USD/m3', { min: 0 }).optional(),
    price_usd_per_mwh: quantity('USD/MWh', { min: 0 }).optional(),
  })
  .meta({ description: 'A consumable and its delivered price.' });

const byproductCredit = z
  .strictObject({
    id: z.string().meta({ description: 'By-product id of a stage (slag, off-gas, …)' }),
    price_usd_per_t: quantity('USD/t', {
      min: 0,
      description: 'Credit per t of the by-product (e.g. slag sold as aggregate)',
    }).optional(),
    price_usd_per_mwh: quantity('USD/MWh', {
      min: 0,
      description: 'Credit per MWh of its chemical energy (e.g. off-gas burnt for power)',
    }).optional(),
  })
  .meta({ description: 'A by-product sold or used, credited as revenue (an option).' });

const markets = z.strictObject({
  products: z.array(product).default([]),
  byproduct_credits: z.array(byproductCredit).default([]),
  consumables: z.array(consumable).default([]),
  electricity: electricity.prefault({}),
  logistics: logistics.prefault({}),
  fx: z
    .strictObject({
      kzt_per_usd: quantityOr('markets/fx#kzt_per_usd', 'KZT/USD', { above: 0 }),
      rmb_per_usd: quantityOr('markets/fx#rmb_per_usd', 'RMB/USD', { above: 0 }),
      eur_per_usd: quantityOr('markets/fx#eur_per_usd', 'EUR/USD', { above: 0 }),
      zar_per_usd: quantityOr('markets/fx#zar_per_usd', 'ZAR/USD', { above: 0 }),
    })
    .prefault({}),
  china_vat_rate_pct: quantityOr('markets/prices-2025#china_vat_rate', '%', { min: 0, max: 100 }),
  labour: z
    .strictObject({
      average_wage_kzt_per_month: quantityOr(
        'econ/opex-defaults#average_wage_kzt_per_month',
        'KZT/month',
        { above: 0, description: 'National average gross wage; roles earn multiples of it' },
      ),
    })
    .prefault({}),
});

/** Simulated paths of the stage-timing option: bounds [-] (even; src/stage-timing-option.ts). */
export const STAGE_TIMING_PATHS = { min: 100, max: 200_000 } as const;
/** Longest window of start years of the stage-timing option [year]. */
export const STAGE_TIMING_MAX_WINDOW_YEARS = 31;

const stageTimingOption = z
  .strictObject({
    stage: z.string().meta({
      description: 'Id of the later stage (not the first) whose start year is optional',
    }),
    window: z.tuple([z.int(), z.int()]).optional().meta({
      description:
        "First and last start year (first year of production) [year]; default: the stage's start_year to 9 years later, or the last start year whose stage debt is repaid within the horizon if earlier",
    }),
    paths: z
      .int()
      .min(STAGE_TIMING_PATHS.min)
      .max(STAGE_TIMING_PATHS.max)
      .multipleOf(2)
      .meta({ description: 'Simulated price paths, even (antithetic pairs)' }),
    seed: z.int().min(0).optional().meta({
      description: 'Seed of the paths; default uncertainty.seed, else 1',
    }),
  })
  .meta({
    description:
      'Value the right to start a later stage in any year of a window under uncertainty.price_paths (least-squares Monte Carlo, docs/finance.md); appraise then reports stage_timing_option. Costs ≈ (1 + 2 × price series) × window revaluations of the stage economics.',
  });

const finance = z.strictObject({
  discount_rate: quantityOr('finance/appraisal-defaults#discount_rate', '1', {
    min: 0,
    max: 1,
    description: 'Discount rate per year',
  }),
  horizon_years: quantityOr('finance/appraisal-defaults#horizon_years', 'year', {
    min: 1,
    max: 60,
    integer: true,
    description: 'Years from the first construction year to the end of the appraisal',
  }),
  analysis: z.enum(['real', 'nominal']).default('real'),
  inflation: z.enum(['declared', 'constant']).default('constant').meta({
    description:
      'General (USD) inflation: the declared path of data/finance/inflation.json (nominal inputs such as loan rates and historical-cost depreciation then act in money of the day), or the constant inflation_rate.',
  }),
  inflation_rate: quantityOr('finance/appraisal-defaults#inflation_rate', '1', {
    min: -0.5,
    max: 1,
  }),
  cost_indices: z
    .strictObject({
      labour_real_growth_pct_per_year: quantityOr(
        'finance/cost-indices#labour_real_growth_pct_per_year',
        '%',
        { min: -10, max: 20, description: 'Real growth of wages per year' },
      ),
      reductants_real_escalation_pct_per_year: quantityOr(
        'finance/cost-indices#reductants_real_escalation_pct_per_year',
        '%',
        { min: -10, max: 20, description: 'Real escalation of coke, coal and electrodes per year' },
      ),
      consumables_real_escalation_pct_per_year: quantityOr(
        'finance/cost-indices#consumables_real_escalation_pct_per_year',
        '%',
        { min: -10, max: 20, description: 'Real escalation of other consumables per year' },
      ),
    })
    .prefault({})
    .meta({
      description: 'Real cost indices of operating costs (not the CEPCI, a capital-cost index).',
    }),
  fiscal: z
    .strictObject({
      regime: z.enum(['kazakhstan']).default('kazakhstan'),
      priority_project: z.boolean().default(false).meta({
        description: 'Priority investment project: CIT, property and land tax preferences apply.',
      }),
    })
    .prefault({}),
  working_capital: z
    .strictObject({
      receivable_days: quantityOr('finance/appraisal-defaults#receivable_days', 'd', {
        min: 0,
        max: 365,
      }),
      payable_days: quantityOr('finance/appraisal-defaults#payable_days', 'd', {
        min: 0,
        max: 365,
      }),
      inventory_days: quantityOr('finance/appraisal-defaults#inventory_days', 'd', {
        min: 0,
        max: 365,
      }),
    })
    .prefault({}),
  financing: financing.optional(),
  sponsor: z
    .strictObject({
      shareholder_loan_share: quantityOr('finance/financing-defaults#shareholder_loan_share', '1', {
        min: 0,
        max: 1,
        description: "Share of the sponsor's funding lent as a subordinated shareholder loan",
      }),
      shareholder_loan_rate: quantityOr('finance/financing-defaults#shareholder_loan_rate', '1', {
        min: 0,
        max: 1,
        description: 'Interest rate of the shareholder loan, nominal (money of the day)',
      }),
      shareholder_loan_tenor_years: quantityOr(
        'finance/financing-defaults#shareholder_loan_tenor_years',
        'year',
        { min: 1, max: 30, integer: true, description: 'Final maturity of the shareholder loan' },
      ),
      fx_path: z.enum(['ppp', 'constant']).default('ppp').meta({
        description:
          "RMB/USD path for the sponsor's RMB return: purchasing-power parity on the declared inflation paths, or the base-year rate held (nominal).",
      }),
    })
    .prefault({})
    .meta({
      description:
        "The sponsor's funding and distributions: shareholder loan, lock-up (covenants.lockup_dscr), withholding taxes, RMB view.",
    }),
  depreciation: z
    .enum(['declining-balance', 'straight-line'])
    .default('declining-balance')
    .meta({ description: 'Tax depreciation: Kazakh declining-balance groups or straight line.' }),
  closure_cost_pct_of_capex: quantityOr('econ/opex-defaults#closure_pct_of_capex', '%', {
    min: 0,
    max: 100,
    description: 'Closure and rehabilitation cost in the last year',
  }),
  stage_timing_option: stageTimingOption.optional(),
});

const impact = z.strictObject({
  indirect_jobs_per_direct_job: quantityOr(
    'impact/regional-defaults#indirect_jobs_per_direct_job',
    '1',
    {
      min: 0,
    },
  ),
  eu_export_share: quantityOr('impact/regional-defaults#eu_export_share', '1', { min: 0, max: 1 }),
  eu_ets_price_eur_per_t_co2: quantityOr(
    'impact/regional-defaults#eu_ets_price_eur_per_t_co2',
    'EUR/t',
    {
      min: 0,
    },
  ),
  grid_co2_t_per_mwh: quantityOr('impact/regional-defaults#grid_co2_t_per_mwh', 't/MWh', {
    min: 0,
    description: 'Grid emission factor (scope 2)',
  }),
  origin_carbon_price_eur_per_t_co2: quantityOr(
    'impact/regional-defaults#origin_carbon_price_eur_per_t_co2',
    'EUR/t',
    { min: 0, description: 'Carbon price paid in Kazakhstan, deducted under CBAM' },
  ),
  construction_jobs_per_usd_m_per_year: quantityOr(
    'impact/jobs#construction_jobs_per_usd_m_per_year',
    'jobs*year/MUSD',
    { min: 0, description: 'Construction jobs per USD M of capex spent in a year' },
  ),
  region_power_supply_MW: quantity('MW', { min: 0 }).optional(),
  cbam_in_cashflow: z.boolean().default(false).meta({
    description:
      "Charge the CBAM cost on EU exports in the cash flow (the exporter's lower netback)",
  }),
  cbam_emissions: z.enum(['actual', 'default']).default('actual').meta({
    description:
      "Embedded emissions the CBAM cost is charged on: 'actual' (the plant's own verified direct emissions from the balance) or 'default' (the default value of Implementing Regulation (EU) 2025/2621 Annex I with the year's mark-up, for an exporter that reports no verified emissions)",
  }),
  cbam_default_t_co2_per_t: z
    .record(z.string(), quantity('t/t', { min: 0 }))
    .optional()
    .meta({
      description:
        'Default embedded emissions without mark-up per covered product id (t CO2e per t), from the Kazakhstan table of Implementing Regulation (EU) 2025/2621 Annex I (e.g. hc-ferrochrome: CN 7202 41); required for every covered product when cbam_emissions is default',
    }),
  baseline: z
    .string()
    .optional()
    .meta({ description: 'Path of the raw-export baseline scenario, relative to this file.' }),
});

const bound = z.number().refine(Number.isFinite, { message: 'expected a finite number' });

export const distribution = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('uniform'), min: bound, max: bound }),
  z.strictObject({ type: z.literal('triangular'), min: bound, mode: bound, max: bound }),
  z.strictObject({ type: z.literal('pert'), min: bound, mode: bound, max: bound }),
  z.strictObject({
    type: z.literal('normal'),
    mean: bound,
    sd: bound,
    min: bound.optional(),
    max: bound.optional(),
  }),
  z.strictObject({
    type: z.literal('lognormal'),
    median: bound,
    sigma_log: bound,
    min: bound.optional(),
    max: bound.optional(),
  }),
  z.strictObject({ type: z.literal('aace-accuracy') }).meta({
    description:
      "For stages.<id>.capex.factor only: lognormal with P10 and P90 at the low and high ends of the stage's AACE class accuracy range (data/capex/estimating-factors.json).",
  }),
  z.strictObject({
    type: z.literal('discrete'),
    values: z.array(bound).min(1),
    probabilities: z.array(bound).min(1),
  }),
  z.strictObject({
    type: z.literal('empirical'),
    observations: z.array(bound).min(2).optional(),
    csv: z
      .string()
      .optional()
      .meta({ description: 'CSV file of observations, relative to the scenario file.' }),
    column: z.string().optional(),
  }),
]);

const uncertainty = z.strictObject({
  method: z.enum(['mc', 'lhs', 'sobol']).default('lhs'),
  samples: z.int().min(1).max(100_000_000).default(1000),
  seed: z.int().min(0).default(1),
  parameters: z
    .array(
      z.strictObject({
        path: z.string().meta({
          description: 'Numeric path, e.g. "markets.products.hc-ferrochrome.price_usd_per_t".',
        }),
        distribution,
      }),
    )
    .default([]),
  correlations: z
    .array(
      z.strictObject({
        between: z.tuple([z.string(), z.string()]),
        rho: z.number().min(-1).max(1),
      }),
    )
    .default([]),
  price_paths: z
    .strictObject({
      series: z.array(z.string()).min(1).meta({
        description:
          'Product ids with a deck (their volatility_per_sqrt_year set) and/or "electricity"',
      }),
      shock_correlations: z
        .array(
          z.strictObject({
            between: z.tuple([z.string(), z.string()]),
            rho: z.number().min(-1).max(1),
          }),
        )
        .default([]),
    })
    .optional()
    .meta({
      description:
        'Sample yearly price paths (log-Ornstein–Uhlenbeck around each deck, correlated shocks) instead of one price per run.',
    }),
});

export const scenarioSchema = z
  .strictObject({
    chromflow: z
      .literal(SCENARIO_FORMAT_VERSION, {
        message: `expected the format version ${SCENARIO_FORMAT_VERSION}`,
      })
      .meta({ description: 'Scenario format version.' }),
    name: displayName,
    description: z.string().optional(),
    site,
    feeds: z.array(feed).min(1, { message: 'expected at least one feed' }),
    stages: z.array(stage).min(1, { message: 'expected at least one stage' }),
    markets: markets.prefault({}),
    finance: finance.prefault({}),
    impact: impact.prefault({}),
    uncertainty: uncertainty.optional(),
  })
  .meta({
    title: 'chromflow scenario',
    description:
      'A chromflow scenario: site, feeds, processing stages, markets, finance, impact and uncertainty.',
  });

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type Feed = Scenario['feeds'][number];
export type Stage = Scenario['stages'][number];
export type Distribution = z.output<typeof distribution>;
/** The terms of a debt tranche as written (project-wide or per stage). */
export type FinancingTerms = z.output<typeof financing>;
export type LenderPreset = (typeof LENDER_PRESETS)[number];
