// Which stages a sampled input can move (src/plant/stage-dependencies.ts), and a PlantSolver that
// keeps the other stages' runs gives the plant a full re-solve gives (issue 19).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlantSolver } from '../../src/plant/plant-solver.js';
import { STAGE_RUN_FIELDS, stagesMovedBy } from '../../src/plant/stage-dependencies.js';
import { compileScenario, parameterIndices, setParameters } from '../../src/scenario/compile.js';
import { loadScenario } from '../../src/scenario/index.js';
import { ROOT } from '../helpers/run-cli.js';

const text = readFileSync(`${ROOT}/scenarios/aktobe-stage1-2.yaml`, 'utf8');
const electrolytic = text.replace('template: cr-aluminothermic', 'template: cr-electrolytic');

describe('stagesMovedBy', () => {
  const sc = loadScenario(text, 'x');
  const moved = (...paths: string[]) => [...stagesMovedBy(sc, paths)].sort();
  it('markets, finance and site move no stage run', () => {
    expect(
      moved(
        'markets.products.hc-ferrochrome.price_rmb_per_t_50pct_cr_vat_incl',
        'finance.financing.debt_share',
        'site.base_year',
      ),
    ).toEqual([]);
  });
  it("a stage's own section moves it; a feed field moves the stages that read it", () => {
    expect(moved('stages.chromium.capacity_t_per_year')).toEqual(['chromium']);
    // the chromate route does not read the free moisture; the smelter does
    expect(moved('feeds.kempirsai-concentrate.moisture_wt_pct')).toEqual(['smelter']);
    expect(moved('feeds.kempirsai-concentrate.composition_wt_pct.Cr2O3')).toEqual([
      'chromium',
      'smelter',
    ]);
    // the price of the feed is read by no runner
    expect(moved('feeds.kempirsai-concentrate.price_usd_per_t')).toEqual([]);
  });
  it("the parts of a stage's section its flowsheet does not read (capex, opex, calendar) move no run", () => {
    expect(
      moved(
        'stages.smelter.capex.factor',
        'stages.chromium.capex.contingency_pct',
        'stages.chromium.opex.maintenance_pct_of_capex',
        'stages.smelter.ramp_up.0',
        'stages.smelter.capex_budget_usd',
      ),
    ).toEqual([]);
    expect(moved('stages.smelter.availability', 'stages.chromium.capex.factor')).toEqual([
      'smelter',
    ]);
  });
  it('a stage fed by a moved stage moves with it', () => {
    const e = loadScenario(electrolytic, 'x');
    expect([...stagesMovedBy(e, ['feeds.kempirsai-concentrate.moisture_wt_pct'])].sort()).toEqual([
      'chromium',
      'smelter',
    ]);
  });
});

/** The stage 1 + 2 plant solved once, and a setter of the concentrate's moisture. */
function moistureRun() {
  const sc = loadScenario(text, 'x');
  const model = compileScenario(sc);
  const path = 'feeds.kempirsai-concentrate.moisture_wt_pct';
  const [index = -1] = parameterIndices(model, [path]);
  const solver = new PlantSolver();
  const base = solver.runPlant(model.scenario);
  const keep = new Map([...base].filter(([id]) => !stagesMovedBy(sc, [path]).has(id)));
  const values = new Float64Array(model.base);
  const setMoisture = (wt_pct: number) => {
    values[index] = wt_pct;
    setParameters(model, Int32Array.from(values.keys()), values);
  };
  return { model, solver, base, keep, setMoisture };
}

describe('STAGE_RUN_FIELDS', () => {
  it("is every field of a stage's section that its run reads: changing any other leaves the runs as they were", () => {
    const sc = loadScenario(text, 'x');
    const model = compileScenario(sc);
    const solver = new PlantSolver();
    const fingerprint = (runs: ReadonlyMap<string, unknown>) =>
      JSON.stringify(
        [...runs].map(([id, run]) => {
          const r = run as {
            kpis: unknown;
            products: unknown;
            consumptions: unknown;
            design: unknown;
          };
          return [id, r.kpis, r.products, r.consumptions, r.design];
        }),
      );
    const base = fingerprint(solver.runPlant(model.scenario));
    const paths = model.leaves.map((l) => l.path).filter((p) => p.startsWith('stages.'));
    const isRunField = (p: string) => STAGE_RUN_FIELDS.includes(p.split('.')[2] ?? '');
    const others = paths.filter((p) => !isRunField(p));
    // the reference scenario samples the capex factors; it also has contingency, opex, ramp-up
    expect(others).toContain('stages.smelter.capex.factor');
    expect(others.length).toBeGreaterThan(10);
    for (const path of [...others, ...paths.filter(isRunField)]) {
      const idx = parameterIndices(model, [path]);
      const value = model.base[idx[0] ?? -1] ?? NaN;
      // 0.9 ×: within every range (ramp-up ≤ 1, availability ≤ 1, capex factor > 0)
      setParameters(model, idx, Float64Array.of(value * 0.9));
      const changed = fingerprint(solver.runPlant(model.scenario)) !== base;
      setParameters(model, idx, Float64Array.of(value));
      expect(changed, path).toBe(isRunField(path));
    }
  });
});

