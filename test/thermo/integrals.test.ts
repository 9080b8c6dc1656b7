// Thermodynamic consistency of the piecewise data: H is the integral of Cp and S the integral
// of Cp/T across segments and transitions (Gauss–Legendre quadrature, independent of the
// analytic antiderivatives), and G = H − T·S. Random temperature pairs from a seeded generator.
import { describe, expect, it } from 'vitest';
import { CompiledSpeciesSet } from '../../src/thermo/compiled.js';
import { SPECIES_DATA } from '../../src/thermo/species-db.js';
import { seededUniform } from './seeded-random.js';

const X = [-0.906179845938664, -0.5384693101056831, 0, 0.5384693101056831, 0.906179845938664];
const W = [
  0.2369268850561891, 0.4786286704993665, 0.5688888888888889, 0.4786286704993665,
  0.2369268850561891,
];

/** Composite 5-point Gauss–Legendre quadrature of f over [a, b] with n panels. */
function quad(f: (T: number) => number, a: number, b: number, n = 64): number {
  let s = 0;
  const h = (b - a) / n;
  for (let k = 0; k < n; k++) {
    const m = a + (k + 0.5) * h;
    for (let i = 0; i < 5; i++) s += (W[i] as number) * f(m + (h / 2) * (X[i] as number));
  }
  return (s * h) / 2;
}

/** Every phase selection of every species: the stable sequence and each fixed state. */
const CASES: [string, 'stable' | 's' | 'l' | 'g'][] = SPECIES_DATA.flatMap((sp) => [
  [sp.formula, 'stable'] as [string, 'stable'],
  ...[...new Set(sp.phases.map((p) => p.state))].map(
    (st) => [sp.formula, st] as [string, 's' | 'l' | 'g'],
  ),
]);

describe('H = ∫Cp dT and S = ∫Cp/T dT across segments and transitions', () => {
  for (const [formula, sel] of CASES) {
    it(`${formula} (${sel})`, () => {
      const set = new CompiledSpeciesSet([formula], [sel]);
      const lo = set.Tmin_K[0] as number;
      const hi = set.Tmax_K[0] as number;
      const tr = set.transitions(0);
      const rnd = seededUniform(formula.length * 7919 + sel.length);
      for (let k = 0; k < 8; k++) {
        let a = rnd(lo, hi);
        let b = rnd(lo, hi);
        if (a > b) [a, b] = [b, a];
        // break points: transitions inside (a, b)
        const cuts = tr.filter((t) => t.T_K > a && t.T_K < b);
        // integrate segment by segment (Cp may jump at a segment end, e.g. glass transitions)
        const ends = set.segmentEnds_K(0).filter((T) => T > a && T < b);
        const pts = [a, ...ends, b];
        let dH = 0;
        let dS = 0;
        for (let i = 0; i + 1 < pts.length; i++) {
          const p = pts[i] as number;
          const q = pts[i + 1] as number;
          // stay strictly inside each interval so the phase on it is used
          const e = 1e-9 * q;
          dH += quad((T) => set.cp(0, T), p + e, q - e);
          dS += quad((T) => set.cp(0, T) / T, p + e, q - e);
        }
        for (const t of cuts) {
          dH += t.dH_J_per_mol;
          dS += t.dH_J_per_mol / t.T_K;
        }
        const hA = set.h_J_per_mol(0, a);
        const hB = set.h_J_per_mol(0, b);
        expect(Math.abs(hB - hA - dH)).toBeLessThanOrEqual(0.5 + 1e-6 * Math.abs(dH));
        // ΔS at a JANAF transition row is rounded to 0.001 J/(mol K) in the table
        expect(Math.abs(set.s(0, b) - set.s(0, a) - dS)).toBeLessThanOrEqual(
          0.002 * (cuts.length + 1),
        );
        expect(set.g_J_per_mol(0, b)).toBeCloseTo(hB - b * set.s(0, b), 6);
      }
    });
  }
});
