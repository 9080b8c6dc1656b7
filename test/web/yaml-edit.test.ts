// Form edits change only the edited node of the YAML text (web/src/yaml-edit.ts): the result
// means the same as the document API's setIn/deleteIn, and every other line of the reference
// scenario — comments, flow maps, folded descriptions, long sources — stays byte for byte.
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editYaml, type Path } from '../../web/src/yaml-edit.js';
import { parseScenario } from '../../src/scenario/load.js';
import { REFERENCE_TEXT } from './fixture.js';

const TEXT = REFERENCE_TEXT;

/** Lines of `b` not in `a` and of `a` not in `b`, as a line diff (LCS) counts them. */
function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  const n = x.length;
  const m = y.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i]![j] = x[i] === y[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) removed.push(x[i++]!);
    else added.push(y[j++]!);
  }
  while (i < n) removed.push(x[i++]!);
  while (j < m) added.push(y[j++]!);
  return { removed, added };
}

function expected(path: Path, value: unknown): unknown {
  const d = parseDocument(TEXT);
  if (value === undefined) d.deleteIn(path);
  else d.setIn(path, value);
  return d.toJS();
}

describe('editYaml keeps the file', () => {
  const cases: [string, Path, unknown, number][] = [
    ['a bare number', ['finance', 'financing', 'tenor_years'], 9, 1],
    [
      'a bare number becomes a quantity on its line',
      ['finance', 'financing', 'grace_years'],
      { value: 3, source: 'Edited in the web UI' },
      1,
    ],
    [
      'a flow-map quantity in a list',
      ['stages', 0, 'ramp_up', 0],
      { value: 0.7, source: 'Edited in the web UI' },
      1,
    ],
    [
      'a block-map quantity: its value and its source',
      ['stages', 0, 'capacity_t_per_year'],
      { value: 85000, source: 'Edited in the web UI' },
      2,
    ],
    ['an enum', ['finance', 'financing', 'repayment'], 'annuity', 1],
    ['a new key in a block map', ['finance', 'financing', 'upfront_fee_pct'], 1.5, 1],
    ['a string with a colon gets quoted', ['site', 'name'], 'Aktobe: zone 2', 1],
  ];
  for (const [name, path, value, lines] of cases)
    it(`${name}: ${String(lines)}-line diff, same meaning as setIn`, () => {
      const out = editYaml(TEXT, path, value);
      expect(parseDocument(out).toJS()).toEqual(expected(path, value));
      const d = changedLines(TEXT, out);
      expect(d.added.length, d.added.join('\n')).toBe(lines);
      expect(d.removed.length).toBeLessThanOrEqual(lines);
    });

  it('removing a flow-map list item deletes its lines only', () => {
    const path = ['markets', 'consumables', 1];
    const out = editYaml(TEXT, path, undefined);
    expect(parseDocument(out).toJS()).toEqual(expected(path, undefined));
    const d = changedLines(TEXT, out);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([
      '    - { id: quartzite, price_usd_per_t: { ref: markets/consumables-assumed#quartzite_usd_per_t } }',
    ]);
  });

  it('adding a list item appends it with the list indentation; the scenario still parses', () => {
    const products = (parseDocument(TEXT).toJS() as { markets: { products: unknown[] } }).markets
      .products;
    const path = ['markets', 'products', products.length];
    const value = { id: 'new-1', price_usd_per_t: { value: 0, source: 'Edited in the web UI' } };
    const out = editYaml(TEXT, path, value);
    expect(parseDocument(out).toJS()).toEqual(expected(path, value));
    expect(changedLines(TEXT, out).removed).toEqual([]);
    expect(out).toContain('    - id: new-1\n      price_usd_per_t:\n        value: 0\n');
    // Comments, the folded description and the flow maps are untouched.
    expect(out).toContain('# Stages 1 and 2: the HC ferrochrome smelter, then chromium metal.');
    expect(out.split('\n').slice(0, 40).join('\n')).toBe(TEXT.split('\n').slice(0, 40).join('\n'));
    const removed = editYaml(out, path, undefined);
    expect(removed).toBe(TEXT);
  });

  it('a deeper new key creates its parents', () => {
    const path = ['finance', 'working_capital', 'receivable_days'];
    const out = editYaml(TEXT, path, 45);
    expect(parseDocument(out).toJS()).toEqual(expected(path, 45));
    expect(parseScenario(out, 's.yaml').ok).toBe(true);
  });

  it('the edited reference scenario stays valid', () => {
    const out = editYaml(TEXT, ['stages', 0, 'capacity_t_per_year'], {
      value: 85000,
      source: 'Edited in the web UI',
    });
    expect(parseScenario(out, 's.yaml').ok).toBe(true);
  });
});
