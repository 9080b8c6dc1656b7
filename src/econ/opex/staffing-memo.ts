/**
 * The staffing of a stage kept while its inputs do not change: an explicit object that a
 * sampling loop owns (no state in the core). A Monte Carlo sample that re-solves the smelter
 * re-designs it, but its furnace count — and so its positions — rarely moves; building the
 * ~20 positions afresh (role strings, records) was about 2 % of a moisture sample.
 *
 * `stageStaffing` is a pure function of its arguments, so the kept result is returned only when
 * every argument equals the one it was computed from (the design's kinds and counts entry by
 * entry). The result is shared between the samples that get it: callers read it, never write it.
 */
import type { StageStaffing } from '../../appraisal.js';
import { stageStaffing, type DesignedUnit } from './staffing.js';

interface Entry {
  capacity: number;
  wage: number;
  fx: number;
  kinds: string[];
  counts: number[];
  staffing: StageStaffing | undefined;
}

/** Whether the design has the entry's kinds and counts (none and an empty list staff alike). */
function sameDesign(e: Entry, design: readonly DesignedUnit[] = []): boolean {
  if (design.length !== e.kinds.length) return false;
  for (let i = 0; i < design.length; i++) {
    const u = design[i] as DesignedUnit;
    if (u.kind !== e.kinds[i] || u.count !== e.counts[i]) return false;
  }
  return true;
}

/** The last staffing of each template, kept for a caller's run (one per thread). */
export class StaffingMemo {
  private readonly last = new Map<string, Entry>();

  /** {@link stageStaffing} of the arguments: the kept result when they equal its arguments. */
  staffing(
    template: string,
    capacity_t_per_year: number,
    wage_kzt_per_month: number,
    kzt_per_usd: number,
    design?: readonly DesignedUnit[],
  ): StageStaffing | undefined {
    const e = this.last.get(template);
    if (
      e !== undefined &&
      Object.is(e.capacity, capacity_t_per_year) &&
      Object.is(e.wage, wage_kzt_per_month) &&
      Object.is(e.fx, kzt_per_usd) &&
      sameDesign(e, design)
    )
      return e.staffing;
    const staffing = stageStaffing(
      template,
      capacity_t_per_year,
      wage_kzt_per_month,
      kzt_per_usd,
      design,
    );
    this.last.set(template, {
      capacity: capacity_t_per_year,
      wage: wage_kzt_per_month,
      fx: kzt_per_usd,
      kinds: design?.map((u) => u.kind) ?? [],
      counts: design?.map((u) => u.count) ?? [],
      staffing,
    });
    return staffing;
  }
}
