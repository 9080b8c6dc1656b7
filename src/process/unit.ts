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

/** Preallocated result buffers of one unit; `solve` writes into them. */
export interface UnitOutput {
  /** Outlet streams in the order of `UnitKind.outlets` (zeroed by the solver before `solve`). */
  readonly outlets: readonly Stream[];
  readonly duties: Duties;
  /** Named numbers explaining the solve (P80s, cut sizes, specific energy…), units in the names. */
  readonly diagnostics: Record<string, number>;
}

/** Context of one unit solve. */
export interface UnitContext {
  readonly model: ComponentModel;
  /** Unit id (for error messages). */
  readonly unitId: string;
  /** Persistent state carried between solves (warm start), length `UnitKind.stateSize`. */
  readonly state: Float64Array;
  /** Scratch array of length ≥ 4 · nMin · nSize + 4 · nSize, not preserved between calls. */
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
   * A reactive unit conserves elements and total mass but not components: its liquid water may
   * leave as vapour or bound in products, so the water row of the closure is not checked for it
   * (nor for the plant when any unit is reactive). Elements and total mass still are.
   */
  readonly reactive?: boolean;
  /** Sink kinds terminate the flowsheet: 'product' | 'tailings' | 'process-water'. */
  readonly sink?: 'product' | 'tailings' | 'process-water';
  /** Literature for the equations. */
  readonly references: readonly string[];
  /** Cross-parameter checks at compile time (throw InputError). */
  validate?(params: ParamValues<S>, field: string): void;
  /**
   * Precomputes parameter-only quantities (partition matrices, size powers) once per compiled
   * flowsheet, so the hot path does no transcendental functions that do not depend on the feed.
   */
  prepare?(params: ParamValues<S>, model: ComponentModel): Float64Array;
  solve(inlets: readonly Stream[], params: ParamValues<S>, ctx: UnitContext, out: UnitOutput): void;
}
