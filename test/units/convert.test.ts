// Conversions checked against exact definitions: 1 lb = 0.45359237 kg (1959 international
// pound), 1 kWh = 3.6 MJ, 0 °C = 273.15 K (SI Brochure, 9th ed., BIPM 2019).
import { describe, expect, it } from 'vitest';
import { convertUnit, isKnownUnit } from '../../src/units/index.js';
import { InputError } from '../../src/errors.js';

describe('convertUnit', () => {
  it('scales within a dimension', () => {
    expect(convertUnit(80, 'kt/year', 't/year', 'f')).toBe(80000);
    expect(convertUnit(1, 'MWh/t', 'kWh/t', 'f')).toBeCloseTo(1000, 12);
    expect(convertUnit(1, 'USD/lb', 'USD/t', 'f')).toBeCloseTo(1000 / 0.45359237, 9);
    expect(convertUnit(50, '%', '1', 'f')).toBeCloseTo(0.5, 15);
    expect(convertUnit(1, 'short-ton', 't', 'f')).toBeCloseTo(0.90718474, 12);
    expect(convertUnit(10, 't/h', 'kg/s', 'f')).toBeCloseTo(10000 / 3600, 12);
  });
  it('handles the temperature offset', () => {
    expect(convertUnit(1600, 'degC', 'K', 'f')).toBeCloseTo(1873.15, 10);
    expect(convertUnit(298.15, 'K', '°C', 'f')).toBeCloseTo(25, 10);
  });
  it('round-trips on random values', () => {
    const pairs: [string, string][] = [
      ['kt/year', 't/h'],
      ['MWh', 'GJ'],
      ['lb', 'kg'],
      ['USD/lb', 'USD/t'],
      ['degC', 'K'],
    ];
    let x = 0.123;
    for (let i = 0; i < 200; i++) {
      x = (x * 9301 + 49297) % 233280;
      const v = x / 777;
      for (const [a, b] of pairs)
        expect(convertUnit(convertUnit(v, a, b, 'f'), b, a, 'f')).toBeCloseTo(v, 9);
    }
  });
  it('refuses currency conversion (needs a dated exchange rate) and wrong dimensions', () => {
    expect(() => convertUnit(1, 'USD/t', 'KZT/t', 'price')).toThrow(InputError);
    expect(() => convertUnit(1, 't/h', 'MW', 'x')).toThrow(/convertible to MW/);
  });
  it('names unknown units', () => {
    expect(() => convertUnit(1, 'tph', 't/h', 'capacity')).toThrow(/capacity.*"tph" is not one of/);
    expect(isKnownUnit('t/h')).toBe(true);
    expect(isKnownUnit('furlong')).toBe(false);
  });
});
