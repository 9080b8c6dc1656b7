// Property test: random valid flowsheets (with and without recycle loops) and random feeds,
// generated from seeded pure-rand streams, must close every element, water and total mass to
// ≤ 1e-9 relative per unit and plant-wide. The plant-wide check is also recomputed here
// independently from the raw component flows.
import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { compileFlowsheet } from '../../src/process/flowsheet/compile.js';
import { solveFlowsheet } from '../../src/process/flowsheet/solve.js';
import { balanceReport } from '../../src/process/flowsheet/report.js';
import { oreFeedStream } from '../../src/process/flowsheet/feed.js';
import type { FlowsheetTemplate, UnitSpec } from '../../src/process/flowsheet/template.js';

type Rng = () => number;
const rngFor = (seed: number): Rng => {
  const g = xoroshiro128plus(seed);
  return () => uniformFloat64(g);
};
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const ALL_MINERALS = [
  'chromite',
  'serpentine',
  'olivine',
  'pyroxene',
  'magnetite',
  'chlorite',
  'carbonate',
];

/** A two-outlet unit with random parameters. */
function separator(r: Rng): {
  kind: string;
  outs: [string, string];
  params: Record<string, number>;
} {
  const k = pick(r, [
    'splitter',
    'screen',
    'cyclone',
    'dms',
    'spiral',
    'table',
    'lims',
    'whims',
    'thickener',
    'filter',
  ]);
  switch (k) {
    case 'splitter':
      return { kind: 'splitter', outs: ['a', 'b'], params: { fraction_to_a: r() } };
    case 'screen':
      return {
        kind: 'vibrating-screen',
        outs: ['oversize', 'undersize'],
        params: { aperture_mm: 0.05 + 50 * r(), spray_water_t_per_t: r() },
      };
    case 'cyclone':
      return {
        kind: 'hydrocyclone',
        outs: ['underflow', 'overflow'],
        params: { d50c_um: 20 + 500 * r(), bypass_fraction: 0.5 * r() },
      };
    case 'dms':
      return {
        kind: pick(r, ['dms-drum', 'dms-cyclone']),
        outs: ['sinks', 'floats'],
        params: { rho50_kg_per_m3: 2600 + 1500 * r() },
      };
    case 'spiral':
      return {
        kind: 'spiral',
        outs: ['concentrate', 'tailings'],
        params: { rho50_kg_per_m3: 2800 + 1500 * r() },
      };
    case 'table':
      return { kind: 'shaking-table', outs: ['concentrate', 'tailings'], params: {} };
    case 'lims':
      return { kind: 'lims', outs: ['magnetics', 'non-magnetics'], params: {} };
    case 'whims':
      return { kind: 'whims', outs: ['magnetics', 'non-magnetics'], params: {} };
    case 'thickener':
      return {
        kind: 'thickener',
        outs: ['underflow', 'overflow'],
        params: { underflow_solids_wt_pct: 30 + 40 * r() },
      };
    default:
      return { kind: 'filter', outs: ['cake', 'filtrate'], params: {} };
  }
}

