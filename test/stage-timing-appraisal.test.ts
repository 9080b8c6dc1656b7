// The stage-timing option as an appraisal section (finance.stage_timing_option): the same
// engine and numbers as `chromflow option stage-timing` for the same spec; present in the
// stages 1 + 2 reference; never computed in Monte Carlo samples or what-if steps.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { monteCarloSpec } from '../src/analysis/index.js';
import { appraise } from '../src/appraise.js';
import { InputError } from '../src/errors.js';
import { loadScenario } from '../src/scenario/index.js';
import type { Scenario } from '../src/scenario/schema.js';
import { stageTimingOption } from '../src/stage-timing-option.js';
import { compileRun, runAll } from '../src/uncertainty/index.js';
import { WhatIf } from '../web/src/whatif.js';
import { ROOT } from './helpers/run-cli.js';

const FILE = 'scenarios/aktobe-stage1-2.yaml';
const reference = loadScenario(readFileSync(`${ROOT}/${FILE}`, 'utf8'), FILE);

/** The reference with chromium metal's long-term price 40 % higher: stage 2 is marginal, so
 * the option has a spread (at the reference prices it is never exercised and worth 0). */
function marginal(option: NonNullable<Scenario['finance']['stage_timing_option']>): Scenario {
  const s = structuredClone(reference);
  const deck = s.markets.products.find((p) => p.id === 'chromium-metal')?.deck;
  if (!deck?.long_term_price_rmb_per_t_vat_incl) throw new Error('no chromium-metal deck');
  deck.long_term_price_rmb_per_t_vat_incl.value *= 1.4;
  s.finance.stage_timing_option = option;
  return s;
}

describe('appraisal section stage_timing_option', () => {
  it('equals the CLI engine for the same stage, window, paths and seed', () => {
    const s = marginal({ stage: 'chromium', window: [2034, 2036], paths: 400, seed: 7 });
    const section = appraise(s, { breakEvens: false, byRoute: false }).stage_timing_option;
    // What `chromflow option stage-timing <file> --stage chromium --from 2034 --to 2036
    // --paths 400 --seed 7 --json` computes (src/cli/commands/option.ts passes these flags).
    const cli = stageTimingOption(s, {
      stage: 'chromium',
      from: 2034,
      to: 2036,
      paths: 400,
      seed: 7,
    });
    expect(section).toEqual(cli);
    // A marginal stage: the rule has a spread, and waiting is worth something.
    expect(cli.standard_error_usd).toBeGreaterThan(0);
    expect(cli.optimal_rule_value_usd).toBeGreaterThan(0);
    expect(cli.boundary.map((b) => b.year)).toEqual([2034, 2035, 2036]);
  });

  it('is in the stages 1 + 2 reference appraisal, with the declared paths and seed', () => {
    const a = appraise(reference, { breakEvens: false, byRoute: false });
    const o = a.stage_timing_option;
    expect(o).toBeDefined();
    expect(o?.stage).toBe('chromium');
    expect(o?.paths).toBe(reference.finance.stage_timing_option?.paths);
    expect(o?.seed).toBe(1);
    // the default window: the planned start to the last start whose debt is repaid in time
    expect(o?.start_years).toEqual([2034, 2041]);
    expect(o?.boundary).toHaveLength(8);
    expect(o?.optimal_rule_value_usd).toBeGreaterThanOrEqual(0);
    expect(
      appraise(reference, { stageTimingOption: false, breakEvens: false, byRoute: false }),
    ).not.toHaveProperty('stage_timing_option');
  });

  describe('never recomputed in loops', () => {
    // A window whose last start leaves the stage's loan unpaid at the horizon: valid as a
    // scenario, but valuing the option fails — so any loop that computed it would fail too.
    const failing = structuredClone(reference);
    failing.finance.stage_timing_option = { stage: 'chromium', window: [2034, 2045], paths: 200 };

    it('appraise names the field when the option cannot be valued', () => {
      expect(() => appraise(failing, { breakEvens: false, byRoute: false })).toThrow(InputError);
      expect(() => appraise(failing, { breakEvens: false, byRoute: false })).toThrow(
        /finance\.stage_timing_option\.window: found "2034–2045", expected a last start year whose stage debt is repaid within the horizon \(by 2050\): at most 2041/,
      );
    });

    it('Monte Carlo samples (full-appraisal outputs) run without it', () => {
      const spec = monteCarloSpec(failing, {
        samples: 4,
        seed: 2,
        outputs: ['stages.chromium.metrics.npv_usd'],
      });
      const r = runAll(compileRun(spec));
      expect(r.failedCount).toBe(0);
      expect(Number.isFinite(r.outputs[0]?.[0])).toBe(true);
    });

    it('what-if steps have no section (the page keeps the loaded one)', () => {
      const base = appraise(reference, { breakEvens: false });
      const w = new WhatIf(structuredClone(failing), base);
      const step = w.appraise({ cr_price: 60_000 });
      expect(step).not.toHaveProperty('stage_timing_option');
      expect(base.stage_timing_option).toBeDefined();
    });
  });
});
