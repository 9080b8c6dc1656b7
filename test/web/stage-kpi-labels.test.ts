// Every stage KPI the reference scenarios' appraisals compute has a name in English, Russian and
// Kazakh (never the raw key, which the output pickers showed before) and a unit, or is listed as
// a pure number with the reason (web/src/kpi-labels.ts). Russian and Kazakh names and units carry
// no Latin word but chemical formulas (and USD, as the app writes money everywhere).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraisalOutputs } from '../../src/analysis/appraisal-outputs.js';
import type { Appraisal } from '../../src/appraisal.js';
import { appraise } from '../../src/appraise.js';
import { loadScenario } from '../../src/scenario/load.js';
import { makeI18n } from '../../web/src/i18n.js';
import { DIMENSIONLESS_KPIS } from '../../web/src/kpi-labels.js';
import { nameOf, OUTPUT_NAMES, outputUnit } from '../../web/src/labels.js';
import { referenceAppraisal } from './fixture.js';

const LANGS = ['en', 'ru', 'kk'] as const;

/** The appraisal of scenarios/<file> without break-evens, routes and the timing option. */
function appraisalOf(file: string): Appraisal {
  const text = readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8');
  return appraise(loadScenario(text, file), {
    breakEvens: false,
    byRoute: false,
    stageTimingOption: false,
  });
}

/**
 * KPIs of templates no reference scenario uses: fecr-refining (src/process/pyro/run-refining.ts)
 * and cr-electrolytic (src/process/chromium/run.ts, the electrowinning branch).
 */
const UNUSED_TEMPLATE_KPIS = [
  'fesicr_t_per_t',
  'cr_recovery_from_ore',
  'ferrochrome_t_per_t',
  'cell_kWh_per_kg_cr',
  'sulfuric_acid_t_per_t',
  'ammonia_t_per_t',
];

/** Latin words of two letters or more, once chemical formulas (Cr2O3, MgO, CO₂, Fe) are removed. */
const LATIN_WORD = /\b[A-Za-z]{2,}\b/;
const withoutFormulas = (text: string): string => text.replace(/\b(?:[A-Z][a-z]?\d*)+\b/g, '');

