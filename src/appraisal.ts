/**
 * The result of one appraisal: the single object that reports, charts, the API and the CLI
 * render. Keys are stable (documented in docs/cli.md). Parts the model cannot compute yet are
 * `null` (or empty) and listed in `not_implemented` — never filled with guesses.
 */
import type { PlantBalance } from './plant/merge-balances.js';
import type { UnitEnergyBalance } from './process/stage-run.js';
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
  opex_usd_per_year: number | null;
  /** Messages about this stage's estimates (e.g. scaling outside the reference's range). */
  warnings: string[];
}

export interface StageCapexDetail {
  reference_id: string;
  scale_ratio: number;
  scaled_reference_usd: number;
  escalation_factor: number;
  installed_usd: number;
  owners_cost_usd: number;
  contingency_usd: number;
  accuracy_usd: { low: number; high: number; aace_class: number };
  phasing_usd: number[];
  benchmarks: { reference_id: string; total_usd: number; scale_ratio: number; in_range: boolean }[];
  budget?: {
    budget_usd: number;
    within_budget: boolean;
    capacity_within_budget_t_per_year: number;
  };
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
  cashflow: never[];
  metrics: null;
  impact: null;
  emissions: null;
  sources: SourceEntry[];
  not_implemented: NotImplemented[];
}
