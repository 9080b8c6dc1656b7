// Price-basis conversions checked against the derived value ladder of shared/domain/facts.md §7
// ("Value ladder per t contained Cr (2025)": HC FeCr 8,500 RMB/t at 50 % basis, VAT incl. →
// ≈ USD 2,120/t Cr; Cr metal 75,000 RMB/t → ≈ USD 9,350/t; Europe 1.0–1.4 USD/lb → 2,200–3,090).
import { describe, expect, it } from 'vitest';
import {
  LB_PER_T,
  usdPerTCr,
  usdPerTFromRmb50pctCrVatIncl,
  usdPerTFromRmbVatIncl,
  usdPerTFromUsdPerLbCr,
} from '../../src/econ/revenue/index.js';

describe('price bases', () => {
  it('a tonne is 2204.62262 lb', () => {
    expect(LB_PER_T).toBeCloseTo(2204.62262, 5);
  });
  it('China HC FeCr at 50 % basis, VAT incl. → ≈ USD 2,120 per t Cr (facts.md §7)', () => {
    const perT = usdPerTFromRmb50pctCrVatIncl(8500, 68, 7.1, 13);
    expect(usdPerTCr(perT, 68)).toBeCloseTo(2120, -1);
    // The 50 % basis makes the value per t Cr independent of the alloy grade.
    expect(usdPerTCr(usdPerTFromRmb50pctCrVatIncl(8500, 72, 7.1, 13), 72)).toBeCloseTo(
      usdPerTCr(perT, 68),
      9,
    );
  });
  it('China Cr metal 75,000 RMB/t VAT incl. → ≈ USD 9,350/t (facts.md §7)', () => {
    expect(usdPerTFromRmbVatIncl(75000, 7.1, 13)).toBeCloseTo(9350, -1);
  });
  it('Europe USD/lb Cr: 1.0–1.4 USD/lb → 2,200–3,090 USD per t Cr (facts.md §7)', () => {
    expect(usdPerTCr(usdPerTFromUsdPerLbCr(1.0, 68), 68)).toBeCloseTo(2205, 0);
    expect(usdPerTCr(usdPerTFromUsdPerLbCr(1.4, 68), 68)).toBeCloseTo(3086, 0);
  });
});
