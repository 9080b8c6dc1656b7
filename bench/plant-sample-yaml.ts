// Writes the stage 1 + 2 reference scenario with one plant input sampled (issue 19) as a YAML
// file, for the end-to-end measurement of `chromflow mc`:
//   npx tsx bench/plant-sample-yaml.ts moisture 200000 > aktobe-moisture.yaml
//   npm run build && node bin/chromflow.js mc aktobe-moisture.yaml --workers 1 --no-store --json
import { PLANT_SAMPLES, plantSampleYaml, type PlantSample } from '../test/helpers/plant-samples.js';

const [which = 'moisture', samples = '200000', seed = '1'] = process.argv.slice(2);
if (!(which in PLANT_SAMPLES))
  throw new Error(
    `sampled input: got "${which}", expected one of ${Object.keys(PLANT_SAMPLES).join(', ')}`,
  );
process.stdout.write(plantSampleYaml(which as PlantSample, Number(samples), Number(seed)));
