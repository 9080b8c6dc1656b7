import { describe, expect, it } from 'vitest';
import { chromiteStream } from '../../../src/process/pyro/materials.js';
import { silicothermicRefining } from '../../../src/process/pyro/silicothermic-refining.js';
import { elementClosure, elementMasses_kg_per_s, SP } from '../../../src/process/pyro/species.js';
import { seededUniform } from '../../helpers/seeded.js';

const ore = (u: (lo?: number, hi?: number) => number, kg: number) => {
  const cr = u(42, 55);
  const feo = u(10, 16);
  const rest = 100 - cr - feo - 1;
  return chromiteStream(
    'ore',
    { Cr2O3: cr, FeO: feo, MgO: rest * 0.5, Al2O3: rest * 0.3, SiO2: rest * 0.2, CaO: 1 },
    kg,
    0,
    298.15,
  );
};

describe('silicothermic (Perrin-type) MC/LC FeCr refining', () => {
  it('closes elements (≤1e-9) and the heat balance on random inputs (seeded)', () => {
    const u = seededUniform(5);
    for (let k = 0; k < 20; k++) {
      const target = u(1.2, 1.8);
      const r = silicothermicRefining(ore(u, u(0.1, 30)), {
        cr_reduction: u(0.5, 0.9),
        fe_reduction: u(0.8, 1),
        si_utilisation: u(0.8, 1),
        slag_basicity: target,
      });
      expect(elementClosure(r.inlets, r.outlets).worst).toBeLessThan(1e-9);
      const res = r.H_in_W + r.electric_W - r.H_out_W - r.heat_loss_W - r.electrical_loss_W;
      expect(Math.abs(res) / r.electric_W).toBeLessThan(1e-9);
      const slag = elementMasses_kg_per_s(r.slag);
      const B = ((slag.Ca ?? 0) * (56.077 / 40.078)) / ((slag.Si ?? 0) * (60.0843 / 28.085));
      expect(B).toBeCloseTo(target, 3);
    }
  });

  it('stoichiometry: Si oxidised = ¾ Cr reduced + ½ Fe reduced (2Cr2O3 + 3Si, 2FeO + Si)', () => {
    const u = seededUniform(11);
    const r = silicothermicRefining(ore(u, 1));
    const si =
      (r.fesicr_kg_per_s > 0 ? (r.inlets[1]?.mol_per_s[SP['Si(s)']] ?? 0) : 0) -
      (r.alloy.mol_per_s[SP['Si(l)']] ?? 0);
    const cr = (r.alloy.mol_per_s[SP['Cr(l)']] ?? 0) - (r.inlets[1]?.mol_per_s[SP['Cr(s)']] ?? 0);
    const fe = (r.alloy.mol_per_s[SP['Fe(l)']] ?? 0) - (r.inlets[1]?.mol_per_s[SP['Fe(s)']] ?? 0);
    expect(si).toBeCloseTo(0.75 * cr + 0.5 * fe, 12);
  });

  it('gives a low-carbon alloy: C ≤ 0.10 % (GOST FeCr010A, facts §3.4) and Cr 65–72 %', () => {
    const u = seededUniform(3);
    const r = silicothermicRefining(ore(u, 1));
    const e = elementMasses_kg_per_s(r.alloy);
    expect(((e.C ?? 0) / r.alloy_kg_per_s) * 100).toBeLessThanOrEqual(0.1);
    const cr = ((e.Cr ?? 0) / r.alloy_kg_per_s) * 100;
    expect(cr).toBeGreaterThan(60);
    expect(cr).toBeLessThan(75);
  });
});
