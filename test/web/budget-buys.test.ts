// "What the budget buys" (web/src/budget-buys.ts): the rows are the appraisal's by_route, the
// scenario's own route and class is the one marked, and its row agrees with the stage's own
// capex and budget check; every cell carries its unit, in the user's language.
import { describe, expect, it } from 'vitest';
import { budgetBuys, budgetBuysTable, capacityRange } from '../../web/src/budget-buys.js';
import { tableCsv } from '../../web/src/charts/table.js';
import { makeI18n } from '../../web/src/i18n.js';
import { referenceAppraisal, stageOf } from './fixture.js';

const a = referenceAppraisal();
const smelter = stageOf(a, 'smelter');
const chromium = stageOf(a, 'chromium');

describe('what the budget buys', () => {
  it('one row per route and class of the appraisal; exactly the scenario’s own one marked', () => {
    const b = budgetBuys(smelter)!;
    expect(b.rows.map((r) => `${r.template}/${r.reference_class}`)).toEqual(
      smelter.capex!.by_route!.map((r) => `${r.template}/${r.reference_class}`),
    );
    const current = b.rows.filter((r) => r.current);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({
      template: smelter.template,
      reference_class: smelter.capex!.reference_class,
    });
    // The marked row is the stage's own estimate and budget check.
    expect(current[0]!.capex_usd).toBeCloseTo(smelter.capex_usd!, 3);
    expect(current[0]!.capacity_t_per_year).toBeCloseTo(
      smelter.capex!.budget!.capacity_within_budget_t_per_year,
      3,
    );
    for (const r of b.rows) {
      expect(r.range!.p10_t_per_year).toBeLessThanOrEqual(r.capacity_t_per_year);
      expect(r.range!.p90_t_per_year).toBeGreaterThanOrEqual(r.capacity_t_per_year);
    }
  });

  it('no table for a stage without a budget', () => {
    expect(chromium.capex!.budget).toBeUndefined();
    expect(budgetBuys(chromium)).toBeUndefined();
  });

  it('a range the appraisal does not give is shown as a dash, never made up', () => {
    const route = { ...smelter.capex!.by_route![0]!, capacity_p10_t_per_year: Number.NaN };
    const b = budgetBuys({ ...smelter, capex: { ...smelter.capex!, by_route: [route] } })!;
    expect(b.rows[0]!.range).toBeUndefined();
    expect(budgetBuysTable(b, makeI18n('en')).rows[0]![4]!.text).toBe('—');
    expect(
      capacityRange({ p10_t_per_year: 237_900, p90_t_per_year: 951_500 }, makeI18n('en')),
    ).toBe('238 – 952\u00a0kt/year');
  });

  it('table in English, Russian and Kazakh: units on every number; CSV with raw values', () => {
    const b = budgetBuys(smelter)!;
    const en = budgetBuysTable(b, makeI18n('en'));
    expect(en.columns[2]).toBe('Capex at 80.0\u00a0kt/year [USD]');
    const own = en.rows[b.rows.findIndex((r) => r.current)]!;
    expect(own[0]!.text).toBe('DC open-arc furnace');
    expect(own[1]!.text).toBe('Chinese EPC (this scenario)');
    expect(own[2]!.text).toMatch(/^USD\u00a0\d+\.\d\u00a0M$/);
    expect(own[3]!.text).toMatch(/^\d+\u00a0kt\/year$/);
    const ru = budgetBuysTable(b, makeI18n('ru'));
    const ruOwn = ru.rows[b.rows.findIndex((r) => r.current)]!;
    expect(ruOwn[2]!.text).toMatch(/^\d+,\d\u00a0млн\u00a0USD$/);
    expect(ruOwn[4]!.text).toMatch(/^\d+ – \d+\u00a0тыс\. т\/год$/);
    const kk = budgetBuysTable(b, makeI18n('kk'));
    expect(kk.rows.map((r) => r[1]!.text)).toContain('Батыстық');
    const csv = tableCsv(en).split('\r\n');
    expect(csv).toHaveLength(b.rows.length + 2);
    expect(csv[1]!.split(',')[0]).toBe(b.rows[0]!.template);
  });
});
