// Buy or make Cr2O3 (issue 16 item 3): the buy-oxide template reduces purchased Cr2O3 in the
// same aluminothermic reactor as the chromate route, with no chromate section.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraise } from '../../../src/appraise.js';
import { runChromiumStage } from '../../../src/process/chromium/run.js';
import { loadScenario } from '../../../src/scenario/index.js';
import { ROOT } from '../../helpers/run-cli.js';
import { seededUniform } from '../../helpers/seeded.js';
import { withoutUncertainty } from '../../helpers/without-uncertainty.js';

const MW_CR2O3 = 151.99;
const MW_CR = 51.996;

describe('cr-aluminothermic-oxide (purchased Cr2O3)', () => {
  it('closes every element and energy balance on random oxide grades and reactor settings', () => {
    const u = seededUniform(20261205);
    for (let k = 0; k < 8; k++) {
      const sio2 = u(0, 0.5);
      const fe2o3 = u(0, 0.3);
      const al2o3 = u(0, 0.3);
      const r = runChromiumStage('cr-aluminothermic-oxide', {
        feed: {
          oxides_wt_pct: {
            Cr2O3: 100 - sio2 - fe2o3 - al2o3,
            SiO2: sio2,
            Fe2O3: fe2o3,
            Al2O3: al2o3,
          },
        },
        capacity_t_per_year: u(1000, 10000),
        availability: u(0.8, 0.95),
        overrides: { 'units.reactor.al_excess': u(0.95, 1.1) },
      });
      expect(r.balance.max_closure_rel).toBeLessThanOrEqual(1e-9);
      for (const e of r.energy) expect(e.closure_rel).toBeLessThanOrEqual(1e-9);
    }
  });

  it('has no chromate units or reagents, and needs at least the stoichiometric oxide', () => {
    const r = runChromiumStage('cr-aluminothermic-oxide', {
      feed: { oxides_wt_pct: { Cr2O3: 99.6, SiO2: 0.2, Fe2O3: 0.1, Al2O3: 0.1 } },
      capacity_t_per_year: 5000,
      availability: 0.9,
    });
    const units = r.design.map((d) => d.kind);
    for (const kind of units) expect(kind).not.toMatch(/kiln|leach|crystalliser|calciner|wash/);
    const ids = r.consumptions.map((c) => c.id);
    expect(ids).not.toContain('soda-ash');
    expect(ids).not.toContain('sulfur');
    expect(ids).toContain('aluminium');
    // Stoichiometry: Cr2O3 → 2 Cr, so at least 151.99 / (2 × 51.996) = 1.4616 t of Cr2O3 per t
    // of Cr (molar masses, IUPAC 2021); the excess is the reactor's Cr loss to slag.
    const crInMetal = (r.kpis.metal_cr_wt_pct ?? NaN) / 100;
    expect(r.kpis.cr2o3_t_per_t! / crInMetal).toBeGreaterThanOrEqual(MW_CR2O3 / (2 * MW_CR) - 1e-9);
  });

  it('buy vs make: the stage drops the chromate units from capex, staffing and concentrate', () => {
    const opts = { breakEvens: false, byRoute: false };
    const read = (f: string) => withoutUncertainty(readFileSync(`${ROOT}/scenarios/${f}`, 'utf8'));
    const make = appraise(loadScenario(read('aktobe-stage1-2.yaml'), 'make.yaml'), opts);
    const buy = appraise(loadScenario(read('aktobe-stage1-2-buy-oxide.yaml'), 'buy.yaml'), opts);
    const cr = (a: typeof make) => a.stages.find((s) => s.id === 'chromium')!;
    expect(cr(buy).template).toBe('cr-aluminothermic-oxide');
    expect(cr(buy).capex_usd!).toBeLessThan(cr(make).capex_usd!);
    const heads = (a: typeof make) =>
      cr(a).staffing!.positions.reduce((n, p) => n + p.headcount, 0);
    expect(heads(buy)).toBeLessThan(heads(make));
    const feed = buy.commercial!.feeds.find((f) => f.id === 'cr2o3-purchased')!;
    expect(feed.use_t_per_year).toBeGreaterThan(5000 * 1.46 * 0.99);
    expect(
      cr(buy).opex!.lines.some((l) => l.id === 'feed:cr2o3-purchased' && l.cost_usd_per_year > 0),
    ).toBe(true);
  });
});
