/**
 * Grade of a high-carbon ferrochrome alloy against the grade table of data/pyro/fecr-grades.json
 * (GOST 4757-91, the national counterpart of ISO 5448:1981): the first grade, in the table's
 * order, whose every limit the alloy meets — or "out of specification" with the limits it misses.
 */
import data from '../../../data/pyro/fecr-grades.json' with { type: 'json' };
import { InputError } from '../../errors.js';

/** Alloy analysis the grades limit [wt%]. */
export interface GradedAlloy {
  Cr: number;
  C: number;
  Si: number;
  P: number;
  S: number;
}

/** One grade: Cr at least, C, Si, P and S at most [wt%]. */
export interface FecrGrade {
  grade: string;
  Cr_min: number;
  C_max: number;
  Si_max: number;
  P_max: number;
  S_max: number;
}

/** One limit an alloy misses (for a reader that words it in its own language). */
export interface MissedLimit {
  element: keyof GradedAlloy;
  /** The alloy's content [wt%]. */
  value_wt_pct: number;
  /** The limit [wt%]. */
  limit_wt_pct: number;
  /** `min`: the content must be at least the limit (Cr); `max`: at most (C, Si, P, S). */
  bound: 'min' | 'max';
  /** The grade whose limit it is; null: no grade of the table allows it. */
  grade: string | null;
}

export interface GradeResult {
  /** The standard the table comes from. */
  standard: string;
  /** The grade the alloy meets, or null when it meets none. */
  grade: string | null;
  /** When out of specification: each missed limit, e.g. "P 0.062 wt% > 0.05 (FKh900B)". */
  failing: string[];
  /** The same limits as data. */
  missed: MissedLimit[];
}

export const FECR_GRADE_STANDARD: string = data.standard.value;
export const FECR_GRADES: readonly FecrGrade[] = data.grades.value;

const fmt = (v: number): string => String(Number(v.toPrecision(3)));

/** The limits of grade g the alloy misses (grade null: the most lenient limits of the table). */
function missed(a: GradedAlloy, g: FecrGrade, grade: string | null = g.grade): MissedLimit[] {
  const out: MissedLimit[] = [];
  if (a.Cr < g.Cr_min)
    out.push({ element: 'Cr', value_wt_pct: a.Cr, limit_wt_pct: g.Cr_min, bound: 'min', grade });
  const max: [keyof GradedAlloy, number][] = [
    ['C', g.C_max],
    ['Si', g.Si_max],
    ['P', g.P_max],
    ['S', g.S_max],
  ];
  for (const [e, lim] of max)
    if (a[e] > lim)
      out.push({ element: e, value_wt_pct: a[e], limit_wt_pct: lim, bound: 'max', grade });
  return out;
}

/** A missed limit as text, e.g. "P 0.062 wt% > 0.05 (FKh900B)". */
const asText = (m: MissedLimit): string =>
  `${m.element} ${fmt(m.value_wt_pct)} wt% ${m.bound === 'min' ? '<' : '>'} ${fmt(m.limit_wt_pct)} (${m.grade ?? 'every grade'})`;

/** Limits no grade of the table relaxes further: the lowest Cr minimum, the highest maxima. */
function lenientLimits(grades: readonly FecrGrade[]): FecrGrade {
  return {
    grade: 'every grade',
    Cr_min: Math.min(...grades.map((g) => g.Cr_min)),
    C_max: Math.max(...grades.map((g) => g.C_max)),
    Si_max: Math.max(...grades.map((g) => g.Si_max)),
    P_max: Math.max(...grades.map((g) => g.P_max)),
    S_max: Math.max(...grades.map((g) => g.S_max)),
  };
}

/**
 * Classifies an alloy.
 * @param alloy - Cr, C, Si, P, S [wt%]
 * @param grades - Grade table in the order of preference (default: data/pyro/fecr-grades.json)
 * @returns The first grade met; or null with the limits missed: those beyond what any grade
 *   allows ("every grade"), else — a combination no grade allows — the limits of the last grade
 *   (the most lenient on C) missed on the fewest limits
 * @throws InputError naming `alloy.<element>` for a content outside [0, 100] wt%
 */
export function gradeAlloy(
  alloy: GradedAlloy,
  grades: readonly FecrGrade[] = FECR_GRADES,
  standard: string = FECR_GRADE_STANDARD,
): GradeResult {
  for (const e in alloy) {
    const v = alloy[e as keyof GradedAlloy];
    if (!(Number.isFinite(v) && v >= 0 && v <= 100))
      throw new InputError(`alloy.${e}`, v, 'a content in [0, 100] wt%');
  }
  if (grades.length === 0) throw new InputError('grades', grades, 'at least one grade');
  let closest: MissedLimit[] | undefined;
  for (const g of grades) {
    const m = missed(alloy, g);
    if (m.length === 0) return { standard, grade: g.grade, failing: [], missed: [] };
    if (closest === undefined || m.length <= closest.length) closest = m;
  }
  const beyondAll = missed(alloy, lenientLimits(grades), null);
  const out = beyondAll.length > 0 ? beyondAll : (closest ?? []);
  return { standard, grade: null, failing: out.map(asText), missed: out };
}
