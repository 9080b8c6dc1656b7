// The reference Kempirsai concentrator: calibrated figures (facts.md §2.1), balance JSON shape,
// closure, warm start, overrides. Targets and their sources are listed in docs/model.md.
import { describe, expect, it } from 'vitest';
import { runConcentrator, KEMPIRSAI_CONCENTRATOR } from '../../src/process/concentrator/run.js';
import { UNIT_KINDS } from '../../src/process/units/registry.js';
import { InputError } from '../../src/errors.js';
import { compileFlowsheet, reparameterize } from '../../src/process/flowsheet/compile.js';
import { createSolution, solveFlowsheet } from '../../src/process/flowsheet/solve.js';
import { oreFeedStream } from '../../src/process/flowsheet/feed.js';
import { concentratorKpis } from '../../src/process/concentrator/kpis.js';

const feed = { ore_t_per_h: 150, cr2o3_wt_pct: 40 };

describe('kempirsai-concentrator template', () => {
  const base = runConcentrator({ feed });
  const k = base.kpis;

  it('reproduces the calibration figures at 40 % Cr2O3 ore', () => {
    // Voskhod: ~70 % mass yield (SAIMM 2007, V); lumpy concentrate 48 % Cr2O3 (V)
    expect(k.mass_yield).toBeGreaterThan(0.68);
    expect(k.mass_yield).toBeLessThan(0.72);
    const lumpy = base.balance.streams.find((s) => s.id === 'lumpy-concentrate');
    expect(lumpy?.assays.cr2o3_wt_pct).toBeCloseTo(48, 0);
    // checks against figures not used for calibration
    expect(k.concentrate_cr2o3_wt_pct).toBeGreaterThanOrEqual(48); // 48–57 % (V)
    expect(k.concentrate_cr2o3_wt_pct).toBeLessThanOrEqual(57);
    expect(k.cr2o3_recovery).toBeGreaterThan(0.75); // 75–92 % (U)
    expect(k.cr2o3_recovery).toBeLessThan(0.92);
    expect(k.concentrate_cr_fe_ratio).toBeGreaterThan(3.0); // 3.0–4.0 (V range ends)
    expect(k.concentrate_cr_fe_ratio).toBeLessThan(4.0);
    expect(k.power_kWh_per_t_feed).toBeGreaterThan(4); // 6 kWh/t, 4–10 (U)
    expect(k.power_kWh_per_t_feed).toBeLessThan(10);
    expect(k.water_m3_per_t_feed).toBeGreaterThan(0.3); // 0.5 m3/t, 0.3–1.5 (U)
    expect(k.water_m3_per_t_feed).toBeLessThan(1.5);
  });

  it('has consistent KPIs and closes to 1e-9', () => {
    expect(k.feed_t_per_h).toBeCloseTo(150, 9);
    expect(k.feed_cr2o3_wt_pct).toBeCloseTo(40, 9);
    expect(
      (k.concentrate_t_per_h * k.concentrate_cr2o3_wt_pct) / (k.feed_t_per_h * k.feed_cr2o3_wt_pct),
    ).toBeCloseTo(k.cr2o3_recovery, 12);
    expect(k.concentrate_t_per_h / k.feed_t_per_h).toBeCloseTo(k.mass_yield, 12);
    expect(base.balance.max_closure_rel).toBeLessThanOrEqual(1e-9);
    for (const v of Object.values(base.balance.plant_closure_rel))
      expect(v).toBeLessThanOrEqual(1e-9);
  });

  it('emits the balance JSON of issue 4 item 6', () => {
    const b = base.balance;
    expect(b.streams.length).toBe(base.flowsheet.streams.length);
    const rom = b.streams.find((s) => s.id === 'rom');
    expect(rom?.from).toBeNull();
    expect(rom?.to).toBe('rom-feeder');
    for (const s of b.streams) {
      expect(Object.keys(s.elements_kg_per_h).sort()).toEqual(
        [...base.flowsheet.model.elements].sort(),
      );
      expect(Object.keys(s.components_kg_per_h)).toContain('H2O(l)');
      expect(s.T_K).toBeCloseTo(298.15, 9);
      expect(Object.keys(s.assays).sort()).toEqual([
        'cr2o3_wt_pct',
        'cr_fe_ratio',
        'p80_um',
        'solids_wt_pct',
      ]);
    }
    const mill = b.units.find((u) => u.id === 'ball-mill');
    expect(mill?.kind).toBe('ball-mill');
    expect(mill?.stage).toBe('concentrator');
    expect(mill?.inlets).toEqual(['mill-feed']);
    expect(mill?.duties.power_kW).toBeGreaterThan(0);
    expect(Object.keys(mill?.closure_rel ?? {})).toEqual([
      ...base.flowsheet.model.elements,
      'H2O',
      'total',
    ]);
    expect(b.sankey.length).toBe(b.streams.length);
    expect(b.sankey.find((f) => f.stream === 'rom')?.source).toBe('feed:rom');
    const crIn = b.sankey.find((f) => f.stream === 'rom')?.cr_t_per_h ?? 0;
    expect(crIn).toBeCloseTo((150 * 0.4) / 1.4616, 2);
    expect(b.tears.map((t) => t.tear_streams.length)).toEqual([1, 1]);
    expect(JSON.parse(JSON.stringify(b))).toBeTruthy();
  });

  it('warm-starts from a previous solution to the same answer with fewer unit solves', () => {
    const cold = runConcentrator({ feed: { ...feed, ore_t_per_h: 160 } });
    const warm = runConcentrator({ feed: { ...feed, ore_t_per_h: 160 }, warmStart: base });
    expect(warm.kpis.concentrate_t_per_h).toBeCloseTo(cold.kpis.concentrate_t_per_h, 6);
    expect(warm.kpis.power_kWh_per_t_feed).toBeCloseTo(cold.kpis.power_kWh_per_t_feed, 6);
    expect(warm.solution.unitSolves).toBeLessThan(cold.solution.unitSolves);
    expect(warm.balance.max_closure_rel).toBeLessThanOrEqual(1e-9);
  });

  it('applies overrides (WHIMS switched on) and rejects bad ones', () => {
    const whims = runConcentrator({ feed, overrides: { 'units.whims-split.fraction_to_a': 1 } });
    expect(whims.balance.max_closure_rel).toBeLessThanOrEqual(1e-9);
    expect(whims.kpis.concentrate_t_per_h).toBeLessThan(k.concentrate_t_per_h);
    expect(() =>
      runConcentrator({ feed, overrides: { 'units.ball-mill.product_p80_um': -5 } }),
    ).toThrow(InputError);
    expect(() => runConcentrator({ feed: { ore_t_per_h: 150, cr2o3_wt_pct: 70 } })).toThrow(
      /feed\.cr2o3_wt_pct.*Cr2O3 content of chromite/,
    );
  });

  it('gives a richer concentrate from a richer ore', () => {
    const rich = runConcentrator({ feed: { ore_t_per_h: 150, cr2o3_wt_pct: 50 } });
    expect(rich.kpis.concentrate_cr2o3_wt_pct).toBeGreaterThan(k.concentrate_cr2o3_wt_pct);
  });

  it('records which parameters were calibrated, and they exist in the template', () => {
    const cal = KEMPIRSAI_CONCENTRATOR.calibration ?? [];
    expect(cal.length).toBeGreaterThan(0);
    for (const c of cal) {
      const [, unit, p] = c.parameter.split('.');
      expect(KEMPIRSAI_CONCENTRATOR.units[unit ?? '']?.params?.[p ?? '']).toBe(c.value);
    }
  });
});

