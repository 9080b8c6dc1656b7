import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPlant } from '../src/appraise.js';
import { loadScenario } from '../src/scenario/index.js';
import { stageResults } from '../src/stage-results.js';

const ROOT = new URL('..', import.meta.url).pathname;
const scenario = (name: string) =>
  loadScenario(readFileSync(`${ROOT}scenarios/${name}.yaml`, 'utf8'), name);

/** Keys a solved stage adds after those every stage result has. */
const SOLVED_EXTRAS = ['product_grade', 'slag_liquidus'];

describe('stage results', () => {
  // A solved stage's result is one object literal (fast for V8) whose keys must follow the
  // stage's base result, which the raw-export stage copies as it is: the appraisal's JSON keeps
  // one key order whatever the template.
  it("a solved stage's result lists the keys of every stage result in the same order", () => {
    const raw = scenario('aktobe-raw-export');
    const baseKeys = Object.keys(stageResults(raw, runPlant(raw)).stages[0] ?? {});
    const s = scenario('aktobe-stage1-2');
    const runs = runPlant(s);
    for (const detail of [true, false])
      for (const st of stageResults(s, runs, { detail }).stages) {
        const keys = Object.keys(st);
        expect(keys.filter((k) => !SOLVED_EXTRAS.includes(k))).toEqual(baseKeys);
        expect(keys.slice(baseKeys.length)).toEqual(SOLVED_EXTRAS.filter((k) => keys.includes(k)));
      }
  });

  it('without detail, a stage keeps its run’s KPIs and leaves out the report-only ones', () => {
    const s = scenario('aktobe-stage1');
    const runs = runPlant(s);
    const lean = stageResults(s, runs, { detail: false }).stages[0];
    const full = stageResults(s, runs).stages[0];
    expect(lean?.kpis).toBe(runs.get('smelter')?.kpis);
    expect(full?.kpis.capex_usd_per_t_capacity).toBeGreaterThan(0);
    expect(full?.kpis.slag_viscosity_Pa_s).toBeGreaterThan(0);
    expect(lean?.kpis.slag_viscosity_Pa_s).toBeUndefined();
    for (const [k, v] of Object.entries(lean?.kpis ?? {})) expect(full?.kpis[k]).toBe(v);
  });
});
