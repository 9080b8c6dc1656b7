// Capex from unit design in the appraisal (issue 13 "Done when"): the stage-1 smelter priced from
// its units under china-epc within its USD 150 M budget, the western class more than double; the
// four smelting routes priced differently (pre-reduced and Outokumpu above SAF and DC); the
// budget inverted by scaling the design, checked by solving the plant at that capacity.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraise, runPlant } from '../../../src/appraise.js';
import { monteCarloSpec } from '../../../src/analysis/monte-carlo.js';
import { stageCapex } from '../../../src/econ/capex/index.js';
import { compileRun } from '../../../src/uncertainty/runner/compile.js';
import { tornadoForRun } from '../../../src/uncertainty/sensitivity/tornado.js';
import { parseScenario } from '../../../src/scenario/index.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import { ROOT } from '../../helpers/run-cli.js';

function load(file: string, edit: (t: string) => string = (t) => t): Scenario {
  const r = parseScenario(edit(readFileSync(`${ROOT}/scenarios/${file}`, 'utf8')), file);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.scenario;
}

describe('stage capex from unit design', () => {
  const s1 = load('aktobe-stage1.yaml');
  const a = appraise(s1);
  const st = a.stages[0]!;
  const c = st.capex!;

  it('prices the stage-1 smelter from its units under china-epc, within the USD 150 M budget, unit by unit', () => {
    expect(c.reference_class).toBe('china-epc');
    expect(c.calibrated).toBe(true);
    expect(st.capex_usd!).toBeLessThan(150e6);
    expect(c.budget?.within_budget).toBe(true);
    expect(c.units.map((u) => u.unit_id)).toEqual(['dc-furnace']);
    const parts =
      c.units.reduce((x, u) => x + u.installed_usd, 0) +
      c.osbl_usd +
      c.indirect_usd +
      c.owners_cost_usd +
      c.contingency_usd;
    expect(parts / st.capex_usd!).toBeCloseTo(1, 9);
    expect(a.sources.some((x) => x.path === 'model.stages.smelter.capex.items.furnace-line')).toBe(
      true,
    );
    expect(a.sources.some((x) => x.path === 'model.stages.smelter.capex.calibration_factor')).toBe(
      true,
    );
  });

  it('more than doubles when the class is switched to western by one key', () => {
    const w = appraise(
      load('aktobe-stage1.yaml', (t) =>
        t.replace('reference_class: china-epc', 'reference_class: western'),
      ),
      { byRoute: false },
    );
    expect(w.stages[0]!.capex!.reference_class).toBe('western');
    expect(w.stages[0]!.capex_usd!).toBeGreaterThan(2 * st.capex_usd!);
  });

  it('gives the four routes four capex figures at equal capacity, pre-reduced and Outokumpu above SAF and DC, in both classes', () => {
    const rows = c.by_route!;
    for (const cls of ['china-epc', 'western']) {
      const capex = (t: string) =>
        rows.find((r) => r.template === t && r.reference_class === cls)!.capex_usd;
      const all = ['fecr-saf', 'fecr-dc', 'fecr-outokumpu', 'fecr-prereduced'].map(capex);
      expect(new Set(all.map((x) => x.toPrecision(6))).size, cls).toBe(4);
      for (const hi of ['fecr-outokumpu', 'fecr-prereduced'])
        for (const lo of ['fecr-saf', 'fecr-dc'])
          expect(capex(hi), `${cls} ${hi} > ${lo}`).toBeGreaterThan(capex(lo));
    }
  });

  it('inverts the budget by scaling the design: the plant solved at that capacity costs the budget', () => {
    const b = c.budget!;
    expect(b.capacity_p10_t_per_year).toBeLessThan(b.capacity_within_budget_t_per_year);
    expect(b.capacity_p90_t_per_year).toBeGreaterThan(b.capacity_within_budget_t_per_year);
    // western (the budget binds near the stage's capacity): re-solve the plant at the capacity found
    const w = load('aktobe-stage1.yaml', (t) =>
      t.replace('reference_class: china-epc', 'reference_class: western'),
    );
    const run = runPlant(w).get('smelter')!;
    const cw = stageCapex(
      w.stages[0]!,
      'fecr-dc',
      run,
      w.site.base_year,
      w.markets.fx.rmb_per_usd.value,
    );
    if ('missing' in cw) throw new Error(cw.missing);
    const q = cw.budget!.capacity_within_budget_t_per_year;
    const at = structuredClone(w);
    at.stages[0]!.capacity_t_per_year.value = q;
    const runQ = runPlant(at).get('smelter')!;
    const cq = stageCapex(
      at.stages[0]!,
      'fecr-dc',
      runQ,
      w.site.base_year,
      w.markets.fx.rmb_per_usd.value,
      { detail: false },
    );
    if ('missing' in cq) throw new Error(cq.missing);
    expect(cq.total_usd / 150e6).toBeCloseTo(1, 6);
  });

  it('samples the capex factor over the AACE class range in the reference scenarios, and the tornado lists it', () => {
    for (const f of ['aktobe-stage1.yaml', 'aktobe-stage1-2.yaml']) {
      const sc = load(f);
      expect(
        sc.uncertainty?.parameters.some(
          (p) =>
            p.path === 'stages.smelter.capex.factor' && p.distribution.type === 'aace-accuracy',
        ),
      ).toBe(true);
    }
    const spec = monteCarloSpec(s1, { outputs: ['metrics.npv_usd'] });
    const p = spec.parameters.find((x) => x.name === 'stages.smelter.capex.factor')!;
    // AACE class 5: −50 % / +100 % as P10 / P90 of a lognormal
    expect(p.distribution).toMatchObject({ kind: 'lognormal' });
    const d = p.distribution as { muLog: number; sigmaLog: number };
    expect(Math.exp(d.muLog - 1.2815515655446004 * d.sigmaLog)).toBeCloseTo(0.5, 12);
    expect(Math.exp(d.muLog + 1.2815515655446004 * d.sigmaLog)).toBeCloseTo(2, 12);
    const t = tornadoForRun(compileRun(spec));
    const capex = t.entries.find((e) => e.name === 'stages.smelter.capex.factor')!;
    // a dearer plant (P90 of the factor) has the lower NPV
    expect((capex.outputHigh[0] ?? 0) - (capex.outputLow[0] ?? 0)).toBeLessThan(0);
  });

  it('flags a family that no reference plant calibrates (chromium metal), never hides it', () => {
    const ch = appraise(load('aktobe-stage1-2.yaml'), { byRoute: false });
    const stage2 = ch.stages[1]!;
    expect(stage2.capex?.calibrated).toBe(false);
    expect(stage2.warnings.join()).toMatch(/uncalibrated/);
  });
});
