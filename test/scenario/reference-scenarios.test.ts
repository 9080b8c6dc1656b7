import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { numericLeaves, parseScenario, TEMPLATES } from '../../src/scenario/index.js';
import { ROOT } from '../helpers/run-cli.js';

const read = (name: string) => readFileSync(`${ROOT}/scenarios/${name}`, 'utf8');
const FILES = [
  'aktobe-raw-export.yaml',
  'aktobe-stage1.yaml',
  'aktobe-stage1-2.yaml',
  'kempirsai-concentrator.yaml',
];

describe('reference scenarios', () => {
  it.each(FILES)('%s is valid without warnings', (name) => {
    const r = parseScenario(read(name), name);
    expect(r.ok ? r.warnings : r.problems).toEqual([]);
  });

  it('every number carries a source; bare numbers are "scenario input", defaults name their data file', () => {
    const r = parseScenario(read('aktobe-stage1.yaml'), 'x');
    if (!r.ok) throw new Error('invalid');
    const leaves = numericLeaves(r.scenario);
    expect(leaves.length).toBeGreaterThan(30);
    for (const l of leaves) expect(l.param.source.length).toBeGreaterThan(5);
    const tariff = leaves.find((l) => l.path === 'markets.electricity.tariff_kzt_per_kwh');
    expect(tariff?.param).toMatchObject({
      value: 29.14,
      unit: 'KZT/kWh',
      status: 'assumed',
      ref: 'markets/electricity-kazakhstan#tariff_kzt_per_kwh',
    });
    const cr2o3 = leaves.find(
      (l) => l.path === 'feeds.kempirsai-concentrate.composition_wt_pct.Cr2O3',
    );
    expect(cr2o3?.param.status).toBe('verified');
    const budget = leaves.find((l) => l.path === 'stages.smelter.capex_budget_usd');
    expect(budget?.param).toMatchObject({ value: 150e6, status: 'verified' });
    // The reference tranches are sculpted to a sourced target DSCR; a bare number is a scenario input.
    const target = leaves.find((l) => l.path === 'finance.financing.target_dscr');
    expect(target?.param).toMatchObject({ value: 1.4, status: 'assumed' });
    expect(target?.param.source).toMatch(/Bodmer/);
    const grace = parseScenario(
      read('aktobe-stage1.yaml').replace(
        /target_dscr:\n\s+value: 1\.4\n\s+source: .*\n/,
        'target_dscr: 1.3\n',
      ),
      'x',
    );
    if (!grace.ok) throw new Error('invalid');
    expect(
      numericLeaves(grace.scenario).find((l) => l.path === 'finance.financing.target_dscr')?.param
        .source,
    ).toBe('scenario input');
  });

  // the HC ferrochrome smelting routes (fecr-refining makes another product, LC FeCr)
  const fecr = TEMPLATES.filter((t) => t.products.includes('hc-ferrochrome')).map((t) => t.id);
  it.each(fecr)(
    'stage 1 stays valid when the smelting route is switched to %s (one key)',
    (template) => {
      const r = parseScenario(
        read('aktobe-stage1.yaml').replace('template: fecr-dc', `template: ${template}`),
        'x',
      );
      expect(r.ok ? r.warnings : r.problems).toEqual([]);
    },
  );

  it.each(['cr-aluminothermic', 'cr-electrolytic'])(
    'stages 1+2 stay valid with the chromium route %s (one key)',
    (template) => {
      const r = parseScenario(
        read('aktobe-stage1-2.yaml').replace(
          'template: cr-aluminothermic',
          `template: ${template}`,
        ),
        'x',
      );
      expect(r.ok ? r.warnings : r.problems).toEqual([]);
    },
  );
});
