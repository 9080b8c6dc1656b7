import { describe, expect, it } from 'vitest';
import { marketResponse } from '../../../src/econ/commercial/market-response.js';
import { seededUniform } from '../../helpers/seeded.js';
import { withoutUncertainty } from '../../helpers/without-uncertainty.js';

const base = {
  world_market_t_per_year: 43_000,
  project_t_per_year: 5_000,
  demand_elasticity: -0.5,
  incumbent_supply_elasticity: 0.5,
};

describe('entrant price response (constant-elasticity demand and incumbent supply)', () => {
  it('clears the market: demand = incumbent supply + project tonnes, on random inputs', () => {
    const u = seededUniform(7);
    for (let k = 0; k < 200; k++) {
      const inp = {
        world_market_t_per_year: 1e3 + u() * 1e6,
        project_t_per_year: u() * 5e5,
        demand_elasticity: -(0.05 + u() * 3),
        incumbent_supply_elasticity: u() * 3,
      };
      const r = marketResponse(inp);
      const q0 = inp.world_market_t_per_year;
      const demand = q0 * r.price_factor ** inp.demand_elasticity;
      const supply = q0 * r.price_factor ** inp.incumbent_supply_elasticity;
      expect(Math.abs(demand - supply - inp.project_t_per_year)).toBeLessThan(1e-9 * demand);
      expect(r.price_factor).toBeGreaterThan(0);
      expect(r.price_factor).toBeLessThanOrEqual(1);
    }
  });

  it('matches the textbook small-share price effect −s / (ε_s − ε_d)', () => {
    // Entrant price effect for a small share s: dP/P = −s / (ε_s − ε_d) (e.g. Perloff,
    // Microeconomics, ch. 2: the effect of a supply shift on the equilibrium price).
    const small = { ...base, project_t_per_year: 43 }; // s = 0.001
    const r = marketResponse(small);
    expect(1 - r.price_factor).toBeCloseTo(0.001 / 1.0, 6);
  });

  it('no incumbent response, unit-elastic demand: x = 1/(1 + s) exactly', () => {
    const r = marketResponse({ ...base, demand_elasticity: -1, incumbent_supply_elasticity: 0 });
    // x^-1 − 1 = s  ⇒  x = 1/(1 + s); share = q / (Q0 + q).
    expect(r.price_factor).toBeCloseTo(1 / (1 + 5000 / 43000), 12);
    expect(r.market_share).toBeCloseTo(5000 / 48000, 12);
  });

  it('leaves the price alone with no project volume', () => {
    expect(marketResponse({ ...base, project_t_per_year: 0 }).price_factor).toBe(1);
  });

  it('refuses a non-negative demand elasticity or a negative supply elasticity', () => {
    expect(() => marketResponse({ ...base, demand_elasticity: 0 })).toThrow(/demand elasticity/);
    expect(() => marketResponse({ ...base, incumbent_supply_elasticity: -0.1 })).toThrow(
      /supply elasticity/,
    );
    expect(() => marketResponse({ ...base, world_market_t_per_year: 0 })).toThrow(/world market/);
  });
});

describe('market response in the appraisal (stage 1 + 2 reference)', () => {
  it('scales the chromium-metal quotation by the price factor and reports the share', async () => {
    const { readFileSync } = await import('node:fs');
    const { appraise } = await import('../../../src/appraise.js');
    const { loadScenario } = await import('../../../src/scenario/index.js');
    const { ROOT } = await import('../../helpers/run-cli.js');
    // The uncertainty section (which samples market_response paths) is not needed here.
    const text = withoutUncertainty(readFileSync(`${ROOT}/scenarios/aktobe-stage1-2.yaml`, 'utf8'));
    const without = text.replace(/ {6}market_response:\n(?: {8}.*\n| {10}.*\n)+/, '');
    expect(without).not.toContain('market_response:');
    const opts = { breakEvens: false, byRoute: false };
    const on = appraise(loadScenario(text, 'a.yaml'), opts);
    const off = appraise(loadScenario(without, 'b.yaml'), opts);
    const metal = (a: typeof on) => a.commercial!.products.find((p) => p.id === 'chromium-metal')!;
    const m = metal(on).market_response!;
    expect(metal(off).market_response).toBeNull();
    // 5,000 t/yr nameplate of the aluminothermic stage into the world market.
    expect(m.project_t_per_year).toBe(5000);
    expect(m.price_factor).toBeLessThan(1);
    expect(metal(on).quote_usd_per_t / metal(off).quote_usd_per_t).toBeCloseTo(m.price_factor, 9);
    expect(on.metrics!.npv_usd).toBeLessThan(off.metrics!.npv_usd);
  });
});
