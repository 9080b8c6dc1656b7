/**
 * The stage-2 timing option: the right to start a later stage in any year of a window, valued
 * under the scenario's correlated stochastic price paths (`uncertainty.price_paths`: log-OU
 * multipliers of each deck's median, correlated shocks) by least-squares Monte Carlo
 * (src/uncertainty/lsm; Longstaff & Schwartz 2001).
 *
 * Fast revaluation (no appraisal per path): for each start year t of the window the stage's
 * incremental NPV (its own cash flow, discounted to the project's base year) is computed once on
 * the deck and once with each price series scaled by 1 ± h over the whole horizon (the plant is
 * solved once: prices do not change the flowsheet). That gives, per start year, a quadratic in
 * each series' level multiplier m_s:
 *   NPV_t(m) ≈ N_t + Σ_s [a_{t,s}(m_s − 1) + b_{t,s}(m_s − 1)²]
 * (taxes and loss carry-forward make it slightly non-linear; cross terms are neglected). On a
 * path, the decision to produce from year t is taken when construction starts (t minus the
 * construction years) and uses what is known then: the log multiplier x_{s,t}; the level
 * the stage will earn is the discount-weighted conditional mean of the multiplier over its
 * operating rows, E[m_{s,y} | x_{s,t}] = exp(φ^k x + ½σ_e²(1 − φ^{2k})/(1 − φ²)), k = y − t.
 * The exercise value at t is NPV_t at those levels; LSM regresses the continuation value on
 * (1, x_s, x_s²) over the paths where starting pays (exercise value > 0).
 * Work: (1 + 2·series) × window revaluations of the stage's economics (src/stage-timing-npv.ts:
 * the plant solved once, the stage results once per start year), then paths × window × basis².
 * `appraise` calls it for a scenario declaring `finance.stage_timing_option`, the CLI's
 * `chromflow option stage-timing` for its flags: one engine, the same result for the same spec.
 */
import type { StageTimingBoundary, StageTimingResult } from './appraisal.js';
import { commercialBasis } from './commercial-basis.js';
import { projectStartYear } from './econ/project/project-economics.js';
import { InputError } from './errors.js';
import { PlantSolver } from './plant/plant-solver.js';
import { pricePathGroup } from './price-path-group.js';
import type { StageRun } from './process/stage-run.js';
import {
  STAGE_TIMING_MAX_WINDOW_YEARS,
  STAGE_TIMING_PATHS,
  type Scenario,
} from './scenario/schema.js';
import { stageNpvByStart } from './stage-timing-npv.js';
import { leastSquaresMonteCarlo } from './uncertainty/lsm/least-squares-monte-carlo.js';
import { compilePricePaths } from './uncertainty/paths/log-ou-path.js';
import { fillUniforms } from './uncertainty/random/counter-random.js';
import { seedKey } from './uncertainty/random/seed.js';
import { STREAM } from './uncertainty/random/streams.js';

export type { StageTimingBoundary, StageTimingResult } from './appraisal.js';

export interface StageTimingSpec {
  /** Id of the stage whose start is optional (default: the last stage). */
  stage?: string;
  /** First and last start year of the window [year] (default: its start year … + 9, or the last
   * start year whose debt is repaid within the horizon, if earlier). */
  from?: number;
  to?: number;
  /** Simulated paths, even (default 10,000, at most 200,000). */
  paths?: number;
  seed?: number;
  /** How errors name the spec's fields (default: the CLI's flags). */
  fields?: StageTimingFields;
}

/** Names of the spec's fields in error messages: CLI flags or scenario paths. */
export interface StageTimingFields {
  stage: string;
  window: string;
  paths: string;
  seed: string;
}

const CLI_FIELDS: StageTimingFields = {
  stage: '--stage',
  window: '--from/--to',
  paths: '--paths',
  seed: '--seed',
};

const SCENARIO_FIELDS: StageTimingFields = {
  stage: 'finance.stage_timing_option.stage',
  window: 'finance.stage_timing_option.window',
  paths: 'finance.stage_timing_option.paths',
  seed: 'finance.stage_timing_option.seed',
};

/** The engine's spec of a scenario's `finance.stage_timing_option` (errors name its fields). */
export function scenarioTimingSpec(
  declared: NonNullable<Scenario['finance']['stage_timing_option']>,
): StageTimingSpec {
  return {
    stage: declared.stage,
    ...(declared.window ? { from: declared.window[0], to: declared.window[1] } : {}),
    paths: declared.paths,
    ...(declared.seed !== undefined ? { seed: declared.seed } : {}),
    fields: SCENARIO_FIELDS,
  };
}

