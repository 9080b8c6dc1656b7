// The paths a commercial basis shares between the opex lines and Monte Carlo samples that read
// them (src/commercial-basis.ts): built once, equal to computing them afresh, read-only.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commercialBasis } from '../../../src/commercial-basis.js';
import { costPathByRow, realCostIndexByRow } from '../../../src/econ/project/money-paths.js';
import { projectStartYear } from '../../../src/econ/project/project-economics.js';
import { loadScenario } from '../../../src/scenario/index.js';
import { ROOT } from '../../helpers/run-cli.js';

const FILE = `${ROOT}/scenarios/aktobe-stage1-2.yaml`;
const scenario = loadScenario(readFileSync(FILE, 'utf8'), FILE);
const start = projectStartYear(scenario);

describe('commercial basis: shared paths', () => {
  it('an escalated cost path is price × the real index, entry by entry, once per rate, year and price', () => {
    const b = commercialBasis(scenario, start);
    const path = b.money.costPathByRow(2, 2026, 150);
    const index = realCostIndexByRow(2, 2026, start, b.horizon_years);
    expect([...path]).toEqual([...index].map((x) => x * 150));
    expect(path).toEqual(costPathByRow(index, 150));
    expect(b.money.costPathByRow(2, 2026, 150)).toBe(path);
    expect(b.money.costPathByRow(2, 2026, 151)).not.toBe(path);
  });

  it('a path of the basis has one plain copy, which leads back to the typed path', () => {
    const b = commercialBasis(scenario, start);
    const tariff = b.electricity.usd_per_mwh_by_row;
    const plain = b.plainRows(tariff);
    expect(Array.isArray(plain)).toBe(true);
    expect(plain).toEqual([...tariff]);
    expect(b.plainRows(tariff)).toBe(plain);
    expect(b.typedRows(plain)).toBe(tariff);
    // any other array is not the basis's
    expect(b.typedRows([...plain])).toBeUndefined();
  });
});
