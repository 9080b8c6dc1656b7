// Property test (issue 5 item 7): seeded random feeds and random unit parameters for both
// chromium-metal templates; every unit must close every element (≤ 1e-9 relative, flowsheet
// engine closure incl. the plant) and its energy balance (≤ 1e-9), and the products must be
// physical (non-negative flows).
import { describe, expect, it } from 'vitest';
import { runChromiumStage } from '../../../src/process/chromium/run.js';
import { seededUniform } from '../../helpers/seeded.js';

function checkRun(r: ReturnType<typeof runChromiumStage>, label: string): void {
  expect(r.balance.max_closure_rel, label).toBeLessThanOrEqual(1e-9);
  for (const e of r.energy)
    expect(e.closure_rel, `${label} ${e.unit_id}`).toBeLessThanOrEqual(1e-9);
  for (const s of r.solution.streams)
    for (const v of s.flow) expect(v, label).toBeGreaterThanOrEqual(-1e-9);
}

describe('chromium templates close elements and energy on random inputs', () => {
  it('cr-aluminothermic', () => {
    const u = seededUniform(20261128);
    let runs = 0;
    for (let k = 0; k < 10; k++) {
      const cr2o3 = u(42, 56);
      const feo = u(10, 15);
      const mgo = u(13, 20);
      const al2o3 = u(6, 11);
      const cao = u(0, 2);
      const fe2o3 = u(0, 3);
      const h2o = u(0, 4);
      const sio2 = 100 - cr2o3 - feo - mgo - al2o3 - cao - fe2o3 - h2o;
      if (sio2 < 0) continue;
      const overrides = {
        'units.kiln.conversion': u(0.8, 1),
        'units.kiln.soda_excess': u(1, 1.3),
        'units.kiln.lime_per_feed': u(0, 1.5),
        'units.kiln.calcine_T_K': u(1273, 1400),
        'units.leach.solids_carryover': u(0, 0.01),
        'units.crystalliser.chromate_recovery': u(0.9, 1),
        'units.calciner.sulfur_excess': u(1, 1.2),
        'units.wash.soluble_removal': u(0.98, 1),
        'units.reactor.al_excess': u(0.95, 1.1),
        'units.reactor.cao_per_al': u(0, 0.3),
        'units.reactor.preheat_T_K': u(298.15, 900),
        'units.reactor.criterion_kJ_per_kg': 0,
        'units.residue-split.fraction_to_a': u(0, 0.8),
        'units.mother-split.fraction_to_a': u(0, 0.95),
        'units.salt-split.fraction_to_a': u(0, 1),
        'units.leach.residue_cr6_mg_per_kg': u(0, 5000),
        'units.detox.reductant': k % 3,
        'units.detox.reductant_excess': u(1, 4),
        'units.detox.treated_cr6_mg_per_kg': u(0, 50),
        'units.wwt.reductant': k % 2,
        'units.wwt.discharge_cr6_mg_per_L': u(0, 2),
      };
      const r = runChromiumStage('cr-aluminothermic', {
        feed: {
          oxides_wt_pct: {
            Cr2O3: cr2o3,
            FeO: feo,
            MgO: mgo,
            Al2O3: al2o3,
            CaO: cao,
            Fe2O3: fe2o3,
            SiO2: sio2,
            H2O: h2o,
          },
        },
        capacity_t_per_year: u(500, 20000),
        availability: u(0.7, 1),
        overrides,
      });
      checkRun(r, `aluminothermic #${k}`);
      runs++;
    }
    expect(runs).toBeGreaterThanOrEqual(6);
  });

  it('cr-electrolytic', () => {
    const u = seededUniform(5);
    for (let k = 0; k < 8; k++) {
      const cr = u(60, 72);
      const c = u(4, 8.5);
      const si = u(0, 3);
      const r = runChromiumStage('cr-electrolytic', {
        feed: { alloy_wt_pct: { Cr: cr, C: c, Si: si, Fe: 100 - cr - c - si } },
        capacity_t_per_year: u(500, 10000),
        availability: u(0.7, 1),
        overrides: {
          'units.leach.cr_dissolution': u(0.8, 1),
          'units.leach.acid_excess': u(1, 1.3),
          'units.purification.fe_removal': u(0.9, 1),
          'units.cell.cell_voltage_V': u(3.8, 5),
          'units.cell.current_efficiency': u(0.35, 0.6),
          'units.cell.cr_deposited': u(0.2, 0.8),
          'units.spent-split.fraction_to_a': u(0.05, 0.5),
        },
      });
      checkRun(r, `electrolytic #${k}`);
    }
  });
});
