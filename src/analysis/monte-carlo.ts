/**
 * Glue between a scenario and the model-independent uncertainty runner: the scenario's
 * `uncertainty` section becomes a `RunSpec` whose evaluator sets the sampled inputs of a
 * compiled scenario (by index, no re-parsing) and appraises it.
 */
import { appraise } from '../appraise.js';
import { PlantSolver } from '../plant/plant-solver.js';
import { stagesMovedBy } from '../plant/stage-dependencies.js';
import type { StageRun } from '../process/stage-run.js';
import { stageResults } from '../stage-results.js';
import { InputError } from '../errors.js';
import { compileScenario, parameterIndices, setParametersAt } from '../scenario/compile.js';
import type { Distribution as ScenarioDistribution, Scenario } from '../scenario/schema.js';
import type { CorrelationSpec } from '../uncertainty/correlation/correlation-spec.js';
import type { DistributionSpec } from '../uncertainty/distributions/distribution.js';
import type { RunSpec, SampledParameter } from '../uncertainty/runner/compile.js';
import type { SamplingMethod } from '../uncertainty/sampling/design.js';
import { appraisalOutputs } from './appraisal-outputs.js';
import {
  allHeadline,
  createHeadlineWork,
  HEADLINE_OUTPUTS,
  headlineOutputs,
} from './headline-outputs.js';
import { pricePathGroup } from '../price-path-group.js';
import { commercialBasis } from '../commercial-basis.js';
import { commercialBasisReads } from '../commercial-basis-inputs.js';
import { KeptStageEconomics } from '../econ/project/kept-stage-economics.js';
import { projectStartYear } from '../econ/project/project-economics.js';
import { defaultParam } from '../scenario/data-files.js';

/** Standard normal quantile at 0.9 (P90 = median · e^(z·σ)). */
const Z90 = 1.2815515655446004;

/**
 * The lognormal of a stage's capex factor whose P10 and P90 are the low and high ends of the
 * stage's AACE class accuracy range: median √((1+l)(1+h)), σ = ln((1+h)/(1+l)) / (2 z₀.₉).
 */
function aaceAccuracySpec(
  scenario: Scenario | undefined,
  path: string,
  field: string,
): DistributionSpec {
  const id = /^stages\.([^.]+)\.capex\.factor$/.exec(path)?.[1];
  const stage = scenario?.stages.find((s) => s.id === id);
  if (!stage)
    throw new InputError(
      field,
      path,
      "a stage's capex factor (stages.<id>.capex.factor) for aace-accuracy",
    );
  const cls = stage.capex.aace_class;
  const lo = 1 + defaultParam(`capex/estimating-factors#accuracy_low_pct_class${cls}`).value / 100;
  const hi = 1 + defaultParam(`capex/estimating-factors#accuracy_high_pct_class${cls}`).value / 100;
  return {
    kind: 'lognormal',
    muLog: 0.5 * Math.log(lo * hi),
    sigmaLog: Math.log(hi / lo) / (2 * Z90),
  };
}

/**
 * Scenario distribution (file format) → runner distribution.
 * @param scenario - For `aace-accuracy` (the stage's estimate class), with `path`
 */
export function toDistributionSpec(
  d: ScenarioDistribution,
  field: string,
  scenario?: Scenario,
  path = '',
): DistributionSpec {
  switch (d.type) {
    case 'aace-accuracy':
      return aaceAccuracySpec(scenario, path, field);
    case 'uniform':
      return { kind: 'uniform', min: d.min, max: d.max };
    case 'triangular':
      return { kind: 'triangular', min: d.min, mode: d.mode, max: d.max };
    case 'pert':
      return { kind: 'pert', min: d.min, mode: d.mode, max: d.max };
    case 'normal':
      return {
        kind: 'normal',
        mean: d.mean,
        sd: d.sd,
        ...(d.min !== undefined ? { lower: d.min } : {}),
        ...(d.max !== undefined ? { upper: d.max } : {}),
      };
    case 'lognormal':
      return {
        kind: 'lognormal',
        muLog: Math.log(d.median),
        sigmaLog: d.sigma_log,
        ...(d.min !== undefined ? { lower: d.min } : {}),
        ...(d.max !== undefined ? { upper: d.max } : {}),
      };
    case 'discrete':
      return { kind: 'discrete', values: d.values, probabilities: d.probabilities };
    case 'empirical':
      if (!d.observations) {
        throw new InputError(
          `${field}.csv`,
          d.csv,
          'observations loaded by the caller (the CLI reads the CSV file into observations)',
        );
      }
      return { kind: 'empirical', observations: d.observations };
  }
}

