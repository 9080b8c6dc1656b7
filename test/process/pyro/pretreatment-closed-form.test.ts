// The fuel rates of the fuel-fired pre-treatment units in closed form (issue 19 item 2): the
// heat-balance residual is affine in the rate, so its root equals the Brent root the units used
// to search for (src/numeric/brent.ts, the reference), and the balance closes to round-off.
import { describe, expect, it } from 'vitest';
import { brent } from '../../../src/numeric/brent.js';
import { chromiteStream } from '../../../src/process/pyro/materials.js';
import {
  heatResidual_W,
  kilnAtCoalRate,
  pelletise,
  preheaterAtGasFraction,
  rotaryKiln,
  shaftPreheater,
  sinterAtFuelRate,
  sinterPellets,
} from '../../../src/process/pyro/pretreatment.js';
import {
  furnaceDefaults,
  solveSmeltingFurnace,
} from '../../../src/process/pyro/smelting-furnace.js';
import { elementClosure, mass_kg_per_s } from '../../../src/process/pyro/species.js';
import { seededUniform } from '../../helpers/seeded.js';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
const analysis = { Cr2O3: 48.5, FeO: 12.2, MgO: 19, Al2O3: 8.5, SiO2: 8, CaO: 1, LOI: 2.8 };

describe('pre-treatment fuel rates in closed form', () => {
  it('sinter strand and rotary kiln: the Brent root of the same residual, balances closed (seeded)', () => {
    const u = seededUniform(41);
    for (let k = 0; k < 8; k++) {
      const ore = chromiteStream('ore', analysis, u(0.5, 30), 0, 298.15);
      const green = pelletise(ore).product;
      const sinterOpts = {
        sinter_oxidation_fraction: u(0, 1),
        sinter_heat_loss_fraction: u(0.1, 0.5),
      };
      const s = sinterPellets(green, sinterOpts);
      const sAt = sinterAtFuelRate(green, sinterOpts);
      const scale = mass_kg_per_s(green);
      const sRef = brent((m) => heatResidual_W(sAt(m)), 0, scale, {
        xtol: 1e-14 * scale,
        rtol: 1e-14,
      });
      expect(rel(s.fuel_kg_per_s, sRef)).toBeLessThan(1e-10);
      expect(Math.abs(heatResidual_W(s)) / s.fuel_LHV_W).toBeLessThan(1e-12);
      expect(elementClosure(s.inlets, s.outlets).worst).toBeLessThan(1e-12);

      const pellets = pelletise(ore, { reductant_kg_per_s: 0.3 * mass_kg_per_s(ore) }).product;
      const kilnOpts = { kiln_cr_metallisation: u(0, 0.6), kiln_fe_metallisation: u(0.5, 0.95) };
      const r = rotaryKiln(pellets, kilnOpts);
      const rAt = kilnAtCoalRate(pellets, kilnOpts);
      const ps = mass_kg_per_s(pellets);
      const rRef = brent((m) => heatResidual_W(rAt(m)), 0, ps, { xtol: 1e-14 * ps, rtol: 1e-14 });
      expect(rel(r.fuel_kg_per_s, rRef)).toBeLessThan(1e-10);
      expect(Math.abs(heatResidual_W(r)) / r.fuel_LHV_W).toBeLessThan(1e-12);
      expect(elementClosure(r.inlets, r.outlets).worst).toBeLessThan(1e-12);
    }
  });

  it('shaft preheater: the burnt gas fraction is the Brent root; a shortfall is reported', () => {
    const u = seededUniform(43);
    const ore = chromiteStream('ore', analysis, 10, 0, 298.15);
    const gas = solveSmeltingFurnace(ore, furnaceDefaults('ac-saf')).gas;
    for (let k = 0; k < 6; k++) {
      const opts = { preheat_T_K: u(600, 950) };
      const cold = [sinterPellets(pelletise(ore).product).product];
      const r = shaftPreheater(cold, gas, opts);
      const at = preheaterAtGasFraction(cold, gas, opts);
      const ref = brent((phi) => heatResidual_W(at(phi)), 0, 1, { xtol: 1e-15, rtol: 1e-14 });
      expect(Math.abs(r.gas_fraction - ref)).toBeLessThan(1e-12);
      expect(elementClosure(r.inlets, r.outlets).worst).toBeLessThan(1e-12);
    }
    const starved = { ...gas, mol_per_s: gas.mol_per_s.map((v) => v * 1e-3) };
    const cold = [sinterPellets(pelletise(ore).product).product];
    expect(shaftPreheater(cold, starved, { allow_shortfall: true }).shortfall).toBe(true);
    expect(() => shaftPreheater(cold, starved)).toThrow(/preheat the furnace gas can supply/);
  });
});
