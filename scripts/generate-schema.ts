// Writes schema/scenario.schema.json from the scenario schema in code (npm run schema).
// test/scenario/json-schema.test.ts fails when the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/scenario/json-schema.js';

const target = new URL('../schema/scenario.schema.json', import.meta.url);
writeFileSync(target, JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
console.log(`wrote ${target.pathname}`);
