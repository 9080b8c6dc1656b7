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

  it('stage 1 with an off-gas power plant: its unit line with a calibration family validates', () => {
    // the power plant is priced by an item of the `power` family, whose line names its family
    const text = readFileSync(`${ROOT}/scenarios/aktobe-stage1.yaml`, 'utf8').replace(
      /^ {2}- id: smelter$/m,
      '  - id: smelter\n    power_plant: {}',
    );
    const a = appraise(loadScenario(text, 'power-plant'), { breakEvens: false });
    const units = a.stages[0]?.capex?.units ?? [];
    expect(units.map((u) => u.family)).toContain('power');
    const r = appraisalSchema.safeParse(JSON.parse(JSON.stringify(a)));
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
