/**
 * The common result of running one stage's flowsheet template — what `appraise` consumes from
 * the process layer, whatever the template (concentrator, ferrochrome smelter, chromium plant).
 * Per-hour figures are at nameplate operation; the economics layer turns them into per-year
 * figures with availability and ramp-up.
 */
import type { MissedLimit } from './pyro/fecr-grade.js';
import type {
  DesignOverrides,
  DesignSnapshot,
  UnitDesignRecord,
} from './design/design-flowsheet.js';
import type { BalanceReport } from './flowsheet/report.js';

export interface StageProductFlow {
  /** Product id from the scenario's product catalogue, e.g. `hc-ferrochrome`. */
  id: string;
  /** Dry mass flow [t/h]. */
  t_per_h: number;
  /** Dry composition [wt%]: elements for alloys and metals (Cr, Fe, C, Si, …), oxides for concentrates. */
  composition_wt_pct: Record<string, number>;
}

export interface StageConsumption {
  /** Consumable id from the scenario's consumables catalogue (`coke`, `quartzite`, …) or `electricity`. */
  id: string;
  /** Amount per hour in `unit` (t/h for solids, m3/h for water, MWh/h for electricity and gas). */
  per_h: number;
  unit: 't/h' | 'm3/h' | 'MWh/h';
}

export interface StageByproduct {
  /** E.g. `slag`, `off-gas`, `leach-residue`, `tailings`. */
  id: string;
  t_per_h: number;
  /** Chemical energy or other value-bearing content, when meaningful [MWh/h]. */
  energy_MWh_per_h?: number;
  composition_wt_pct?: Record<string, number>;
}

/** Energy balance of a reactive unit, closing to round-off (issue 5: "the heat balance closes"). */
export interface UnitEnergyBalance {
  unit_id: string;
  /** Absolute enthalpy (ΔfH298 + H(T) − H298) of inlets and outlets [kW]. */
  H_in_kW: number;
  H_out_kW: number;
  /** Electrical energy delivered to the process [kW]. */
  electric_kW: number;
  /** Heat from fuel or burners delivered to the process [kW]. */
  heat_in_kW: number;
  heat_loss_kW: number;
  /** |H_in + electric + heat_in − H_out − loss| / max(|terms|) [–]. */
  closure_rel: number;
}

/** A product's grade: the standard, the grade met (null: none) and the limits missed. */
export interface ProductGrade {
  standard: string;
  grade: string | null;
  /** The limits missed as text (English). */
  failing: string[];
  /** The limits missed as data, for a reader that words them in its own language. */
  missed: MissedLimit[];
}

/** The smelter slag against its liquidus (fecr-slag-check.ts). */
export interface SlagLiquidusCheck {
  /** Liquidus of the tapped slag [K]. */
  T_K: number;
  /** The first solid to crystallise on cooling, e.g. `spinel MgAl2O4`. */
  primary_phase: string;
  /** Tapping temperature − liquidus, and the declared minimum [K]. */
  superheat_K: number;
  required_superheat_K: number;
}

/** Report-only checks of a stage run (computed when read). */
export interface ReportChecks {
  kpis: Record<string, number>;
  warnings: string[];
  slag_liquidus?: SlagLiquidusCheck;
}

export interface StageRun {
  /**
   * The engine's balance report (streams, units, closures, Sankey flows): built from the
   * solution when read, afresh on each read (read it once; copy the run with Object.assign, not
   * a spread, to keep it on demand).
   */
  readonly balance: BalanceReport;
  /** Named key figures with units in the names (`specific_energy_MWh_per_t`, `cr_recovery`, …). */
  kpis: Record<string, number>;
  /**
   * Report-only checks computed when read, afresh on each read (as `balance`), so that a Monte
   * Carlo sample that reads only headline outputs does not pay for them: the smelter slag's
   * viscosity, liquidus and superheat (FeCr stages, fecr-slag-check.ts), merged into the stage's KPIs and
   * warnings by the appraisal (stage-results.ts).
   */
  readonly report_checks?: ReportChecks;
  products: StageProductFlow[];
  consumptions: StageConsumption[];
  byproducts: StageByproduct[];
  energy: UnitEnergyBalance[];
  /** Design of every unit (sizes with units), from the units' design steps. */
  design: UnitDesignRecord[];
  /** The solved units as the design step reads them: the plant redesigned at another throughput. */
  design_snapshot: DesignSnapshot;
  /** Design-basis overrides the design used (`stages[].design`). */
  design_overrides: DesignOverrides;
  /** Warnings the route choices raise (e.g. an obsolete route chosen by a route key). */
  warnings?: string[];
  /**
   * Grade of the main product against its standard (ferrochrome stages; fecr-grade.ts);
   * undefined in a run without detail (`StageSolveOptions.detail`).
   */
  product_grade?: ProductGrade | undefined;
  /** Hexavalent chromium, hazardous waste and water of the stage at nameplate (per hour). */
  environment?: StageEnvironmentPerHour;
  /**
   * Sulphur leaving the stage with its off-gas (and, for the smelter, the dust), before any gas
   * cleaning, at nameplate [kg S/h]: from the minor-element ledger of the stages that keep one
   * (undefined in a run without detail).
   */
  sulphur_to_air_kg_per_h?: number | undefined;
}

/** A stage's environmental flows at nameplate, per hour of operation. */
export interface StageEnvironmentPerHour {
  /** Cr(VI) formed by the process and leaving its units in residues and liquors [kg/h]. */
  cr6_generated_kg_per_h: number;
  /** Cr(VI) reduced to Cr(III) by the treatment units [kg/h]. */
  cr6_treated_kg_per_h: number;
  /** Cr(VI) released to water with the treated discharge [kg/h]. */
  cr6_released_to_water_kg_per_h: number;
  /** Cr(VI) left in the treated waste sent to the hazardous-waste landfill [kg/h]. */
  cr6_to_landfill_kg_per_h: number;
  /** Hazardous waste (treated residue, sludge; wet) [t/h]. */
  hazardous_waste_t_per_h: number;
  /** Fresh water withdrawn [m3/h]. */
  water_withdrawn_m3_per_h: number;
  /** Treated water discharged [m3/h]. */
  water_discharged_m3_per_h: number;
}
