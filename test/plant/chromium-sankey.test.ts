// chromiumSankey: contained chromium through every reference template and a whole plant balance.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraise } from '../../src/appraise.js';
import { chromiumSankey, type ChromiumSankey } from '../../src/plant/chromium-sankey.js';
import { mergeBalances } from '../../src/plant/merge-balances.js';
import { runChromiumStage } from '../../src/process/chromium/run.js';
import { FECR_TEMPLATES, runFerrochromeStage } from '../../src/process/pyro/run-fecr.js';
import { runRefiningStage } from '../../src/process/pyro/run-refining.js';
import { loadScenario } from '../../src/scenario/index.js';
import { kempirsaiFeed } from '../helpers/kempirsai-feed.js';
import { ROOT } from '../helpers/run-cli.js';

const { analysis } = kempirsaiFeed();

/** Cr in and out of every node [t/h]; sources have no inflow, sinks no outflow. */
function nodeFlows(s: ChromiumSankey) {
  const inflow = new Map<string, number>();
  const outflow = new Map<string, number>();
  for (const l of s.links) {
    outflow.set(l.source, (outflow.get(l.source) ?? 0) + l.cr_t_per_h);
    inflow.set(l.target, (inflow.get(l.target) ?? 0) + l.cr_t_per_h);
  }
  return { inflow, outflow };
}

/** Asserts Cr in = Cr out at every inner node and over the whole diagram (≤ 1e-9 relative). */
function expectClosed(s: ChromiumSankey, label: string): number {
  const ids = new Set(s.nodes.map((n) => n.id));
  for (const l of s.links) {
    expect(ids.has(l.source), `${label}: node ${l.source}`).toBe(true);
    expect(ids.has(l.target), `${label}: node ${l.target}`).toBe(true);
    expect(l.cr_t_per_h).toBeGreaterThan(0);
  }
  const { inflow, outflow } = nodeFlows(s);
  let sources = 0;
  let sinks = 0;
  for (const n of ids) {
    const a = inflow.get(n) ?? 0;
    const b = outflow.get(n) ?? 0;
    if (a === 0) sources += b;
    else if (b === 0) sinks += a;
    else expect(Math.abs(a - b) / Math.max(a, b), `${label}: ${n}`).toBeLessThan(1e-9);
  }
  expect(sources).toBeGreaterThan(0);
  expect(Math.abs(sources - sinks) / sources, label).toBeLessThan(1e-9);
  return sources;
}

describe('chromiumSankey', () => {
  it.each(FECR_TEMPLATES)('%s: Cr in = Cr out at every node', (t) => {
    const r = runFerrochromeStage(t, {
      feed: { analysis, moisture_wt_pct: 0 },
      capacity_t_per_year: 80_000,
      availability: 0.9,
    });
    const s = chromiumSankey(r.balance);
    const crIn = expectClosed(s, t);
    // the Cr of the chromite feed is the diagram's input, and the alloy sink gets recovery × that
    const feed = s.links.find((l) => l.source === 'feed:chromite');
    expect(feed?.cr_t_per_h).toBeCloseTo(crIn, 9);
    const toAlloy = s.links.filter((l) => l.target === 'alloy-tapping');
    const alloy = toAlloy.reduce((a, l) => a + l.cr_t_per_h, 0);
    expect(alloy / crIn).toBeCloseTo(r.kpis.cr_recovery ?? NaN, 9);
    expect(s.nodes.find((n) => n.id === 'alloy-tapping')?.label).toContain('product');
  });

  it('fecr-refining: Cr in = Cr out at every node (ore and FeSiCr both bring Cr)', () => {
    const r = runRefiningStage({
      feed: { analysis, moisture_wt_pct: 2 },
      capacity_t_per_year: 20_000,
      availability: 0.9,
    });
    const s = chromiumSankey(r.balance);
    const crIn = expectClosed(s, 'fecr-refining');
    const fromFeeds = s.links
      .filter((l) => l.source.startsWith('feed:'))
      .reduce((a, l) => a + l.cr_t_per_h, 0);
    expect(fromFeeds).toBeCloseTo(crIn, 9);
    expect(s.links.some((l) => l.source === 'feed:fesicr')).toBe(true);
  });

  it.each([
    // the chromate route reads LOI as bound water (src/plant/run-stage.ts)
    ['cr-aluminothermic', { oxides_wt_pct: { ...analysis, LOI: undefined, H2O: analysis.LOI } }],
    ['cr-electrolytic', { alloy_wt_pct: { Cr: 68, Fe: 24, C: 7, Si: 1 } }],
  ] as const)('%s: Cr in = Cr out at every node (recycle loops included)', (t, feed) => {
    const f =
      'oxides_wt_pct' in feed
        ? {
            oxides_wt_pct: Object.fromEntries(
              Object.entries(feed.oxides_wt_pct).filter(
                (e): e is [string, number] => e[1] !== undefined,
              ),
            ),
          }
        : feed;
    const r = runChromiumStage(t, { feed: f, capacity_t_per_year: 5000, availability: 0.9 });
    expectClosed(chromiumSankey(r.balance), t);
  });

  it('the concentrator and a whole plant (stages prefixed, closed per stage)', () => {
    const read = (f: string) => readFileSync(`${ROOT}/scenarios/${f}`, 'utf8');
    for (const f of ['kempirsai-concentrator.yaml', 'aktobe-stage1-2.yaml']) {
      const a = appraise(loadScenario(read(f), f));
      expect(a.balance).not.toBeNull();
      if (!a.balance) continue;
      const s = chromiumSankey(a.balance);
      expectClosed(s, f);
      const stages = new Set(a.balance.units.map((u) => u.stage));
      for (const n of s.nodes)
        expect(
          [...stages].some((st) => n.id.startsWith(`${st}/`) || n.id.startsWith(`feed:${st}/`)),
        ).toBe(true);
    }
  });

  it('a merged balance is the union of its stages', () => {
    const r = runFerrochromeStage('fecr-dc', {
      feed: { analysis, moisture_wt_pct: 0 },
      capacity_t_per_year: 80_000,
      availability: 0.9,
    });
    const one = chromiumSankey(r.balance);
    const two = chromiumSankey(
      mergeBalances([
        { stage: 'a', balance: r.balance },
        { stage: 'b', balance: r.balance },
      ]),
    );
    expect(two.nodes).toHaveLength(2 * one.nodes.length);
    expect(two.links).toHaveLength(2 * one.links.length);
    expect(
      two.links.some((l) => l.source === 'feed:a/chromite' && l.target === 'a/dc-furnace'),
    ).toBe(true);
  });
});
