// The NPV bridge adds up exactly to the change in NPV (issue 6 item 9); `chromflow compare` is
// tested in test/cli/compare.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { npvBridge, viewNpv } from '../../src/analysis/npv-bridge.js';
import { appraise } from '../../src/appraise.js';
import { loadScenario } from '../../src/scenario/index.js';
import { ROOT } from '../helpers/run-cli.js';

const read = (f: string) => readFileSync(`${ROOT}/scenarios/${f}`, 'utf8');
const a = (f: string, edit: (t: string) => string = (t) => t) =>
  appraise(loadScenario(edit(read(f)), f), { breakEvens: false });

const REFERENCES = ['aktobe-raw-export.yaml', 'aktobe-stage1.yaml', 'aktobe-stage1-2.yaml'];

describe('npvBridge', () => {
  const list = REFERENCES.map((f) => a(f));

  it('economy view (default): steps add up to the change of the economy NPV for every pair', () => {
    for (const x of list)
      for (const y of list) {
        const sum = npvBridge(x, y).reduce((s, st) => s + st.delta_usd, 0);
        const delta = y.views!.economy.npv_usd - x.views!.economy.npv_usd;
        expect(viewNpv(y, 'economy') - viewNpv(x, 'economy')).toBeCloseTo(delta, 3);
        expect(Math.abs(sum - delta)).toBeLessThan(1e-6 * (1 + Math.abs(x.views!.economy.npv_usd)));
      }
  });

  it('investor view: steps add up to the change of the project NPV for every pair', () => {
    for (const x of list)
      for (const y of list) {
        const sum = npvBridge(x, y, 'investor').reduce((s, st) => s + st.delta_usd, 0);
        const delta = y.metrics!.npv_usd - x.metrics!.npv_usd;
        expect(Math.abs(sum - delta)).toBeLessThan(1e-6 * (1 + Math.abs(x.metrics!.npv_usd)));
      }
  });

  it('raw export → stage 1 in the economy view: the mine is the same, so the tax step carries no MET', () => {
    const [raw, one] = list;
    // Same ore tonnage at the same ex-works price: the mine's MET is identical in both.
    expect(one!.views!.economy.met_npv_usd).toBeCloseTo(raw!.views!.economy.met_npv_usd, 3);
    expect(one!.views!.economy.met_npv_usd).toBeGreaterThan(0);
    const tax = npvBridge(raw!, one!).find((s) => s.driver === 'tax')!.delta_usd;
    // The economy's extra tax is the smelter's (and the mine's CIT on take-or-pay receipts).
    expect(Math.abs(tax)).toBeLessThan(
      Math.abs(one!.views!.investor.government_take_npv_usd) * 1.5,
    );
  });

  it('a pure price change shows up as price only', () => {
    const x = a('aktobe-stage1.yaml');
    const y = a('aktobe-stage1.yaml', (t) =>
      t.replace(
        /price_rmb_per_t_50pct_cr_vat_incl:\n\s*\{ ref: [^}]+\}/,
        'price_rmb_per_t_50pct_cr_vat_incl: 9500',
      ),
    );
    const steps = new Map(npvBridge(x, y, 'investor').map((s) => [s.driver, s.delta_usd]));
    expect(steps.get('price (per t contained Cr)')).toBeGreaterThan(0);
    expect(Math.abs(steps.get('volume (t contained Cr)')!)).toBeLessThan(1e-3);
    expect(Math.abs(steps.get('capex')!)).toBe(0);
  });
});
