// The lender and sponsor figures of the dashboard (web/src/finance.ts, reason-text.ts, the
// finance cards of Kpis.tsx) and the stage timing option's card data (timing-option.ts): every
// figure comes from the appraisal's metrics (project and each stage), a missing one carries its
// reason in the user's language (never NaN, never blank, never the core's English), covenant
// breaches are listed by year, the sources and uses add up as the appraisal says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Appraisal, AppraisalMetrics } from '../../src/appraisal.js';
import { financeCards } from '../../web/src/kpi-cards.js';
import {
  covenantTable,
  financeRows,
  financeTable,
  FINANCE_FIGURES,
  sourcesUsesTable,
} from '../../web/src/finance.js';
import { makeI18n } from '../../web/src/i18n.js';
import { OUTPUT_NAMES } from '../../web/src/labels.js';
import { reasonText } from '../../web/src/reason-text.js';
import { boundarySeries, optionFigures, stageTimingOption } from '../../web/src/timing-option.js';
import { annuityAppraisal, referenceAppraisal } from './fixture.js';

const a = referenceAppraisal();
const en = makeI18n('en');
const ru = makeI18n('ru');
const kk = makeI18n('kk');
const OPTION = JSON.parse(
  readFileSync(new URL('./fixtures/stage-timing-option.json', import.meta.url), 'utf8'),
) as unknown;

/** The appraisal with the project metrics changed (a case the reference does not have). */
function withMetrics(patch: Partial<AppraisalMetrics>): Appraisal {
  return { ...a, metrics: { ...a.metrics!, ...patch } };
}

describe('lender and sponsor table', () => {
  it('has the project and each stage, each figure read from its metrics', () => {
    const { columns, rows } = financeRows(a, en);
    expect(columns.map((c) => c.id)).toEqual(['project', ...a.stages.map((s) => s.id)]);
    for (const r of rows) {
      const key = r.key as keyof AppraisalMetrics;
      columns.forEach((c, k) => {
        const v = c.metrics?.[key];
        expect(r.values[k]?.raw, `${r.key} ${c.id}`).toBe(typeof v === 'number' ? v : null);
      });
    }
    // The reference's figures (stage 1 + 2): DSCR of the project, the stage 2 increment negative.
    const row = (key: string) => rows.find((r) => r.key === key)!;
    expect(row('min_dscr').values[0]?.raw).toBe(a.metrics!.min_dscr);
    expect(row('sponsor_equity_irr_rmb').values[2]?.raw).toBeLessThan(0);
    expect(row('sponsor_payback_years').values[2]).toMatchObject({
      raw: null,
      text: '—',
      reason: 'not within the horizon',
    });
  });

  it('names every figure in the three languages', () => {
    for (const f of FINANCE_FIGURES) expect(OUTPUT_NAMES[f.key], f.key).toBeDefined();
  });

  it('no NaN, no blank, and in Russian no raw float and no English reason', () => {
    for (const i18n of [en, ru, kk]) {
      const t = financeTable(a, i18n);
      for (const row of t.rows)
        for (const c of row) {
          expect(c.text.trim()).not.toBe('');
          expect(c.text).not.toMatch(/NaN|undefined|null/);
        }
    }
    const text = financeTable(a, ru)
      .rows.flat()
      .map((c) => c.text)
      .join(' | ');
    expect(text).not.toMatch(/\d[.,]\d{4,}/);
    expect(text).not.toMatch(/horizon|not computed|no debt/);
    expect(text).toContain('не в пределах горизонта');
  });

  it('a null IRR shows the reason translated, with its rates in the locale', () => {
    const m = withMetrics({
      equity_irr: null,
      equity_irr_reason: 'no IRR: all cash flows are ≤ 0 (no return), NPV < 0 at every rate',
      sponsor_equity_irr: null,
      sponsor_equity_irr_reason:
        'no unique IRR: NPV is zero at 2 rates (5.00000 %, 31.2500 %); use irrAll or NPV/MIRR instead',
      sponsor_equity_irr_rmb: null,
      sponsor_equity_irr_rmb_reason: 'no RMB/USD path',
      sponsor_payback_years_rmb: null,
    });
    const { rows } = financeRows(m, ru);
    const v = (key: string) => rows.find((r) => r.key === key)!.values[0]!;
    expect(v('equity_irr').reason).toBe(ru.t('reason_irr_no_return'));
    expect(v('sponsor_equity_irr').reason).toContain('5,0\u00a0%, 31,3\u00a0%');
    expect(v('sponsor_equity_irr_rmb').reason).toBe(ru.t('reason_no_rmb_path'));
    // The RMB payback is missing because there is no RMB flow, not because it never pays back.
    expect(v('sponsor_payback_years_rmb').reason).toBe(ru.t('reason_no_rmb_path'));
    const cards = financeCards(m, ru);
    const card = cards.find((c) => c.id === 'equity_irr')!;
    expect(card.value).toBeNull();
    expect(card.reason).toBe(ru.t('reason_irr_no_return'));
  });

  it('an unknown reason is not shown in English: "not computed" in the language', () => {
    expect(reasonText('some new reason of the core', kk)).toBe(kk.t('not_computed'));
    expect(reasonText(null, ru)).toBe(ru.t('not_computed'));
  });

  it('finance cards: the sponsor returns, cover ratios and withholding of the metrics', () => {
    const cards = financeCards(a, en);
    const raw = (id: string) => cards.find((c) => c.id === id)?.raw;
    const m = a.metrics!;
    expect(raw('sponsor_irr')).toBe(m.sponsor_equity_irr);
    expect(raw('sponsor_irr_rmb')).toBe(m.sponsor_equity_irr_rmb);
    expect(raw('sponsor_payback')).toBe(m.sponsor_payback_years);
    expect(raw('sponsor_payback_rmb')).toBe(m.sponsor_payback_years_rmb);
    expect(raw('dividend_wht')).toBe(m.dividend_withholding_usd);
    expect(raw('avg_dscr')).toBe(m.avg_dscr);
    expect(raw('llcr')).toBe(m.llcr);
    expect(raw('plcr')).toBe(m.plcr);
    expect(cards.find((c) => c.id === 'llcr')?.sub).toBe(`minimum ${en.num(m.min_llcr!, 2)}`);
    expect(cards.find((c) => c.id === 'dividend_wht')?.sub).toContain('10\u00a0%');
  });

  it('without debt: ratios say "no debt service", no sources and uses, no breaches', () => {
    const m = withMetrics({
      min_dscr: null,
      avg_dscr: null,
      llcr: null,
      min_llcr: null,
      plcr: null,
      sources_uses: null,
      covenant_breaches: [],
    });
    const one = { ...m, stages: m.stages.slice(0, 1) };
    const { columns, rows } = financeRows(one, en);
    expect(columns.map((c) => c.id)).toEqual(['project']);
    expect(rows.find((r) => r.key === 'plcr')?.values[0]?.reason).toBe('no debt service');
    expect(sourcesUsesTable(one, en)).toBeUndefined();
    expect(covenantTable(one, en)).toBeUndefined();
  });
});

