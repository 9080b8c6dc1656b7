// Reverse solving (src/analysis/solve-input.ts). Checked against a closed-form identity no
// one here chose: the discount rate at which NPV = 0 is, by definition, the IRR (computed
// independently by the IRR routine, itself validated against Gnumeric); and the round
// trip: solve the FeCr long-term price for an equity IRR of 15 %, then appraise with
// `--set <that path>=<value>` and get 0.15 ± 0.0005.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { solveInput } from '../../src/analysis/solve-input.js';
import { appraise } from '../../src/appraise.js';
import { InputError } from '../../src/errors.js';
import { parseScenarioWithSettings } from '../../src/scenario/settings.js';
import { loadScenario } from '../../src/scenario/index.js';

const FILE = 'scenarios/aktobe-stage1.yaml';
const TEXT = readFileSync(FILE, 'utf8');
const PRICE = 'markets.products.hc-ferrochrome.deck.long_term_price_rmb_per_t_50pct_cr_vat_incl';

describe('solveInput', () => {
  it('the discount rate at which NPV = 0 is the IRR', () => {
    const scenario = loadScenario(TEXT, FILE);
    const irr = appraise(scenario, { breakEvens: false }).metrics!.irr!;
    const r = solveInput(scenario, {
      output: 'metrics.npv_usd',
      target: 0,
      vary: 'finance.discount_rate',
      min: 0,
      max: 1,
    });
    expect(r.value).toBeCloseTo(irr, 8);
    // The scenario is left as loaded.
    expect(appraise(scenario, { breakEvens: false }).metrics!.irr).toBe(irr);
  });

  it('round trip: the FeCr price solved for equity IRR 15 % gives 15 % when set', () => {
    const r = solveInput(loadScenario(TEXT, FILE), {
      output: 'metrics.equity_irr',
      target: 0.15,
      vary: PRICE,
    });
    const set = parseScenarioWithSettings(TEXT, FILE, [{ path: PRICE, value: r.value }]);
    if (!set.ok) throw new Error('the solved value must be a valid input');
    const irr = appraise(set.scenario).metrics!.equity_irr!;
    expect(Math.abs(irr - 0.15)).toBeLessThan(5e-4);
  });

  it('says so when no value in the range reaches the target', () => {
    expect(() =>
      solveInput(loadScenario(TEXT, FILE), {
        output: 'metrics.npv_usd',
        target: 0,
        vary: 'stages.smelter.capex.factor',
        min: 0.5,
        max: 2,
      }),
    ).toThrow(InputError);
  });
});