describe('unit kinds', () => {
  it('declare every parameter default with unit, source and status inside its range', () => {
    for (const kind of Object.values(UNIT_KINDS)) {
      expect(kind.references.length, kind.kind).toBeGreaterThan(0);
      for (const [name, d] of Object.entries(kind.params)) {
        expect(d.unit, `${kind.kind}.${name}`).not.toBe('');
        expect(d.source, `${kind.kind}.${name}`).not.toBe('');
        expect(['verified', 'derived', 'assumed', 'calibrated']).toContain(d.status);
        expect(d.value).toBeGreaterThanOrEqual(d.min);
        expect(d.value).toBeLessThanOrEqual(d.max);
      }
    }
  });
});

describe('reparameterize (Monte Carlo path)', () => {
  it('gives the same answer as recompiling with the overrides, reusing the solution buffers', () => {
    const fs = compileFlowsheet(KEMPIRSAI_CONCENTRATOR);
    const feeds = { rom: oreFeedStream(fs.model, feed) };
    const sol = createSolution(fs);
    solveFlowsheet(fs, feeds, { into: sol });
    const ov = {
      'units.dms-drum.ep_kg_per_m3': 150,
      'units.cyclones.d50c_um': 120,
      'units.tables.light_to_concentrate': 0.1,
    };
    const fs2 = reparameterize(fs, ov);
    expect(fs2.blocks).toBe(fs.blocks);
    solveFlowsheet(fs2, feeds, { into: sol, warmStart: sol });
    const viaReparam = concentratorKpis(fs2, sol);
    const fresh = compileFlowsheet(KEMPIRSAI_CONCENTRATOR, ov);
    const solFresh = solveFlowsheet(fresh, { rom: oreFeedStream(fresh.model, feed) });
    const viaCompile = concentratorKpis(fresh, solFresh);
    expect(viaReparam.concentrate_t_per_h).toBeCloseTo(viaCompile.concentrate_t_per_h, 6);
    expect(viaReparam.concentrate_cr2o3_wt_pct).toBeCloseTo(viaCompile.concentrate_cr2o3_wt_pct, 8);
    expect(viaReparam.concentrate_t_per_h).not.toBeCloseTo(
      concentratorKpis(fs, solveFlowsheet(fs, feeds)).concentrate_t_per_h,
      3,
    );
    expect(() => reparameterize(fs, { 'units.cyclones.d50c_um': -1 })).toThrow(
      /units\.cyclones\.params\.d50c_um/,
    );
  });
});
