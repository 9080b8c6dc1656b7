// The concentrator stage through appraise, as a user runs it: scenario → balance and KPIs
// (issue 4 items 5–6). Calibration targets: Voskhod ~70 % mass yield (SAIMM 2007, facts.md
// §2.1); concentrates 48–57 % Cr2O3 from 40–50 % ore.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraise } from '../../src/appraise.js';
import { loadScenario } from '../../src/scenario/index.js';
import { ROOT } from '../helpers/run-cli.js';

const text = readFileSync(`${ROOT}/scenarios/kempirsai-concentrator.yaml`, 'utf8');

describe('kempirsai-concentrator stage in appraise', () => {
  const a = appraise(loadScenario(text, 'x'));
  const st = a.stages[0]!;

  it('is computed with the KPIs named in issue 4', () => {
    expect(st.status).toBe('computed');
    for (const k of [
      'feed_t_per_h',
      'feed_cr2o3_wt_pct',
      'concentrate_t_per_h',
      'concentrate_cr2o3_wt_pct',
      'concentrate_cr_fe_ratio',
      'cr2o3_recovery',
      'mass_yield',
      'power_kWh_per_t_feed',
      'water_m3_per_t_feed',
    ]) {
      expect(Number.isFinite(st.kpis[k]), k).toBe(true);
    }
    expect(st.kpis.mass_yield).toBeGreaterThan(0.6);
    expect(st.kpis.mass_yield).toBeLessThan(0.8);
    expect(st.kpis.concentrate_cr2o3_wt_pct).toBeGreaterThanOrEqual(48);
    expect(st.kpis.concentrate_cr2o3_wt_pct).toBeLessThanOrEqual(57);
  });

  it('runs the feed at capacity over the operating hours and reports products per year', () => {
    const hours = 8760 * 0.91;
    expect(st.kpis.feed_t_per_h! * hours).toBeCloseTo(1_300_000, 3);
    expect(st.products[0]!.t_per_year).toBeCloseTo(st.kpis.concentrate_t_per_h! * hours, 3);
    expect(st.consumptions.electricity).toBeCloseTo(
      (st.kpis.power_kWh_per_t_feed! * 1_300_000) / 1000,
      3,
    );
  });

  it('closes every element, water and total mass to 1e-9 and tags units by stage', () => {
    expect(a.balance).not.toBeNull();
    expect(a.balance!.max_closure_rel).toBeLessThanOrEqual(1e-9);
    expect(a.balance!.units.every((u) => u.stage === 'concentrator')).toBe(true);
    const feed = a.balance!.streams.find((s) => s.from === null)!;
    expect(Object.keys(feed.elements_kg_per_h)).toEqual(
      expect.arrayContaining(['Cr', 'Fe', 'Mg', 'Si', 'O']),
    );
    expect(a.balance!.sankey.length).toBeGreaterThan(5);
  });

  it('rejects a product-basis capacity for a concentrator, naming the field', () => {
    const bad = loadScenario(
      text.replace('    capacity_basis: feed', '    capacity_basis: product'),
      'x',
    );
    expect(() => appraise(bad)).toThrow(/stages\[0\]\.capacity_basis.*"feed" for a concentrator/);
  });
});
