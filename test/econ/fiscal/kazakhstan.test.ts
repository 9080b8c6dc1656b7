// The Kazakh regime's data file against facts.md §5.6 (../shared/domain/facts.md): rates by
// effective date, and every entry carrying unit, source and status (assumed → reason).
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { kazakhstan, KAZAKHSTAN_FISCAL_DATA, rateInForce } from '../../../src/index.js';

describe('Kazakhstan fiscal regime', () => {
  it('switches VAT from 12 % to 16 % on 1 January 2026 (Law 214-VIII)', () => {
    expect(kazakhstan.ratesFor(2025).vat).toBe(0.12);
    expect(kazakhstan.ratesFor(2026).vat).toBe(0.16);
    expect(kazakhstan.ratesFor(2040).vat).toBe(0.16);
    expect(kazakhstan.ratesFor(2030).vat_export).toBe(0);
  });

  it('has CIT 20 %, MET 21.06 % from 2023, social tax 6 % from 2026', () => {
    const r = kazakhstan.ratesFor(2027);
    expect(r.cit).toBe(0.2);
    expect(r.met).toBe(0.2106);
    expect(rateInForce(KAZAKHSTAN_FISCAL_DATA.rates.met_chrome_ore, 2022, 'met')).toBe(0.162);
    // Payroll contributions are sourced from 2025 only, so a full rate set starts in 2025.
    expect(() => kazakhstan.ratesFor(2024)).toThrow(/social_contributions/);
    expect(r.social_tax).toBe(0.06);
    expect(kazakhstan.ratesFor(2025).social_tax).toBe(0.11);
    expect(r.social_contributions).toBe(0.05);
    expect(r.medical_contributions).toBe(0.03);
  });

  it('has the Art. 271 declining-balance groups and the priority-project preferences', () => {
    expect(kazakhstan.depreciationRate('buildings')).toBe(0.1);
    expect(kazakhstan.depreciationRate('machinery')).toBe(0.25);
    expect(kazakhstan.depreciationRate('computers')).toBe(0.4);
    expect(kazakhstan.depreciationRate('other')).toBe(0.15);
    expect(kazakhstan.maxPreferences).toEqual({
      cit_exemption_years: 10,
      property_tax_exemption_years: 8,
      land_tax_exemption_years: 10,
    });
  });

  it('refuses a year before any known rate', () => {
    expect(() => kazakhstan.ratesFor(2000)).toThrow(InputError);
    expect(() => kazakhstan.ratesFor(2000)).toThrow(/fiscal\.cit\.year/);
  });

  it('every dated rate has a unit, a source and a status; assumed ones a reason', () => {
    let count = 0;
    for (const [name, entries] of Object.entries(KAZAKHSTAN_FISCAL_DATA.rates)) {
      for (const e of entries) {
        count++;
        expect(e.unit, name).not.toBe('');
        expect(e.source, name).not.toBe('');
        if (e.status === 'assumed') expect(e.reason ?? '', name).not.toBe('');
      }
    }
    expect(count).toBeGreaterThanOrEqual(14);
  });

  it('rateInForce picks the latest entry effective on 1 January, in any order', () => {
    const mk = (effective_from: string, value: number) => ({
      effective_from,
      value,
      unit: '-',
      source: 'test',
      status: 'verified' as const,
    });
    const entries = [mk('2026-01-01', 3), mk('2010-01-01', 1), mk('2020-07-01', 2)];
    expect(rateInForce(entries, 2020, 'x')).toBe(1);
    expect(rateInForce(entries, 2021, 'x')).toBe(2);
    expect(rateInForce(entries, 2026, 'x')).toBe(3);
  });
});
