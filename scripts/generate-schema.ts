// Writes schema/scenario.schema.json and schema/appraisal.schema.json from the schemas in code
// (npm run schema). Tests fail when a committed file is out of date.
import { writeFileSync } from 'node:fs';
import { appraisalJsonSchema } from '../src/appraisal-schema.js';
import { scenarioJsonSchema } from '../src/scenario/json-schema.js';

for (const [name, schema] of [
  ['scenario', scenarioJsonSchema()],
  ['appraisal', appraisalJsonSchema()],
] as const) {
  const target = new URL(`../schema/${name}.schema.json`, import.meta.url);
  writeFileSync(target, JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote ${target.pathname}`);
}
