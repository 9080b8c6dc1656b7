/**
 * The stage timing option of an appraisal (`appraisal.stage_timing_option`, opt-in; the same
 * shape as `chromflow option stage-timing --json`), checked when read: the
 * dashboard shows its card and exercise boundary when the section is there and a one-line note
 * when it is not. Nothing is computed here; the figures are the core's.
 */
import type { StageTimingBoundary, StageTimingResult } from '../../src/appraisal.js';
import type { I18n } from './i18n.js';

/** The types are the core's (src/appraisal.ts); the reader below checks an appraisal the server
 * sent, which may be a stored one from an older version without the section. */
export type StageTimingOption = StageTimingResult;
export type TimingBoundaryYear = StageTimingBoundary;
export type TimingBoundarySeries = StageTimingBoundary['series'][number];

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isNumOrNull = (x: unknown) => x === null || isNum(x);

function isSeries(x: unknown): x is TimingBoundarySeries {
  return (
    isRecord(x) &&
    typeof x.id === 'string' &&
    isNumOrNull(x.multiplier) &&
    (x.builds_when === null || x.builds_when === 'above' || x.builds_when === 'below') &&
    isNumOrNull(x.ex_works_usd_per_t)
  );
}

function isYear(x: unknown): x is TimingBoundaryYear {
  return (
    isRecord(x) &&
    isNum(x.year) &&
    isNum(x.decision_year) &&
    isNum(x.exercised_share) &&
    isNum(x.deck_npv_usd) &&
    Array.isArray(x.series) &&
    x.series.every(isSeries)
  );
}

/**
 * @param appraisal - An appraisal (any version of the object the server sends).
 * @returns Its stage timing option when present and of the expected shape, else undefined.
 */
export function stageTimingOption(appraisal: object): StageTimingOption | undefined {
  const o = (appraisal as { stage_timing_option?: unknown }).stage_timing_option;
  if (!isRecord(o)) return undefined;
  const years = o.start_years;
  const ok =
    typeof o.stage === 'string' &&
    Array.isArray(years) &&
    years.length === 2 &&
    years.every(isNum) &&
    isNum(o.paths) &&
    isNum(o.seed) &&
    Array.isArray(o.series) &&
    o.series.every((s) => typeof s === 'string') &&
    [
      o.commit_now_npv_usd,
      o.planned_start_year,
      o.optimal_rule_value_usd,
      o.standard_error_usd,
      o.option_value_usd,
      o.never_share,
    ].every(isNum) &&
    Array.isArray(o.boundary) &&
    o.boundary.every(isYear);
  return ok ? (o as unknown as StageTimingOption) : undefined;
}

/** A figure of the option card. */
export interface OptionFigure {
  id: string;
  label: string;
  value: string;
  sub?: string;
}

/** The option card's figures, formatted (money, shares), in the order shown. */
export function optionFigures(o: StageTimingOption, i18n: I18n): OptionFigure[] {
  const { t } = i18n;
  return [
    { id: 'option_value', label: t('opt_value'), value: i18n.money(o.option_value_usd) },
    {
      id: 'commit_now',
      label: t('opt_commit_now', { year: o.planned_start_year }),
      value: i18n.money(o.commit_now_npv_usd),
    },
    {
      id: 'rule_value',
      label: t('opt_rule_value'),
      value: i18n.money(o.optimal_rule_value_usd),
      sub: t('opt_se', { se: i18n.money(o.standard_error_usd) }),
    },
    { id: 'never_share', label: t('opt_never'), value: i18n.pct(o.never_share, 0) },
  ];
}

/** The series of the boundary that have a price at which building pays in some start year. */
export function boundarySeries(o: StageTimingOption): string[] {
  return o.series.filter((id) =>
    o.boundary.some((y) => y.series.some((s) => s.id === id && s.ex_works_usd_per_t !== null)),
  );
}
