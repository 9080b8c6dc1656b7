/**
 * Solves the furnace equations (furnace-equations.ts) for the reductant, the quartzite, the alloy
 * rate and, with a slag Cr2O3 target, the Cr recovery. The residuals F are affine in these
 * unknowns, so F(v) = F(v0) + J·(v − v0) with J's columns (F(v0 + h·e_k) − F(v0))/h, and one
 * linear solve gives the root; a second step (the chord iteration v ← v − J⁻¹F(v)) removes the
 * round-off of the first. Were the system bilinear (reductant ash carrying Cr2O3 makes the Cr
 * recovery multiply the reductant), the same chord iteration converges linearly from the start
 * v0 — the warm start — in a few more steps.
 */
import { ConvergenceError, InputError } from '../../errors.js';
import {
  createSmallLu,
  factorSmallLinearInto,
  solveFactoredInto,
} from '../../numeric/small-linear-solve.js';
import type { FurnaceBasis } from './furnace-basis.js';
import { furnaceElementBalance, M_SLAG, type FurnaceUnknowns } from './furnace-element-balance.js';
import {
  createResidualWork,
  furnaceResiduals,
  recoveryOf,
  solvesRecovery,
  unknownsOf,
  type FurnaceVector,
} from './furnace-equations.js';
import type { FurnaceParams } from './furnace-params.js';
import { mass_kg_per_s, SP } from './species.js';

/** Largest chord step, relative to each unknown's scale, at convergence [–]. */
const STEP_TOLERANCE = 1e-13;
const MAX_STEPS = 30;

export interface FurnaceSolution {
  additions: FurnaceUnknowns;
  cr_recovery: number;
  /** Chord steps taken (2 for the linear system: the solve and its refinement) [–]. */
  steps: number;
}

/**
 * The chord iteration on the unknowns marked `free` (the others stay at their value in v0).
 * @param h - Scale of each unknown: the probe step and the tolerance unit [kg/s or –]
 */
function chord(
  b: FurnaceBasis,
  p: FurnaceParams,
  v0: readonly number[],
  free: readonly number[],
  h: readonly number[],
  luStorage?: Float64Array,
): { v: number[]; steps: number } {
  const n = v0.length;
  const work = createResidualWork();
  // small typed arrays (on V8's heap): plain ones from `new Array(n)` stay holey, and the
  // loops below would box every number they read from them
  const F0 = new Float64Array(n);
  furnaceResiduals(b, p, v0, F0, work);
  const J: Float64Array[] = [];
  for (let row = 0; row < free.length; row++) J.push(new Float64Array(free.length));
  const Fk = new Float64Array(n);
  const probe = [...v0];
  for (let col = 0; col < free.length; col++) {
    const k = free[col] ?? 0;
    probe[k] = (v0[k] ?? 0) + (h[k] ?? 1);
    furnaceResiduals(b, p, probe, Fk, work);
    probe[k] = v0[k] ?? 0;
    for (let row = 0; row < free.length; row++) {
      const r = J[row];
      if (r) r[col] = ((Fk[row] ?? 0) - (F0[row] ?? 0)) / (h[k] ?? 1);
    }
  }
  // the chord's matrix is fixed: factored once, each step is a substitution
  const lu = factorSmallLinearInto(J, createSmallLu(free.length, luStorage));
  const rhs = new Float64Array(free.length);
  const dv = new Float64Array(free.length);
  const v = [...v0];
  const F = F0;
  for (let step = 1; step <= MAX_STEPS; step++) {
    for (let row = 0; row < free.length; row++) rhs[row] = -(F[row] ?? 0);
    solveFactoredInto(lu, rhs, dv);
    let worst = 0;
    for (let col = 0; col < free.length; col++) {
      const k = free[col] ?? 0;
      v[k] = (v[k] ?? 0) + (dv[col] ?? NaN);
      worst = Math.max(worst, Math.abs(dv[col] ?? NaN) / (h[k] ?? 1));
    }
    if (!Number.isFinite(worst))
      throw new ConvergenceError(
        'furnace additions (singular balance: check the materials)',
        step,
        worst,
      );
    if (worst <= STEP_TOLERANCE) return { v, steps: step };
    furnaceResiduals(b, p, v, F, work);
  }
  throw new ConvergenceError('furnace additions and Cr recovery', MAX_STEPS, NaN);
}