export interface MonteCarloOptions {
  samples?: number;
  seed?: number;
  method?: SamplingMethod;
  /** Output names to track; default: every numeric output of the base appraisal. */
  outputs?: readonly string[];
  /** Drop the declared correlations (Sobol indices are defined for independent inputs). */
  independent?: boolean;
  /**
   * Solver of the plant for samples that move it; the run owns it (its compiled flowsheets and
   * each stage's sample solution are kept between samples). Default: a new one for this run.
   */
  solver?: PlantSolver;
}

/**
 * Outputs tracked when none are requested (issue 7: NPV, IRR, LCOP, payback, value added,
 * government take, CO2); any other output name of the appraisal may be asked for.
 */
export const DEFAULT_OUTPUTS: readonly string[] = HEADLINE_OUTPUTS;

/**
 * Builds the run specification of a scenario's `uncertainty` section.
 *
 * @throws InputError when the scenario declares no uncertain parameters, or an output is unknown.
 */
export function monteCarloSpec(scenario: Scenario, options: MonteCarloOptions = {}): RunSpec {
  const u = scenario.uncertainty;
  if (!u || (u.parameters.length === 0 && !u.price_paths)) {
    throw new InputError(
      'uncertainty.parameters',
      u?.parameters ?? null,
      'at least one uncertain parameter',
    );
  }
  // The run writes sampled values into the scenario's parameters: give it a private copy, so
  // the caller's scenario (e.g. a run's source, later sent to worker threads) is never changed.
  const own = structuredClone(scenario);
  const model = compileScenario(own);
  const sampledPaths = u.parameters.map((p) => p.path);
  const indices = parameterIndices(model, sampledPaths);
  const parameters: SampledParameter[] = u.parameters.map((p, k) => ({
    name: p.path,
    index: indices[k] ?? -1,
    distribution: toDistributionSpec(
      p.distribution,
      `uncertainty.parameters[${k}].distribution`,
      own,
      p.path,
    ),
  }));
  const solver = options.solver ?? new PlantSolver();
  // work arrays of the headline outputs, owned by this run (one per worker thread)
  const work = createHeadlineWork();
  const baseRuns = solver.runPlant(own);
  const baseOutputs = appraisalOutputs(
    appraise(own, {
      breakEvens: false,
      plantRuns: baseRuns,
      byRoute: false,
      stageTimingOption: false,
    }),
  );
  const headline = DEFAULT_OUTPUTS.filter((name) => baseOutputs.has(name));
  const outputs = options.outputs ?? (headline.length > 0 ? headline : [...baseOutputs.keys()]);
  for (const name of outputs) {
    if (!baseOutputs.has(name)) {
      throw new InputError(
        'outputs',
        name,
        `an output of this scenario (${[...baseOutputs.keys()].join(', ')})`,
      );
    }
  }
  // a sample's vector is the base with the sampled entries overwritten: only those are set (the
  // scenario's other inputs stay at their base values, which no evaluation writes)
  const sampled = Int32Array.from(parameters, (p) => p.index);
  const priceGroup = pricePathGroup(own, model.base.length);
  const base = new Float64Array(
    model.base.length + (priceGroup ? priceGroup.series.length * priceGroup.rows : 0),
  );
  base.set(model.base);
  base.fill(1, model.base.length);
  /** The sample's multiplier paths by series, views into its parameter vector. */
  const overridesOf = (params: Float64Array) =>
    priceGroup
      ? new Map(
          priceGroup.series.map((name, k) => [
            name,
            params.subarray(
              model.base.length + k * priceGroup.rows,
              model.base.length + (k + 1) * priceGroup.rows,
            ),
          ]),
        )
      : undefined;
  // A stage's run reads only the flowsheet fields of its own section (STAGE_RUN_FIELDS), the
  // fields of its feed its runner reads and its upstream stage's products: the plant is solved once (above), and in each sample only the
  // stages a sampled input can move are solved again (none when only prices, tariffs and
  // finance are sampled).
  const moved = stagesMovedBy(own, sampledPaths);
  const plantRuns = moved.size === 0 ? baseRuns : undefined;
  const keepRuns = new Map([...baseRuns].filter(([id]) => !moved.has(id)));
  // Headline outputs only: computed from the cash-flow columns without building the appraisal.
  const fast = allHeadline(outputs) ? outputs : undefined;
  // Stage results (plant figures and capex) read only the site section, the stage's section and
  // its run: keep those of the stages no sample moves (all of them when the plant is fixed).
  // stage results read the site section and (china-epc capex) the RMB exchange rate
  const siteFixed = sampledPaths.every(
    (p) => !p.startsWith('site') && p !== 'markets.fx.rmb_per_usd',
  );
  const baseStages = fast && siteFixed ? stageResults(own, baseRuns, { detail: false }).stages : [];
  // a stage's result reads its whole section (capex factor, calendar…), not only what its run reads
  const sectionSampled = (id: string) => sampledPaths.some((p) => p.startsWith(`stages.${id}.`));
  // Prices, feed contracts and the tariff read only markets, finance, the site, the feeds'
  // commercial fields and the stages' calendar and nameplate: when no sample moves one of them
  // (a process input such as the concentrate's moisture), every sample has the base's basis.
  if (!priceGroup && !sampledPaths.some(commercialBasisReads))
    work.basis = commercialBasis(own, projectStartYear(own));
  const keepStages = new Map(
    baseStages
      .filter((s) => !moved.has(s.id) && !sectionSampled(s.id) && keepRuns.has(s.id))
      .map((s) => [s.id, s]),
  );
  // every stage's result as the base's: the samples move no run and no stage's section
  const fixedStages =
    plantRuns && baseStages.length > 0 && !baseStages.some((s) => sectionSampled(s.id))
      ? baseStages
      : undefined;
  // With the basis kept, a stage's economics read only its kept result, the basis, the frame
  // and fields no sample moves — unless an input of its own section or of impact is sampled.
  if (work.basis && !sampledPaths.some((p) => p.startsWith('impact.')))
    work.economics = new KeptStageEconomics(
      new Set([...keepStages.keys()].filter((id) => !sectionSampled(id))),
    );
  let correlation: CorrelationSpec | undefined;
  if (u.correlations.length > 0 && options.independent !== true) {
    const matrix: number[][] = sampledPaths.map((_, i) =>
      sampledPaths.map((__, j) => (i === j ? 1 : 0)),
    );
    for (const c of u.correlations) {
      const i = sampledPaths.indexOf(c.between[0]);
      const j = sampledPaths.indexOf(c.between[1]);
      const row = matrix[i];
      const col = matrix[j];
      if (row && col) {
        row[j] = c.rho;
        col[i] = c.rho;
      }
    }
    correlation = { method: 'iman-conover', parameters: sampledPaths, matrix };
  }
  return {
    base,
    parameters,
    ...(priceGroup ? { pricePaths: [priceGroup.group] } : {}),
    ...(correlation ? { correlation } : {}),
    outputs,
    samples: options.samples ?? u.samples,
    seed: options.seed ?? u.seed,
    method: options.method ?? u.method,
    evaluate: (params, out) => {
      setParametersAt(model, sampled, params);
      // a sample's runs are solved into the solver's per-stage solutions (runSample): read here
      // and kept only as numbers, they are overwritten by the next sample; for headline outputs
      // only, without what only a report reads (detail false)
      const runs = (): ReadonlyMap<string, StageRun> =>
        plantRuns ?? solver.runSample(model.scenario, keepRuns, baseRuns, fast === undefined);
      if (fast) {
        const stages =
          fixedStages ??
          stageResults(model.scenario, runs(), { detail: false, keep: keepStages }).stages;
        headlineOutputs(model.scenario, stages, fast, out, work, overridesOf(params));
        return;
      }
      // Break-evens cost ~100 cash-flow builds per appraisal; a sample does not need them.
      const values = appraisalOutputs(
        appraise(model.scenario, {
          breakEvens: false,
          byRoute: false,
          stageTimingOption: false,
          plantRuns: runs(),
          ...(priceGroup ? { pricePaths: overridesOf(params) ?? new Map() } : {}),
        }),
      );
      outputs.forEach((name, k) => {
        out[k] = values.get(name) ?? Number.NaN;
      });
    },
  };
}
