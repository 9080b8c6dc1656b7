// Every default number in data/ carries a known unit, a source and a status; values lie in
// their stated ranges; and the contents are pinned by a checksum (count and sum per file, as
// chemicals' test_CRC_standard_data does) so an accidental edit fails here.
import { describe, expect, it } from 'vitest';
import { DATA_FILES } from '../../src/scenario/data-files.js';
import { isKnownUnit } from '../../src/units/index.js';

describe('reference data files', () => {
  it('every value has a known unit, a source and a valid status', () => {
    for (const [file, data] of Object.entries(DATA_FILES)) {
      for (const [key, v] of Object.entries(data.values)) {
        const where = `${file}#${key}`;
        expect(isKnownUnit(v.unit), `${where}: unit ${v.unit}`).toBe(true);
        expect(v.source.length, where).toBeGreaterThan(10);
        expect(['verified', 'derived', 'assumed']).toContain(v.status);
        if (v.status === 'assumed') expect(v.source, where).toMatch(/^assumed/);
        if (v.range) {
          expect(v.range[0], where).toBeLessThanOrEqual(v.value);
          expect(v.value, where).toBeLessThanOrEqual(v.range[1]);
        }
      }
    }
  });

  it('the Kempirsai concentrate preset closes to 100 wt%', () => {
    const v = DATA_FILES['feeds/kempirsai-concentrate']!.values;
    const total = ['Cr2O3', 'FeO', 'MgO', 'Al2O3', 'SiO2', 'CaO', 'LOI'].reduce(
      (s, k) => s + v[k]!.value,
      0,
    );
    expect(total).toBeCloseTo(100, 9);
  });

  it('checksums (entry count and value sum per file) are unchanged', () => {
    const sums = Object.fromEntries(
      Object.entries(DATA_FILES).map(([file, d]) => {
        const values = Object.values(d.values);
        return [file, [values.length, Number(values.reduce((s, v) => s + v.value, 0).toFixed(6))]];
      }),
    );
    expect(sums).toMatchInlineSnapshot(`
      {
        "capex/cepci": [
          24,
          13192.625,
        ],
        "capex/estimating-factors": [
          10,
          143,
        ],
        "capex/schedule": [
          4,
          9.018,
        ],
        "econ/opex-defaults": [
          8,
          448755.5,
        ],
        "feeds/kempirsai-concentrate": [
          11,
          104.1646,
        ],
        "feeds/kempirsai-rom-ore": [
          8,
          103,
        ],
        "finance/appraisal-defaults": [
          6,
          130.1,
        ],
        "finance/cost-indices": [
          3,
          2,
        ],
        "finance/financing-defaults": [
          9,
          21.06,
        ],
        "finance/inflation": [
          9,
          0.325,
        ],
        "finance/lenders": [
          21,
          44.605,
        ],
        "finance/withholding-tax": [
          2,
          0.2,
        ],
        "impact/cbam": [
          12,
          469,
        ],
        "impact/jobs": [
          2,
          31.8,
        ],
        "impact/regional-defaults": [
          5,
          82.35,
        ],
        "markets/china-import": [
          6,
          21.5,
        ],
        "markets/chromium-metal-market": [
          3,
          43000,
        ],
        "markets/concentrate-formula": [
          8,
          60.11,
        ],
        "markets/consumables-assumed": [
          20,
          9895.5,
        ],
        "markets/electricity-kazakhstan": [
          7,
          152070.44,
        ],
        "markets/fx": [
          4,
          520.22,
        ],
        "markets/logistics-assumed": [
          3,
          280,
        ],
        "markets/logistics-china": [
          7,
          242,
        ],
        "markets/price-deck-2025": [
          14,
          77262.62,
        ],
        "markets/prices-2025": [
          8,
          130806.25,
        ],
        "process/operating-defaults": [
          1,
          0.91,
        ],
      }
    `);
  });
});
