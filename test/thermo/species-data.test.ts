// Checksum of data/thermo/species.json: an accidental edit of the generated file (or a change
// of the build script) must show up here. Regenerate with scripts/thermo/build-species.ts and
// update these figures deliberately.
import { describe, expect, it } from 'vitest';
import data from '../../data/thermo/species.json' with { type: 'json' };
import { SPECIES_DATA } from '../../src/thermo/species-db.js';
import { molarMass_g_per_mol, parseFormula } from '../../src/chem/formula.js';

describe('species database checksum', () => {
  it('has 39 species, 67 phase records and 206 segments', () => {
    expect(SPECIES_DATA.length).toBe(39);
    expect(SPECIES_DATA.reduce((n, s) => n + s.phases.length, 0)).toBe(67);
    expect(
      SPECIES_DATA.reduce((n, s) => n + s.phases.reduce((m, p) => m + p.segments.length, 0), 0),
    ).toBe(206);
  });
  it('Σ ΔfH298 over all phase records is −40 201 470.8 J/mol', () => {
    const sum = SPECIES_DATA.reduce(
      (a, s) => a + s.phases.reduce((b, p) => b + p.dfH298_J_per_mol, 0),
      0,
    );
    expect(sum).toBeCloseTo(-40201470.8, 1);
  });
  it('Σ of all Shomate coefficients is stable (detects any edit of a coefficient)', () => {
    let sum = 0;
    for (const s of SPECIES_DATA)
      for (const p of s.phases)
        for (const g of p.segments)
          sum += Math.abs(g.A) + Math.abs(g.B) + Math.abs(g.C) + Math.abs(g.D) + Math.abs(g.E);
    expect(sum / 683009236355.8616 - 1).toBeCloseTo(0, 12);
  });
  it('declares units, the fitting form and a source for every phase', () => {
    expect(data.units.Cp).toBe('J/(mol K)');
    expect(data.form.Cp).toContain('A + B t');
    for (const s of SPECIES_DATA)
      for (const p of s.phases) {
        expect(p.source['database'], `${s.formula} ${p.id}`).toMatch(/JANAF|FREED|CEA/);
        expect(p.segments[0]?.Tmin_K).toBe(p.Tmin_K);
      }
  });
  it('stores formulas whose elements and molar masses agree with the chem module', () => {
    for (const s of SPECIES_DATA) {
      expect(s.elements).toEqual(parseFormula(s.formula).elements);
      expect(s.molar_mass_g_per_mol).toBeCloseTo(molarMass_g_per_mol(s.formula), 4);
    }
  });
  it('segments of each phase are contiguous', () => {
    for (const s of SPECIES_DATA)
      for (const p of s.phases)
        p.segments.forEach((g, k) => {
          if (k > 0) expect(g.Tmin_K).toBe(p.segments[k - 1]?.Tmax_K);
        });
  });
});
