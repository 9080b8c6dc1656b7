// The NPV bridge adds up exactly to the change in NPV, and `chromflow compare` answers "what
// does stage 2 add over stage 1, and both over raw export" (issue 6 item 9).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { npvBridge, viewNpv } from '../../src/analysis/npv-bridge.js';
import { appraise } from '../../src/appraise.js';
import { loadScenario } from '../../src/scenario/index.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

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
      view: string;
      scenarios: { figures: Record<string, { value: number | null }> }[];
      bridges: { view: string; npv_change_usd: number; steps: { delta_usd: number }[] }[];
    };
    expect(out.view).toBe('economy');
    expect(out.bridges.every((b) => b.view === 'economy')).toBe(true);
    expect(out.scenarios).toHaveLength(3);
    for (const s of out.scenarios)
      for (const key of [
        'Capex',
        'NPV',
        'Gross value added',
        'Direct jobs',
        'Government take (PV)',
        'Exports (FCA border)',
        'CO2 scope 1 + 2 (project)',
      ])
        expect(typeof s.figures[key]?.value).toBe('number');
    expect(out.bridges).toHaveLength(3);
    for (const b of out.bridges) {
      const sum = b.steps.reduce((x, s) => x + s.delta_usd, 0);
      expect(Math.abs(sum - b.npv_change_usd)).toBeLessThan(1);
    }
    // Economy view: raw export pays MET through the mine, and so does every processing scenario.
    const met = out.scenarios.map((s) => s.figures['  of which MET (PV)']!.value!);
    expect(met[1]).toBeCloseTo(met[0]!, -3);
    expect(met[2]).toBeCloseTo(met[0]!, -3);
    const investor = runCli([
      'compare',
      'scenarios/aktobe-raw-export.yaml',
      'scenarios/aktobe-stage1.yaml',
      '--json',
      '--view',
      'investor',
    ]);
    expect((JSON.parse(investor.stdout) as { view: string }).view).toBe('investor');
  });

  it('refuses one or four files with exit 2', () => {
    expect(runCli(['compare', 'scenarios/aktobe-stage1.yaml']).status).toBe(2);
  });
});
