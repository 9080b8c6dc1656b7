// fecr-refining: MC/LC ferrochrome by silicothermic reduction (Perrin type) as a stage template.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraise } from '../../../src/appraise.js';
import { runStage } from '../../../src/plant/run-stage.js';
import { NotImplementedError } from '../../../src/errors.js';
import { runRefiningStage } from '../../../src/process/pyro/run-refining.js';
import { type ChromiteFeed } from '../../../src/process/pyro/run-fecr.js';
import { loadScenario } from '../../../src/scenario/index.js';
import { templateInfo } from '../../../src/scenario/template-catalogue.js';
import { ROOT } from '../../helpers/run-cli.js';
import { kempirsaiFeed } from '../../helpers/kempirsai-feed.js';
import { seededUniform } from '../../helpers/seeded.js';

const KEMPIRSAI: ChromiteFeed = kempirsaiFeed();
const run = (feed = KEMPIRSAI, overrides: Record<string, number> = {}) =>
  runRefiningStage({ feed, capacity_t_per_year: 20_000, availability: 0.9, overrides });

/** Element flow of a stream of the balance [kg/h]. */
const el = (r: ReturnType<typeof run>, stream: string, e: string): number =>
  r.balance.streams.find((s) => s.id === stream)?.elements_kg_per_h[e] ?? NaN;

describe('fecr-refining on the flowsheet engine', () => {
  it('closes every element (≤1e-9) and the heat balance on random ores and parameters (seeded)', () => {
    const u = seededUniform(20261129);
    for (let k = 0; k < 8; k++) {
      const cr = u(42, 55);
      const feo = u(10, 16);
      const rest = 100 - cr - feo - 2;
      const r = run(
        {
          analysis: {
            Cr2O3: cr,
            FeO: feo,
            MgO: rest * 0.5,
            Al2O3: rest * 0.3,
            SiO2: rest * 0.2,
            CaO: 1,
            LOI: 1,
          },
          moisture_wt_pct: u(0, 5),
        },
        {
          'refining.cr_reduction': u(0.5, 0.9),
          'refining.fe_reduction': u(0.8, 1),
          'refining.si_utilisation': u(0.8, 1),
          'refining.slag_basicity': u(1.2, 1.8),
        },
      );
      expect(r.balance.max_closure_rel).toBeLessThan(1e-9);
      for (const c of Object.values(r.balance.plant_closure_rel)) expect(c).toBeLessThan(1e-9);
      for (const e of r.energy) expect(e.closure_rel).toBeLessThan(1e-9);
      expect(r.products[0]?.t_per_h ?? 0).toBeCloseTo(20_000 / (8760 * 0.9), 9);
    }
  });

  it('stoichiometry: Si oxidised = ¾ Cr reduced + ½ Fe reduced (2Cr2O3 + 3Si, 2FeO + Si; no Fe2O3 in the ore)', () => {
    const r = run();
    const mol = (kg: number, M: number) => kg / M;
    const si = mol(el(r, 'fesicr', 'Si') - el(r, 'alloy', 'Si'), 28.085);
    const cr = mol(el(r, 'alloy', 'Cr') - el(r, 'fesicr', 'Cr'), 51.9961);
    const fe = mol(el(r, 'alloy', 'Fe') - el(r, 'fesicr', 'Fe'), 55.845);
    expect(si / (0.75 * cr + 0.5 * fe)).toBeCloseTo(1, 9);
    // the Cr reduced is cr_reduction (default 0.75) of the ore's Cr
    expect(cr / mol(el(r, 'chromite', 'Cr'), 51.9961)).toBeCloseTo(0.75, 9);
  });

  it('makes a low-carbon alloy (C ≤ 0.10 %, GOST FeCr010A, facts §3.4) with its water vapour and slag out', () => {
    const r = run({ ...KEMPIRSAI, moisture_wt_pct: 4 });
    expect(r.kpis.alloy_c_wt_pct).toBeLessThanOrEqual(0.1);
    expect(r.kpis.alloy_cr_wt_pct).toBeGreaterThan(60);
    expect(r.kpis.slag_basicity).toBeCloseTo(1.5, 9);
    expect(el(r, 'off-gas', 'H')).toBeGreaterThan(0);
    expect(r.products[0]?.id).toBe('lc-ferrochrome');
    const info = templateInfo('fecr-refining');
    for (const c of r.consumptions)
      expect([...(info?.consumables ?? []), 'electricity']).toContain(c.id);
  });
});

describe('a scenario with a refining stage appraises', () => {
  const yaml = readFileSync(`${ROOT}/scenarios/aktobe-stage1.yaml`, 'utf8')
    .replace('template: fecr-dc', 'template: fecr-refining')
    .replace('value: 80000', 'value: 20000')
    .replace(/\nuncertainty:[^]*$/, '\n')
    .replace(
      /( {4})- id: hc-ferrochrome\n[^]*?(?= {2}consumables:)/,
      [
        '$1- id: lc-ferrochrome',
        '$1  price_rmb_per_t_50pct_cr_vat_incl:',
        '$1    value: 10750',
        '$1    source: "derived: LC FeCr C0.50 China 12,900 RMB/t at 60 % Cr basis (Feb 2025, SMM CITIC tender, facts §5.4) × 50/60"',
        '$1    status: derived',
        '',
      ].join('\n'),
    )
    .replace(
      '  consumables:\n',
      [
        '  consumables:',
        '    - { id: fesicr, price_usd_per_t: { ref: markets/consumables-assumed#fesicr_usd_per_t } }',
        '    - { id: lime, price_usd_per_t: { ref: markets/consumables-assumed#lime_usd_per_t } }',
        '',
      ].join('\n'),
    );

  it('computes the stage (LC FeCr, FeSiCr, lime, electricity) and prices its refining furnace', () => {
    const a = appraise(loadScenario(yaml, 'refining.yaml'));
    const st = a.stages[0];
    expect(st?.status).toBe('computed');
    expect(st?.template).toBe('fecr-refining');
    expect(st?.products[0]?.id).toBe('lc-ferrochrome');
    expect(st?.products[0]?.t_per_year).toBeCloseTo(20_000, 6);
    expect(Object.keys(st?.consumptions ?? {})).toEqual(
      expect.arrayContaining(['fesicr', 'lime', 'electricity']),
    );
    expect(st?.kpis.specific_energy_MWh_per_t).toBeGreaterThan(0);
    // the refining furnace is priced as a furnace line of the class (per MVA)
    expect(st?.capex?.units.map((u) => u.item_id)).toEqual(['furnace-line']);
    expect(st?.capex_usd).toBeGreaterThan(0);
    expect(a.balance?.max_closure_rel).toBeLessThan(1e-9);
    // the preset states S, P2O5, TiO2, which this template does not carry: said, not dropped silently
    expect(st?.warnings).toContainEqual(
      expect.stringContaining("keeps no minor-element ledger: the feed's S, P2O5, TiO2"),
    );
  });

  it('a refining stage fed by another stage’s HC FeCr is not implemented (FeSiCr from HC FeCr)', () => {
    const sc = loadScenario(yaml, 'refining.yaml');
    const stage = sc.stages[0];
    if (!stage) throw new Error('no stage');
    stage.flowsheet.inputs.chromite = 'stage:smelter/hc-ferrochrome';
    const upstream = run(); // any StageRun carrying an HC FeCr-like product
    const runs = new Map([
      ['smelter', { ...upstream, products: [{ ...upstream.products[0]!, id: 'hc-ferrochrome' }] }],
    ]);
    expect(() => runStage(sc, stage, 0, runs)).toThrow(NotImplementedError);
  });
});
