// The chromium stages' reagent make-up (issue 19 item 2): every reagent sized by the unit that
// demands it within one pass of the flowsheet (FeedSpecification), scaled to the nameplate rate
// by homogeneity — the same plant as the Wegstein passes it replaced
// (test/reference/nested-solve/chromium-makeup.ts), with the demands met exactly.
import { describe, expect, it } from 'vitest';
import feeds from '../../../data/process/chromium/reference-feeds.json' with { type: 'json' };
import { runChromiumStage } from '../../../src/process/chromium/run.js';
import { CHROMIUM_TEMPLATES } from '../../../src/process/chromium/templates.js';
import { FlowsheetCache } from '../../../src/process/flowsheet/flowsheet-cache.js';
import { wegsteinMakeup } from '../../reference/nested-solve/chromium-makeup.js';
import { seededUniform } from '../../helpers/seeded.js';

const rel = (a: number, b: number): number =>
  a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
const CHROMITE = { oxides_wt_pct: feeds.chromite_concentrate.oxides_wt_pct.value };
const ALLOY = { alloy_wt_pct: { Cr: 68, Fe: 23.5, C: 7, Si: 1.5 } };

describe('chromium reagent make-up', () => {
  it.each([
    ['cr-aluminothermic', CHROMITE],
    ['cr-electrolytic', ALLOY],
  ] as const)(
    '%s: feeds equal demands, two flowsheet solves, same plant as the Wegstein passes',
    (template, feed) => {
      const u = seededUniform(template.length);
      const flowsheets = new FlowsheetCache();
      for (let k = 0; k < 3; k++) {
        const input = { feed, capacity_t_per_year: u(2000, 20000), availability: u(0.8, 0.95) };
        const a = runChromiumStage(template, input, { flowsheets });
        const b = runChromiumStage(template, input, { flowsheets, chromiumMakeup: wegsteinMakeup });
        expect(a.reagent_passes).toBe(2);
        expect(b.reagent_passes).toBeGreaterThan(2);
        // each demanded reagent is fed exactly what its unit demands (the old loop: to 1e-9)
        for (const [id, r] of Object.entries(CHROMIUM_TEMPLATES[template].reagents)) {
          if (r.unit === undefined || r.demand === undefined) continue;
          const i = a.flowsheet.unitIndex.get(r.unit) ?? -1;
          const demand = Math.max(0, a.solution.outputs[i]?.diagnostics[r.demand] ?? NaN);
          const s = a.solution.streams[a.flowsheet.streamIndex.get(id) ?? -1];
          const fed = [...(s?.flow ?? [])].reduce((x, y) => x + y, 0);
          expect(rel(fed, demand), id).toBeLessThan(1e-12);
        }
        expect(a.balance.max_closure_rel).toBeLessThan(1e-9);
        expect(rel(a.products[0]!.t_per_h, b.products[0]!.t_per_h)).toBeLessThan(1e-9);
        for (const c of a.consumptions) {
          const o = b.consumptions.find((x) => x.id === c.id);
          expect(o, c.id).toBeDefined();
          expect(rel(c.per_h, o!.per_h), c.id).toBeLessThan(1e-6);
        }
        for (const [key, v] of Object.entries(a.kpis))
          if (Number.isFinite(v)) expect(rel(v, b.kpis[key]!), key).toBeLessThan(1e-6);
      }
    },
  );
});
