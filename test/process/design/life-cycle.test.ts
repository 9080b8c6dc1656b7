// The unit life cycle (balance → design → cost, after BioSTEAM's _run/_design/_cost): every unit
// kind declares its results and a design step with a sourced design basis; every template's
// units are sized to finite sizes with units; the design at another throughput equals the
// design of the plant solved at that throughput (the balance is homogeneous in the feed rate);
// a result that is not declared or not written is an error, never a silent zero.
import { describe, expect, it } from 'vitest';
import { designUnits } from '../../../src/process/design/design-flowsheet.js';
import { unitResult } from '../../../src/process/design/unit-result.js';
import { UNIT_KINDS } from '../../../src/process/units/registry.js';
import { referenceDesign } from '../../../src/plant/reference-design.js';
import { runFerrochromeStage } from '../../../src/process/pyro/run-fecr.js';

const KEMPIRSAI = { Cr2O3: 48.5, FeO: 12.2, MgO: 19.0, Al2O3: 8.5, SiO2: 8.0, CaO: 1.0, LOI: 2.8 };

function fecr(template: string, capacity: number, design: Record<string, number> = {}) {
  return runFerrochromeStage(template, {
    feed: {
      analysis: KEMPIRSAI,
      moisture_wt_pct: template.endsWith('dc') || template.endsWith('saf') ? 0 : 4,
    },
    capacity_t_per_year: capacity,
    availability: 0.9,
    design,
  });
}

describe('unit life cycle', () => {
  it('every unit kind declares results, a design step and a design basis with units and sources', () => {
    for (const k of Object.values(UNIT_KINDS)) {
      expect(k.results, k.kind).toBeDefined();
      expect(typeof k.design.size, k.kind).toBe('function');
      for (const [name, r] of Object.entries(k.design.results))
        expect(r.unit.length, `${k.kind}.${name}`).toBeGreaterThan(0);
      for (const [name, p] of Object.entries(k.design.basis)) {
        expect(p.source.length, `${k.kind}.${name}`).toBeGreaterThan(10);
        expect(['verified', 'derived', 'assumed']).toContain(p.status);
        expect(p.value).toBeGreaterThanOrEqual(p.min);
        expect(p.value).toBeLessThanOrEqual(p.max);
      }
    }
  });

  it('sizes every unit of every template to finite sizes ≥ 0 with units', () => {
    for (const [t, q] of [
      ['fecr-saf', 80000],
      ['fecr-dc', 80000],
      ['fecr-outokumpu', 80000],
      ['fecr-prereduced', 80000],
      ['fecr-refining', 20000],
      ['cr-aluminothermic', 5000],
      ['kempirsai-concentrator', 1_300_000],
    ] as const) {
      const designs = referenceDesign(t, q, {});
      expect(designs.length, t).toBeGreaterThan(0);
      for (const d of designs)
        for (const [name, v] of Object.entries(d.results)) {
          expect(Number.isFinite(v.value) && v.value >= 0, `${t} ${d.unit_id}.${name}`).toBe(true);
          expect(v.unit.length).toBeGreaterThan(0);
        }
    }
  });

  it('designs the plant at r × the throughput as the plant solved at r × the capacity (homogeneity)', () => {
    for (const t of ['fecr-dc', 'fecr-outokumpu', 'fecr-prereduced']) {
      const base = fecr(t, 80000);
      const twice = fecr(t, 200000);
      const scaled = designUnits(base.design_snapshot, {}, 2.5);
      twice.design.forEach((d, i) => {
        for (const [name, v] of Object.entries(d.results)) {
          const s = scaled[i]!.results[name]!.value;
          expect(
            Math.abs(s - v.value) / Math.max(1e-9, Math.abs(v.value)),
            `${t} ${d.unit_id}.${name}`,
          ).toBeLessThan(1e-7);
        }
      });
    }
  });

  it('design overrides change the design: a smaller furnace size means more furnaces', () => {
    const one = fecr('fecr-dc', 200000).design.find((d) => d.unit_id === 'dc-furnace')!;
    const small = fecr('fecr-dc', 200000, { 'dc-arc-furnace.max_furnace_MVA': 30 }).design.find(
      (d) => d.unit_id === 'dc-furnace',
    )!;
    expect(small.results.furnaces!.value).toBeGreaterThan(one.results.furnaces!.value);
    expect(small.results.transformer_MVA!.value).toBeCloseTo(one.results.transformer_MVA!.value, 9);
    expect(() => fecr('fecr-dc', 80000, { 'dc-arc-furnace.max_furnace_MVA': -1 })).toThrow(
      /design\.dc-furnace\.max_furnace_MVA/,
    );
  });

  it('refuses a result that is not declared, or not written, naming the unit', () => {
    const r = fecr('fecr-dc', 80000);
    const i = r.flowsheet.unitIndex.get('dc-furnace')!;
    expect(unitResult(r.flowsheet, r.solution, i, 'alloy_kg_per_h')).toBeGreaterThan(0);
    expect(() => unitResult(r.flowsheet, r.solution, i, 'alloy_t_per_h')).toThrow(
      /units\.dc-furnace\.results\.alloy_t_per_h.*declared by unit kind dc-arc-furnace/,
    );
    const out = r.solution.outputs[i]!;
    const saved = out.diagnostics.slag_kg_per_h;
    delete out.diagnostics.slag_kg_per_h;
    expect(() => unitResult(r.flowsheet, r.solution, i, 'slag_kg_per_h')).toThrow(
      /written by the solve/,
    );
    out.diagnostics.slag_kg_per_h = saved!;
  });
});
