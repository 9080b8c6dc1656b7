/**
 * The headline outputs of an appraisal (NPV, IRR, LCOP, payback, value added, government take,
 * CO2) computed without building the appraisal object: the sampling loop's fast path.
 *
 * It runs the same functions as `appraise` (stage results with capex, each stage's economics,
 * the cash-flow engine, the same metric functions) but keeps the cash flows as typed columns,
 * adds them row by row instead of building and combining row objects, and skips everything a
 * sample does not report (the debt tranche and every levered column — no headline output reads
 * them —, sources list, merged mass balance, per-stage metrics, taxes by year, exports, the CBAM
 * schedule, break-evens). Every number equals the one `appraise` gives (tested on random
 * samples): the same operations in the same order.
 */
import type { StageResult } from '../appraisal.js';
import type { Scenario } from '../scenario/schema.js';
import {
  addProjectFlowSums,
  copyProjectFlows,
  stageProjectFlows,
  takeProjectFlowSums,
  type ProjectFlowSums,
} from '../econ/cashflow/project-flow-sums.js';
import type { KeptStageEconomics } from '../econ/project/kept-stage-economics.js';
import type { StageEconomics } from '../econ/project/stage-economics.js';
import { levelisedCostPv } from '../econ/cashflow/cashflow-metrics.js';
import { irrAnalysis } from '../econ/metrics/irr.js';
import { npv } from '../econ/metrics/npv.js';
import { paybackYears } from '../econ/metrics/payback.js';
import { projectStageEconomics, projectStartYear } from '../econ/project/project-economics.js';
import { commercialBasis, type PathOverrides } from '../commercial-basis.js';
import type { CommercialBasis } from '../econ/commercial/types.js';
import { emissionTotals } from '../impact/emissions.js';
import { stageValueAdded } from '../impact/regional-impact.js';
import { ScratchArrays } from '../numeric/scratch-arrays.js';

/**
 * The work arrays of {@link headlineOutputs}: the row sums and the cash-flow engine's
 * temporaries. A caller that computes many samples (a Monte Carlo run) owns one and passes it
 * to every call, so no sample allocates them; the arrays are valid until the next call with the
 * same work.
 */
export interface HeadlineWork {
  /** Temporaries of the row sums, and of the cash-flow engine. */
  readonly scratch: ScratchArrays;
  readonly cashflow: ScratchArrays;
  /**
   * The commercial basis of the run's base scenario, set by a caller whose samples move no
   * input the basis reads (`commercialBasisReads`) and no price path: it is then the basis of
   * every sample (prices, feed contracts, tariff), built once. Undefined: built per call.
   */
  basis: CommercialBasis | undefined;
  /**
   * The economics of the stages no sample moves, kept between samples (set by a caller that
   * keeps `basis`: see KeptStageEconomics for when an entry is reused). Undefined: none kept.
   */
  economics: KeptStageEconomics | undefined;
  /** The cash-flow columns of each kept stage economics (valid while that object is kept). */
  readonly flows: Map<string, { economics: StageEconomics; flows: ProjectFlowSums }>;
  /** The discount factors (1 + rate)^−t of the last rate and horizon asked for. */
  discount: { rate: number; factors: Float64Array } | undefined;
}

/**
 * (1 + rate)^−t for t = 0 … n − 1, as the cash-flow table's `discount_factor` computes them:
 * the work's when they are of the same rate and horizon (a run that does not sample the
 * discount rate computes them once), else computed and kept in the work.
 */
function discountFactors(work: HeadlineWork, rate: number, n: number): Float64Array {
  const d = work.discount;
  if (d && d.rate === rate && d.factors.length === n) return d.factors;
  const factors = new Float64Array(n);
  for (let t = 0; t < n; t++) factors[t] = Math.pow(1 + rate, -t);
  work.discount = { rate, factors };
  return factors;
}

/** Work arrays for {@link headlineOutputs}, to be owned by one caller (one thread). */
export function createHeadlineWork(): HeadlineWork {
  return {
    scratch: new ScratchArrays(),
    cashflow: new ScratchArrays(),
    basis: undefined,
    economics: undefined,
    flows: new Map(),
    discount: undefined,
  };
}

/**
 * A stage's cash-flow columns: the kept ones when its economics are the kept object, else
 * computed into `part` (and kept when the stage's economics are).
 */
function stageFlows(
  stage: string,
  e: StageEconomics,
  part: ProjectFlowSums,
  work: HeadlineWork,
): ProjectFlowSums {
  const kept = work.flows.get(stage);
  if (kept?.economics === e) return kept.flows;
  stageProjectFlows(e.input, part, work.cashflow);
  if (work.economics?.keeps(stage) === true)
    work.flows.set(stage, { economics: e, flows: copyProjectFlows(part) });
  return part;
}

/** The off-gas power plant of a stage's economics (null for a stage without economics). */
function powerPlantIn(
  economics: readonly { stage: string; economics: StageEconomics }[],
  stageId: string,
): StageEconomics['power_plant'] {
  for (const { stage, economics: e } of economics) if (stage === stageId) return e.power_plant;
  return null;
}