/** Slag SiO2 [wt%] or basicity [–] (as targeted) with the reductant solved and no quartzite. */
function fluxValueWithoutQuartzite(
  b: FurnaceBasis,
  p: FurnaceParams,
  v0: readonly number[],
  h: readonly number[],
): number {
  const free = solvesRecovery(p) ? [0, 2, 3] : [0, 2];
  const start = [...v0];
  start[1] = 0;
  const { v } = chord(b, p, start, free, h);
  const el = furnaceElementBalance(b, p, unknownsOf(v), recoveryOf(p, v));
  if (p.slag_basicity > 0)
    return (M_SLAG.CaO * el.slagCa + M_SLAG.MgO * el.slagMg) / (M_SLAG.SiO2 * el.slagSi);
  return ((M_SLAG.SiO2 * el.slagSi) / el.slag_kg_per_s) * 100;
}

/**
 * The slag's SiO2 [wt%] when the furnace takes no quartzite (reductant, alloy rate and, with a
 * slag Cr2O3 target, the Cr recovery solved): the lowest slag SiO2 target the charge can reach.
 */
export function slagSiO2WithoutQuartzite_wt_pct(b: FurnaceBasis, p: FurnaceParams): number {
  const scale = mass_kg_per_s(b.charge) || 1;
  const q: FurnaceParams = { ...p, slag_basicity: 0 };
  const v0 = solvesRecovery(q)
    ? [0, 0, 0, Math.min(q.cr_recovery, 1 - q.dust_fraction)]
    : [0, 0, 0];
  return fluxValueWithoutQuartzite(b, q, v0, [scale, scale, scale, 1]);
}

/** Refuses a solution with negative additions or a Cr recovery outside (0, 1 − dust]. */
function checkFeasible(
  b: FurnaceBasis,
  p: FurnaceParams,
  v: FurnaceVector,
  v0: readonly number[],
  h: readonly number[],
): void {
  // the Cr recovery first, then the flux, then the reductant: an unreachable target drags the
  // unknowns solved after it (the reductant follows everything) out of range too
  const R = recoveryOf(p, v);
  const hi = 1 - p.dust_fraction;
  if (solvesRecovery(p) && !(R > 0 && R <= hi))
    throw new InputError(
      'furnace.slag_Cr2O3_wt_pct',
      p.slag_Cr2O3_wt_pct,
      `a target the charge can reach (it needs a Cr recovery of ${R.toFixed(4)}, outside (0, ${hi.toFixed(4)}])`,
    );
  const tiny = STEP_TOLERANCE * 10 * (h[0] ?? 1);
  if ((v[1] ?? 0) < -tiny) {
    const without = fluxValueWithoutQuartzite(b, p, v0, h);
    if (p.slag_basicity > 0)
      throw new InputError(
        'furnace.slag_basicity',
        p.slag_basicity,
        `≤ ${without.toFixed(3)} (the slag's basicity without quartzite)`,
      );
    throw new InputError(
      'furnace.slag_SiO2_wt_pct',
      p.slag_SiO2_wt_pct,
      `≥ ${without.toFixed(2)} wt% (the slag's SiO2 without quartzite)`,
    );
  }
  if ((v[0] ?? 0) < -tiny)
    throw new InputError(
      'charge.C(s)',
      b.charge.mol_per_s[SP['C(s)']],
      'no more carbon in the charge than the furnace needs (reductant addition would be negative)',
    );
}

/** Doubles of the caller's storage for the factors of the additions' chord matrix (4 × 4). */
export const ADDITIONS_LU_LENGTH = 16;

/**
 * Reductant, quartzite and alloy rate, and the Cr recovery when a slag Cr2O3 target is set.
 * @param crRecoveryStart - Start of the Cr recovery [–] (warm start; default the parameter)
 * @param luStorage - The caller's work for the chord matrix's factors, {@link ADDITIONS_LU_LENGTH}
 *   long (default a new array)
 * @throws InputError when the charge holds more carbon than the furnace needs (negative
 *   reductant), the flux target needs negative quartzite, or the Cr2O3 target an impossible
 *   recovery; ConvergenceError for a singular balance (e.g. a reductant without carbon)
 */
export function solveFurnaceAdditions(
  b: FurnaceBasis,
  p: FurnaceParams,
  crRecoveryStart: number = p.cr_recovery,
  luStorage?: Float64Array,
): FurnaceSolution {
  const scale = mass_kg_per_s(b.charge) || 1;
  const recovery = solvesRecovery(p);
  const v0 = recovery ? [0, 0, 0, Math.min(crRecoveryStart, 1 - p.dust_fraction)] : [0, 0, 0];
  const h = [scale, scale, scale, 1];
  const { v, steps } = chord(b, p, v0, recovery ? [0, 1, 2, 3] : [0, 1, 2], h, luStorage);
  checkFeasible(b, p, v, v0, h);
  // a root within round-off of zero is zero (a charge that needs exactly no reductant or flux)
  v[0] = Math.max(v[0] ?? 0, 0);
  v[1] = Math.max(v[1] ?? 0, 0);
  return { additions: unknownsOf(v), cr_recovery: recoveryOf(p, v), steps };
}
