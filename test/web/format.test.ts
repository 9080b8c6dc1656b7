// The one number-formatting module (web/src/format.ts) and the completeness of the languages
// (web/src/messages.ts, labels.ts): locale-correct numbers with a true minus sign, Kazakh
// formatted by the app (the browser's Intl falls back to English for kk), units translated,
// plural forms from Intl.PluralRules, and no English string left in Russian or Kazakh.
import { describe, expect, it } from 'vitest';
import { makeFormatter, sigDigits } from '../../web/src/format.js';
import { makeI18n } from '../../web/src/i18n.js';
import {
  FIELD_NAMES,
  KIND_NAMES,
  OUTPUT_NAMES,
  CATEGORY_NAMES,
  DRIVER_NAMES,
} from '../../web/src/labels.js';
import { en, kk, ru } from '../../web/src/messages.js';
import schema from '../../schema/scenario.schema.json' with { type: 'json' };
import appraisalSchema from '../../schema/appraisal.schema.json' with { type: 'json' };

const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('format.ts', () => {
  it('sensible precision: about three significant digits', () => {
    const f = makeFormatter('en');
    expect(f.sig(125.5912201308735)).toBe('126');
    expect(f.sig(2218.621463293033)).toBe('2,219');
    expect(f.sig(-62.963190773435194)).toBe('\u221263.0');
    expect(f.sig(0.012345)).toBe('0.012');
    expect(sigDigits(9.5)).toBe(2);
  });

  it('a true minus sign, never a hyphen', () => {
    for (const lang of ['en', 'ru', 'kk'] as const) {
      const f = makeFormatter(lang);
      expect(f.num(-5.5, 1)).toMatch(/^\u22125[.,]5$/);
      expect(f.money(-23.1e6)).toContain('\u2212');
      expect(f.money(-23.1e6)).not.toContain('-');
    }
    expect(makeFormatter('en').num(-0.00001, 2)).toBe('0.00');
  });

  it('Russian and Kazakh: decimal comma, space between thousands, scale words', () => {
    expect(sp(makeFormatter('ru').num(80000))).toBe('80 000');
    expect(sp(makeFormatter('kk').num(1234567.891, 2))).toBe('1 234 567,89');
    expect(sp(makeFormatter('kk').money(311.8e6))).toBe('312 млн USD');
    expect(sp(makeFormatter('kk').money(23.1e6))).toBe('23,1 млн USD');
    expect(sp(makeFormatter('ru').money(1.5e9))).toBe('1,5 млрд USD');
    expect(sp(makeFormatter('en').money(311.8e6))).toBe('USD 312 M');
    expect(sp(makeFormatter('kk').pct(0.095))).toBe('9,5 %');
    expect(sp(makeFormatter('ru').pct(0.095))).toBe('9,5 %');
  });

  it('units in the user language', () => {
    expect(sp(makeFormatter('ru').qty(125.59, 't/h'))).toBe('126 т/ч');
    expect(sp(makeFormatter('kk').qty(125.59, 't/h'))).toBe('126 т/сағ');
    expect(sp(makeFormatter('ru').qty(20, 'KZT/kWh', 1))).toBe('20,0 тенге/кВт·ч');
    expect(sp(makeFormatter('en').qty(20, 'KZT/kWh', 1))).toBe('20.0 KZT/kWh');
  });

  it('plural forms (Intl.PluralRules): 10,3 года, 1 год, 5 лет, 21 год', () => {
    const ru = makeFormatter('ru');
    expect(sp(ru.count(10.3, 'year', 1))).toBe('10,3 года');
    expect(sp(ru.count(1, 'year', 0))).toBe('1 год');
    expect(sp(ru.count(5, 'year', 0))).toBe('5 лет');
    expect(sp(ru.count(21, 'year', 0))).toBe('21 год');
    expect(sp(ru.count(3, 'year', 0))).toBe('3 года');
    expect(sp(makeFormatter('en').count(1, 'year', 0))).toBe('1 year');
    expect(sp(makeFormatter('kk').count(10.3, 'year', 1))).toBe('10,3 жыл');
  });
});

