// The stage-2 timing option (src/stage-timing-option.ts) on the stages 1 + 2
// reference scenario: bounds any optimal-stopping value must respect, the quadratic
// revaluation against a full appraisal, reproducibility, and refusals.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stageTimingOption } from '../src/stage-timing-option.js';
import { InputError } from '../src/errors.js';
import { loadScenario } from '../src/scenario/index.js';

const FILE = 'scenarios/aktobe-stage1-2.yaml';
const scenario = loadScenario(readFileSync(FILE, 'utf8'), FILE);

/** The reference scenario with chromium metal's long-term price 40 % higher: stage 2 is then
 * marginal (at the reference prices it never pays in the window, so the option is 0 with no
 * spread), which is where the bounds below say something. */
function marginalStage2(): typeof scenario {
  const s = structuredClone(scenario);
  const deck = s.markets.products.find((p) => p.id === 'chromium-metal')?.deck;
  if (!deck?.long_term_price_rmb_per_t_vat_incl) throw new Error('no chromium-metal deck');
  deck.long_term_price_rmb_per_t_vat_incl.value *= 1.4;
  return s;
}

describe('stageTimingOption', () => {
  it('is worth at least committing now (or not building), and is reproducible', () => {
    const spec = { from: 2034, to: 2037, paths: 2000, seed: 11 };
    const marginal = marginalStage2();
    const r = stageTimingOption(marginal, spec);
    expect(r.start_years).toEqual([2034, 2037]);
    expect(r.boundary).toHaveLength(4);
    expect(r.optimal_rule_value_usd).toBeGreaterThanOrEqual(
      Math.max(r.commit_now_npv_usd, 0) - 3 * r.standard_error_usd,
    );
    expect(r.standard_error_usd).toBeGreaterThan(0);
    // Shares of paths started in each year plus never sum to one.
    const started = r.boundary.reduce((s, b) => s + b.exercised_share, 0);
    expect(started + r.never_share).toBeCloseTo(1, 12);
    // Quadratic revaluation within 2 % of the stage's capex-scale NPV swing at +30 % prices.
    expect(r.revaluation_check_usd).toBeLessThan(2e6);
    // Later start, later (discounted) cash: the deck NPV falls with the start year.
    expect(r.boundary[3]!.deck_npv_usd).toBeLessThan(r.boundary[0]!.deck_npv_usd);
    // Chromium metal is the stage's product: building pays above its boundary.
    const cr = r.boundary[0]!.series.find((s) => s.id === 'chromium-metal')!;
    expect(cr.builds_when).toBe('above');
    expect(stageTimingOption(marginal, spec).optimal_rule_value_usd).toBe(r.optimal_rule_value_usd);
  }, 600_000);

  it('is zero, never exercised, when the stage never pays in the window (the reference prices)', () => {
    const r = stageTimingOption(scenario, { paths: 2000, seed: 11 });
    expect(r.start_years[0]).toBe(2034);
    expect(r.optimal_rule_value_usd).toBeGreaterThanOrEqual(0);
    expect(r.option_value_usd).toBeGreaterThanOrEqual(0);
    expect(r.commit_now_npv_usd).toBeLessThan(0);
  }, 600_000);

  it('refuses a window before the project or a scenario with one stage', () => {
    expect(() => stageTimingOption(scenario, { from: 2020, to: 2022 })).toThrow(InputError);
    expect(() => stageTimingOption(scenario, { paths: 7 })).toThrow(/--paths/);
    const one = loadScenario(readFileSync('scenarios/aktobe-stage1.yaml', 'utf8'), 'x.yaml');
    expect(() => stageTimingOption(one)).toThrow(/later stage/);
  });
});
