// The NPV bridge adds up exactly to the change in NPV (issue 6 item 9); `chromflow compare` is
// tested in test/cli/compare.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { npvBridge } from '../../src/analysis/npv-bridge.js';
import { appraise } from '../../src/appraise.js';
import { loadScenario } from '../../src/scenario/index.js';
import { ROOT } from '../helpers/run-cli.js';

const read = (f: string) => readFileSync(`${ROOT}/scenarios/${f}`, 'utf8');
const a = (f: string, edit: (t: string) => string = (t) => t) =>
  appraise(loadScenario(edit(read(f)), f), { breakEvens: false });

describe('npvBridge', () => {
  it('steps add up to NPV(b) − NPV(a) for every pair of reference scenarios', () => {
    const list = ['aktobe-raw-export.yaml', 'aktobe-stage1.yaml', 'aktobe-stage1-2.yaml'].map((f) =>
      a(f),
    );
    for (const x of list)
      for (const y of list) {
        const steps = npvBridge(x, y);
        const sum = steps.reduce((s, st) => s + st.delta_usd, 0);
        const delta = y.metrics!.npv_usd - x.metrics!.npv_usd;
        expect(Math.abs(sum - delta)).toBeLessThan(1e-6 * (1 + Math.abs(x.metrics!.npv_usd)));
      }
  });

  it('a pure price change shows up as price only', () => {
    const x = a('aktobe-stage1.yaml');
    const y = a('aktobe-stage1.yaml', (t) =>
      t.replace(
        /price_rmb_per_t_50pct_cr_vat_incl:\n\s*\{ ref: [^}]+\}/,
        'price_rmb_per_t_50pct_cr_vat_incl: 9500',
      ),
    );
    const steps = new Map(npvBridge(x, y).map((s) => [s.driver, s.delta_usd]));
    expect(steps.get('price (per t contained Cr)')).toBeGreaterThan(0);
    expect(Math.abs(steps.get('volume (t contained Cr)')!)).toBeLessThan(1e-3);
    expect(Math.abs(steps.get('capex')!)).toBe(0);
  });
});
