// The stage table's product quality (web/src/stage-quality.ts): the reference smelter's grade
// with its standard, the S, P, Ti of each product with units, and an out-of-specification alloy
// explained by the limit it misses — in English, Russian and Kazakh, with no English word in the
// Russian and Kazakh text.
import { describe, expect, it } from 'vitest';
import type { StageResult } from '../../src/appraisal.js';
import { gradeAlloy } from '../../src/process/pyro/fecr-grade.js';
import { makeI18n } from '../../web/src/i18n.js';
import { stageQuality } from '../../web/src/stage-quality.js';
import { referenceAppraisal, stageOf } from './fixture.js';

const en = makeI18n('en');
const ru = makeI18n('ru');
const kk = makeI18n('kk');
/** Latin words of three letters or more (element symbols, digits and units excluded). */
const ENGLISH = /\b(?!ISO\b)[A-Za-z]{3,}\b/;

describe('stage quality: the reference', () => {
  const a = referenceAppraisal();
  const smelter = stageOf(a, 'smelter');
  const chromium = stageOf(a, 'chromium');

  it('the smelter meets FKh800A of GOST 4757-91, shown with its standard', () => {
    const q = stageQuality(smelter, en);
    expect(q).toMatchObject({ in_spec: true, reasons: [] });
    expect(q.grade).toBe('FKh800A (GOST 4757-91 (ISO 5448-81))');
    expect(stageQuality(smelter, ru).grade).toBe('ФХ800А (ГОСТ 4757-91 (ISO 5448-81))');
  });

  it('the alloy S, P, Ti are in wt% from the stage KPIs', () => {
    const q = stageQuality(smelter, en);
    const k = smelter.kpis;
    expect(q.minors).toBe(
      `S ${k.alloy_s_wt_pct!.toFixed(3)}\u00a0wt%, P ${k.alloy_p_wt_pct!.toFixed(3)}\u00a0wt%, Ti ${k.alloy_ti_wt_pct!.toFixed(3)}\u00a0wt%`,
    );
    expect(stageQuality(smelter, ru).minors).toMatch(/^S 0,0\d\d\u00a0мас\. %, P /);
  });

  it('the chromium metal is not graded and its tiny S, P, Ti read in mg/kg', () => {
    const q = stageQuality(chromium, en);
    expect(q.in_spec).toBeNull();
    expect(q.grade).toBe('no grade table for this product');
    const ti_mg_per_kg = chromium.kpis.metal_ti_wt_pct! * 1e4;
    expect(q.minors).toContain(`Ti ${ti_mg_per_kg.toFixed(2)}\u00a0mg/kg`);
    expect(stageQuality(chromium, kk).minors).toContain('мг/кг');
  });
});

describe('stage quality: out of specification', () => {
  // the reference smelter with an alloy of 0.06 wt% P: beyond every grade's P limit (0.05)
  const base = stageOf(referenceAppraisal(), 'smelter');
  const grade = gradeAlloy({ Cr: 70.8, C: 7, Si: 1, P: 0.06, S: 0.03 });
  const stage: StageResult = { ...base, product_grade: grade };

  it('says which limit fails, with the values and units', () => {
    const q = stageQuality(stage, en);
    expect(q.in_spec).toBe(false);
    expect(q.grade).toBe('Out of specification (GOST 4757-91 (ISO 5448-81))');
    expect(q.reasons).toEqual(['P 0.060\u00a0wt%: above 0.050\u00a0wt%, the limit of every grade']);
  });

  it('names the grade whose limit fails when some grade allows each content', () => {
    const g = gradeAlloy({ Cr: 70.8, C: 8.8, Si: 1, P: 0.02, S: 0.07 });
    const q = stageQuality({ ...base, product_grade: g }, ru);
    expect(q.reasons).toEqual(['S 0,070\u00a0мас. %: выше предела 0,060\u00a0мас. % марки ФХ900Б']);
  });

  it('in Russian and Kazakh with no English word', () => {
    for (const i18n of [ru, kk]) {
      const q = stageQuality(stage, i18n);
      expect(q.reasons).toHaveLength(1);
      for (const text of [q.grade, ...q.reasons, q.minors ?? ''])
        expect(text, text).not.toMatch(ENGLISH);
    }
    expect(stageQuality(stage, ru).reasons[0]).toBe(
      'P 0,060\u00a0мас. %: выше 0,050\u00a0мас. % — предела всех марок',
    );
  });
});
