// Every bad scenario is rejected with a problem that names the file, line, column, field path
// and what was expected — and all problems of a file are reported at once.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenario, type Problem } from '../../src/scenario/index.js';
import { ROOT } from '../helpers/run-cli.js';

// Stage 1 with scalar distributions and a correlation (the reference file samples price paths).
const BASE = readFileSync(`${ROOT}/scenarios/aktobe-stage1.yaml`, 'utf8').replace(
  /\nuncertainty:\n[^]*$/,
  `
uncertainty:
  method: lhs
  samples: 10000
  seed: 1
  parameters:
    - path: markets.products.hc-ferrochrome.price_rmb_per_t_50pct_cr_vat_incl
      distribution: { type: triangular, min: 7600, mode: 8900, max: 9100 }
    - path: markets.electricity.tariff_kzt_per_kwh
      distribution: { type: triangular, min: 15, mode: 20, max: 29.14 }
    - path: markets.products.chromite-concentrate.price_formula.basis_rmb_per_dmtu_vat_incl
      distribution: { type: triangular, min: 49, mode: 56.5, max: 61 }
  correlations:
    - between:
        - markets.products.hc-ferrochrome.price_rmb_per_t_50pct_cr_vat_incl
        - markets.products.chromite-concentrate.price_formula.basis_rmb_per_dmtu_vat_incl
      rho: 0.6
`,
);
const BASE12 = readFileSync(`${ROOT}/scenarios/aktobe-stage1-2.yaml`, 'utf8');

function edit(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`fixture edit did not apply: ${String(from)}`);
  return out;
}

function problemsOf(text: string): Problem[] {
  const r = parseScenario(text, 'bad.yaml');
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.problems.filter((p) => p.severity !== 'warning');
}

interface Case {
  name: string;
  text: string;
  path: string | RegExp;
  message: RegExp;
  /** Expected 1-based line, when the case pins one. */
  line?: number;
  suggestion?: string;
}

