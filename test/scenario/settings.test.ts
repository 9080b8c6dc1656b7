// `--set <path>=<value>`: numeric inputs changed from the command line, validated like the file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { numericLeaves } from '../../src/scenario/numeric-leaves.js';
import { parseScenarioWithSettings, parseSetting } from '../../src/scenario/settings.js';

const FILE = 'scenarios/aktobe-stage1.yaml';
const TEXT = readFileSync(FILE, 'utf8');

function valueAt(settings: { path: string; value: number }[], path: string): number | undefined {
  const r = parseScenarioWithSettings(TEXT, FILE, settings);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return numericLeaves(r.scenario).find((l) => l.path === path)?.param.value;
}

describe('--set', () => {
  it('parses path=value and refuses anything else, naming the text', () => {
    expect(parseSetting('finance.discount_rate=0.12')).toEqual({
      path: 'finance.discount_rate',
      value: 0.12,
    });
    for (const bad of ['finance.discount_rate', '=3', 'x=', 'x=abc', 'x=Infinity'])
      expect(() => parseSetting(bad)).toThrow(InputError);
  });

  it('changes a written quantity and a defaulted input', () => {
    expect(
      valueAt(
        [{ path: 'finance.financing.interest_rate', value: 0.09 }],
        'finance.financing.interest_rate',
      ),
    ).toBe(0.09);
    expect(valueAt([{ path: 'finance.discount_rate', value: 0.12 }], 'finance.discount_rate')).toBe(
      0.12,
    );
    expect(
      valueAt(
        [{ path: 'stages.smelter.capex.factor', value: 1.25 }],
        'stages.smelter.capex.factor',
      ),
    ).toBe(1.25);
  });

  it('replaces a reference to a data value by the number', () => {
    const path = 'markets.products.hc-ferrochrome.deck.long_term_price_rmb_per_t_50pct_cr_vat_incl';
    expect(valueAt([{ path, value: 6000 }], path)).toBe(6000);
  });

  it('validates the edited file like the file: an out-of-range value is a problem on its path', () => {
    const r = parseScenarioWithSettings(TEXT, FILE, [
      { path: 'finance.financing.debt_share', value: 1.5 },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.some((p) => p.path.includes('debt_share'))).toBe(true);
  });

  it('refuses a path that is not a numeric input, with a suggestion', () => {
    expect(() =>
      parseScenarioWithSettings(TEXT, FILE, [{ path: 'finance.discount_rat', value: 0.1 }]),
    ).toThrow(/did you mean "finance.discount_rate"/);
  });

  it('sets a whole-number input (tenor, start year) and refuses a fraction, naming the path', () => {
    const r = parseScenarioWithSettings(TEXT, FILE, [
      { path: 'finance.financing.tenor_years', value: 12 },
      { path: 'stages.smelter.start_year', value: 2032 },
    ]);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scenario.finance.financing?.tenor_years).toBe(12);
      expect(r.scenario.stages[0]?.start_year).toBe(2032);
    }
    expect(() =>
      parseScenarioWithSettings(TEXT, FILE, [
        { path: 'finance.financing.tenor_years', value: 8.5 },
      ]),
    ).toThrow(/--set finance.financing.tenor_years.*8.5.*an integer/s);
    const out = parseScenarioWithSettings(TEXT, FILE, [
      { path: 'finance.financing.tenor_years', value: 99 },
    ]);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problems.some((p) => p.path.includes('tenor_years'))).toBe(true);
  });
});
