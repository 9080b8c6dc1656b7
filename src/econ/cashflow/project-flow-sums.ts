/**
 * The project columns the headline outputs read (free cash flow, capex, opex, closure,
 * production, contained Cr, taxes), added row by row over the stages of a project without
 * building a table: the sampling loop's form of `combineTables` on the unlevered columns. No
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

/** Zero sums of `n` rows, taken from `scratch` (valid until its reset). */
export function takeProjectFlowSums(scratch: ScratchArrays, n: number): ProjectFlowSums {
  return {
    fcf: scratch.take(n),
    capex: scratch.take(n),
    opex: scratch.take(n),
    closure: scratch.take(n),
    production: scratch.take(n),
    productionCr: scratch.take(n),
    tax: scratch.take(n),
  };
}

/**
 * Adds one stage's columns to the sums (the columns of buildCashflowTable for the same input).
 *
 * @param input - The stage's table input (its horizon is the sums' length).
 * @param sums - Receives the stage's flows, added row by row.
 * @param scratch - Work arrays of the engine (reset here).
 * @throws As buildCashflowTable, except the debt tranche's ConvergenceError (not solved).
 */
export function addProjectFlows(
  input: CashflowInput,
  sums: ProjectFlowSums,
  scratch: ScratchArrays,
): void {
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
    sums.fcf[t] = (sums.fcf[t] ?? 0) + fcf * d;
    sums.capex[t] = (sums.capex[t] ?? 0) + cx * d;
    sums.opex[t] = (sums.opex[t] ?? 0) + ox * d;
    sums.closure[t] = (sums.closure[t] ?? 0) + cl * d;
    sums.production[t] = (sums.production[t] ?? 0) + (f.production[t] ?? 0);
    sums.productionCr[t] = (sums.productionCr[t] ?? 0) + (f.productionCr[t] ?? 0);
    sums.tax[t] = (sums.tax[t] ?? 0) + tax * d;
  }
}
