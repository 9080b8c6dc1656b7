/**
 * What the stage table shows of a stage's product quality: its grade against the standard
 * (`product_grade`), each limit it misses when out of specification worded in the language,
 * and the S, P and Ti of the product from the stage KPIs, each with its unit. Pure: tested
 * without a browser (test/web/stage-quality.test.ts).
 */
import type { Appraisal } from '../../src/appraisal.js';
import type { I18n } from './i18n.js';

type Stage = Appraisal['stages'][number];
type Missed = NonNullable<Stage['product_grade']>['missed'][number];

export interface StageQuality {
  /** The grade with its standard, "out of specification", or why there is none. */
  grade: string;
  /** true: meets a grade; false: out of specification; null: the product is not graded. */
  in_spec: boolean | null;
  /** Each limit missed, with values and units (empty when in specification). */
  reasons: string[];
  /** "S …, P …, Ti …" with units; null when the stage keeps no minor-element ledger. */
  minors: string | null;
}

/** KPI prefixes of the main product's minor contents [wt%]: the smelter's alloy, the chromium metal. */
const MINOR_PREFIXES = ['alloy', 'metal'] as const;
const ELEMENTS = ['s', 'p', 'ti'] as const;
const SYMBOL: Readonly<Record<(typeof ELEMENTS)[number], string>> = { s: 'S', p: 'P', ti: 'Ti' };

/** Below this content the product's minors read in mg/kg instead of wt% [wt%]. */
const MG_PER_KG_BELOW_WT_PCT = 0.01;

/** A grade name in the language: the standard's Cyrillic (ФХ800А) outside English. */
export function gradeName(grade: string, i18n: I18n): string {
  if (i18n.lang === 'en') return grade;
  const m = /^FKh(\d+)([AB])$/.exec(grade);
  return m ? `ФХ${m[1] ?? ''}${m[2] === 'A' ? 'А' : 'Б'}` : grade;
}

/** The standard's short name (before the comma), GOST as ГОСТ outside English. */
export function standardName(standard: string, i18n: I18n): string {
  const short = standard.split(',')[0] ?? standard;
  return i18n.lang === 'en' ? short : short.replace(/^GOST\b/, 'ГОСТ');
}

function reason(m: Missed, i18n: I18n): string {
  const vars = {
    element: m.element,
    value: i18n.qty(m.value_wt_pct, 'wt%'),
    limit: i18n.qty(m.limit_wt_pct, 'wt%'),
  };
  if (m.grade === null) return i18n.t(m.bound === 'min' ? 'limit_min_any' : 'limit_max_any', vars);
  return i18n.t(m.bound === 'min' ? 'limit_min' : 'limit_max', {
    ...vars,
    grade: gradeName(m.grade, i18n),
  });
}

/** The product's S, P, Ti from the stage KPIs, in wt% or, when all are tiny, mg/kg. */
function minors(kpis: Stage['kpis'], i18n: I18n): string | null {
  for (const prefix of MINOR_PREFIXES) {
    const v = ELEMENTS.map((e) => kpis[`${prefix}_${e}_wt_pct`]);
    if (v.some((x) => x === undefined)) continue;
    const wt = v as number[];
    const mg = Math.max(...wt) < MG_PER_KG_BELOW_WT_PCT;
    return ELEMENTS.map(
      (e, k) =>
        `${SYMBOL[e]} ${mg ? i18n.qty((wt[k] ?? NaN) * 1e4, 'mg/kg') : i18n.qty(wt[k] ?? NaN, 'wt%', 3)}`,
    ).join(', ');
  }
  return null;
}

export function stageQuality(stage: Stage, i18n: I18n): StageQuality {
  const g = stage.product_grade;
  const m = minors(stage.kpis, i18n);
  if (g === undefined)
    return { grade: i18n.t('not_graded'), in_spec: null, reasons: [], minors: m };
  const standard = standardName(g.standard, i18n);
  if (g.grade !== null)
    return {
      grade: i18n.t('grade_of', { grade: gradeName(g.grade, i18n), standard }),
      in_spec: true,
      reasons: [],
      minors: m,
    };
  return {
    grade: i18n.t('out_of_spec', { standard }),
    in_spec: false,
    reasons: g.missed.map((x) => reason(x, i18n)),
    minors: m,
  };
}
