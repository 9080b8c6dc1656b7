/**
 * The result of one appraisal: the single object that reports, charts, the API and the CLI
 * render. Keys are stable (documented in docs/cli.md). Parts the model cannot compute yet are
 * `null` (or empty) and listed in `not_implemented` — never filled with guesses.
 */
import type { MarketResponse } from './econ/commercial/market-response.js';
import type { CashflowMetrics, CashflowRow } from './econ/cashflow/types.js';
import type { SponsorReturn } from './econ/cashflow/sponsor-return.js';
import type { SourcesAndUses } from './econ/cashflow/sources-and-uses.js';
import type { CovenantBreach } from './econ/cashflow/covenants.js';
import type { PlantBalance } from './plant/merge-balances.js';
import type { ProductGrade, SlagLiquidusCheck, UnitEnergyBalance } from './process/stage-run.js';
import type { Param } from './provenance/param.js';

export interface StageProduct {
  id: string;
  t_per_year: number;
  /** Dry analysis of the product [wt%], when known. */
  composition_wt_pct?: Record<string, number>;
}

export interface StageResult {
  id: string;
  name: string;
  template: string;
  start_year: number;
  construction_years: number;
  capacity_t_per_year: number;
  capacity_basis: 'product' | 'feed';
  /** `computed` when the stage's flowsheet was solved; otherwise why not. */
  status: 'computed' | 'not_implemented';
  products: StageProduct[];
  /**
   * Consumptions per year at nameplate rate, by consumable id (or `electricity`), in t/year for
   * solids, m3/year for water, MWh/year for electricity and gas.
   */
  consumptions: Record<string, number>;
  kpis: Record<string, number>;
  /** By-products per year at nameplate (slag, off-gas with its chemical energy, residues, tailings). */
  byproducts: {
    id: string;
    t_per_year: number;
    energy_MWh_per_year?: number;
    composition_wt_pct?: Record<string, number>;
  }[];
  /** Energy balance of every reactive unit (enthalpy in/out, electricity, heat, losses, closure). */
  energy_balances: UnitEnergyBalance[];
  capex_usd: number | null;
  /** How capex_usd was estimated (reference, scaling, factors, accuracy, budget check). */
  capex: StageCapexDetail | null;
  /** Cash operating cost at nameplate (sum of `opex.lines`) [USD/a]; null when not computed. */
  opex_usd_per_year: number | null;
  /** Operating-cost lines with quantities, prices and sources; null when not computed. */
  opex: StageOpex | null;
  /** Sales at nameplate, net of VAT and of logistics to the sale point [USD/a]. */
  revenue_usd_per_year: number | null;
  /** Staffing model of the stage (direct jobs). */
  staffing: StageStaffing | null;
  /**
   * Evaluation of this stage on its own cash flow: the first stage standalone, every later
   * stage as an increment (its own capex, opex and revenue, its own start year).
   */
  metrics: AppraisalMetrics | null;
  /** Messages about this stage's estimates (e.g. scaling outside the reference's range). */
  warnings: string[];
  /** Grade of the main product against its standard (ferrochrome stages). */
  product_grade?: ProductGrade;
  /** The smelter slag against its liquidus (ferrochrome stages; fecr-slag-check.ts). */
  slag_liquidus?: SlagLiquidusCheck;
  /** Captive power plant on the furnace off-gas (stages[].power_plant): its electricity balance. */
  power_plant?: {
    generation_MWh_per_year: number;
    own_use_MWh_per_year: number;
    surplus_MWh_per_year: number;
    offgas_energy_MWh_per_year: number;
    efficiency: number;
  } | null;
  /** Grid connection of the purchased power: demand, capex and the years it is spent in. */
  grid_connection?: {
    demand_MW: number;
    capex_usd: number;
    first_year: number;
    years: number;
  } | null;
}

