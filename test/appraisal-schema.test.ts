// The appraisal JSON is described by schema/appraisal.schema.json (docs/cli.md): every reference
// appraisal validates against the schema, and the committed file is current.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraisalJsonSchema, appraisalSchema } from '../src/appraisal-schema.js';
import { appraise } from '../src/appraise.js';
import { loadScenario } from '../src/scenario/index.js';
import { ROOT } from './helpers/run-cli.js';

describe('appraisal JSON Schema', () => {
  it('schema/appraisal.schema.json is up to date (run `npm run schema`)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(`${ROOT}/schema/appraisal.schema.json`, 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(appraisalJsonSchema())));
  });

  it.each([
    'aktobe-raw-export.yaml',
    'aktobe-stage1.yaml',
    'aktobe-stage1-2.yaml',
    'kempirsai-concentrator.yaml',
  ])('%s: the JSON output validates (unknown keys rejected)', (file) => {
    const a = appraise(loadScenario(readFileSync(`${ROOT}/scenarios/${file}`, 'utf8'), file), {
      breakEvens: false,
    });
    const json: unknown = JSON.parse(JSON.stringify(a));
    const r = appraisalSchema.safeParse(json);
    expect(r.success, r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3))).toBe(true);
  });

  it('rejects an appraisal with a key the schema does not know', () => {
    const a = appraise(
      loadScenario(readFileSync(`${ROOT}/scenarios/aktobe-raw-export.yaml`, 'utf8'), 'x'),
      { breakEvens: false },
    );
    expect(appraisalSchema.safeParse({ ...JSON.parse(JSON.stringify(a)), extra: 1 }).success).toBe(
      false,
    );
  });
});
