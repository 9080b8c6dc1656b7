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
 * Work: (1 + 2·series) × window appraisals of the economics, then paths × window × basis².
 */
import { appraise, runPlant } from '../appraise.js';
import { commercialBasis } from '../commercial-basis.js';
import { projectStartYear } from '../econ/project/project-economics.js';
import { InputError } from '../errors.js';
import type { Scenario } from '../scenario/schema.js';
import { leastSquaresMonteCarlo } from '../uncertainty/lsm/least-squares-monte-carlo.js';
import { compilePricePaths } from '../uncertainty/paths/log-ou-path.js';
import { fillUniforms } from '../uncertainty/random/counter-random.js';
import { seedKey } from '../uncertainty/random/seed.js';
import { STREAM } from '../uncertainty/random/streams.js';
import { pricePathGroup } from './monte-carlo.js';

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
}

export interface StageTimingBoundary {
  /** Start year (first year of production) [year]. */
  year: number;
  /** Year the decision is taken and construction begins (year − construction years) [year]. */
  decision_year: number;
  /** Share of paths on which the stage is started in this year [-]. */
  exercised_share: number;
  /** Incremental NPV of starting this year on the deck (median prices) [USD, base-year money]. */
  deck_npv_usd: number;
  /** Per series: the level of its price (multiplier of the deck median) at which starting this year pays, the other series at their median; null when none in 0.3–3× the median. */
  series: {
    id: string;
    multiplier: number | null;
    /** Starting pays when the price is above (a product) or below (a cost) the boundary. */
    builds_when: 'above' | 'below' | null;
    /** The deck's ex-works price in that year × the multiplier [USD/t] (logistics deductions held, so approximate); null for electricity. */
    ex_works_usd_per_t: number | null;
  }[];
}

export interface StageTimingResult {
  stage: string;
  start_years: [number, number];
  paths: number;
  seed: number;
  series: string[];
  /** Expected NPV of committing now to the planned start year [USD, base-year money]. */
  commit_now_npv_usd: number;
  /** Planned start year (the scenario's). */
  planned_start_year: number;
  /** Value of the right to start in the window under the LSM rule [USD]. */
  optimal_rule_value_usd: number;
  standard_error_usd: number;
  /** optimal_rule_value − max(commit_now, 0): what waiting and seeing prices is worth [USD]. */
  option_value_usd: number;
  /** Share of paths on which the stage is never started [-]. */
  never_share: number;
  boundary: StageTimingBoundary[];
  /** Largest |quadratic − appraisal| at a check point (all series ×1.3, first year) [USD]. */
  revaluation_check_usd: number;
}

const BUMP = 0.2;
/** Levels searched for the exercise boundary [multiplier of the deck median]: the bulk of the sampled states. */
const BOUNDARY_RANGE: [number, number] = [0.3, 3];
const BOUNDARY_SCAN = 60;

function withStart(scenario: Scenario, index: number, year: number): Scenario {
  const s = structuredClone(scenario);
  const stage = s.stages[index];
  if (stage) stage.start_year = year;
  return s;
}

/**
 * The last start year in [from, to] whose stage the appraisal accepts (its debt repaid by the
 * horizon's last row); `from` when none is (the window's check then names the cause). A later
 * start moves the stage's loan past the horizon, so the default window stops there.
 */
function latestStartWithinHorizon(
  scenario: Scenario,
  index: number,
  from: number,
  to: number,
  runs: ReturnType<typeof runPlant>,
): number {
  for (let year = to; year > from; year--) {
    try {
      appraise(withStart(scenario, index, year), {
        plantRuns: runs,
        breakEvens: false,
        byRoute: false,
      });
      return year;
    } catch (e) {
      if (!(e instanceof InputError) || e.field !== 'financing.tenor_years') throw e;
    }
  }
  return from;
}

/**
 * @throws InputError when the scenario has no price paths, one stage, or a bad start-year range.
 */
export function stageTimingOption(
  scenario: Scenario,
  spec: StageTimingSpec = {},
): StageTimingResult {
  const index = spec.stage
    ? scenario.stages.findIndex((s) => s.id === spec.stage)
    : scenario.stages.length - 1;
  const stage = scenario.stages[index];
  if (index < 1 || !stage)
    throw new InputError(
      spec.stage !== undefined ? '--stage' : 'stages',
      spec.stage ?? `${scenario.stages.length} stage(s)`,
      'a later stage (after the first) whose start is optional',
    );
  const planned = stage.start_year;
  const from = spec.from ?? planned;
  const runs = runPlant(scenario);
  const to = spec.to ?? latestStartWithinHorizon(scenario, index, from, planned + 9, runs);
  const base = projectStartYear(scenario);
  // start_year is the first year of production; construction (and the decision) comes earlier.
  const build = stage.construction_years;
  const rows = scenario.finance.horizon_years.value;
  if (
    !Number.isInteger(from) ||
    !Number.isInteger(to) ||
    from > to ||
    from - build <= base ||
    to - from > 30
  )
    throw new InputError(
      '--from/--to',
      `${from}–${to}`,
      `a window of whole start years whose construction begins after ${base} (${build} years of construction), at most 31 years`,
    );
  const paths = spec.paths ?? 10_000;
  if (!Number.isSafeInteger(paths) || paths < 100 || paths > 200_000 || paths % 2)
    throw new InputError('--paths', paths, 'an even integer from 100 to 200,000');
  const seed = spec.seed ?? scenario.uncertainty?.seed ?? 1;
  const key = seedKey(seed, '--seed');
  const pg = pricePathGroup(scenario, 0);
  if (!pg)
    throw new InputError(
      'uncertainty.price_paths',
      null,
      'stochastic price paths to value the timing option under',
    );
  const S = pg.series.length;
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const npvAt = (year: number, scale: number[]): number => {
    const ov = new Map(pg.series.map((id, s) => [id, new Float64Array(rows).fill(scale[s] ?? 1)]));
    const a = appraise(withStart(scenario, index, year), {
      plantRuns: runs,
      breakEvens: false,
      byRoute: false,
      pricePaths: ov,
    });
    return a.stages[index]?.metrics?.npv_usd ?? Number.NaN;
  };
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
  const level = (t: number, s: number, x: number): number => {
    const o = ou[s];
    if (!o) return 1;
    let num = 0;
    let den = 0;
    const decisionRow = (years[t] ?? base) - build - base;
    for (let k = build; k < rows - decisionRow; k++) {
      const w = Math.pow(1 + r, -k);
      const phik = Math.pow(o.phi, k);
      const v = o.phi < 1 ? (o.se2 * (1 - phik * phik)) / (1 - o.phi * o.phi) : o.se2 * k;
      num += w * Math.exp(phik * x + v / 2);
      den += w;
    }
    return den > 0 ? num / den : 1;
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