/** The outputs {@link headlineOutputs} computes, by their appraisal output names. */
export const HEADLINE_OUTPUTS = [
  'metrics.npv_usd',
  'metrics.irr',
  'metrics.lcop_usd_per_t',
  'metrics.payback_years',
  'impact.value_added_usd_per_year',
  'impact.government_take_npv_usd',
  'emissions.scope1_t_co2_per_year',
  'emissions.scope2_t_co2_per_year',
] as const;

export type HeadlineOutput = (typeof HEADLINE_OUTPUTS)[number];

/** Whether every name is a headline output (then the fast path can serve a run). */
export function allHeadline(names: readonly string[]): names is readonly HeadlineOutput[] {
  return names.every((n) => (HEADLINE_OUTPUTS as readonly string[]).includes(n));
}

/**
 * Writes the headline outputs of a scenario whose plant is already solved and costed. An output the
 * appraisal would leave out (IRR not unique, no payback, economics not computable) is NaN, as
 * the Monte Carlo runner records a missing output.
 *
 * @param scenario - The scenario with the sample's parameter values.
 * @param stages - `stageResults(scenario, runPlant(scenario), { detail: false }).stages` (they
 *   depend only on the scenario's site, feeds and stages, so a caller that samples nothing
 *   there may reuse them).
 * @param names - Outputs wanted, in order.
 * @param out - Receives one value per name [units of each output].
 * @param work - The caller's work arrays (default: new ones for this call).
 * @param pricePaths - Sampled price paths replacing the decks of their series (not with a
 *   `work.basis`, which has none).
 */
export function headlineOutputs(
  scenario: Scenario,
  stages: readonly StageResult[],
  names: readonly HeadlineOutput[],
  out: Float64Array | number[],
  work: HeadlineWork = createHeadlineWork(),
  pricePaths?: PathOverrides,
): void {
  const computable =
    stages.length > 0 && stages.every((s) => s.status === 'computed' && s.capex_usd !== null);
  const basis = work.basis ?? commercialBasis(scenario, projectStartYear(scenario), pricePaths);
  const economics = computable
    ? projectStageEconomics(scenario, stages, basis, undefined, work.economics)
    : [];
  if (economics.length === 0) {
    for (let k = 0; k < names.length; k++) out[k] = Number.NaN;
    return;
  }
  // Every stage table spans the same project calendar (row 0 = first construction year), so
  // the combined table is the row-wise sum in stage order (as combineTables adds them).
  const first = economics[0]?.economics.input;
  const n = first?.horizon_years ?? 0;
  const rate = first?.discount_rate ?? 0;
  work.scratch.reset();
  const sums = takeProjectFlowSums(work.scratch, n);
  // a stage's columns, written in full by stageProjectFlows before they are added
  const part = takeProjectFlowSums(work.scratch, n, false);
  let valueAdded = 0;
  for (const { stage, economics: e } of economics) {
    addProjectFlowSums(sums, stageFlows(stage, e, part, work));
    valueAdded += stageValueAdded(e);
  }
  const { fcf, production, productionCr, tax } = sums;
  // The own use of an off-gas power plant lowers scope 2 (as appraise sets it on the stages);
  // (looked up only when a stage has one; the stage results are not copied)
  const power = economics.some(({ economics: e }) => e.power_plant)
    ? (id: string) => powerPlantIn(economics, id)
    : undefined;
  const cost = work.scratch.takeUnset(n);
  for (let t = 0; t < n; t++)
    cost[t] = (sums.capex[t] ?? 0) + (sums.opex[t] ?? 0) + (sums.closure[t] ?? 0);
  let co2: { scope1: number; scope2: number } | undefined;
  for (let k = 0; k < names.length; k++) {
    let v = Number.NaN;
    switch (names[k]) {
      case 'metrics.npv_usd':
        v = npv(rate, fcf);
        break;
      case 'metrics.irr':
        v = irrAnalysis(fcf).irr ?? Number.NaN;
        break;
      case 'metrics.lcop_usd_per_t': {
        const pv = levelisedCostPv(rate, cost, production, productionCr);
        v = pv.t > 0 ? pv.cost / pv.t : Number.NaN;
        break;
      }
      case 'metrics.payback_years':
        v = paybackYears(fcf) ?? Number.NaN;
        break;
      case 'impact.value_added_usd_per_year':
        v = valueAdded;
        break;
      case 'impact.government_take_npv_usd': {
        const df = discountFactors(work, rate, n);
        let take = 0;
        for (let t = 0; t < n; t++) take += (df[t] ?? 0) * (tax[t] ?? 0);
        v = take;
        break;
      }
      case 'emissions.scope1_t_co2_per_year':
        v = (co2 ??= emissionTotals(scenario, stages, power)).scope1;
        break;
      case 'emissions.scope2_t_co2_per_year':
        v = (co2 ??= emissionTotals(scenario, stages, power)).scope2;
        break;
      case undefined:
        break;
    }
    out[k] = v;
  }
}