/** One unit's share of a stage's capital cost (docs/capex.md). */
export interface UnitCapexLine {
  unit_id: string;
  kind: string;
  /** Cost item of the reference class that priced the unit. */
  item_id: string;
  /** Size per item and its unit (the design result the item keys on). */
  size: number;
  size_unit: string;
  count: number;
  /** The size lies inside the correlation's range. */
  in_range: boolean;
  /** The class that priced it (`<fallback class> × factor` when borrowed). */
  priced_by: string;
  status: 'verified' | 'derived' | 'assumed';
  /** Installed cost at the site after calibration, location and capex factor [USD]. */
  installed_usd: number;
  /** Calibration family of the item when not the stage's (`power`: an off-gas power plant). */
  family?: string;
}

/** What a budget buys on one route under one reference class. */
export interface RouteBudget {
  template: string;
  reference_class: string;
  /** Capex of that route and class at the stage's capacity [USD]. */
  capex_usd: number;
  capacity_within_budget_t_per_year: number;
  capacity_p10_t_per_year: number;
  capacity_p90_t_per_year: number;
}

export interface StageCapexDetail {
  reference_class: string;
  /** Currency of the class's cost items. */
  currency: string;
  /** Plant family of the template (calibration group): fecr, concentrator, chromium. */
  family: string;
  /** Whether the class is calibrated on reference plants of this family. */
  calibrated: boolean;
  units: UnitCapexLine[];
  /** Σ unit installed costs, inside battery limits [USD]. */
  isbl_usd: number;
  /** Off-sites (greenfield) [USD]. */
  osbl_usd: number;
  /** Engineering and construction management [USD]. */
  indirect_usd: number;
  owners_cost_usd: number;
  contingency_usd: number;
  accuracy_usd: { low: number; high: number; aace_class: number };
  calibration_factor: number;
  location_factor: number;
  capex_factor: number;
  /** Class currency per USD in the base year. */
  currency_per_usd: number;
  phasing_usd: number[];
  budget?: {
    budget_usd: number;
    within_budget: boolean;
    capacity_within_budget_t_per_year: number;
    capacity_p10_t_per_year: number;
    capacity_p90_t_per_year: number;
  };
  /** What the budget buys on each route of the family under each reference class. */
  by_route?: RouteBudget[];
}

/** One operating-cost line of a stage at nameplate. */
export interface OpexLine {
  /** `feed:<id>`, a consumable id, `electricity`, `labour`, `maintenance`, `insurance`, `overhead`, `logistics:<product>`. */
  id: string;
  category:
    | 'feed'
    | 'consumable'
    | 'energy'
    | 'labour'
    | 'maintenance'
    | 'insurance'
    | 'overhead'
    | 'logistics';
  /** Quantity at nameplate [unit/a]. */
  quantity_per_year: number;
  unit: string;
  /** Price in base-year USD, net of VAT [USD/unit]. */
  unit_price_usd: number;
  cost_usd_per_year: number;
  /** Scales with utilisation (true) or fixed in every operating year (false). */
  variable: boolean;
  /** Where quantity and price come from. */
  source: string;
  /** Price by row of the project calendar when it moves (deck, tariff path) [USD/unit]. */
  price_by_row?: number[];
}

export interface StageOpex {
  lines: OpexLine[];
  total_usd_per_year: number;
  /** Cash cost per t of the stage's products [USD/t]. */
  cash_cost_usd_per_t: number;
  /** Cash cost per t of Cr contained in the products [USD/t Cr]; null without Cr. */
  cash_cost_usd_per_t_cr: number | null;
}

export interface StaffingPosition {
  role: string;
  /** People on duty per shift (or in total for day workers) [-]. */
  per_shift: number;
  /** Crews covering the position (4 for continuous 12 h shifts, 1 for day work) [-]. */
  crews: number;
  headcount: number;
  /** Gross monthly wage [KZT/month]. */
  wage_kzt_per_month: number;
  source: string;
}

export interface StageStaffing {
  positions: StaffingPosition[];
  direct_jobs: number;
  /** Gross wages at nameplate, before employer levies [USD/a]. */
  wages_usd_per_year: number;
}

/**
 * Metrics of a cash flow: those of the table, the foreign (Chinese) sponsor's return after
 * Kazakh dividend withholding tax at the treaty rate, plus break-evens.
 */
