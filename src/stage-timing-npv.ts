/**
 * The revaluation behind the stage-timing option: the incremental NPV of one stage started in a
 * given year, under the deck or with its price series scaled — the number `appraise` reports as
 * `stages[i].metrics.npv_usd`, computed without building an appraisal.
 *
 * It runs the same functions as `appraise` in the same order (stage results with capex, the
 * commercial basis, every stage's economics on the project calendar, the stage's unlevered
 * cash-flow columns, `npv` on its free cash flow), so the number is bit-identical; it skips what
 * the NPV does not read (the debt tranche, impact, views, emissions, sources, other stages'
 * tables, metrics beyond NPV, break-evens). The plant is never solved again: prices and a stage's start year do not change
 * a flowsheet. The stage results (capex depends on the construction years) are computed once
 * per start year and reused for every price scaling.
 */
import type { StageResult } from './appraisal.js';
import { commercialBasis, type PathOverrides } from './commercial-basis.js';
import { cashflowColumns } from './econ/cashflow/build-cashflow-table.js';
import { stageProjectFlows, takeProjectFlowSums } from './econ/cashflow/project-flow-sums.js';
import { ScratchArrays } from './numeric/scratch-arrays.js';
import { npv } from './econ/metrics/npv.js';
import { InputError } from './errors.js';
import { projectStageEconomics, projectStartYear } from './econ/project/project-economics.js';
import type { StageRun } from './process/stage-run.js';
import type { Scenario } from './scenario/schema.js';
import { stageResults } from './stage-results.js';

/** The scenario with stage `index` producing from `year` (a copy; the input is not changed). */
export function withStartYear(scenario: Scenario, index: number, year: number): Scenario {
  const s = structuredClone(scenario);
  const stage = s.stages[index];
  if (stage) stage.start_year = year;
  return s;
}

/** NPV of one stage by start year and price scaling, with the per-year work kept. */
export interface StageNpvByStart {
  /**
   * @param year - First year of production of the stage.
   * @param pricePaths - Multiplier paths replacing the deck of their series (none: the deck).
   * @returns The stage's NPV [USD, money of the base year]; NaN when the economics are not
   *   computable (a stage without capex or plant model).
   * @throws InputError as `appraise` would (e.g. `financing.tenor_years` when the stage's loan
   *   is not repaid within the horizon).
   */
  npv(year: number, pricePaths?: PathOverrides): number;
  /**
   * Whether `appraise` accepts the stage started in `year` with respect to its debt: false when
   * some stage's loan would not be repaid by the horizon's last row.
   */
  debtRepaidWithinHorizon(year: number): boolean;
}

/**
 * @param scenario - The scenario (its stages' plant already solved in `runs`).
 * @param index - Index of the stage whose start year moves.
 * @param runs - Solved stage flowsheets (`runPlant(scenario)`).
 */
export function stageNpvByStart(
  scenario: Scenario,
  index: number,
  runs: ReadonlyMap<string, StageRun>,
): StageNpvByStart {
  const byYear = new Map<number, { scenario: Scenario; stages: StageResult[] }>();
  const at = (year: number) => {
    let entry = byYear.get(year);
    if (!entry) {
      const s = withStartYear(scenario, index, year);
      entry = { scenario: s, stages: stageResults(s, runs, { detail: false }).stages };
      byYear.set(year, entry);
    }
    return entry;
  };
  const id = scenario.stages[index]?.id;
  const economics = (year: number, pricePaths?: PathOverrides, only?: string) => {
    const { scenario: s, stages } = at(year);
    const computable =
      stages.length > 0 && stages.every((r) => r.status === 'computed' && r.capex_usd !== null);
    if (!computable) return [];
    const basis = commercialBasis(s, projectStartYear(s), pricePaths);
    return projectStageEconomics(s, stages, basis, only);
  };
  // the engine's work arrays, owned by this revaluation (one caller, synchronous)
  const scratch = new ScratchArrays();
  const columns = new ScratchArrays();
  return {
    npv(year, pricePaths) {
      const entry = id === undefined ? undefined : economics(year, pricePaths, id)[0];
      if (!entry) return Number.NaN;
      const input = entry.economics.input;
      columns.reset();
      const flows = takeProjectFlowSums(columns, input.horizon_years);
      return npv(input.discount_rate, stageProjectFlows(input, flows, scratch).fcf);
    },
    debtRepaidWithinHorizon(year) {
      try {
        for (const e of economics(year)) cashflowColumns(e.economics.input);
        return true;
      } catch (e) {
        if (e instanceof InputError && e.field === 'financing.tenor_years') return false;
        throw e;
      }
    },
  };
}
