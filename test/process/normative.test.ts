// Oxide analysis → mineralogy (non-negative least squares): a round trip from a known mineralogy
// recovers it; impossible analyses are rejected naming the oxide.
import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { buildComponentModel } from '../../src/process/components.js';
import { mineralsFromOxides, nnls } from '../../src/process/flowsheet/normative.js';
import { oreFeedStream } from '../../src/process/flowsheet/feed.js';
import { assays } from '../../src/process/assays.js';
import { InputError } from '../../src/errors.js';

const model = buildComponentModel({
  minerals: ['chromite', 'serpentine', 'olivine', 'pyroxene', 'magnetite', 'chlorite', 'carbonate'],
});

function oxidesOf(wt: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  model.minerals.forEach((m, r) => {
    for (const [ox, v] of Object.entries(m.oxides_wt_pct.value))
      out[ox] = (out[ox] ?? 0) + ((wt[r] ?? 0) * v) / 100;
  });
  return out;
}

describe('normative mineralogy from oxides', () => {
  it('nnls solves a small problem with an active bound', () => {
    // min ‖x − (1, −1)‖ with x ≥ 0 → (1, 0)
    const x = nnls(
      [
        [1, 0],
        [0, 1],
      ],
      [1, -1],
    );
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[1]).toBe(0);
  });

  it('recovers random mineralogies from their exact oxide analyses (seeded)', () => {
    const g = xoroshiro128plus(42);
    for (let k = 0; k < 25; k++) {
      const wt = model.minerals.map(() => (uniformFloat64(g) < 0.3 ? 0 : uniformFloat64(g)));
      const s = wt.reduce((a, b) => a + b, 0) || 1;
      const w = wt.map((v) => (100 * v) / s);
      const n = mineralsFromOxides(model, oxidesOf(w));
      w.forEach((v, r) => {
        expect(n.minerals_wt_pct[r]).toBeCloseTo(v, 6);
      });
      for (const d of Object.values(n.residual_wt_pct)) expect(Math.abs(d)).toBeLessThan(1e-8);
    }
  });

  it('feeds built from oxides assay back to the given Cr2O3', () => {
    const ox = oxidesOf([70, 15, 5, 2, 3, 3, 2]);
    const s = oreFeedStream(model, { ore_t_per_h: 100, oxides_wt_pct: ox });
    expect(assays(model, s).cr2o3_wt_pct).toBeCloseTo(ox.Cr2O3 ?? NaN, 8);
  });

  it('accepts LOI for H2O + CO2 and rejects impossible analyses, naming the oxide', () => {
    const ox = oxidesOf([60, 20, 5, 5, 2, 4, 4]);
    const loi: Record<string, number> = { ...ox, LOI: (ox.H2O ?? 0) + (ox.CO2 ?? 0) };
    delete loi.H2O;
    delete loi.CO2;
    expect(() => mineralsFromOxides(model, loi)).not.toThrow();
    expect(() => mineralsFromOxides(model, { ...ox, CaO: 2 })).toThrow(
      /oxides_wt_pct\.CaO.*an oxide contained/,
    );
    expect(() => mineralsFromOxides(model, { Cr2O3: 80, SiO2: 20 })).toThrow(InputError);
    expect(() =>
      oreFeedStream(model, { ore_t_per_h: 1, cr2o3_wt_pct: 40, oxides_wt_pct: ox }),
    ).toThrow(/exactly one of/);
  });
});
