import type { ComponentModel } from './components.js';
import type { ParamSchema, ParamValues } from './params.js';
import type { Stream } from './stream.js';

/** Utilities consumed by a unit during one solve. */
export interface Duties {
  /** Electrical power drawn [kW]. */
  power_kW: number;
  /** Process water added by the unit (dilution, wash, spray) [kg/h]; enters the balance. */
  water_added_kg_per_h: number;
  /** Consumables outside the mass balance (ferrosilicon, flocculant…) [kg/h], by `UnitKind.reagents`. */
  readonly reagents_kg_per_h: Float64Array;
}

/**
 * Energy balance terms of a reactive unit [kW] (absolute enthalpies: ΔfH298 + H(T) − H298):
 * H_in + electric + heat_in = H_out + heat_loss closes to round-off.
 */
export interface EnergyTerms {
  H_in_kW: number;
  H_out_kW: number;
  /** Electrical energy delivered to the process [kW]. */
  electric_kW: number;
  /** Heat from burners or fuel delivered to the process [kW]. */
  heat_in_kW: number;
  heat_loss_kW: number;
}

/** Preallocated result buffers of one unit; `solve` writes into them. */
export interface UnitOutput {
  /** Outlet streams in the order of `UnitKind.outlets` (zeroed by the solver before `solve`). */
  readonly outlets: readonly Stream[];
  readonly duties: Duties;
  /**
   * Named numbers explaining the solve (P80s, cut sizes, specific energy…), units in the names.
   * The ones other code reads are declared in `UnitKind.results` and read with `unitResult`.
   */
  readonly diagnostics: Record<string, number>;
  /** Energy terms of the last solve; null until a unit with `UnitKind.energy` writes them. */
  energy: EnergyTerms | null;
  /**
   * Additions the unit needs at its addition ports (make-up), by port, computed from its main
   * inlet [kg/h]; cleared by the solver before each solve. Declared in `UnitKind.demandPorts`.
   */
  readonly demands: Map<string, Stream>;
  /**
   * One stream per declared demand port, allocated with the solution: `writeDemand` fills the
   * port's stream and publishes it in `demands`, so that a solve allocates no demand stream.
   */
  readonly demandStreams: ReadonlyMap<string, Stream>;
}

/**
 * A declared result of a unit kind, BioSTEAM's `_units` entry: its unit of measure and meaning.
 * Results are numbers in the unit given; reading an undeclared or missing one is an error.
 */
export interface ResultSpec {
  readonly unit: string;
  readonly description: string;
}

/** Declared results by name. */
export type ResultSpecs = Readonly<Record<string, ResultSpec>>;

/**
 * What the design step of a unit sees: its solved streams, duties and energy terms, parameters
 * and design basis — all extensive quantities scale with throughput, so a design at another
 * capacity is the design of this view scaled (the balance is homogeneous in the feed rate).
 */
export interface SolvedUnit {
  readonly model: ComponentModel;
  readonly unitId: string;
  readonly params: Readonly<Record<string, number>>;
  /** Resolved design-basis values (defaults of `UnitDesign.basis` with overrides). */
  readonly basis: Readonly<Record<string, number>>;
  readonly inlets: readonly Stream[];
  readonly outlets: readonly Stream[];
  readonly duties: Readonly<Pick<Duties, 'power_kW' | 'water_added_kg_per_h'>>;
  /** The unit's energy terms (null for a unit without `UnitKind.energy`). */
  readonly energy: Readonly<EnergyTerms> | null;
}

/**
 * The design step of a unit kind (BioSTEAM's `_design`): sizes with units computed from the
 * solved balance and a design basis (specific capacities, residence times, margins) kept as data
 * with sources. Equipment cost lives in `econ/capex` and reads only these results.
 */
export interface UnitDesign {
  /** Design-basis parameters with default, unit, range and source (overridable per stage). */
  readonly basis: ParamSchema;
  /** Declared design results. */
  readonly results: ResultSpecs;
  /** Sizes the unit; returns every declared result as a finite number ≥ 0. */
  size(unit: SolvedUnit): Record<string, number>;
}

/** Context of one unit solve. */
export interface UnitContext {
  readonly model: ComponentModel;
  /** Unit id (for error messages). */
  readonly unitId: string;
  /** Persistent state carried between solves (warm start), length `UnitKind.stateSize`. */
  readonly state: Float64Array;
  /**
   * Scratch array of length ≥ 4 · nMin · nSize + 4 · nSize and ≥ the kind's `scratchSize`, not
   * preserved between calls (shared by the units of a solution).
   */
  readonly scratch: Float64Array;
  /** What `UnitKind.prepare` computed once at solution creation (e.g. a partition matrix); empty otherwise. */
  readonly prepared: Float64Array;
}

/**
 * A unit-operation kind: ports, parameter schema, equations (`solve`) and references.
 * `solve(inlets, params, ctx, out)` maps inlet streams to outlet streams, duties and
 * diagnostics; it must conserve every component unless it declares reactions (none of the
 * mineral-processing units do).
 */
export interface UnitKind<S extends ParamSchema = ParamSchema> {
  readonly kind: string;
  readonly title: string;
  /** Inlet port names, or 'variadic' for any number ≥ 1 of arbitrarily named ports (mixer). */
  readonly inlets: readonly string[] | 'variadic';
  readonly outlets: readonly string[];
  readonly params: S;
  readonly reagents: readonly string[];
  readonly stateSize: number;
  /**
   * Doubles of `UnitContext.scratch` the unit's solve uses (default: the mineral units' work,
   * which every scratch holds): the solution allocates the largest of its units' once, so a
   * solve that needs work arrays takes views of it instead of allocating them.
   */
  readonly scratchSize?: number;
  /**
   * A reactive unit conserves elements and total mass but not components: its liquid water may
   * leave as vapour or bound in products, so the water row of the closure is not checked for it
   * (nor for the plant when any unit is reactive). Elements and total mass still are.
   */
  readonly reactive?: boolean;
  /** Sink kinds terminate the flowsheet: 'product' | 'tailings' | 'process-water'. */
  readonly sink?: 'product' | 'tailings' | 'process-water';
  /** Literature for the equations. */
  readonly references: readonly string[];
  /**
   * Results the solve writes into `UnitOutput.diagnostics` that stage summaries may read, with
   * units. `unitResult` refuses a name that is not declared or not written.
   */
  readonly results: ResultSpecs;
  /** True when the solve writes `UnitOutput.energy` (a reactive unit's heat balance). */
  readonly energy?: boolean;
  /** Addition ports whose make-up the unit writes into `UnitOutput.demands`. */
  readonly demandPorts?: readonly string[];
  /** The design step: sizes for costing, from the solved balance. */
  readonly design: UnitDesign;
  /** Cross-parameter checks at compile time (throw InputError). */
  validate?(params: ParamValues<S>, field: string): void;
  /**
   * Precomputes parameter-only quantities (partition matrices, size powers) once per compiled
   * flowsheet, so the hot path does no transcendental functions that do not depend on the feed.
   */
  prepare?(params: ParamValues<S>, model: ComponentModel): Float64Array;
  solve(inlets: readonly Stream[], params: ParamValues<S>, ctx: UnitContext, out: UnitOutput): void;
}
