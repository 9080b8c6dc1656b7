// The what-if step's delta (web/src/appraisal-delta.ts): applying it to the previous appraisal
// gives the new appraisal's dashboard parts exactly, and unchanged parts stay the same objects
// (what the memoised charts rely on to skip their redraw).
import { describe, expect, it } from 'vitest';
import { appraise } from '../../src/appraise.js';
import { loadScenario } from '../../src/scenario/load.js';
import { applyDelta, DeltaEncoder, WHOLE_PARTS } from '../../web/src/appraisal-delta.js';
import { WhatIf } from '../../web/src/whatif.js';
import { REFERENCE_TEXT } from './fixture.js';

const text = REFERENCE_TEXT;

describe('appraisal delta of a what-if step', () => {
  it('reproduces every dashboard part along a sequence of slider moves', () => {
    const scenario = loadScenario(text, 'aktobe-stage1-2.yaml');
    const base = appraise(scenario);
    const w = new WhatIf(scenario, base);
    const enc = new DeltaEncoder();
    enc.reset(base);
    // The page holds a structured clone, as postMessage gives it.
    let page = structuredClone(base);
    for (const values of [
      { fecr_price: 9500 },
      { fecr_price: 9500, tariff: 25 },
      { fecr_price: 9500, tariff: 25, recovery: 0.82 },
      { stage2_start: 2034 },
      {},
    ]) {
      const a = w.appraise(values);
      const delta = structuredClone(enc.encode(a));
      const before = page;
      page = applyDelta(page, delta);
      for (const k of WHOLE_PARTS) {
        expect(page[k]).toEqual(a[k]);
        if (!(k in delta.parts)) expect(page[k]).toBe(before[k]);
      }
      expect(page.stages).toEqual(a.stages);
    }
  });

  it('a price step leaves the balance and the emissions out of the message', () => {
    const scenario = loadScenario(text, 'aktobe-stage1-2.yaml');
    const base = appraise(scenario);
    const w = new WhatIf(scenario, base);
    const enc = new DeltaEncoder();
    enc.reset(w.appraise({}));
    const delta = enc.encode(w.appraise({ fecr_price: 9500 }), ['balance']);
    expect(Object.keys(delta.parts).sort()).toEqual(['cashflow', 'impact', 'metrics']);
    expect(JSON.stringify(delta).length).toBeLessThan(JSON.stringify(base).length / 2);
    // Nothing moved: an empty delta, and applyDelta keeps the same object.
    const empty = enc.encode(w.appraise({ fecr_price: 9500 }));
    expect(empty).toEqual({ parts: {} });
    expect(applyDelta(base, empty)).toBe(base);
  });
});
