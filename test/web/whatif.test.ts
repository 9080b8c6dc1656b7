// The what-if sliders of the web UI map onto the scenario inputs they claim to change, and
// `apply` restores every other input (web/src/whatif.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraise } from '../../src/appraise.js';
import { loadScenario } from '../../src/scenario/load.js';
import { WhatIf } from '../../web/src/whatif.js';

const text = readFileSync(new URL('../../scenarios/aktobe-stage1-2.yaml', import.meta.url), 'utf8');

function session() {
  const scenario = loadScenario(text, 'aktobe-stage1-2.yaml');
  const base = appraise(scenario);
  return { w: new WhatIf(scenario, base), base };
}

describe('what-if sliders', () => {
  it('offers all six sliders on the stage 1 + 2 scenario, at the loaded values', () => {
    const { w, base } = session();
    expect(w.sliders.map((s) => s.id)).toEqual([
      'fecr_price',
      'cr_price',
      'tariff',
      'capex_factor',
      'recovery',
      'stage2_start',
    ]);
    const byId = new Map(w.sliders.map((s) => [s.id, s]));
    expect(byId.get('fecr_price')?.base).toBe(
      w.model.base[
        w.model.index.get('markets.products.hc-ferrochrome.price_rmb_per_t_50pct_cr_vat_incl')!
      ],
    );
    expect(byId.get('recovery')?.base).toBe(base.stages[0]!.kpis.cr_recovery);
    expect(byId.get('stage2_start')?.base).toBe(2031);
    for (const s of w.sliders) {
      expect(s.min).toBeLessThanOrEqual(s.base);
      expect(s.max).toBeGreaterThanOrEqual(s.base);
    }
  });

  it('recovery and stage 2 start reach the appraisal; prices and tariff reach the inputs', () => {
    const { w } = session();
    const a = appraise(
      w.apply({ recovery: 0.82, stage2_start: 2033, tariff: 25, fecr_price: 9500 }),
    );
    expect(a.stages[0]!.kpis.cr_recovery).toBeCloseTo(0.82, 12);
    expect(a.stages[1]!.start_year).toBe(2033);
    const value = (p: string) => w.model.leaves[w.model.index.get(p)!]!.param.value;
    expect(value('markets.electricity.tariff_kzt_per_kwh')).toBe(25);
    expect(value('markets.products.hc-ferrochrome.price_rmb_per_t_50pct_cr_vat_incl')).toBe(9500);
  });

  it('the capex factor scales the capex of a stage in proportion', () => {
    const { w, base } = session();
    const a = appraise(w.apply({ capex_factor: 1.3 }));
    expect(a.stages[0]!.capex_usd! / base.stages[0]!.capex_usd!).toBeCloseTo(1.3, 9);
  });

  it('apply({}) restores the loaded scenario after any change', () => {
    const { w, base } = session();
    appraise(w.apply({ recovery: 0.8, stage2_start: 2035, capex_factor: 0.7, cr_price: 50000 }));
    const again = appraise(w.apply({}));
    expect(again.stages.map((s) => [s.capex_usd, s.start_year, s.kpis.cr_recovery])).toEqual(
      base.stages.map((s) => [s.capex_usd, s.start_year, s.kpis.cr_recovery]),
    );
  });

  it('the cached plant gives the same appraisal as solving it again (break-evens off)', () => {
    const { w } = session();
    for (const values of [
      { fecr_price: 10000, tariff: 30, capex_factor: 1.2, stage2_start: 2034 },
      { recovery: 0.84, cr_price: 60000 },
      { recovery: 0.84, tariff: 15 },
      {},
    ]) {
      const fast = w.appraise(values);
      const full = appraise(w.apply(values), { breakEvens: false });
      expect(fast).toEqual(full);
    }
  });

  it('offers no stage 2 or recovery slider where the scenario has no such stage', () => {
    const raw = loadScenario(
      readFileSync(new URL('../../scenarios/aktobe-raw-export.yaml', import.meta.url), 'utf8'),
      'raw.yaml',
    );
    const w = new WhatIf(raw, appraise(raw));
    const ids = w.sliders.map((s) => s.id);
    expect(ids).not.toContain('stage2_start');
    expect(ids).not.toContain('recovery');
  });
});
