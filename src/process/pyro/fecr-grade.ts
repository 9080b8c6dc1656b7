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

export interface GradeResult {
  /** The standard the table comes from. */
  standard: string;
  /** The grade the alloy meets, or null when it meets none. */
  grade: string | null;
  /** When out of specification: each missed limit, e.g. "P 0.062 wt% > 0.05 (FKh900B)". */
  failing: string[];
}

export const FECR_GRADE_STANDARD: string = data.standard.value;
export const FECR_GRADES: readonly FecrGrade[] = data.grades.value;

const fmt = (v: number): string => String(Number(v.toPrecision(3)));

/** The limits of grade g the alloy misses, as text. */
function missed(a: GradedAlloy, g: FecrGrade): string[] {
  const out: string[] = [];
  if (a.Cr < g.Cr_min) out.push(`Cr ${fmt(a.Cr)} wt% < ${fmt(g.Cr_min)} (${g.grade})`);
  const max: [keyof GradedAlloy, number][] = [
    ['C', g.C_max],
    ['Si', g.Si_max],
    ['P', g.P_max],
    ['S', g.S_max],
  ];
  for (const [e, lim] of max)
    if (a[e] > lim) out.push(`${e} ${fmt(a[e])} wt% > ${fmt(lim)} (${g.grade})`);
  return out;
}

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
  for (const [e, v] of Object.entries(alloy))
    if (!(Number.isFinite(v) && v >= 0 && v <= 100))
      throw new InputError(`alloy.${e}`, v, 'a content in [0, 100] wt%');
  if (grades.length === 0) throw new InputError('grades', grades, 'at least one grade');
  let closest: string[] | undefined;
  for (const g of grades) {
    const m = missed(alloy, g);
    if (m.length === 0) return { standard, grade: g.grade, failing: [] };
    if (closest === undefined || m.length <= closest.length) closest = m;
  }
  const beyondAll = missed(alloy, lenientLimits(grades));
  return { standard, grade: null, failing: beyondAll.length > 0 ? beyondAll : (closest ?? []) };
}
