// The capex KPI card names each stage's reference cost class and whether the class is
// calibrated on reference plants of the stage's family (web/src/capex-classes.ts, under the card in components/Kpis.tsx).
import { describe, expect, it } from 'vitest';
import { capexClassLines } from '../../web/src/capex-classes.js';
import { makeI18n } from '../../web/src/i18n.js';
import { referenceAppraisal } from './fixture.js';

const a = referenceAppraisal();

describe('capex card basis', () => {
  it('one line per stage with an estimate, from the appraisal’s class and calibration', () => {
    const basis = capexClassLines(a.stages, makeI18n('en'));
    expect(basis).toHaveLength(a.stages.filter((s) => s.capex !== null).length);
    for (const [k, s] of a.stages.filter((x) => x.capex !== null).entries()) {
      const cls = s.capex!.reference_class === 'western' ? 'Western' : 'Chinese EPC';
      const cal = s.capex!.calibrated ? 'calibrated on reference plants' : 'not calibrated';
      expect(basis[k]).toContain(`${s.id}: ${cls} class, ${cal}`);
    }
    const ru = capexClassLines(a.stages, makeI18n('ru'));
    expect(ru[0]).toMatch(/^smelter: класс «(Китайский EPC-подрядчик|Западный)», /);
  });
});