export interface AppraisalMetrics extends CashflowMetrics, SponsorReturn {
  /** `real` (constant base-year USD) or `nominal`. */
  basis: 'real' | 'nominal';
  /** Main-product price at which NPV = 0 [USD/t], null with a reason in `breakeven_reasons`. */
  breakeven_price_usd_per_t: number | null;
  /** Electricity tariff at which NPV = 0 [KZT/kWh], null with a reason. */
  breakeven_tariff_kzt_per_kwh: number | null;
  breakeven_reasons: string[];
  /** Sources and uses of funds of the construction budget(s), null without debt. */
  sources_uses: SourcesAndUses | null;
  /** Covenant breaches by year and stage (DSCR default and lock-up, LLCR), empty without debt. */
  covenant_breaches: CovenantBreach[];
}

export interface TaxYear {
  year: number;
  cit_usd: number;
  property_tax_usd: number;
  land_tax_usd: number;
  met_usd: number;
  payroll_levies_usd: number;
  /** Input VAT not yet refunded (export zero-rating with a refund lag) [USD]. */
  vat_net_usd: number;
  total_usd: number;
}

export interface ExportLine {
  product: string;
  hs_code: string;
  /** Export sales at nameplate [USD/a]. */
  usd_per_year: number;
}

export interface AppraisalImpact {
  /** Gross value added at nameplate (output − intermediate consumption) of all stages [USD/a]. */
  value_added_usd_per_year: number;
  /** Gross value added by stage at nameplate [USD/a]. */
  value_added_by_stage_usd_per_year: Record<string, number>;
  /**
   * Value added over the raw-export baseline (the same concentrate sold as it is) [USD/a]; null
   * when the scenario itself is the baseline.
   */
  value_added_over_baseline_usd_per_year: number | null;
  /** Value per t of contained Cr by product form, in order of processing depth [USD/t Cr]. */
  value_ladder_usd_per_t_cr: Record<string, number>;
  jobs_direct: number;
  jobs_indirect: number;
  /** Taxes to the budget by year [USD]. */
  taxes_usd_per_year: TaxYear[];
  /** Present value of all taxes at the discount rate [USD]. */
  government_take_npv_usd: number;
  exports_usd_per_year: ExportLine[];
  /** Electrical demand of all stages at nameplate [MW]. */
  power_demand_MW: number;
}

/** Jobs of the entities of a view. */
export interface ViewJobs {
  /** Direct (operating) jobs of all entities at nameplate. */
  direct: number;
  direct_by_entity: Record<string, number>;
  /** Construction jobs by calendar year (capex spent × jobs per USD M). */
  construction_by_year: { year: number; jobs: number }[];
  construction_source: string;
  /** Supplier jobs outside the entities: direct × the multiplier. */
  indirect: number;
  indirect_per_direct_job: number;
  indirect_source: string;
}

/** An entity of a stakeholder view. */
export interface ViewEntity {
  id: string;
  name: string;
  kind: 'project-stage' | 'supplier';
}

/** The project company as a taxpayer (the scenario's stages). */
export interface InvestorView {
  boundary: string;
  entities: ViewEntity[];
  /** Point every stream is valued at (revenue, feed purchases, value added). */
  price_point: 'ex-works';
  npv_usd: number;
  irr: number | null;
  /** Why irr is null (no unique root; or a boundary with operating assets bought long ago). */
  irr_reason: string | null;
  equity_irr: number | null;
  value_added_usd_per_year: number;
  /** PV of the project company's taxes [USD]. */
  government_take_npv_usd: number;
  /** PV of the mineral extraction tax within the boundary [USD]. */
  met_npv_usd: number;
  jobs: ViewJobs;
  exports_usd_per_year: ExportLine[];
  /** Exports are valued at the Kazakh border (customs value). */
  exports_price_point: 'fca-border';
}

/** Every entity inside Kazakhstan: the project stages and the suppliers of their feeds. */
export interface EconomyView extends Omit<InvestorView, 'equity_irr'> {
  value_added_by_entity_usd_per_year: Record<string, number>;
  /** Combined cash flow of the entities, sales between them netted (FCF and taxes unchanged). */
  cashflow: CashflowRow[];
  /** Opex at nameplate by category, sales between the entities netted [USD/a]. */
  opex_usd_per_year_by_category: Record<string, number>;
}

