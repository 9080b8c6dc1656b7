import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/index.js';
import { ROOT } from '../helpers/run-cli.js';

describe('schema/scenario.schema.json', () => {
  it('is up to date with the schema in code (run `npm run schema` after changing it)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(`${ROOT}/schema/scenario.schema.json`, 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
  it('forbids unknown keys and documents units in descriptions', () => {
    const text = JSON.stringify(scenarioJsonSchema());
    expect(text).toContain('"additionalProperties":false');
    expect(text).toContain('[t/year]');
    expect(text).toContain('[KZT/kWh]');
  });
});