/** Builds a random valid flowsheet: a chain of units, some wrapped in recycle loops. */
function randomFlowsheet(r: Rng, withRecycles: boolean): FlowsheetTemplate {
  const units: Record<string, UnitSpec> = {};
  let n = 0;
  const id = (p: string): string => `${p}${n++}`;
  const open: string[] = ['feed'];
  const steps = 3 + Math.floor(r() * 8);
  for (let i = 0; i < steps; i++) {
    const k = Math.floor(r() * open.length);
    const s = open.splice(k, 1)[0] ?? 'feed';
    const roll = r();
    if (roll < 0.15) {
      const u = id('crusher');
      const o = id('s');
      units[u] = {
        kind: pick(r, ['jaw-crusher', 'cone-crusher']),
        in: { feed: s },
        out: { product: o },
        params: { css_mm: 2 + 60 * r() },
      };
      open.push(o);
    } else if (roll < 0.3) {
      const u = id('mill');
      const o = id('s');
      units[u] = {
        kind: 'ball-mill',
        in: { feed: s },
        out: { product: o },
        params: { product_p80_um: 0, s_tau_at_1mm: 5 * r() },
      };
      open.push(o);
    } else if (withRecycles && roll < 0.6) {
      // mixer → separator → splitter(recycle back to the mixer, rest out); the separator's other product leaves
      const m = id('sump');
      const sep = id('sep');
      const sp = id('split');
      const [feedS, back, mixed, o1, o2, out] = [
        s,
        id('recycle'),
        id('s'),
        id('s'),
        id('s'),
        id('s'),
      ];
      units[m] = { kind: 'mixer', in: { feed: feedS, back }, out: { product: mixed } };
      const d = separator(r);
      units[sep] = {
        kind: d.kind,
        in: { feed: mixed },
        out: { [d.outs[0]]: o1, [d.outs[1]]: o2 },
        params: d.params,
      };
      units[sp] = {
        kind: 'splitter',
        in: { feed: o1 },
        out: { a: back, b: out },
        params: { fraction_to_a: 0.85 * r() },
      };
      open.push(out, o2);
    } else {
      const u = id('sep');
      const d = separator(r);
      const [o1, o2] = [id('s'), id('s')];
      units[u] = {
        kind: d.kind,
        in: { feed: s },
        out: { [d.outs[0]]: o1, [d.outs[1]]: o2 },
        params: d.params,
      };
      open.push(o1, o2);
    }
  }
  // optionally a recycle that spans two earlier loops: merge two open streams in a mixer
  if (open.length >= 2 && r() < 0.5) {
    const a = open.shift() ?? '';
    const b = open.shift() ?? '';
    const o = id('s');
    units[id('merge')] = { kind: 'mixer', in: { a, b }, out: { product: o } };
    open.push(o);
  }
  for (const s of open)
    units[id('sink')] = {
      kind: pick(r, ['product', 'tailings', 'process-water']),
      in: { feed: s },
      out: {},
    };
  const minerals = ALL_MINERALS.filter(() => r() < 0.6);
  if (minerals.length === 0) minerals.push('chromite');
  if (!minerals.includes('chromite')) minerals.unshift('chromite');
  return {
    id: 'random',
    components: {
      minerals,
      sieve: { top_um: 100_000 * (0.2 + r()), ratio: Math.SQRT2, count: 10 + Math.floor(r() * 20) },
    },
    feeds: { feed: {} },
    units,
  };
}

describe('balance closure on random flowsheets (seeded)', () => {
  for (const withRecycles of [false, true]) {
    it(`closes every element, water and total mass ≤ 1e-9 (${withRecycles ? 'with' : 'without'} recycles)`, () => {
      let loops = 0;
      for (let seed = 1; seed <= 60; seed++) {
        const r = rngFor(seed * (withRecycles ? 7919 : 104729));
        const t = randomFlowsheet(r, withRecycles);
        const fs = compileFlowsheet(t);
        const wt: Record<string, number> = {};
        let sum = 0;
        for (const m of fs.model.minerals) sum += wt[m.id] = 0.01 + r();
        for (const k of Object.keys(wt)) wt[k] = ((wt[k] ?? 0) * 100) / sum;
        const last = fs.model.minerals[fs.model.minerals.length - 1]?.id ?? '';
        wt[last] =
          100 -
          Object.entries(wt)
            .filter(([k]) => k !== last)
            .reduce((a, [, v]) => a + v, 0);
        const feed = oreFeedStream(fs.model, {
          ore_t_per_h: 1 + 500 * r(),
          minerals_wt_pct: wt,
          moisture_wt_pct: 20 * r(),
          f80_mm: 0.05 + 80 * r(),
          rosin_rammler_n: 0.5 + 1.5 * r(),
        });
        const accelerator = r() < 0.5 ? 'wegstein' : 'anderson';
        const sol = solveFlowsheet(fs, { feed }, { settings: { accelerator } });
        loops += sol.tears.length;
        expect(sol.closure.max_rel, `seed ${seed} ${accelerator}`).toBeLessThanOrEqual(1e-9);
        const rep = balanceReport(fs, sol);
        for (const u of rep.units)
          for (const [k, v] of Object.entries(u.closure_rel))
            expect(v, `seed ${seed} unit ${u.id} ${k}`).toBeLessThanOrEqual(1e-9);
        // independent plant-wide check on raw component flows
        const nC = fs.model.nComp;
        const inn = new Float64Array(nC);
        const out = new Float64Array(nC);
        for (let c = 0; c < nC; c++) inn[c] = feed.flow[c] ?? 0;
        fs.units.forEach((u, i) => {
          inn[fs.model.water] =
            (inn[fs.model.water] ?? 0) + (sol.outputs[i]?.duties.water_added_kg_per_h ?? 0);
          if (u.kind.sink)
            for (const s of u.inlets)
              for (let c = 0; c < nC; c++) out[c] = (out[c] ?? 0) + (sol.streams[s]?.flow[c] ?? 0);
        });
        for (let c = 0; c < nC; c++) {
          const a = inn[c] ?? 0;
          const b = out[c] ?? 0;
          expect(
            Math.abs(a - b),
            `seed ${seed} component ${fs.model.names[c] ?? ''}`,
          ).toBeLessThanOrEqual(1e-9 * Math.max(a, b));
        }
      }
      if (withRecycles) expect(loops).toBeGreaterThan(20);
    });
  }
});
