import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraise } from '../../src/appraise.js';
import {
  compileScenario,
  currentParameters,
  loadScenario,
  parameterIndices,
  resetParameters,
  setParameters,
  setParametersAt,
} from '../../src/scenario/index.js';
import { ROOT } from '../helpers/run-cli.js';

const load = () => loadScenario(readFileSync(`${ROOT}/scenarios/aktobe-stage1.yaml`, 'utf8'), 'x');

describe('compiled scenario', () => {
  it('indexes every numeric input by its stable path', () => {
    const m = compileScenario(load());
    expect(m.leaves.length).toBe(m.base.length);
    expect(m.base[m.index.get('stages.smelter.capacity_t_per_year')!]).toBe(80000);
  });

  it('setting a parameter changes what appraise sees, and reset restores it', () => {
    const m = compileScenario(load());
    const ix = parameterIndices(m, [
      'stages.smelter.capacity_t_per_year',
      'feeds.kempirsai-concentrate.supply_t_per_year',
      'feeds.kempirsai-concentrate.supplier.production_t_per_year',
    ]);
    const before = appraise(m.scenario).stages[0]!.capex_usd!;
    // Twice the capacity needs twice the concentrate: the contract and the mine follow.
    setParameters(m, ix, [160000, 380000, 380000]);
    const after = appraise(m.scenario).stages[0]!.capex_usd!;
    // Twice the capacity is two furnaces of the same size (the DC furnace line is limited to
    // 80 MVA; 80 kt/yr needs ~46 MVA): every cost item doubles, and so does capex.
    expect(after / before).toBeCloseTo(2, 9);
    resetParameters(m);
    expect(currentParameters(m)).toEqual(m.base);
    expect(appraise(m.scenario).stages[0]!.capex_usd).toBe(before);
  });

  it('setParametersAt writes the listed entries of a full vector and leaves the others', () => {
    const m = compileScenario(load());
    const ix = parameterIndices(m, ['stages.smelter.capacity_t_per_year']);
    const vector = Float64Array.from(m.base, () => -1);
    const i = ix[0] ?? -1;
    vector[i] = 90000;
    setParametersAt(m, ix, vector);
    const now = currentParameters(m);
    expect(now[i]).toBe(90000);
    now[i] = m.base[i] ?? NaN;
    expect(now).toEqual(m.base);
  });

  it('rejects an unknown path with a suggestion', () => {
    const m = compileScenario(load());
    expect(() => parameterIndices(m, ['markets.electricity.tarif_kzt_per_kwh'])).toThrow(
      /did you mean "markets\.electricity\.tariff_kzt_per_kwh"/,
    );
  });
});
