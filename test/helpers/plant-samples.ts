/**
 * The stage 1 + 2 reference scenario with an uncertainty section that moves the plant, for the
 * tests and benchmarks of the plant re-solve (issue 19): the concentrate's free moisture, its
 * Cr2O3 grade, or the smelter's slag Cr2O3 target sampled alone.
 */
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/index.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { withoutUncertainty } from './without-uncertainty.js';

export type PlantSample = 'moisture' | 'grade' | 'slag-target';

/** The sampled input of each case: path and uniform range [its unit]. */
export const PLANT_SAMPLES: Readonly<
  Record<PlantSample, { path: string; min: number; max: number }>
> = {
  // the Done-when case of issue 19: free moisture 2–8 wt%
  moisture: { path: 'feeds.kempirsai-concentrate.moisture_wt_pct', min: 2, max: 8 },
  // the analysis must sum to 100 ± 0.5 wt% (48.5 % nominal, the rest fixed)
  grade: { path: 'feeds.kempirsai-concentrate.composition_wt_pct.Cr2O3', min: 48.1, max: 48.9 },
  'slag-target': {
    path: 'stages.smelter.flowsheet.overrides.furnace.slag_Cr2O3_wt_pct',
    min: 4,
    max: 8,
  },
};

/**
 * The text of aktobe-stage1-2.yaml with `uncertainty` sampling one plant input (also written to
 * a file by bench/plant-sample-yaml.ts for the end-to-end `chromflow mc` measurement).
 * @param samples - uncertainty.samples [–]
 */
export function plantSampleYaml(which: PlantSample, samples = 1000, seed = 1): string {
  const file = new URL('../../scenarios/aktobe-stage1-2.yaml', import.meta.url);
  let text = readFileSync(file, 'utf8');
  const { path, min, max } = PLANT_SAMPLES[which];
  if (which === 'slag-target')
    text = text.replace(
      'inputs: { chromite: "feed:kempirsai-concentrate" }',
      'inputs: { chromite: "feed:kempirsai-concentrate" }\n      overrides:\n        furnace.slag_Cr2O3_wt_pct: { value: 6, source: "data/pyro/fecr.json (DC default)" }',
    );
  const head = withoutUncertainty(text);
  const uncertainty = [
    'uncertainty:',
    '  method: lhs',
    `  samples: ${samples}`,
    `  seed: ${seed}`,
    '  parameters:',
    `    - path: ${path}`,
    `      distribution: { type: uniform, min: ${min}, max: ${max} }`,
    '',
  ].join('\n');
  return head + uncertainty;
}

/**
 * aktobe-stage1-2.yaml with `uncertainty` sampling one plant input.
 * @param samples - uncertainty.samples [–]
 */
export function plantSampleScenario(which: PlantSample, samples = 1000, seed = 1): Scenario {
  return loadScenario(plantSampleYaml(which, samples, seed), `aktobe-stage1-2 (${which} sampled)`);
}
