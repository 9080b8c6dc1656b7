import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraisalOutputs } from '../../src/analysis/appraisal-outputs.js';
import { HEADLINE_OUTPUTS, headlineOutputs } from '../../src/analysis/headline-outputs.js';
import { monteCarloSpec } from '../../src/analysis/monte-carlo.js';
import { compileRun, runAll } from '../../src/uncertainty/index.js';
import { appraise, runPlant } from '../../src/appraise.js';
import {
  compileScenario,
  parameterIndices,
  resetParameters,
  setParameters,
} from '../../src/scenario/compile.js';
import { stageResults } from '../../src/stage-results.js';
import { PlantSolver } from '../../src/plant/plant-solver.js';
import { loadScenario } from '../../src/scenario/index.js';
import { seededUniform } from '../helpers/seeded.js';

const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * The reference appraisal without its two sections no headline output reads (what a stage's
 * budget buys on the other routes, the stage-timing option): ≈ 20 × cheaper, same headline numbers.
 */
const HEADLINE_SECTIONS = { breakEvens: false, byRoute: false, stageTimingOption: false } as const;

/** Inputs the economics read (the plant does not): markets, finance, impact, stage capex. */
function economicLeaf(path: string): boolean {
  return (
    path.startsWith('markets.') ||
    path.startsWith('finance.') ||
    path.startsWith('impact.') ||
    /^stages\.[^.]+\.(capex|opex)\./.test(path)
  );
}

describe('headline outputs (the sampling fast path)', () => {
  it('a Monte Carlo run of the reference uncertainty gives, sample by sample, the full appraisal', () => {
    // The spec reuses the solved plant and the stage results (only markets are sampled) and
    // computes the headline outputs from cash-flow columns; each sample is re-appraised here
    // from scratch (plant solved again) with the sampled inputs written into a fresh scenario.
    const text = readFileSync(`${ROOT}/scenarios/aktobe-stage1-2.yaml`, 'utf8');
    const spec = monteCarloSpec(loadScenario(text, 'x'), { samples: 12, seed: 5 });
    expect(spec.outputs).toEqual([...HEADLINE_OUTPUTS]);
    const result = runAll(compileRun(spec), 12, { keepInputs: true });
    const inputs = result.inputs ?? new Float64Array();
    expect(inputs.length).toBe(12 * result.inputNames.length);
    const fresh = loadScenario(text, 'y');
    // One solver for the 12 re-appraisals: its compiled flowsheets are reused, the plant is solved.
    const solver = new PlantSolver();
    const model = compileScenario(fresh);
    // Inputs are the scalar paths, then the price-path entries `price_paths.<series>[year]`
    // (multipliers of the deck by row), given to appraise as sampled paths.
    const names = result.inputNames;
    const scalar = names.filter((n) => !n.startsWith('price_paths.'));
    const idx = parameterIndices(model, scalar);
    const n = names.length;
    expect(names.length - scalar.length).toBe(4 * 25);
    for (let i = 0; i < 12; i++) {
      const row = inputs.subarray(i * n, (i + 1) * n);
      setParameters(model, idx, row.subarray(0, scalar.length));
      const paths = new Map<string, number[]>();
      names.forEach((name, k) => {
        const m = /^price_paths\.(.+)\[(\d+)\]$/.exec(name);
        if (!m) return;
        const list = paths.get(m[1]!) ?? [];
        list[Number(m[2]) - 1] = row[k]!;
        paths.set(m[1]!, list);
      });
      const ref = appraisalOutputs(
        appraise(fresh, { ...HEADLINE_SECTIONS, pricePaths: paths, solver }),
      );
      spec.outputs.forEach((name, k) => {
        expect(result.outputs[k]?.[i], name).toBe(ref.get(name) ?? Number.NaN);
      });
    }
  });

  for (const file of ['aktobe-stage1-2.yaml', 'aktobe-stage1.yaml', 'aktobe-raw-export.yaml']) {
    it(`equal the full appraisal's outputs bit for bit on random inputs: ${file}`, () => {
      const scenario = loadScenario(readFileSync(`${ROOT}/scenarios/${file}`, 'utf8'), file);
      const model = compileScenario(scenario);
      const runs = runPlant(scenario);
      const candidates = model.leaves
        .map((l, i) => ({ path: l.path, i }))
        .filter((l) => economicLeaf(l.path));
      expect(candidates.length).toBeGreaterThan(20);
      const u = seededUniform(file.length);
      const out = new Float64Array(HEADLINE_OUTPUTS.length);
      let compared = 0;
      for (let k = 0; k < 25; k++) {
        resetParameters(model);
        // Move six random economic inputs: fractions down to 80 %, others ±30 %.
        for (let j = 0; j < 6; j++) {
          const c = candidates[Math.floor(u() * candidates.length)];
          const leaf = c ? model.leaves[c.i] : undefined;
          if (!leaf) continue;
          const v = model.base[c?.i ?? 0] ?? 0;
          leaf.param.value = v * (Math.abs(v) <= 1 ? u(0.8, 1) : u(0.7, 1.3));
        }
        let ref: Map<string, number> | Error;
        try {
          ref = appraisalOutputs(
            appraise(model.scenario, { ...HEADLINE_SECTIONS, plantRuns: runs }),
          );
        } catch (e) {
          ref = e as Error;
        }
        if (ref instanceof Error) {
          expect(() => {
            headlineOutputs(
              model.scenario,
              stageResults(model.scenario, runs, { detail: false }).stages,
              HEADLINE_OUTPUTS,
              out,
            );
          }).toThrow(ref.message);
          continue;
        }
        headlineOutputs(
          model.scenario,
          stageResults(model.scenario, runs, { detail: false }).stages,
          HEADLINE_OUTPUTS,
          out,
        );
        HEADLINE_OUTPUTS.forEach((name, i) => {
          expect(out[i], name).toBe(ref.get(name) ?? Number.NaN);
        });
        compared++;
      }
      expect(compared).toBeGreaterThan(15);
    });
  }
});
