// Issue 16: the calcium-free chromate route and its Cr(VI) liabilities. Published figures:
// lime-free COPR 12.2 % Cr2O3 and 1,130 mg/kg Cr(VI), 3.7 mg/kg after pyrolytic treatment
// ("Remediation of lime-free roasting COPR by water leaching and pyrolysis", Environ. Technol.,
// abstract); roast temperature 1,100–1,150 °C (Chinese design code, chromium-metal shop §4.2.3).
import { describe, expect, it } from 'vitest';
import feeds from '../../../data/process/chromium/reference-feeds.json' with { type: 'json' };
import { runChromiumStage } from '../../../src/process/chromium/run.js';
import { expandRouteKeys, LIME_FILLER_WARNING } from '../../../src/process/chromium/route-keys.js';
import { unitIndex, unitResult } from '../../../src/process/design/unit-result.js';
import { InputError } from '../../../src/errors.js';

const BASE = {
  feed: { oxides_wt_pct: feeds.chromite_concentrate.oxides_wt_pct.value },
  capacity_t_per_year: 5000,
  availability: 0.9,
};
const run = (overrides: Record<string, number> = {}) =>
  runChromiumStage('cr-aluminothermic', { ...BASE, overrides });

describe('calcium-free chromate route (default)', () => {
  const r = run();
  const res = (unit: string, name: string) =>
    unitResult(r.flowsheet, r.solution, unitIndex(r.flowsheet, unit), name);

  it('charges no lime to the roast and recycles the residue as the diluent', () => {
    expect(r.kpis.roast_lime_t_per_t).toBe(0);
    expect(r.kpis.residue_recycle_t_per_t_concentrate).toBeGreaterThan(0.5);
  });

  it('roasts within the published 1,100–1,150 °C', () => {
    const T = r.flowsheet.units[unitIndex(r.flowsheet, 'kiln')]?.params.calcine_T_K ?? NaN;
    expect(T - 273.15).toBeGreaterThanOrEqual(1100);
    expect(T - 273.15).toBeLessThanOrEqual(1150);
  });

  it('bleeds a residue with the Cr2O3 and Cr(VI) of industrial lime-free COPR', () => {
    expect(r.kpis.residue_cr2o3_wt_pct).toBeGreaterThan(12.2 - 0.5);
    expect(r.kpis.residue_cr2o3_wt_pct).toBeLessThan(12.2 + 0.5);
    const bleed = r.solution.streams[r.flowsheet.streamIndex.get('residue-bleed') ?? -1];
    if (!bleed) throw new Error('residue-bleed');
    let dry = 0;
    r.flowsheet.model.names.forEach((n, i) => {
      if (n !== 'H2O(aq)') dry += bleed.flow[i] ?? 0;
    });
    expect((res('detox', 'cr6_in_kg_per_h') / dry) * 1e6).toBeCloseTo(1130, 6);
  });

  it('detoxifies the residue to the treated Cr(VI) and reports the environment', () => {
    const e = r.environment;
    if (!e) throw new Error('environment');
    expect(e.cr6_generated_kg_per_h).toBeGreaterThan(0);
    expect(e.cr6_treated_kg_per_h).toBeGreaterThan(0.99 * e.cr6_generated_kg_per_h);
    expect(
      e.cr6_treated_kg_per_h + e.cr6_released_to_water_kg_per_h + e.cr6_to_landfill_kg_per_h,
    ).toBeCloseTo(e.cr6_generated_kg_per_h, 9);
    expect(e.hazardous_waste_t_per_h).toBeGreaterThan(0);
    expect(e.water_withdrawn_m3_per_h).toBeGreaterThan(e.water_discharged_m3_per_h);
    expect(r.consumptions.map((c) => c.id)).toContain('ferrous-sulphate');
  });

  it('uses sodium sulphide or carbon when chosen, and its reagent only', () => {
    const na2s = run(expandRouteKeys({ detox_reductant: 'sodium-sulphide' }, 'o').overrides);
    const ids = na2s.consumptions.map((c) => c.id);
    expect(ids).toContain('sodium-sulphide');
    expect(ids).not.toContain('ferrous-sulphate');
    const c = run(expandRouteKeys({ detox_reductant: 'carbon' }, 'o').overrides);
    expect(c.consumptions.map((x) => x.id)).toContain('coal');
  });
});

describe('route keys', () => {
  it('lime-filler restores the lime roast and warns that China phased it out', () => {
    const k = expandRouteKeys({ roast: 'lime-filler' }, 'stages[1].flowsheet.overrides');
    expect(k.warnings).toEqual([LIME_FILLER_WARNING]);
    const r = run(k.overrides);
    expect(r.kpis.roast_lime_t_per_t).toBeGreaterThan(2);
    expect(r.kpis.residue_recycle_t_per_t_concentrate).toBe(0);
  });

  it('refuses an unknown key or choice, naming the field', () => {
    expect(() => expandRouteKeys({ roast: 'calcium' }, 'f')).toThrow(InputError);
    expect(() => expandRouteKeys({ roast: 'calcium' }, 'f')).toThrow(/f\.roast/);
    expect(() => expandRouteKeys({ kiln: 'x' }, 'f')).toThrow(/route keys/);
  });
});
