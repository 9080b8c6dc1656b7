import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraisalOutputs } from '../../src/analysis/appraisal-outputs.js';
import { HEADLINE_OUTPUTS, headlineOutputs } from '../../src/analysis/headline-outputs.js';
import { appraise, runPlant } from '../../src/appraise.js';
import { compileScenario, resetParameters } from '../../src/scenario/compile.js';
import { loadScenario } from '../../src/scenario/index.js';
import { seededUniform } from '../helpers/seeded.js';

const ROOT = new URL('../..', import.meta.url).pathname;

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
          ref = appraisalOutputs(appraise(model.scenario, { breakEvens: false, plantRuns: runs }));
        } catch (e) {
          ref = e as Error;
        }
        if (ref instanceof Error) {
          expect(() => {
            headlineOutputs(model.scenario, runs, HEADLINE_OUTPUTS, out);
          }).toThrow(ref.message);
          continue;
        }
        headlineOutputs(model.scenario, runs, HEADLINE_OUTPUTS, out);
        HEADLINE_OUTPUTS.forEach((name, i) => {
          expect(out[i], name).toBe(ref.get(name) ?? Number.NaN);
        });
        compared++;
      }
      expect(compared).toBeGreaterThan(15);
    });
  }
});
