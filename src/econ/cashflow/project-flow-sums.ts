/**
 * The project columns the headline outputs read (free cash flow, capex, opex, closure,
 * production, contained Cr, taxes) of each stage, added row by row over the stages of a project
 * without building a table: the sampling loop's form of `combineTables` on the unlevered columns. No
 * headline output reads the debt tranche (FCF and the government take are unlevered), so it is
 * not solved; every number equals the table's column to the last bit (same operations).
 */
import type { ScratchArrays } from '../../numeric/scratch-arrays.js';
import { unleveredFlows } from './unlevered-flows.js';
import type { CashflowInput } from './types.js';
import { validateCashflowInput } from './validate-input.js';

/** Sums over stages by row, in the tables' basis [USD, t]. */
export interface ProjectFlowSums {
  fcf: Float64Array;
  capex: Float64Array;
  opex: Float64Array;
  closure: Float64Array;
  production: Float64Array;
  productionCr: Float64Array;
  /** Unlevered taxes: CIT and the others. */
  tax: Float64Array;
}

/**
 * Sums of `n` rows taken from `scratch` (valid until its reset): zeros, or with `zeroed` false
 * whatever an earlier use left (for columns that {@link stageProjectFlows} then writes in full).
 */
export function takeProjectFlowSums(
  scratch: ScratchArrays,
  n: number,
  zeroed = true,
): ProjectFlowSums {
  const take = (): Float64Array => (zeroed ? scratch.take(n) : scratch.takeUnset(n));
  return {
    fcf: take(),
    capex: take(),
    opex: take(),
    closure: take(),
    production: take(),
    productionCr: take(),
    tax: take(),
  };
}

/**
 * Writes one stage's columns (the columns of buildCashflowTable for the same input).
 *
 * @param input - The stage's table input (its horizon is the columns' length).
 * @param out - Receives the stage's flows by row.
 * @param scratch - Work arrays of the engine (reset here).
 * @returns `out`.
 * @throws As buildCashflowTable, except the debt tranche's ConvergenceError (not solved).
 */
export function stageProjectFlows(
  input: CashflowInput,
  out: ProjectFlowSums,
  scratch: ScratchArrays,
): ProjectFlowSums {
  validateCashflowInput(input);
  scratch.reset();
  const f = unleveredFlows(input, scratch);
  const real = input.basis === 'real';
  for (let t = 0; t < input.horizon_years; t++) {
    const rev = f.revenue[t] ?? 0;
    const ox = f.opex[t] ?? 0;
    const cx = f.capex[t] ?? 0;
    const dw = f.dWc[t] ?? 0;
    const cl = f.closure[t] ?? 0;
    const tax = (f.cit[t] ?? 0) + (f.otherTax[t] ?? 0);
    const fcf = rev - ox - cx - dw - tax - cl;
    const d = real ? 1 / (f.esc[t] ?? 1) : 1;
    out.fcf[t] = fcf * d;
    out.capex[t] = cx * d;
    out.opex[t] = ox * d;
    out.closure[t] = cl * d;
    out.production[t] = f.production[t] ?? 0;
    out.productionCr[t] = f.productionCr[t] ?? 0;
    out.tax[t] = tax * d;
  }
  return out;
}

const COLUMNS = ['fcf', 'capex', 'opex', 'closure', 'production', 'productionCr', 'tax'] as const;

/** Adds a stage's columns to the project's sums, row by row (as combineTables adds tables). */
export function addProjectFlowSums(sums: ProjectFlowSums, stage: ProjectFlowSums): void {
  for (const k of COLUMNS) {
    const a = sums[k];
    const b = stage[k];
    for (let t = 0; t < a.length; t++) a[t] = (a[t] ?? 0) + (b[t] ?? 0);
  }
}

/** A copy of a stage's columns in arrays of its own (kept beyond the scratch's next reset). */
export function copyProjectFlows(flows: ProjectFlowSums): ProjectFlowSums {
  return {
    fcf: flows.fcf.slice(),
    capex: flows.capex.slice(),
    opex: flows.opex.slice(),
    closure: flows.closure.slice(),
    production: flows.production.slice(),
    productionCr: flows.productionCr.slice(),
    tax: flows.tax.slice(),
  };
}
