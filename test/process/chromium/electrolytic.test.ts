// cr-electrolytic (issue 5 item 4): HC FeCr → H2SO4 leach → ferrous ammonium sulfate removal and
// chrome alum → electrowinning, anolyte recycled. Checks against shared/domain/facts.md §4.3/§7.
import { describe, expect, it } from 'vitest';
import feeds from '../../../data/process/chromium/reference-feeds.json' with { type: 'json' };
import { runChromiumStage } from '../../../src/process/chromium/run.js';
import { FARADAY_C_PER_MOL, mw } from '../../../src/process/units/chromium/common.js';

const FEED = { alloy_wt_pct: feeds.hc_ferrochrome.alloy_wt_pct.value };
const BASE = { feed: FEED, capacity_t_per_year: 3000, availability: 0.92 };

describe('cr-electrolytic reference case', () => {
  const r = runChromiumStage('cr-electrolytic', BASE);

  it('closes every element per unit and plant-wide (recycle included) to ≤ 1e-9', () => {
    expect(r.balance.max_closure_rel).toBeLessThanOrEqual(1e-9);
    expect(r.balance.tears.length).toBe(1);
  });

  it('closes the energy balance of leach, purification and cell', () => {
    expect(r.energy.map((e) => e.unit_id)).toEqual(['leach', 'purification', 'cell']);
    for (const e of r.energy) expect(e.closure_rel, e.unit_id).toBeLessThanOrEqual(1e-9);
    const cell = r.energy.find((e) => e.unit_id === 'cell');
    // Joule heat removed by the cooling is the part of U·I above the reaction enthalpy
    expect(cell?.heat_loss_kW).toBeGreaterThan(0);
    expect(cell?.heat_loss_kW).toBeLessThan(cell?.electric_kW ?? 0);
  });

  it('electrowinning at 4.2 V and 45 % CE needs ~14 kWh/kg Cr (facts §7, D; §4.3: 13–17)', () => {
    const analytic = (4.2 * 3 * FARADAY_C_PER_MOL) / (0.45 * mw('Cr(s)')) / 3.6e6;
    expect(r.kpis.cell_kWh_per_kg_cr).toBeCloseTo(analytic, 9);
    expect(r.kpis.cell_kWh_per_kg_cr).toBeGreaterThan(13);
    expect(r.kpis.cell_kWh_per_kg_cr).toBeLessThan(15);
  });

  it('scales with voltage over current efficiency', () => {
    const r2 = runChromiumStage('cr-electrolytic', {
      ...BASE,
      overrides: { 'units.cell.cell_voltage_V': 4.5, 'units.cell.current_efficiency': 0.4 },
    });
    expect((r2.kpis.cell_kWh_per_kg_cr ?? 0) / (r.kpis.cell_kWh_per_kg_cr ?? 1)).toBeCloseTo(
      4.5 / 0.4 / (4.2 / 0.45),
      9,
    );
  });

  it('makes ≥ 99.8 % Cr (facts §4.3, Treccani) at nameplate, with a reagent balance', () => {
    expect(r.products[0]?.t_per_h).toBeCloseTo(3000 / (8760 * 0.92), 9);
    expect(r.kpis.metal_cr_wt_pct).toBeGreaterThanOrEqual(99.8 - 0.05);
    expect(r.kpis.cr_recovery).toBeGreaterThan(0.7);
    expect(r.kpis.cr_recovery).toBeLessThan(1);
    const ids = r.consumptions.map((c) => c.id).sort();
    expect(ids).toEqual(['ammonia', 'electricity', 'sulfuric-acid', 'water']);
    // acid make-up is below the once-through need (1.5 mol H2SO4 per mol Cr dissolved) because
    // the anolyte regenerates it, and above zero (bleed, FAS, iron)
    const crFeed = ((r.kpis.ferrochrome_t_per_t ?? 0) * 0.68) / mw('Cr(s)');
    const onceThrough = 1.5 * crFeed * mw('H2SO4(aq)');
    expect(r.kpis.sulfuric_acid_t_per_t).toBeGreaterThan(0);
    expect(r.kpis.sulfuric_acid_t_per_t).toBeLessThan(onceThrough * 2);
    // H2 from the leach and the cell is reported with its chemical energy
    expect(r.byproducts.find((b) => b.id === 'leach-gas')?.energy_MWh_per_h).toBeGreaterThan(0);
    // unused reagent supply is not a by-product
    expect(r.byproducts.some((b) => b.id.endsWith('-return'))).toBe(false);
  });

  it('rejects a chromite feed and unknown alloy elements', () => {
    expect(() =>
      runChromiumStage('cr-electrolytic', { ...BASE, feed: { oxides_wt_pct: { Cr2O3: 100 } } }),
    ).toThrow(/alloy_wt_pct/);
    expect(() =>
      runChromiumStage('cr-electrolytic', {
        ...BASE,
        feed: { alloy_wt_pct: { Cr: 68, Fe: 23, C: 7, Ti: 2 } },
      }),
    ).toThrow(/Ti/);
  });
});