/** How each traded stream and the power tariff are valued (the commercial basis). */
export interface AppraisalCommercial {
  valuation_point: 'ex-works';
  products: {
    id: string;
    /** Point of the quotation. */
    price_point: string;
    basis_path: string;
    /** Quotation in the base year, net of VAT, with origin premium [USD/t]. */
    quote_usd_per_t: number;
    ex_works_usd_per_t: number;
    fca_border_usd_per_t: number;
    /** Quotation → ex-works in the base year. */
    conversion: { step: string; usd_per_t: number }[];
    /** Realised ex-works price by calendar year (the deck) [USD/t]. */
    ex_works_usd_per_t_by_year: { year: number; usd_per_t: number }[];
    /** Market share after entry and the price effect of the project's own tonnes. */
    market_response: MarketResponse | null;
  }[];
  electricity_kzt_per_kwh_by_year: { year: number; kzt_per_kwh: number }[];
  feeds: {
    id: string;
    contract_t_per_year: number | null;
    use_t_per_year: number;
    price_source: string;
    take_or_pay_share: number;
    supplier: string | null;
  }[];
}

export interface AppraisalEmissions {
  /** Direct CO2 from the carbon balance (reductants, electrodes, carbonates, fuels) [t/a]. */
  scope1_t_co2_per_year: number;
  /** Indirect CO2 from purchased electricity [t/a]. */
  scope2_t_co2_per_year: number;
  /** Grid emission factor used [t CO2/MWh]. */
  grid_factor_t_co2_per_mwh: number;
  /** Scope 1 + 2 per t of each product [t CO2/t]. */
  intensity_t_co2_per_t: Record<string, number>;
  /** CBAM cost at nameplate in the first year of full operation [USD/a] (0 when no EU sales). */
  cbam_cost_usd_per_year: number;
  /** Emission basis of the CBAM cost (impact.cbam_emissions). */
  cbam_basis: 'actual' | 'default';
  /** Embedded emissions charged per t of each covered product in the full-rate year [t CO2/t]. */
  cbam_embedded_t_co2_per_t: Record<string, number>;
  /** CBAM cost by year [USD]. */
  cbam_by_year: { year: number; cost_usd: number }[];
  /** Products covered by CBAM Annex I, with the CN code and source. */
  cbam_coverage: { product: string; cn_code: string; covered: boolean; source: string }[];
}

export interface SourceEntry {
  path: string;
  value: number;
  unit: string;
  source: string;
  status: Param['status'];
  note?: string;
}

export interface NotImplemented {
  what: string;
  tracking: string;
}

/** Cr(VI), hazardous waste and water of a stage at nameplate (null: not modelled). */
export interface StageEnvironment {
  stage: string;
  /** Cr(VI) reaching the treatment units in residues and liquors [kg/a]. */
  cr6_generated_kg_per_year: number | null;
  /** Cr(VI) reduced to Cr(III) [kg/a]. */
  cr6_treated_kg_per_year: number | null;
  /** Cr(VI) released with the treated water discharged [kg/a]. */
  cr6_released_to_water_kg_per_year: number | null;
  /** Cr(VI) left in the treated waste sent to the hazardous-waste landfill [kg/a]. */
  cr6_to_landfill_kg_per_year: number | null;
  /** Hazardous waste (wet treated residue and sludge) [t/a]. */
  hazardous_waste_t_per_year: number | null;
  /** Fresh water withdrawn [m3/a]. */
  water_withdrawn_m3_per_year: number | null;
  /** Treated water discharged [m3/a]. */
  water_discharged_m3_per_year: number | null;
  /**
   * SO2 to air, before gas cleaning (no SO2 capture is modelled): the off-gas sulphur of the
   * stage's minor-element ledger as SO2 [t/a] (null: the template keeps no sulphur ledger).
   */
  so2_to_air_t_per_year: number | null;
  /** What is known where the template does not model the flows (with sources). */
  note: string | null;
}