describe('PlantSolver', () => {
  it('keeping the unmoved stages gives the runs of a full re-solve', () => {
    const { model, solver, base, keep, setMoisture } = moistureRun();
    setMoisture(7.5);
    const kept = solver.runPlant(model.scenario, keep);
    const full = new PlantSolver().runPlant(model.scenario);
    expect(kept.get('chromium')).toBe(base.get('chromium'));
    expect(kept.get('smelter')).not.toBe(base.get('smelter'));
    for (const id of ['smelter', 'chromium'])
      expect(JSON.stringify(kept.get(id)?.kpis)).toBe(JSON.stringify(full.get(id)?.kpis));
  });

  it("a sample's runs reuse one solution per stage, give a new solution's results and start nothing", () => {
    const { model, solver, base, keep, setMoisture } = moistureRun();
    const solutionOf = (run: unknown) => (run as { solution?: unknown }).solution;
    const summary = (run: unknown) => {
      const r = run as { kpis: unknown; products: unknown; consumptions: unknown; design: unknown };
      return JSON.stringify([r.kpis, r.products, r.consumptions, r.design]);
    };
    let previous: unknown;
    for (const moisture of [7.5, 3, 7.5]) {
      setMoisture(moisture);
      const sample = solver.runSample(model.scenario, keep, base);
      // the same solve into a new solution (runPlant never passes a slot)
      const fresh = solver.runPlant(model.scenario, keep, base);
      const smelter = sample.get('smelter');
      expect(sample.get('chromium')).toBe(base.get('chromium'));
      // the base run is never the slot's; every sample writes the same solution
      expect(solutionOf(smelter)).not.toBe(solutionOf(base.get('smelter')));
      if (previous !== undefined) expect(solutionOf(smelter)).toBe(previous);
      previous = solutionOf(smelter);
      expect(summary(smelter)).toBe(summary(fresh.get('smelter')));
      // a sample's run cannot be kept or start another sample: its solution is overwritten
      expect(() => solver.runSample(model.scenario, keep, sample)).toThrow(/runSample/);
      expect(() => solver.runSample(model.scenario, sample)).toThrow(/runSample/);
    }
  });

  it('a sample without detail leaves out the alloy quality and the energy balances, nothing else', () => {
    const { model, solver, base, keep, setMoisture } = moistureRun();
    setMoisture(6);
    const full = solver.runPlant(model.scenario, keep, base).get('smelter');
    const lean = solver.runSample(model.scenario, keep, base, false).get('smelter');
    if (!full || !lean) throw new Error('no smelter run');
    expect(lean.product_grade).toBeUndefined();
    expect(lean.sulphur_to_air_kg_per_h).toBeUndefined();
    expect(lean.energy).toEqual([]);
    expect(lean.report_checks).toBeUndefined();
    expect(full.report_checks).toBeDefined();
    expect(full.product_grade).toBeDefined();
    expect(full.energy.length).toBeGreaterThan(0);
    // every other figure is the full run's; the KPIs less the alloy quality's six
    const quality = ['alloy_s_wt_pct', 'alloy_p_wt_pct', 'alloy_ti_wt_pct', 'alloy_in_grade'];
    const kpis = Object.entries(full.kpis).filter(
      ([k]) => !quality.includes(k) && k !== 'slag_s_kg_per_t' && k !== 'offgas_s_kg_per_t',
    );
    expect(Object.entries(lean.kpis)).toEqual(kpis);
    const figures = (r: typeof full) =>
      JSON.stringify([r.products, r.consumptions, r.byproducts, r.design]);
    expect(figures(lean)).toBe(figures(full));
  });
});