const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const cases: Case[] = [
  {
    name: 'wrong type (string for a number)',
    text: edit(
      BASE,
      /capacity_t_per_year:\n\s+value: 80000/,
      'capacity_t_per_year:\n      value: "eighty thousand"',
    ),
    path: 'stages[0].capacity_t_per_year',
    message: /expected a finite number ≥ 1 ≤ 100000000 \[t\/year\]/,
  },
  {
    name: 'negative flow',
    text: edit(BASE, 'value: 190000', 'value: -190000'),
    path: 'feeds[0].supply_t_per_year',
    message: /≥ 0 \[t\/year\]/,
  },
  {
    name: 'grade over 100 %',
    text: edit(
      BASE,
      '    preset: kempirsai-concentrate\n',
      '    preset: kempirsai-concentrate\n    composition_wt_pct: { Cr2O3: 120 }\n',
    ),
    path: 'feeds[0].composition_wt_pct.Cr2O3',
    message: /≤ 100 \[%\]/,
  },
  {
    name: 'composition not closing to 100 ± 0.5',
    text: edit(
      BASE,
      '    preset: kempirsai-concentrate\n',
      '    preset: kempirsai-concentrate\n    composition_wt_pct: { MgO: 30 }\n',
    ),
    path: 'feeds[0].composition_wt_pct',
    message: /sums to 111\.16 wt%; expected 100 ± 0\.5/,
  },
  {
    name: 'composition missing entirely',
    text: edit(BASE, '    preset: kempirsai-concentrate\n', ''),
    path: 'feeds[0].composition_wt_pct',
    message: /required: a dry analysis/,
  },
  {
    name: 'unknown flowsheet template, with suggestion',
    text: edit(BASE, 'template: fecr-dc', 'template: fecr-dcc'),
    path: 'stages[0].flowsheet.template',
    message: /unknown flowsheet template/,
    line: lineOf(BASE, 'template: fecr-dc'),
    suggestion: 'fecr-dc',
  },
  {
    name: 'duplicate stage ids',
    text: BASE12.replace('  - id: chromium\n', '  - id: smelter\n'),
    path: 'stages[1].id',
    message: /duplicate id; already used by stages\[0\]/,
  },
  {
    name: 'dangling stream reference',
    text: edit(
      BASE,
      'inputs: { chromite: "feed:kempirsai-concentrate" }',
      'inputs: { chromite: "feed:kempirsai-concentrat" }',
    ),
    path: 'stages[0].flowsheet.inputs.chromite',
    message: /dangling reference: no feed with id "kempirsai-concentrat"/,
    suggestion: 'feed:kempirsai-concentrate',
  },
  {
    name: 'dangling stage reference',
    text: edit(
      BASE12,
      'ferrochrome: "stage:smelter/hc-ferrochrome"',
      'ferrochrome: "stage:smelterr/hc-ferrochrome"',
    ),
    path: 'stages[1].flowsheet.inputs.ferrochrome',
    message: /no stage with id "smelterr"/,
    suggestion: 'stage:smelter/hc-ferrochrome',
  },
  {
    name: 'stage feeding itself',
    text: edit(
      BASE12,
      'inputs: { chromite: "feed:kempirsai-concentrate" }',
      'inputs: { chromite: "stage:smelter/hc-ferrochrome" }',
    ),
    path: 'stages[0].flowsheet.inputs.chromite',
    message: /cannot feed itself/,
  },
  {
    name: 'missing required product price',
    text: edit(
      BASE,
      / {2}products:\n {4}- id: chromite-concentrate\n[^]*?(?= {2}consumables:)/,
      '  products: []\n',
    ),
    path: 'markets.products',
    message: /missing required price: stage "smelter" makes "hc-ferrochrome"/,
  },
  {
    name: 'a deck whose long-term price is not in the quotation basis',
    text: edit(
      BASE,
      '        long_term_price_rmb_per_t_50pct_cr_vat_incl:',
      '        long_term_price_rmb_per_t_vat_incl:',
    ),
    path: 'markets.products[1].deck',
    message:
      /long-term price must be in the quotation's basis: give long_term_price_rmb_per_t_50pct_cr_vat_incl/,
  },
  {
    name: 'a route price point with a lump-sum logistics deduction',
    text: edit(
      BASE,
      '      price_point: delivered-china',
      '      price_point: delivered-china\n      logistics_usd_per_t: 70',
    ),
    path: 'markets.products[1].logistics_usd_per_t',
    message: /whole deduction of price_point "other"/,
  },
  {
    name: 'a market-priced supply contract without a price for its product',
    text: edit(
      BASE,
      '    contract:\n      price: market',
      '    contract:\n      price: market\n      product: lc-ferrochrome',
    ),
    path: 'feeds[0].contract.product',
    message: /needs a price for "lc-ferrochrome"/,
  },
  {
    name: 'missing required consumable price',
    text: edit(BASE, / {4}- \{ id: coke.*\n/, ''),
    path: 'markets.consumables',
    message: /missing required price: .* consumes "coke"/,
  },
  {
    name: 'product with two price bases',
    text: edit(
      BASE,
      '      price_point: delivered-china',
      '      price_point: delivered-china\n      price_usd_per_t: 1450',
    ),
    path: 'markets.products[1]',
    message: /exactly one price basis/,
  },
  {
    name: 'consumable priced in the wrong unit',
    text: edit(
      BASE,
      '{ id: water, price_usd_per_m3: { ref: markets/consumables-assumed#water_usd_per_m3 } }',
      '{ id: water, price_usd_per_t: 0.5 }',
    ),
    path: 'markets.consumables[6]',
    message: /water is priced in USD\/m3; give price_usd_per_m3/,
  },
  {
    name: 'YAML syntax error',
    text: edit(BASE, 'site:\n  name:', 'site:\n  name: [unclosed\n  x:'),
    path: '',
    message: /syntax error/,
  },
  { name: 'empty file', text: '', path: '', message: /the file is empty/ },
  { name: 'only comments', text: '# nothing here\n', path: '', message: /the file is empty/ },
  {
    name: 'top level is a list',
    text: '- a\n- b\n',
    path: '',
    message: /expected a mapping at the top level/,
    line: 1,
  },
  {
    name: 'huge number (overflows to Infinity)',
    text: edit(BASE, 'value: 190000', 'value: 1e400'),
    path: 'feeds[0].supply_t_per_year',
    message: /finite number/,
  },
  {
    name: 'NaN (YAML .nan)',
    text: edit(BASE, 'value: 190000', 'value: .nan'),
    path: 'feeds[0].supply_t_per_year',
    message: /finite number/,
  },
  {
    name: 'Infinity (YAML .inf)',
    text: edit(
      BASE,
      /capacity_t_per_year:\n\s+value: 80000/,
      'capacity_t_per_year:\n      value: .inf',
    ),
    path: 'stages[0].capacity_t_per_year',
    message: /finite number/,
  },
  {
    name: '"NaN" as a string',
    text: edit(BASE, 'construction_years: 2', 'construction_years: "NaN"'),
    path: 'stages[0].construction_years',
    message: /expected/,
  },
  {
    name: 'unknown key with did-you-mean',
    text: edit(BASE, '    capacity_basis: product', '    capacity_basys: product'),
    path: 'stages[0].capacity_basys',
    message: /unknown key/,
    line: lineOf(BASE, 'capacity_basis: product'),
    suggestion: 'capacity_basis',
  },
  {
    name: 'missing required field',
    text: edit(BASE, /^name: .*\n/m, ''),
    path: 'name',
    message: /required/,
  },
  {
    name: 'wrong format version',
    text: edit(BASE, 'chromflow: 1', 'chromflow: 2'),
    path: 'chromflow',
    message: /expected/,
  },
  {
    name: 'unknown unit',
    text: edit(
      BASE,
      /capacity_t_per_year:\n\s+value: 80000/,
      'capacity_t_per_year:\n      unit: kt/yr\n      value: 80',
    ),
    path: 'stages[0].capacity_t_per_year',
    message: /unit "kt\/yr" cannot be converted/,
  },
  {
    name: 'data reference of the wrong dimension',
    text: edit(
      BASE,
      '{ id: water, price_usd_per_m3: { ref: markets/consumables-assumed#water_usd_per_m3 } }',
      '{ id: water, price_usd_per_m3: { ref: markets/consumables-assumed#coke_usd_per_t } }',
    ),
    path: 'markets.consumables[6].price_usd_per_m3',
    message: /unit "USD\/t" cannot be converted to USD\/m3/,
  },
  {
    name: 'unit of the wrong dimension',
    text: edit(
      BASE,
      /capacity_t_per_year:\n\s+value: 80000/,
      'capacity_t_per_year:\n      unit: USD\n      value: 80',
    ),
    path: 'stages[0].capacity_t_per_year',
    message: /cannot be converted to t\/year/,
  },
  {
    name: 'id with spaces and capitals',
    text: edit(BASE, '  - id: smelter', '  - id: Smelter One'),
    path: 'stages[0].id',
    message: /lowercase letters, digits and "-"/,
  },
  {
    name: 'development before the base year',
    text: edit(BASE, 'start_year: 2031', 'start_year: 2029'),
    path: 'stages[0].start_year',
    message: /before site\.base_year 2026/,
  },
  {
    name: 'unknown product id, with suggestion',
    text: edit(BASE, '    - id: hc-ferrochrome', '    - id: hc-ferrochrom'),
    path: 'markets.products[1].id',
    message: /expected one of/,
    suggestion: 'hc-ferrochrome',
  },
  {
    name: 'uncertainty path that is not an input',
    text: edit(
      BASE,
      '    - path: markets.electricity.tariff_kzt_per_kwh',
      '    - path: markets.electricity.tarif_kzt_per_kwh',
    ),
    path: 'uncertainty.parameters[1].path',
    message: /not a numeric input/,
    suggestion: 'markets.electricity.tariff_kzt_per_kwh',
  },
  {
    name: 'triangular with min > mode',
    text: edit(
      BASE,
      '{ type: triangular, min: 15, mode: 20, max: 29.14 }',
      '{ type: triangular, min: 25, mode: 20, max: 29.14 }',
    ),
    path: 'uncertainty.parameters[1].distribution',
    message: /min ≤ mode ≤ max/,
  },
  {
    name: 'unknown distribution type',
    text: edit(
      BASE,
      '{ type: triangular, min: 15, mode: 20, max: 29.14 }',
      '{ type: beta, min: 15, max: 29.14 }',
    ),
    path: 'uncertainty.parameters[1].distribution.type',
    message: /"type"/,
  },
  {
    name: 'correlation with an undeclared parameter',
    text: edit(
      BASE,
      '        - markets.products.chromite-concentrate.price_formula.basis_rmb_per_dmtu_vat_incl\n',
      '        - markets.fx.rmb_per_usd\n',
    ),
    path: 'uncertainty.correlations[0].between[1]',
    message: /only name paths declared/,
  },
  {
    name: 'correlation outside [-1, 1]',
    text: edit(BASE, 'rho: 0.6', 'rho: 1.6'),
    path: 'uncertainty.correlations[0].rho',
    message: /expected/,
  },
  {
    name: 'duplicate YAML key',
    text: edit(BASE, '  base_year: 2026\n', '  base_year: 2026\n  base_year: 2027\n'),
    path: '',
    message: /syntax error: Map keys must be unique/,
  },
  {
    name: 'unknown data reference, with suggestion',
    text: edit(
      BASE,
      '{ ref: markets/consumables-assumed#coke_usd_per_t }',
      '{ ref: markets/consumables-assumed#cokes_usd_per_t }',
    ),
    path: 'markets.consumables[0].price_usd_per_t',
    message: /unknown data reference/,
  },
  {
    name: 'ramp-up fraction above 1',
    text: edit(
      BASE,
      '{ value: 0.9, source: "assumed: second-year ramp-up" }',
      '{ value: 1.9, source: "assumed: second-year ramp-up" }',
    ),
    path: 'stages[0].ramp_up[1]',
    message: /≤ 1/,
  },
  {
    name: 'non-integer horizon',
    text: edit(BASE, 'finance:\n', 'finance:\n  horizon_years: 25.5\n'),
    path: 'finance.horizon_years',
    message: /integer/,
  },
  {
    name: 'missing input port of the template',
    text: edit(BASE, 'inputs: { chromite: "feed:kempirsai-concentrate" }', 'inputs: {}'),
    path: 'stages[0].flowsheet.inputs',
    message: /missing input port "chromite"/,
  },
];

describe('bad scenario inputs', () => {
  it('has at least 25 distinct cases', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('$name', (c) => {
    const problems = problemsOf(c.text);
    const match = problems.find((p) =>
      typeof c.path === 'string' ? p.path === c.path : c.path.test(p.path),
    );
    expect(match, `problems were:\n${problems.map(formatProblem).join('\n')}`).toBeDefined();
    if (!match) return;
    expect(match.message).toMatch(c.message);
    expect(match.file).toBe('bad.yaml');
    if (c.text.trim() !== '' && !c.text.trim().startsWith('#')) {
      expect(match.line).toBeGreaterThan(0);
      expect(match.column).toBeGreaterThan(0);
    }
    if (c.line !== undefined) expect(match.line).toBe(c.line);
    if (c.suggestion !== undefined) expect(match.suggestion).toBe(c.suggestion);
    // The formatted message carries file:line:col, the path and the message.
    const text = formatProblem(match);
    expect(text).toContain(`bad.yaml`);
    if (match.path) expect(text).toContain(match.path);
  });

  it('reports all problems of a file at once', () => {
    let text = edit(BASE, 'value: 190000', 'value: -1');
    text = edit(text, 'template: fecr-dc', 'template: nope');
    text = edit(text, '    capacity_basis: product', '    capacity_basys: product');
    const problems = problemsOf(text);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['feeds[0].supply_t_per_year', 'stages[0].capacity_basys']),
    );
    expect(problems.length).toBeGreaterThanOrEqual(2);
    // Problems are sorted by position in the file.
    const lines = problems.map((p) => p.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it('points at the right line and column for a nested value', () => {
    const text = edit(BASE, 'value: 190000', 'value: -5');
    const [p] = problemsOf(text);
    const line = lineOf(text, 'value: -5');
    expect(p?.line).toBe(line);
    expect(p?.column).toBe(text.split('\n')[line - 1]!.indexOf('-5') + 1);
    expect(p?.value).toBe(-5);
  });

  it('accepts JSON as well as YAML, with positions', () => {
    const json = JSON.stringify(
      { chromflow: 1, name: 'x', site: { name: 'a', region: 'b', country: 'kz', base_year: 2026 } },
      null,
      2,
    );
    const problems = problemsOf(json);
    const country = problems.find((p) => p.path === 'site.country');
    expect(country?.message).toMatch(/ISO 3166-1/);
    expect(country?.line).toBe(7);
    expect(problems.some((p) => p.path === 'feeds')).toBe(true);
  });
});