describe('languages are complete', () => {
  // Strings that are the same in every language (codes, names, abbreviations).
  const SAME = new Set([
    'app_title',
    // A formula of placeholders: '{output} = {target}'.
    'fr_contour',
    // '{grade} ({standard})': both placeholders are translated by the caller.
    'grade_of',
    'yaml',
    'export_png',
    'export_csv',
    'problems_n',
    'monte_carlo',
    'histogram',
    'kpi_min_dscr',
  ]);
  for (const [name, dict] of [
    ['ru', ru],
    ['kk', kk],
  ] as const)
    it(`${name}: every message is translated (not the English text)`, () => {
      const untranslated = Object.keys(en).filter(
        (k) => !SAME.has(k) && dict[k as keyof typeof en] === en[k as keyof typeof en],
      );
      expect(untranslated).toEqual([]);
      expect(Object.keys(dict).sort()).toEqual(Object.keys(en).sort());
    });

  it('every property name of the scenario schema has a field name in RU and KK', () => {
    const names = new Set<string>();
    (function walk(n: unknown): void {
      if (typeof n !== 'object' || n === null) return;
      if (Array.isArray(n)) {
        n.forEach(walk);
        return;
      }
      const o = n as Record<string, unknown>;
      if (typeof o.properties === 'object' && o.properties !== null)
        for (const k of Object.keys(o.properties)) names.add(k);
      Object.values(o).forEach(walk);
    })(schema);
    const missing = [...names].filter((k) => FIELD_NAMES[k] === undefined);
    expect(missing).toEqual([]);
    for (const table of [FIELD_NAMES, KIND_NAMES, OUTPUT_NAMES, CATEGORY_NAMES, DRIVER_NAMES])
      for (const [k, [e, r, z]] of Object.entries(table)) {
        expect(r, k).toMatch(/[а-яё]|^[A-Z0-9 ()%₂-]+$|^MIRR$|^DSCR/i);
        expect(z, k).toBeTruthy();
        expect(e, k).toBeTruthy();
      }
  });

  it('every numeric output of the appraisal metrics has a name in all three languages', () => {
    // The dashboard lists metrics by key; a key without a name would show as a raw identifier
    // (e.g. `lockup_years`) on a Russian or Kazakh page.
    const numericKeys = new Set<string>();
    const walk = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      if (Array.isArray(node)) {
        node.forEach(walk);
        return;
      }
      // Items of lists (e.g. covenant breaches) are shown in tables of their own, not by key.
      const n = node as Record<string, unknown>;
      if (n.properties && typeof n.properties === 'object')
        for (const [k, v] of Object.entries(n.properties as Record<string, unknown>)) {
          const type = (v as { type?: unknown }).type;
          if (([] as unknown[]).concat(type ?? []).includes('number')) numericKeys.add(k);
          walk(v);
        }
      for (const key of ['anyOf', 'oneOf', 'allOf']) if (key in n) walk(n[key]);
    };
    walk((appraisalSchema as { properties: Record<string, unknown> }).properties.metrics);
    expect(numericKeys.size).toBeGreaterThan(20);
    expect([...numericKeys].filter((k) => OUTPUT_NAMES[k] === undefined)).toEqual([]);
  });

  it('appraisal outputs and cost categories read in Russian', () => {
    const i18n = makeI18n('ru');
    expect(i18n.output('metrics.npv_usd')).toBe('ЧДД (NPV)');
    expect(i18n.output('stages.smelter.kpis.cr_recovery')).toBe('Извлечение Cr (smelter)');
    expect(i18n.category('energy')).toBe('Энергия');
    expect(sp(i18n.outputValue('metrics.payback_years', 10.3))).toBe('10,3 года');
    expect(i18n.t('saved', { n: 3 })).toBe('Сохранена версия 3');
  });
});
