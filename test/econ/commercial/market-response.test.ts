import { describe, expect, it } from 'vitest';
import { marketResponse } from '../../../src/econ/commercial/market-response.js';
import { seededUniform } from '../../helpers/seeded.js';

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