describe('stage KPIs: names and units in EN/RU/KK', () => {
  const appraisals = [
    referenceAppraisal(),
    appraisalOf('aktobe-stage1.yaml'),
    appraisalOf('aktobe-stage1-2-buy-oxide.yaml'),
    appraisalOf('kempirsai-concentrator.yaml'),
    appraisalOf('aktobe-raw-export.yaml'),
  ];
  const computed = new Set(appraisals.flatMap((a) => a.stages.flatMap((s) => Object.keys(s.kpis))));
  const keys = [...new Set([...computed, ...UNUSED_TEMPLATE_KPIS])].sort();

  it('covers the smelter, chromium and concentrator KPIs (report-only checks included)', () => {
    for (const k of ['slag_liquidus_K', 'roast_conversion', 'mass_yield', 'product_t_per_year'])
      expect(computed.has(k), k).toBe(true);
    expect(keys.length).toBeGreaterThan(80);
  });

  it('names every KPI in each language, never by its key', () => {
    const unnamed = keys.filter((k) =>
      LANGS.some((lang) => {
        const name = nameOf(OUTPUT_NAMES, k, lang);
        return name === k || name.trim() === '';
      }),
    );
    expect(unnamed).toEqual([]);
    // the picker's label: the name and the stage, no raw key
    expect(makeI18n('ru').output('stages.smelter.kpis.slag_liquidus_K')).toBe(
      'Ликвидус шлака (smelter)',
    );
  });

  it('gives every KPI a unit, or lists it as a pure number with a reason', () => {
    const bare = keys.filter((k) => {
      const u = outputUnit(`stages.s.kpis.${k}`);
      return u.unit === '' && !(DIMENSIONLESS_KPIS[k]?.length ?? 0);
    });
    expect(bare).toEqual([]);
    // a listed pure number has no unit
    for (const k of Object.keys(DIMENSIONLESS_KPIS))
      expect(outputUnit(`stages.s.kpis.${k}`).unit, k).toBe('');
  });

  it('has no Latin word but formulas in the Russian and Kazakh names', () => {
    for (const lang of ['ru', 'kk'] as const) {
      const latin = keys
        .map((k) => nameOf(OUTPUT_NAMES, k, lang))
        .filter((name) => LATIN_WORD.test(withoutFormulas(name)));
      expect(latin, lang).toEqual([]);
    }
  });

  it('translates every KPI unit into Russian and Kazakh', () => {
    for (const lang of ['ru', 'kk'] as const) {
      const i18n = makeI18n(lang);
      const latin = keys
        .map((k) => i18n.unit(outputUnit(`stages.s.kpis.${k}`).unit))
        .filter((u) => /[A-Za-z]/.test(withoutFormulas(u.replace(/USD/g, ''))));
      expect(latin, lang).toEqual([]);
    }
  });

  it('formats KPI values with their units', () => {
    const ru = makeI18n('ru');
    const kk = makeI18n('kk');
    const en = makeI18n('en');
    expect(ru.outputValue('stages.smelter.kpis.slag_viscosity_Pa_s', 0.255)).toBe(
      '0,255\u00a0Па·с',
    );
    // absolute temperatures in °C, as the stage's slag table shows them; differences in K
    expect(kk.outputValue('stages.smelter.kpis.slag_liquidus_K', 2028.15)).toBe(
      '1\u00a0755\u00a0°C',
    );
    expect(en.outputValue('stages.smelter.kpis.slag_T_K', 2023.15)).toBe('1,750\u00a0°C');
    expect(ru.outputValue('stages.smelter.kpis.slag_superheat_K', 40)).toBe('40,0\u00a0К');
    expect(en.outputValue('stages.smelter.kpis.alloy_p_wt_pct', 0.021)).toBe('0.021\u00a0wt %');
    expect(ru.outputValue('stages.smelter.kpis.alloy_p_wt_pct', 0.021)).toBe('0,021\u00a0мас. %');
    expect(ru.outputValue('stages.smelter.kpis.offgas_Nm3_per_t', 750)).toBe('750\u00a0нм³/т');
    expect(kk.outputValue('stages.smelter.kpis.electricity_MWh_per_t', 3.95)).toBe(
      '3,95\u00a0МВт·сағ/т',
    );
    expect(ru.outputValue('stages.chromium.kpis.al_t_per_t_cr', 0.625)).toBe('0,625\u00a0т/т Cr');
    // fractions in per cent, like the recoveries
    expect(en.outputValue('stages.chromium.kpis.roast_conversion', 0.9)).toBe('90.0\u00a0%');
  });

  it('leaves the units of the other outputs as they were', () => {
    expect(outputUnit('npv_usd')).toEqual({ kind: 'money', unit: 'USD' });
    expect(outputUnit('stages.smelter.kpis.cr_recovery')).toEqual({ kind: 'pct', unit: '%' });
    expect(outputUnit('payback_years')).toEqual({ kind: 'qty', unit: 'years' });
    expect(outputUnit('power_demand_MW')).toEqual({ kind: 'qty', unit: 'MW' });
    expect(outputUnit('profitability_index')).toEqual({ kind: 'qty', unit: '×' });
    expect(outputUnit('cbam_embedded_t_co2_per_t')).toEqual({ kind: 'qty', unit: 't CO2/t' });
  });

  it('gives every numeric output of the appraisals a unit, or lists it as a pure number', () => {
    const unitless = appraisals
      .flatMap((a) => [...appraisalOutputs(a).keys()])
      .filter((path) => outputUnit(path).unit === '')
      .map((path) => path.split('.').pop() ?? path)
      .filter((key) => DIMENSIONLESS_KPIS[key] === undefined);
    expect([...new Set(unitless)]).toEqual([]);
  });

  it('keeps a figure in the sponsor currency in the unit of its USD twin, covers as ×', () => {
    expect(outputUnit('metrics.sponsor_equity_irr_rmb')).toEqual({ kind: 'pct', unit: '%' });
    expect(outputUnit('metrics.sponsor_payback_years_rmb')).toEqual({ kind: 'qty', unit: 'years' });
    expect(outputUnit('stages.s.products.ferrochrome.t_per_year').unit).toBe('t/year');
    expect(outputUnit('impact.jobs_direct').unit).toBe('jobs');
    const ru = makeI18n('ru');
    expect(ru.outputValue('metrics.min_dscr', 1.456)).toBe('1,46×');
    expect(ru.outputValue('impact.jobs_direct', 378)).toBe('378\u00a0раб. мест');
  });
});
