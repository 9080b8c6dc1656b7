import { describe, expect, it } from 'vitest';
import { CBAM_COVERAGE, cbamCostUsd, cbamShare } from '../../src/impact/index.js';
import { DATA_FILES } from '../../src/scenario/data-files.js';

const cbam = DATA_FILES['impact/cbam']!;

describe('CBAM', () => {
  it('phases in from 2026 to 2034 monotonically, 0 before and 1 after', () => {
    expect(cbamShare(cbam, 2025)).toBe(0);
    expect(cbamShare(cbam, 2026)).toBeCloseTo(0.025, 12);
    expect(cbamShare(cbam, 2030)).toBeCloseTo(0.485, 12);
    expect(cbamShare(cbam, 2034)).toBe(1);
    expect(cbamShare(cbam, 2040)).toBe(1);
    for (let y = 2026; y < 2034; y++)
      expect(cbamShare(cbam, y + 1)).toBeGreaterThan(cbamShare(cbam, y));
  });
  it('covers ferrochrome but not concentrate or chromium metal (Annex I)', () => {
    expect(CBAM_COVERAGE['hc-ferrochrome']?.covered).toBe(true);
    expect(CBAM_COVERAGE['chromite-concentrate']?.covered).toBe(false);
    expect(CBAM_COVERAGE['chromium-metal']?.covered).toBe(false);
  });
  it('cost = q × e × share × (ETS − origin price) / FX, never negative', () => {
    const base = {
      year: 2030,
      exported_to_eu_t: 10000,
      embedded_t_co2_per_t: 2,
      ets_price_eur_per_t_co2: 80,
      origin_carbon_price_eur_per_t_co2: 5,
      eur_per_usd: 0.92,
    };
    expect(cbamCostUsd(base, cbam)).toBeCloseTo((10000 * 2 * 0.485 * 75) / 0.92, 6);
    expect(cbamCostUsd({ ...base, origin_carbon_price_eur_per_t_co2: 100 }, cbam)).toBe(0);
    expect(cbamCostUsd({ ...base, year: 2025 }, cbam)).toBe(0);
  });
});