describe('covenant breaches and sources and uses', () => {
  it('none in the reference (each tranche sized on its own CFADS), so no table', () => {
    expect(a.metrics!.covenant_breaches).toEqual([]);
    expect(covenantTable(a, en)).toBeUndefined();
  });

  it('breaches by year, each with its stage, covenant, value and threshold', () => {
    const annuity = annuityAppraisal();
    const t = covenantTable(annuity, en)!;
    const b = annuity.metrics!.covenant_breaches;
    expect(b.length).toBeGreaterThan(0);
    expect(t.rows.length).toBe(b.length);
    const years = t.rows.map((r) => r[0]?.value as number);
    expect(years).toEqual([...years].sort((x, y) => x - y));
    expect(t.rows[0]?.[2]?.text).toMatch(/below the minimum/);
    expect(t.rows.map((r) => r[3]?.value).sort()).toEqual(b.map((x) => x.value).sort());
    const ruText = covenantTable(annuity, ru)!
      .rows.flat()
      .map((c) => c.text)
      .join(' ');
    expect(ruText).not.toMatch(/below|min_dscr|min_llcr/);
  });

  it('sources and uses: uses then sources, the totals equal (debt + equity = total uses)', () => {
    const t = sourcesUsesTable(a, en)!;
    const su = a.metrics!.sources_uses!;
    const value = (label: string, col = 1) =>
      t.rows.find((r) => r[0]?.text.endsWith(label))?.[col]?.value as number;
    expect(value('Total uses of funds')).toBe(su.total_uses_usd);
    expect(value('Debt') + value('Equity')).toBeCloseTo(value('Total uses of funds'), 0);
    // One column per stage with sources and uses, after the project's.
    expect(t.columns.length).toBe(2 + a.stages.filter((s) => s.metrics?.sources_uses).length);
  });
});

describe('stage timing option card', () => {
  it('reads the CLI shape and refuses anything else (no section → nothing)', () => {
    const o = stageTimingOption({ stage_timing_option: OPTION });
    expect(o?.stage).toBe('chromium');
    expect(stageTimingOption(a)?.option_value_usd).toBe(a.stage_timing_option?.option_value_usd);
    expect(stageTimingOption({ ...a, stage_timing_option: undefined })).toBeUndefined();
    expect(stageTimingOption({ stage_timing_option: { stage: 'x' } })).toBeUndefined();
    const broken = { ...(OPTION as object), option_value_usd: 'high' };
    expect(stageTimingOption({ stage_timing_option: broken })).toBeUndefined();
  });

  it('figures of the card from the section, formatted per language', () => {
    const o = stageTimingOption({ stage_timing_option: OPTION })!;
    const f = optionFigures(o, ru);
    expect(f.map((x) => x.id)).toEqual(['option_value', 'commit_now', 'rule_value', 'never_share']);
    expect(f[1]?.value).toBe(ru.money(o.commit_now_npv_usd));
    expect(f[1]?.label).toContain(String(o.planned_start_year));
    expect(f[3]?.value).toBe(ru.pct(o.never_share, 0));
    // Only series with a boundary price in some year are drawn.
    expect(boundarySeries(o)).toEqual(['chromium-metal']);
  });
});
