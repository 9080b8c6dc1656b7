// What the commercial basis reads (src/commercial-basis-inputs.ts): a Monte Carlo run keeps the
// base scenario's basis when its samples move none of those inputs, so an input the
// classifier calls unread must leave the basis unchanged. Checked on every numeric input of the
// reference scenarios: moved by +10 % (or +1 from zero), the prices of every product (at the
// analyses the appraisal prices them on), every feed contract and the tariff path stay equal.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commercialBasis } from '../../../src/commercial-basis.js';
import { commercialBasisReads } from '../../../src/commercial-basis-inputs.js';
import { projectStartYear } from '../../../src/econ/project/project-economics.js';
import { compileScenario, resetParameters } from '../../../src/scenario/compile.js';
import { loadScenario } from '../../../src/scenario/index.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import { ROOT } from '../../helpers/run-cli.js';

/** Everything a sample reads from the basis, as plain data. */
function basisFacts(s: Scenario, analyses: readonly Readonly<Record<string, number>>[]) {
  const b = commercialBasis(s, projectStartYear(s));
  return {
    start: b.start_year,
    rows: b.horizon_years,
    fx: b.kzt_per_usd,
    electricity: b.electricity,
    feeds: s.feeds.map((f) => b.feed(f.id)),
    products: s.markets.products.flatMap((p) =>
      analyses.map((a) => {
        try {
          return b.product(p.id, a);
        } catch (e) {
          return (e as Error).message;
        }
      }),
    ),
  };
}

describe('inputs the commercial basis reads', () => {
  it.each(['aktobe-stage1-2.yaml', 'aktobe-stage1.yaml', 'aktobe-raw-export.yaml'])(
    '%s: moving any input it calls unread leaves the basis equal',
    (file) => {
      const scenario = loadScenario(readFileSync(`${ROOT}/scenarios/${file}`, 'utf8'), file);
      const model = compileScenario(scenario);
      // the alloy of the smelter, the metal of the chromium stage, a concentrate, and none
      const analyses = [
        { Cr: 70.76, Fe: 21.28, C: 7, Si: 0.96 },
        { Cr: 99.49, Fe: 0.19, Al: 0.29, Si: 0.04 },
        { Cr2O3: 48.5, FeO: 12, SiO2: 4.5, MgO: 19, Al2O3: 11, CaO: 0.5 },
        {},
      ];
      const base = basisFacts(scenario, analyses);
      let unread = 0;
      model.leaves.forEach((leaf, i) => {
        if (commercialBasisReads(leaf.path)) return;
        unread++;
        resetParameters(model);
        const v = model.base[i] ?? 0;
        leaf.param.value = v === 0 ? 1 : v * 1.1;
        expect(basisFacts(scenario, analyses), leaf.path).toEqual(base);
      });
      resetParameters(model);
      // not vacuous: the process inputs (moisture, furnace parameters) are among the unread
      expect(unread).toBeGreaterThan(10);
      expect(commercialBasisReads('feeds.kempirsai-concentrate.moisture_wt_pct')).toBe(false);
      expect(commercialBasisReads('feeds.kempirsai-concentrate.composition_wt_pct.Cr2O3')).toBe(
        true,
      );
      expect(commercialBasisReads('markets.fx.rmb_per_usd')).toBe(true);
      expect(commercialBasisReads('stages.smelter.capacity_t_per_year')).toBe(true);
    },
  );

  it('an input it reads does move the basis (the check above can fail)', () => {
    const text = readFileSync(`${ROOT}/scenarios/aktobe-stage1-2.yaml`, 'utf8');
    const scenario = loadScenario(text, 'x');
    const model = compileScenario(scenario);
    const facts = () => basisFacts(scenario, [{ Cr: 70 }]);
    const base = facts();
    const i = model.index.get('markets.fx.kzt_per_usd') ?? -1;
    const leaf = model.leaves[i];
    expect(leaf).toBeDefined();
    if (leaf) leaf.param.value *= 1.1;
    expect(facts()).not.toEqual(base);
  });
});
