// Fits the capex calibration factors on the reference plants and writes
// data/capex/calibration.json (run after changing a cost class, a reference plant or a unit's
// design): `npx tsx scripts/calibrate-capex.ts`. test/econ/capex/calibration.test.ts checks that
// the stored file equals a fresh fit.
import { writeFileSync } from 'node:fs';
import { calibrateCapex } from '../src/analysis/capex-calibration.js';

const families = calibrateCapex();
const out = {
  description:
    'Calibration factors of the capex reference classes per plant family, fitted by scripts/calibrate-capex.ts on data/capex/reference-plants.json (geometric mean of normalised reference cost / model cost over the references with use "calibration"); every reference with its residual reference / (k · model) − 1. Costs in the class currency of each reference\'s cost year.',
  families,
};
writeFileSync(
  new URL('../data/capex/calibration.json', import.meta.url),
  `${JSON.stringify(out, null, 2)}\n`,
);
for (const [key, f] of Object.entries(families)) {
  console.log(`${key}: k = ${f.factor.toFixed(4)}`);
  for (const p of f.points)
    console.log(
      `  ${p.reference_id.padEnd(26)} ${p.use.padEnd(11)} ref ${(p.reference_cost / 1e6).toFixed(1).padStart(9)} M  model ${(p.model_cost / 1e6).toFixed(1).padStart(9)} M  residual ${(100 * p.residual).toFixed(1)} %`,
    );
}
