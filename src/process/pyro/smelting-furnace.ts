/**
 * Smelting furnace for HC ferrochrome: AC submerged-arc (SAF) and DC open-arc in one model with
 * route parameters. A reactive unit: it conserves elements, not components. Explicit equations,
 * one idea per file:
 *   furnace-basis.ts           the inlets as charge + multiples of per-kg vectors (linear structure)
 *   furnace-element-balance.ts the element balance: alloy (recoveries, w_C), dust, slag, gas
 *   furnace-equations.ts       alloy, carbon, flux and slag-Cr2O3 equations (affine residuals)
 *   furnace-additions.ts       their solution: reductant, quartzite, alloy rate (and Cr recovery
 *                              for a slag Cr2O3 target) from one 3 × 3 (4 × 4) linear system
 *   furnace-mass-balance.ts    the species streams
 *   furnace-energy-balance.ts  η·P_el = ΣH_out + Q_loss − ΣH_in (absolute enthalpies)
 *   flux-solve.ts              with flux_by_liquidus = 1, the slag SiO2 target that puts the
 *                              slag liquidus + superheat at the tapping temperature (outer 1-D root)
 * Balances (mol/s of elements): Cr_alloy = R_Cr·Cr_in, Fe_alloy = R_Fe·Fe_in,
 * Si_alloy = R_Si·Si_in; dust = f_d × chromite charge; carbon as CO with CO2 only from the
 * air-ingress O2; slag the remaining oxides.
 */
import { ADDITIONS_LU_LENGTH, solveFurnaceAdditions } from './furnace-additions.js';
import { FURNACE_BASIS_LENGTH, furnaceBasis, materialVectorsOf } from './furnace-basis.js';
import { furnaceEnergyBalance } from './furnace-energy-balance.js';
import { slagSiO2ByLiquidus_wt_pct } from './flux-solve.js';
import {
  FURNACE_STREAMS_LENGTH,
  furnaceStreams,
  type FurnaceAdditions,
} from './furnace-mass-balance.js';
import {
  routeMaterials,
  validateFurnaceParams,
  type FurnaceMaterials,
  type FurnaceParams,
} from './furnace-params.js';
import { mass_kg_per_s, molarEnthalpyTable, type SpeciesStream } from './species.js';

export {
  DC_FURNACE_MATERIALS,
  DEFAULT_FURNACE_MATERIALS,
  furnaceDefaults,
  routeMaterials,
  type FurnaceMaterials,
  type FurnaceParams,
  type FurnaceRoute,
} from './furnace-params.js';
export { FURNACE_ADDITIONS, type FurnaceAdditions } from './furnace-mass-balance.js';
export { furnaceEnergyBalance, type FurnaceEnergy } from './furnace-energy-balance.js';

export interface FurnaceResult {
  /** The charge and the additions, by role. */
  charge: SpeciesStream;
  additions: FurnaceAdditions;
  /** Every inlet (the charge, then the additions) and outlet, for balances over the unit. */
  inlets: SpeciesStream[];
  outlets: SpeciesStream[];
  alloy: SpeciesStream;
  slag: SpeciesStream;
  gas: SpeciesStream;
  dust: SpeciesStream;
  /** As-charged additions [kg/s]. */
  reductant_kg_per_s: number;
  quartzite_kg_per_s: number;
  lime_kg_per_s: number;
  electrode_kg_per_s: number;
  alloy_kg_per_s: number;
  slag_kg_per_s: number;
  /** Electrical power drawn from the grid [W]. */
  electric_W: number;
  /** Thermal loss (calibrated) [W] and electrical losses (1 − η)·P [W]. */
  heat_loss_W: number;
  electrical_loss_W: number;
  H_in_W: number;
  H_out_W: number;
  /** Steps of the additions solve (2 for the linear system: solve and refinement) [–]. */
  iterations: number;
  /** Cr recovery to the alloy used (the parameter, or solved for the slag Cr2O3 target) [–]. */
  cr_recovery: number;
}

export interface FurnaceSolveOptions {
  /**
   * Cr recovery the additions solve starts from [–] (warm start, e.g. the recovery of the same
   * charge composition at another throughput). Changes the round-off, not the result.
   */
  crRecoveryStart?: number;
  /**
   * The caller's work array, {@link FURNACE_WORK_LENGTH} long (a flowsheet unit's scratch): it
   * holds the result's streams, valid until the work is reused. Default: new arrays per solve
   * (typed arrays over 64 bytes are allocated outside V8's heap, ≈ 1 µs each).
   */
  work?: Float64Array;
  /**
   * Molar enthalpies at the furnace's fixed temperatures ({@link furnaceEnthalpyTable} of its
   * parameters; a flowsheet unit's prepared data), default none (each computed).
   */
  enthalpies?: Float64Array;
}

