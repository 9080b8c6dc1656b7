// The calibration of the reference classes on published plant costs (data/capex/reference-plants.json:
// Kazchrome Aktobe shop 4, Lion II, Tornio, Tikhvin; Xiaolong, TISCO–Wanbang, Minth, Mingda,
// Afrochine, Zimasco; ERG Green, Voskhod): the stored factors equal a fresh fit, and the model
// meets the references it is fitted on within the stated residuals.
import { describe, expect, it } from 'vitest';
import { calibrateCapex } from '../../../src/analysis/capex-calibration.js';
import { COST_CLASSES, STORED_CALIBRATION } from '../../../src/econ/capex/index.js';

describe('capex calibration', () => {
  const fresh = calibrateCapex();
  it('data/capex/calibration.json equals a fresh fit (run scripts/calibrate-capex.ts after a change)', () => {
    expect(Object.keys(fresh).sort()).toEqual(Object.keys(STORED_CALIBRATION).sort());
    for (const [key, fit] of Object.entries(fresh)) {
      const stored = STORED_CALIBRATION[key]!;
      expect(stored.factor / fit.factor, key).toBeCloseTo(1, 9);
      fit.points.forEach((p, k) => {
        expect(stored.points[k]?.reference_id).toBe(p.reference_id);
        expect(stored.points[k]!.residual).toBeCloseTo(p.residual, 9);
      });
    }
  });
  it('meets every fitted ferrochrome reference within ±25 % (one factor per class)', () => {
    for (const key of ['western/fecr', 'china-epc/fecr']) {
      const fit = fresh[key]!;
      const fitted = fit.points.filter((p) => p.use === 'calibration');
      expect(fitted.length, key).toBeGreaterThanOrEqual(3);
      for (const p of fitted)
        expect(Math.abs(p.residual), `${key} ${p.reference_id}`).toBeLessThan(0.25);
    }
  });
  it('prices Chinese-built plants far below Western-built ones, as the references do', () => {
    // at one design, the china-epc class (RMB → USD at 7.1) is a fraction of the western class
    expect(fresh['china-epc/fecr']!.factor / 7.1).toBeLessThan(fresh['western/fecr']!.factor / 2);
  });
  it('bounds the china-epc location factor by the Chinese-built plants abroad', () => {
    const abroad = fresh['china-epc/fecr']!.points.filter((p) => p.use === 'abroad');
    expect(abroad.length).toBeGreaterThanOrEqual(2);
    const gm = Math.exp(abroad.reduce((s, p) => s + Math.log(1 + p.residual), 0) / abroad.length);
    // the class's factor (1.0) is not below what the foreign plants cost against the domestic fit
    const lf = COST_CLASSES['china-epc']!.location_factor_kz;
    expect(lf.value).toBeGreaterThanOrEqual(gm);
    expect(lf.range![0]).toBeLessThanOrEqual(gm);
  });
});