/** The environment section: per stage and the total of the modelled stages. */
export interface AppraisalEnvironment {
  stages: StageEnvironment[];
  total: {
    cr6_generated_kg_per_year: number;
    cr6_treated_kg_per_year: number;
    cr6_released_to_water_kg_per_year: number;
    cr6_to_landfill_kg_per_year: number;
    hazardous_waste_t_per_year: number;
    water_withdrawn_m3_per_year: number;
    water_discharged_m3_per_year: number;
    /** Stages whose flows are in the total. */
    stages_modelled: string[];
    /** SO2 to air of the stages that report it, before gas cleaning [t/a]. */
    so2_to_air_t_per_year: number;
    /** Stages whose SO2 is in the total. */
    so2_stages_modelled: string[];
  };
}

/** One start year of the stage-timing option's window (src/stage-timing-option.ts). */
export interface StageTimingBoundary {
  /** Start year (first year of production) [year]. */
  year: number;
  /** Year the decision is taken and construction begins (year − construction years) [year]. */
  decision_year: number;
  /** Share of paths on which the stage is started in this year [-]. */
  exercised_share: number;
  /** Incremental NPV of starting this year on the deck (median prices) [USD, base-year money]. */
  deck_npv_usd: number;
  /** Per series: the level of its price (multiplier of the deck median) at which starting this year pays, the other series at their median; null when none in 0.3–3× the median. */
  series: {
    id: string;
    multiplier: number | null;
    /** Starting pays when the price is above (a product) or below (a cost) the boundary. */
    builds_when: 'above' | 'below' | null;
    /** The deck's ex-works price in that year × the multiplier [USD/t] (logistics deductions held, so approximate); null for electricity. */
    ex_works_usd_per_t: number | null;
  }[];
}

/**
 * The stage-timing option: the right to start a later stage in any year of a window, valued by
 * least-squares Monte Carlo under the scenario's price paths (docs/finance.md). The JSON of
 * `chromflow option stage-timing --json` and the appraisal's `stage_timing_option` section.
 */
export interface StageTimingResult {
  stage: string;
  start_years: [number, number];
  paths: number;
  seed: number;
  series: string[];
  /** Expected NPV of committing now to the planned start year [USD, base-year money]. */
  commit_now_npv_usd: number;
  /** Planned start year (the scenario's). */
  planned_start_year: number;
  /** Value of the right to start in the window under the LSM rule [USD]. */
  optimal_rule_value_usd: number;
  standard_error_usd: number;
  /** optimal_rule_value − max(commit_now, 0): what waiting and seeing prices is worth [USD]. */
  option_value_usd: number;
  /** Share of paths on which the stage is never started [-]. */
  never_share: number;
  boundary: StageTimingBoundary[];
  /** Largest |quadratic − revaluation| at a check point (all series ×1.3, first year) [USD]. */
  revaluation_check_usd: number;
}

export interface Appraisal {
  chromflow: { version: string; scenario_format: number };
  scenario: {
    name: string;
    description?: string;
    site: string;
    region: string;
    country: string;
    base_year: number;
  };
  stages: StageResult[];
  /** Plant balance of every stage whose flowsheet was solved; null when none was. */
  balance: PlantBalance | null;
  /** Yearly cash flow of the whole project (all stages combined); empty when not computable. */
  cashflow: CashflowRow[];
  /** Metrics of `cashflow` (npv_usd = npv(discount_rate, free_cash_flow_usd), row 0 at t = 0). */
  metrics: AppraisalMetrics | null;
  impact: AppraisalImpact | null;
  /** Stakeholder views; null when the economics are not computable. */
  views: { investor: InvestorView; economy: EconomyView } | null;
  /** Price points, decks, tariff path and feed contracts; null when not computable. */
  commercial: AppraisalCommercial | null;
  emissions: AppraisalEmissions | null;
  /** Cr(VI), hazardous waste and water per stage and in total (issue 16). */
  environment: AppraisalEnvironment;
  sources: SourceEntry[];
  not_implemented: NotImplemented[];
  /**
   * The stage-timing option declared in `finance.stage_timing_option`; absent when the scenario
   * declares none and in the appraisals of what-if steps and Monte Carlo samples, which never
   * recompute it (`AppraiseOptions.stageTimingOption: false`).
   */
  stage_timing_option?: StageTimingResult;
}