/** What the engine may reuse from its caller. */
export interface StageTimingOptions {
  /** The scenario's solved plant (`runPlant`); default: solved for this call. */
  plantRuns?: ReadonlyMap<string, StageRun>;
}

const BUMP = 0.2;
/** Levels searched for the exercise boundary [multiplier of the deck median]: the bulk of the sampled states. */
const BOUNDARY_RANGE: [number, number] = [0.3, 3];
const BOUNDARY_SCAN = 60;

/**
 * The last start year in [from, to] whose stage debt is repaid by the horizon's last row (the
 * appraisal refuses a later one); `from` when none is (the window's check then names the cause).
 */
function latestStartWithinHorizon(
  valuation: ReturnType<typeof stageNpvByStart>,
  from: number,
  to: number,
): number {
  for (let year = to; year > from; year--) if (valuation.debtRepaidWithinHorizon(year)) return year;
  return from;
}

/**
 * @param scenario - A scenario with two or more stages and `uncertainty.price_paths`.
 * @param spec - Stage, window, paths and seed (defaults in {@link StageTimingSpec}).
 * @param options - The caller's solved plant, to reuse.
 * @throws InputError when the scenario has no price paths, one stage, or a bad start-year range.
 */
export function stageTimingOption(
  scenario: Scenario,
  spec: StageTimingSpec = {},
  options: StageTimingOptions = {},
): StageTimingResult {
  const field = spec.fields ?? CLI_FIELDS;
  const index = spec.stage
    ? scenario.stages.findIndex((s) => s.id === spec.stage)
    : scenario.stages.length - 1;
  const stage = scenario.stages[index];
  if (index < 1 || !stage)
    throw new InputError(
      spec.stage !== undefined ? field.stage : 'stages',
      spec.stage ?? `${scenario.stages.length} stage(s)`,
      'a later stage (after the first) whose start is optional',
    );
  const planned = stage.start_year;
  const from = spec.from ?? planned;
  const runs = options.plantRuns ?? new PlantSolver().runPlant(scenario);
  const valuation = stageNpvByStart(scenario, index, runs);
  const to = spec.to ?? latestStartWithinHorizon(valuation, from, planned + 9);
  const base = projectStartYear(scenario);
  // start_year is the first year of production; construction (and the decision) comes earlier.
  const build = stage.construction_years;
  const rows = scenario.finance.horizon_years.value;
  if (
    !Number.isInteger(from) ||
    !Number.isInteger(to) ||
    from > to ||
    from - build <= base ||
    to - from > STAGE_TIMING_MAX_WINDOW_YEARS - 1
  )
    throw new InputError(
      field.window,
      `${from}–${to}`,
      `a window of whole start years whose construction begins after ${base} (${build} years of construction), at most ${STAGE_TIMING_MAX_WINDOW_YEARS} years`,
    );
  if (spec.to !== undefined && !valuation.debtRepaidWithinHorizon(to))
    throw new InputError(
      field.window,
      `${from}–${to}`,
      `a last start year whose stage debt is repaid within the horizon (by ${base + rows - 1}): at most ${latestStartWithinHorizon(valuation, from, to)}`,
    );
  const paths = spec.paths ?? 10_000;
  if (
    !Number.isSafeInteger(paths) ||
    paths < STAGE_TIMING_PATHS.min ||
    paths > STAGE_TIMING_PATHS.max ||
    paths % 2
  )
    throw new InputError(
      field.paths,
      paths,
      `an even integer from ${STAGE_TIMING_PATHS.min} to ${STAGE_TIMING_PATHS.max.toLocaleString('en-US')}`,
    );
  const seed = spec.seed ?? scenario.uncertainty?.seed ?? 1;
  const key = seedKey(seed, field.seed);
  const pg = pricePathGroup(scenario, 0);
  if (!pg)
    throw new InputError(
      'uncertainty.price_paths',
      null,
      'stochastic price paths to value the timing option under',
    );
  const S = pg.series.length;
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const npvAt = (year: number, scale: number[]): number =>
    valuation.npv(
      year,
      new Map(pg.series.map((id, s) => [id, new Float64Array(rows).fill(scale[s] ?? 1)])),
    );
  const ones = new Array<number>(S).fill(1);
  // Per start year: deck NPV and the quadratic coefficients per series.
  const fit = years.map((y) => {
    const n0 = npvAt(y, ones);
    const coef = pg.series.map((_, s) => {
      const up = npvAt(
        y,
        ones.map((v, j) => (j === s ? 1 + BUMP : v)),
      );
      const dn = npvAt(
        y,
        ones.map((v, j) => (j === s ? 1 - BUMP : v)),
      );
      return { a: (up - dn) / (2 * BUMP), b: (up - 2 * n0 + dn) / (2 * BUMP * BUMP) };
    });
    return { n0, coef };
  });
  if (fit.some((f) => !Number.isFinite(f.n0)))
    throw new InputError(
      'stages',
      stage.id,
      'a stage whose NPV is computable for every start year of the window',
    );
  const quadratic = (t: number, m: ArrayLike<number>): number => {
    const f = fit[t];
    if (!f) return Number.NaN;
    let v = f.n0;
    f.coef.forEach((c, s) => {
      const d = (m[s] ?? 1) - 1;
      v += c.a * d + c.b * d * d;
    });
    return v;
  };
  const check = Math.abs(
    quadratic(0, new Array<number>(S).fill(1.3)) - npvAt(from, new Array<number>(S).fill(1.3)),
  );
  // Conditional-mean level over the operating rows, per series and start year, as a function of x.
  const r = scenario.finance.discount_rate.value;
  const ou = pg.group.series.map((s) => {
    const phi = Math.exp(-s.reversionPerYear);
    const se2 =
      s.reversionPerYear > 0
        ? (s.volatility ** 2 * (1 - phi * phi)) / (2 * s.reversionPerYear)
        : s.volatility ** 2;
    return { phi, se2 };
  });
  // The terms of the conditional mean that do not depend on x, per start year and series
  // (computed once: the mean is evaluated paths × years × series times).
  const terms = years.map((year) => {
    const decisionRow = year - build - base;
    return ou.map((o) => {
      const w: number[] = [];
      const phik: number[] = [];
      const halfVar: number[] = [];
      let den = 0;
      for (let k = build; k < rows - decisionRow; k++) {
        const pk = Math.pow(o.phi, k);
        const v = o.phi < 1 ? (o.se2 * (1 - pk * pk)) / (1 - o.phi * o.phi) : o.se2 * k;
        w.push(Math.pow(1 + r, -k));
        phik.push(pk);
        halfVar.push(v / 2);
        den += Math.pow(1 + r, -k);
      }
      return { w, phik, halfVar, den };
    });
  });
  const level = (t: number, s: number, x: number): number => {
    const c = terms[t]?.[s];
    if (!c) return 1;
    let num = 0;
    for (let i = 0; i < c.w.length; i++)
      num += (c.w[i] ?? 0) * Math.exp((c.phik[i] ?? 0) * x + (c.halfVar[i] ?? 0));
    return c.den > 0 ? num / c.den : 1;
  };
  // Paths: log multipliers x_{s,row}, antithetic pairs.
  const compiled = compilePricePaths(
    {
      ...pg.group,
      series: pg.group.series.map((s, k) => ({
        ...s,
        indices: Array.from({ length: rows }, (_, j) => k * rows + j),
      })),
    },
    'uncertainty.price_paths',
  );
  const D = years.length;
  const X = new Float64Array(paths * D * S);
  const u = new Float64Array(compiled.dimension);
  const prices = new Float64Array(rows * S);
  for (let p = 0; p < paths; p++) {
    if ((p & 1) === 0) fillUniforms(key, STREAM.lsm, p >> 1, compiled.dimension, u);
    else for (let j = 0; j < u.length; j++) u[j] = 1 - (u[j] ?? 0.5);
    compiled.apply(u, 0, prices);
    for (let t = 0; t < D; t++)
      for (let s = 0; s < S; s++)
        X[(p * D + t) * S + s] = Math.log(
          prices[s * rows + ((years[t] ?? base) - build - base)] ?? 1,
        );
  }
  const m = new Float64Array(S);
  const exercise = (t: number, p: number): number => {
    for (let s = 0; s < S; s++) m[s] = level(t, s, X[(p * D + t) * S + s] ?? 0);
    return quadratic(t, m);
  };
  const cache = new Float64Array(paths * D).fill(Number.NaN);
  const exerciseValue = (date: number, p: number): number => {
    const i = p * D + date - 1;
    let v = cache[i] ?? Number.NaN;
    if (Number.isNaN(v)) {
      v = exercise(date - 1, p);
      cache[i] = v;
    }
    return v;
  };
  const lsm = leastSquaresMonteCarlo({
    paths,
    dates: D,
    basisSize: 1 + 2 * S,
    antitheticPairs: true,
    exerciseValue,
    basis: (date, p, out) => {
      out[0] = 1;
      for (let s = 0; s < S; s++) {
        const x = X[(p * D + date - 1) * S + s] ?? 0;
        out[1 + 2 * s] = x;
        out[2 + 2 * s] = x * x;
      }
    },
  });
  // Commit now: start in the planned year, known prices (x = 0 now, conditional means from now).
  const plannedIdx = Math.min(Math.max(planned - from, 0), D - 1);
  const commitNow = (() => {
    let s2 = 0;
    for (let p = 0; p < paths; p++) s2 += exerciseValue(plannedIdx + 1, p);
    return s2 / paths;
  })();
  const counts = new Array<number>(D + 1).fill(0);
  lsm.exerciseDate.forEach((d) => (counts[d] = (counts[d] ?? 0) + 1));
  const basis = commercialBasis(scenario, base);
  const boundary: StageTimingBoundary[] = years.map((year, t) => ({
    year,
    decision_year: year - build,
    exercised_share: (counts[t + 1] ?? 0) / paths,
    deck_npv_usd: fit[t]?.n0 ?? Number.NaN,
    series: pg.series.map((id, s) => {
      const g = (mult: number) => {
        const mm = ones.map((_, j) => (j === s ? mult : level(t, j, 0)));
        const ex = quadratic(t, mm);
        const beta = lsm.coefficients[t + 1];
        if (t === D - 1 || !beta || beta.length === 0) return ex;
        // Continuation at the state with x_s = ln(mult) (others 0), as fitted.
        const b = new Float64Array(1 + 2 * S);
        b[0] = 1;
        const x = Math.log(mult);
        b[1 + 2 * s] = x;
        b[2 + 2 * s] = x * x;
        let c = 0;
        for (let i = 0; i < b.length; i++) c += (beta[i] ?? 0) * (b[i] ?? 0);
        return ex - Math.max(c, 0);
      };
      // Scan the sampled range of levels (log-spaced), first rise of g through zero; the
      // regression is not extrapolated beyond it.
      let hi = Number.NaN;
      let builds: 'above' | 'below' | null = null;
      let prev = g(BOUNDARY_RANGE[0]);
      for (let i = 1; i <= BOUNDARY_SCAN; i++) {
        const mult =
          BOUNDARY_RANGE[0] * Math.pow(BOUNDARY_RANGE[1] / BOUNDARY_RANGE[0], i / BOUNDARY_SCAN);
        const v = g(mult);
        if (prev < 0 !== v < 0) {
          const rising = v >= 0;
          let a = mult / Math.pow(BOUNDARY_RANGE[1] / BOUNDARY_RANGE[0], 1 / BOUNDARY_SCAN);
          let b = mult;
          for (let k = 0; k < 40; k++) {
            const mid = Math.sqrt(a * b);
            if (g(mid) >= 0 === rising) b = mid;
            else a = mid;
          }
          hi = b;
          builds = rising ? 'above' : 'below';
          break;
        }
        prev = v;
      }
      if (!Number.isFinite(hi))
        return { id, multiplier: null, builds_when: null, ex_works_usd_per_t: null };
      const row = year - build - base;
      let ew: number | null;
      try {
        const median =
          id === 'electricity'
            ? NaN
            : (basis.product(id, {}).ex_works_usd_per_t_by_row[row] ?? NaN);
        // A product valued on its contained chromium needs its analysis: no price without it.
        ew = median > 0 ? median * hi : null;
      } catch {
        ew = null;
      }
      return { id, multiplier: hi, builds_when: builds, ex_works_usd_per_t: ew };
    }),
  }));
  return {
    stage: stage.id,
    start_years: [from, to],
    paths,
    seed,
    series: pg.series,
    commit_now_npv_usd: commitNow,
    planned_start_year: planned,
    optimal_rule_value_usd: lsm.value,
    standard_error_usd: lsm.standardError,
    option_value_usd: lsm.value - Math.max(commitNow, 0),
    never_share: (counts[0] ?? 0) / paths,
    boundary,
    revaluation_check_usd: check,
  };
}
