// The NPV bridge adds up exactly to the change in NPV, and `chromflow compare` answers "what
// does stage 2 add over stage 1, and both over raw export" (issue 6 item 9).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { npvBridge } from '../../src/analysis/npv-bridge.js';
import { appraise } from '../../src/appraise.js';
import { loadScenario } from '../../src/scenario/index.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

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

describe('chromflow compare', () => {
  it('prints the three Aktobe scenarios side by side with the bridges A→B, B→C and A→C', () => {
    const r = runCli([
      'compare',
      'scenarios/aktobe-raw-export.yaml',
      'scenarios/aktobe-stage1.yaml',
      'scenarios/aktobe-stage1-2.yaml',
      '--json',
    ]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      scenarios: { figures: Record<string, { value: number | null }> }[];
      bridges: { npv_change_usd: number; steps: { delta_usd: number }[] }[];
    };
    expect(out.scenarios).toHaveLength(3);
    for (const s of out.scenarios)
      for (const key of [
        'Capex',
        'NPV',
        'Gross value added',
        'Direct jobs',
        'Government take (PV)',
        'Exports',
        'CO2 scope 1 + 2',
      ])
        expect(typeof s.figures[key]?.value).toBe('number');
    expect(out.bridges).toHaveLength(3);
    for (const b of out.bridges) {
      const sum = b.steps.reduce((x, s) => x + s.delta_usd, 0);
      expect(Math.abs(sum - b.npv_change_usd)).toBeLessThan(1);
    }
  });

  it('refuses one or four files with exit 2', () => {
    expect(runCli(['compare', 'scenarios/aktobe-stage1.yaml']).status).toBe(2);
  });
});
