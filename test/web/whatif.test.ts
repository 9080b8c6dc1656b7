// The what-if sliders of the web UI map onto the scenario inputs they claim to change, and
// `apply` restores every other input (web/src/whatif.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Appraisal } from '../../src/appraisal.js';
import { appraise } from '../../src/appraise.js';
import { loadScenario } from '../../src/scenario/load.js';
import { WhatIf } from '../../web/src/whatif.js';
import { REFERENCE_TEXT } from './fixture.js';

const text = REFERENCE_TEXT;

/** The reference with a scalar FeCr price distribution instead of its sampled price path (and
 * so without the stage-timing option, which is valued under the paths). */
const scalarText = text
  .replace(/\n {2}price_paths:\n[^]*$/, '\n')
  .replace(/\n {2}stage_timing_option:\n( {4}.*\n)+/, '\n')
  .replace(
    '  parameters:\n',
    '  parameters:\n    - path: markets.products.hc-ferrochrome.price_rmb_per_t_50pct_cr_vat_incl\n      distribution: { type: triangular, min: 7600, mode: 8495, max: 9100 }\n',
  );

/** The loaded appraisal of each source, computed once (read only: a session reads its stages). */
const loaded = new Map<string, Appraisal>();

/** A fresh session (its own scenario and plant cache) on the shared loaded appraisal. */
function session(source = text) {
  const scenario = loadScenario(source, 'aktobe-stage1-2.yaml');
  const base = loaded.get(source) ?? appraise(scenario);
  loaded.set(source, base);
  return { w: new WhatIf(scenario, base), base };
}

/** An appraisal without the two sections these tests never read (by route, stage-timing option). */
const LEAN = { byRoute: false, stageTimingOption: false } as const;

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
    expect(byId.get('stage2_start')?.base).toBe(2034);
    for (const s of w.sliders) {
      expect(s.min).toBeLessThanOrEqual(s.base);
      expect(s.max).toBeGreaterThanOrEqual(s.base);
    }
  });

  it('recovery and stage 2 start reach the appraisal; prices and tariff reach the inputs', () => {
    const { w } = session();
    const a = appraise(
      w.apply({ recovery: 0.82, stage2_start: 2033, tariff: 25, fecr_price: 9500 }),
      LEAN,
    );
    expect(a.stages[0]!.kpis.cr_recovery).toBeCloseTo(0.82, 12);
    expect(a.stages[1]!.start_year).toBe(2033);
    const value = (p: string) => w.model.leaves[w.model.index.get(p)!]!.param.value;
    expect(value('markets.electricity.tariff_kzt_per_kwh')).toBe(25);
    expect(value('markets.products.hc-ferrochrome.price_rmb_per_t_50pct_cr_vat_incl')).toBe(9500);
  });

  it('the capex factor scales the capex of a stage in proportion', () => {
    const { w, base } = session();
    const a = appraise(w.apply({ capex_factor: 1.3 }), LEAN);
    expect(a.stages[0]!.capex_usd! / base.stages[0]!.capex_usd!).toBeCloseTo(1.3, 9);
  });

  it('apply({}) restores the loaded scenario after any change', () => {
    const { w, base } = session();
    appraise(
      w.apply({ recovery: 0.8, stage2_start: 2035, capex_factor: 0.7, cr_price: 50000 }),
      LEAN,
    );
    const again = appraise(w.apply({}), LEAN);
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
      const full = appraise(w.apply(values), {
        breakEvens: false,
        byRoute: false,
        stageTimingOption: false,
      });
      expect(fast).toEqual(full);
    }
  });

  it('offers no stage 2 or recovery slider where the scenario has no such stage', () => {
    const raw = loadScenario(
      readFileSync(new URL('../../scenarios/aktobe-raw-export.yaml', import.meta.url), 'utf8'),
      'raw.yaml',
    );
    const w = new WhatIf(raw, appraise(raw, LEAN));
    const ids = w.sliders.map((s) => s.id);
    expect(ids).not.toContain('stage2_start');
    expect(ids).not.toContain('recovery');
  });
});

describe('what-if state as scenario text (Monte Carlo of the what-if state)', () => {
  it('the text with the slider values appraises as the what-if session does', () => {
    const { w } = session();
    const values = {
      fecr_price: 9500,
      cr_price: 60000,
      tariff: 25,
      capex_factor: 1.2,
      recovery: 0.82,
      stage2_start: 2033,
    };
    const { text: out, notes } = w.scenarioText(text, values);
    const fromText = appraise(loadScenario(out, 'whatif.yaml'), {
      breakEvens: false,
      byRoute: false,
    });
    const fromSession = w.appraise(values);
    expect(fromText.metrics?.npv_usd).toBeCloseTo(fromSession.metrics?.npv_usd ?? NaN, 0);
    expect(fromText.stages.map((s) => [s.capex_usd, s.start_year, s.kpis.cr_recovery])).toEqual(
      fromSession.stages.map((s) => [s.capex_usd, s.start_year, s.kpis.cr_recovery]),
    );
    // Comments of the file stay; every changed input has its note.
    expect(out).toContain('# ');
    expect(notes.length).toBeGreaterThanOrEqual(6);
  });

  it('a sampled input keeps its distribution, scaled by slider / loaded value', () => {
    const { w } = session(scalarText);
    const path = 'markets.products.hc-ferrochrome.price_rmb_per_t_50pct_cr_vat_incl';
    const base = w.model.base[w.model.index.get(path)!]!;
    const { text: out, notes } = w.scenarioText(scalarText, { fecr_price: base * 1.2 });
    const s = loadScenario(out, 'whatif.yaml');
    const before = loadScenario(scalarText, 'x.yaml').uncertainty!.parameters.find(
      (p) => p.path === path,
    )!;
    const after = s.uncertainty!.parameters.find((p) => p.path === path)!;
    expect(before.distribution.type).toBe('triangular');
    const d0 = before.distribution as { min: number; mode: number; max: number };
    const d1 = after.distribution as { min: number; mode: number; max: number };
    expect(d1.min).toBeCloseTo(d0.min * 1.2, 9);
    expect(d1.mode).toBeCloseTo(d0.mode * 1.2, 9);
    expect(d1.max).toBeCloseTo(d0.max * 1.2, 9);
    expect(notes.join('\n')).toMatch(/distribution × 1\.200/);
  });

  it('no slider moved: the text parses to the same inputs and there are no notes', () => {
    const { w } = session();
    const { text: out, notes } = w.scenarioText(text, {});
    expect(notes).toEqual([]);
    expect(appraise(loadScenario(out, 'same.yaml'), LEAN).metrics).toEqual(
      appraise(loadScenario(text, 'x.yaml'), LEAN).metrics,
    );
  });
});

describe('idle-time plant cache', () => {
  it('precomputeOne fills the recovery grid; cached steps need no solve and equal a full solve', () => {
    const { w } = session();
    let n = 0;
    while (w.precomputeOne()) n++;
    // The loaded plant and the 51 grid values 0.700, 0.705, …, 0.950.
    expect(n).toBe(52);
    const solves = w.plantSolves;
    const fast = w.appraise({ recovery: 0.835 });
    expect(w.plantSolves).toBe(solves);
    expect(fast).toEqual(
      appraise(w.apply({ recovery: 0.835 }), {
        breakEvens: false,
        byRoute: false,
        stageTimingOption: false,
      }),
    );
  });
});