/**
 * The molar enthalpies a furnace solve reads, at the temperatures its parameters fix: the cold
 * materials (298.15 K), the alloy, the slag and the off-gas and dust.
 */
export function furnaceEnthalpyTable(p: FurnaceParams): Float64Array {
  return molarEnthalpyTable([298.15, p.alloy_T_K, p.slag_T_K, p.offgas_T_K]);
}

/** Doubles of a furnace solve's work: the basis's vectors, the nine streams, the chord's factors. */
export const FURNACE_WORK_LENGTH =
  FURNACE_BASIS_LENGTH + FURNACE_STREAMS_LENGTH + ADDITIONS_LU_LENGTH;

/** The parts of a work array (views; none when there is no work). */
function workParts(work: Float64Array | undefined) {
  if (!work) return { basis: undefined, streams: undefined, lu: undefined };
  if (work.length < FURNACE_WORK_LENGTH)
    throw new RangeError(`furnace work: ${work.length} doubles, needs ${FURNACE_WORK_LENGTH}`);
  const s = FURNACE_BASIS_LENGTH;
  const l = s + FURNACE_STREAMS_LENGTH;
  return {
    basis: work.subarray(0, s),
    streams: work.subarray(s, l),
    lu: work.subarray(l, l + ADDITIONS_LU_LENGTH),
  };
}

/**
 * Solves the smelting furnace for a given chromite-bearing charge.
 * @param charge - Chromite charge (ore, sinter, pellets or pre-reduced pellets) [mol/s] at its T [K];
 *   its carbon (pellet reductant) counts toward the carbon balance
 * @param p0 - Route parameters (with flux_by_liquidus = 1 its slag_SiO2_wt_pct is replaced by
 *   the solved target)
 * @param mat - Reductant, electrode, fluxes (default: the route's, {@link routeMaterials}: Söderberg
 *   paste for AC, graphite for DC)
 * @returns Streams, additions [kg/s], electrical power [W] and the energy balance terms [W]
 * @throws InputError for bad parameters or an infeasible flux/reductant/Cr2O3 target
 */
export function solveSmeltingFurnace(
  charge: SpeciesStream,
  p0: FurnaceParams,
  mat: FurnaceMaterials = routeMaterials(p0.route),
  options: FurnaceSolveOptions = {},
): FurnaceResult {
  validateFurnaceParams(p0);
  const vectors = materialVectorsOf(p0.route, mat);
  const work = workParts(options.work);
  const b = furnaceBasis(charge, p0, vectors, work.basis);
  // the liquidus option only moves the SiO2 target: the rest of the solve is unchanged
  const p =
    p0.flux_by_liquidus === 1 ? { ...p0, slag_SiO2_wt_pct: slagSiO2ByLiquidus_wt_pct(b, p0) } : p0;
  const solved = solveFurnaceAdditions(b, p, options.crRecoveryStart, work.lu);
  const s = furnaceStreams(b, p, solved.additions, solved.cr_recovery, work.streams);
  const a = s.additions;
  const inlets = [charge, a.reductant, a.quartzite, a.lime, a.electrode, a.air];
  const outlets = [s.alloy, s.slag, s.gas, s.dust];
  const alloy_kg_per_s = mass_kg_per_s(s.alloy);
  const energy = furnaceEnergyBalance(inlets, outlets, alloy_kg_per_s, p, options.enthalpies);
  return {
    charge,
    additions: a,
    inlets,
    outlets,
    alloy: s.alloy,
    slag: s.slag,
    gas: s.gas,
    dust: s.dust,
    reductant_kg_per_s: solved.additions.reductant_kg_per_s,
    quartzite_kg_per_s: solved.additions.quartzite_kg_per_s,
    lime_kg_per_s: mass_kg_per_s(a.lime),
    electrode_kg_per_s: mass_kg_per_s(a.electrode),
    alloy_kg_per_s,
    slag_kg_per_s: mass_kg_per_s(s.slag),
    ...energy,
    iterations: solved.steps,
    cr_recovery: solved.cr_recovery,
  };
}
