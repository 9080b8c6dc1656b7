// The chromate route's S, P and Ti ledger (chromate-minor-ledger.ts): each element closes on
// random inputs and distributions, the stage's metal takes its fraction of the concentrate's
// elements, the ledger does not touch the species balance, and a feed that states S, P2O5 and
// TiO2 (the Kempirsai preset) raises no "assumed default" warning.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraise } from '../../../src/appraise.js';
import { loadScenario } from '../../../src/scenario/index.js';
import feeds from '../../../data/process/chromium/reference-feeds.json' with { type: 'json' };
import { InputError } from '../../../src/errors.js';
import {
  CHROMATE_MINOR_PARTITION,
  CHROMATE_MINOR_SINKS,
  chromateMinorBalance,
  type ChromateMinorBalance,
  type ChromateMinorPartition,
} from '../../../src/process/chromium/chromate-minor-ledger.js';
import { runChromiumStage } from '../../../src/process/chromium/run.js';
import { MINOR_ELEMENTS, type MinorElement } from '../../../src/process/pyro/minor-elements.js';
import { seededUniform } from '../../helpers/seeded.js';

/** Everything that leaves the stage of one element [kg/h]. */
const outOf = (b: ChromateMinorBalance, e: MinorElement): number =>
  b.offgas_kg_per_h[e] +
  b.effluent_kg_per_h[e] +
  b.metal_kg_per_h[e] +
  b.slag_kg_per_h[e] +
  b.residue_kg_per_h[e];

describe('chromate minor-element ledger: conservation', () => {
  it('S, P and Ti close to round-off on random inputs and distributions (seeded)', () => {
    const u = seededUniform(16_2027);
    for (let k = 0; k < 300; k++) {
      const dry = u(0, 1e6);
      const contents = { S: u(0, 2), P: u(0, 0.5), Ti: u(0, 1) };
      const split = () => {
        let left = 1;
        const f = { offgas: 0, effluent: 0, metal: 0, slag: 0 };
        for (const s of CHROMATE_MINOR_SINKS) {
          f[s] = u(0, left);
          left -= f[s];
        }
        return f;
      };
      const partition: ChromateMinorPartition = { S: split(), P: split(), Ti: split() };
      const b = chromateMinorBalance(dry, contents, partition);
      for (const e of MINOR_ELEMENTS) {
        const inE = (dry * contents[e]) / 100; // computed here, independently of the ledger
        expect(b.in_kg_per_h[e]).toBeCloseTo(inE, 6);
        const out = outOf(b, e);
        expect(Math.abs(out - inE)).toBeLessThanOrEqual(1e-12 * Math.max(inE, 1e-300) + 1e-300);
        expect(b.metal_kg_per_h[e]).toBeCloseTo(partition[e].metal * inE, 6);
        expect(b.residue_kg_per_h[e]).toBeGreaterThanOrEqual(-1e-9 * inE);
      }
    }
  });

  it.each([
    [-1, { S: 0.01, P: 0, Ti: 0 }, CHROMATE_MINOR_PARTITION, 'concentrate.dry_kg_per_h'],
    [1, { S: 101, P: 0, Ti: 0 }, CHROMATE_MINOR_PARTITION, 'concentrate.S_wt_pct'],
    [
      1,
      { S: 0.01, P: 0, Ti: 0 },
      { ...CHROMATE_MINOR_PARTITION, P: { offgas: 0, effluent: 0.8, metal: 0.3, slag: 0 } },
      'minor_elements.partition.P',
    ],
    [
      1,
      { S: 0.01, P: 0, Ti: 0 },
      { ...CHROMATE_MINOR_PARTITION, Ti: { offgas: -0.1, effluent: 0, metal: 0, slag: 0 } },
      'minor_elements.partition.Ti.offgas',
    ],
  ] as const)('bad input %# is refused naming the field', (dry, contents, partition, field) => {
    try {
      chromateMinorBalance(dry, contents, partition);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).field).toBe(field);
    }
  });
});

describe('chromate route with S, P and Ti in its feed', () => {
  const oxides = feeds.chromite_concentrate.oxides_wt_pct.value;
  const run = (minor: { S?: number; P?: number; Ti?: number }) =>
    runChromiumStage('cr-aluminothermic', {
      feed: { oxides_wt_pct: oxides, minor_wt_pct: minor },
      capacity_t_per_year: 5000,
      availability: 0.9,
    });
  const lo = run({ S: 0.01, P: 0.002, Ti: 0.09 });
  const hi = run({ S: 0.11, P: 0.102, Ti: 0.19 });

  it('the stage ledger closes and the metal takes its fraction of the extra 0.1 wt%', () => {
    const b = hi.minor_elements;
    if (!b) throw new Error('minor_elements');
    const metalKg = hi.products[0]!.t_per_h * 1000;
    const concentrateKg = hi.kpis.feed_t_per_t! * metalKg;
    for (const e of MINOR_ELEMENTS) {
      const out = outOf(b, e);
      expect(out).toBeCloseTo(b.in_kg_per_h[e], 9);
      const extra = b.in_kg_per_h[e] - lo.minor_elements!.in_kg_per_h[e];
      expect(extra).toBeCloseTo(0.001 * concentrateKg, 6);
      expect(b.metal_kg_per_h[e] - lo.minor_elements!.metal_kg_per_h[e]).toBeCloseTo(
        CHROMATE_MINOR_PARTITION[e].metal * extra,
        9,
      );
    }
    // sulphur is fixed as sulphate in the roast: none to air
    expect(hi.sulphur_to_air_kg_per_h).toBe(0);
    expect(hi.kpis.metal_s_wt_pct).toBeGreaterThan(lo.kpis.metal_s_wt_pct!);
  });

  it('leaves the species balance untouched', () => {
    expect(hi.kpis.feed_t_per_t).toBe(lo.kpis.feed_t_per_t);
    expect(hi.kpis.soda_ash_t_per_t).toBe(lo.kpis.soda_ash_t_per_t);
    expect(hi.kpis.metal_cr_wt_pct).toBe(lo.kpis.metal_cr_wt_pct);
  });

  it('warns only for the elements the feed does not state', () => {
    expect(lo.warnings ?? []).not.toContainEqual(expect.stringContaining('states no'));
    expect(run({ S: 0.01 }).warnings).toContainEqual(
      expect.stringContaining('states no P2O5, TiO2'),
    );
  });
});

describe('the Kempirsai preset states S, P2O5 and TiO2', () => {
  it('the stage 1 + 2 reference raises no "assumed default" warning in any stage', () => {
    const file = 'scenarios/aktobe-stage1-2.yaml';
    const a = appraise(loadScenario(readFileSync(file, 'utf8'), file));
    const warnings = a.stages.flatMap((s) => s.warnings);
    expect(warnings).not.toContainEqual(expect.stringContaining('states no'));
    const chromate = a.stages.find((s) => s.kpis.metal_s_wt_pct !== undefined);
    expect(chromate?.kpis.metal_ti_wt_pct).toBeGreaterThan(0);
  });
});
