/**
 * What a what-if step sends from the worker to the page: only the parts of the appraisal the
 * dashboard shows that changed since the previous step. Pure (no DOM); the worker keeps a
 * `DeltaEncoder`, the page applies deltas with `applyDelta`, which keeps every unchanged part
 * as the same object — so memoised KPI cards and charts whose data did not change are not
 * rendered again.
 *
 * Parts: `balance`, `cashflow`, `metrics`, `impact`, `emissions`, `not_implemented` (replaced
 * whole when changed) and `stages` (per stage, only the changed fields). `sources`, `scenario`
 * and `chromflow` are not sent in what-if steps (the dashboard does not show them): the page
 * keeps those of the loaded appraisal. Nor is `stage_timing_option`: a what-if step never
 * recomputes it (WhatIf.appraise), so the page keeps the loaded appraisal's.
 */
import type { Appraisal, StageResult } from '../../src/appraisal.js';

export const WHOLE_PARTS = [
  'balance',
  'cashflow',
  'metrics',
  'impact',
  'emissions',
  'not_implemented',
] as const;
type WholePart = (typeof WHOLE_PARTS)[number];

export interface AppraisalDelta {
  /** Parts replaced whole. */
  parts: Partial<Pick<Appraisal, WholePart>>;
  /** All stages (when their number or order changed), else the changed fields of each stage. */
  stages?: { all: StageResult[] } | { fields: Partial<StageResult>[] };
}

/** Encodes appraisals as deltas from the previous one it encoded (JSON comparison). */
export class DeltaEncoder {
  private last: Map<string, string> | undefined;
  private lastStages: { id: string; fields: Map<string, string> }[] = [];

  /** Forgets the previous appraisal (the next delta is the whole dashboard part). */
  reset(base?: Appraisal): void {
    this.last = undefined;
    this.lastStages = [];
    if (base) this.encode(base);
  }

  /**
   * @param a - The new appraisal
   * @param same - Parts known to be unchanged without comparing them (the plant balance when
   *   the solved plant was reused)
   */
  encode(a: Appraisal, same: readonly WholePart[] = []): AppraisalDelta {
    const parts: Partial<Record<WholePart, unknown>> = {};
    const now = new Map<string, string>();
    for (const k of WHOLE_PARTS) {
      const before = this.last?.get(k);
      if (before !== undefined && same.includes(k)) {
        now.set(k, before);
        continue;
      }
      const json = JSON.stringify(a[k]);
      now.set(k, json);
      if (this.last?.get(k) !== json) parts[k] = a[k];
    }
    this.last = now;
    const stages = a.stages.map((s) => ({
      id: s.id,
      fields: new Map(Object.entries(s).map(([k, v]) => [k, JSON.stringify(v)])),
    }));
    const sameShape =
      stages.length === this.lastStages.length &&
      stages.every((s, i) => s.id === this.lastStages[i]?.id);
    let delta: AppraisalDelta['stages'];
    if (!sameShape) delta = { all: a.stages };
    else {
      const fields = a.stages.map((s, i) => {
        const before = this.lastStages[i]?.fields;
        const changed: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(s))
          if (before?.get(k) !== stages[i]?.fields.get(k)) changed[k] = v;
        return changed;
      });
      if (fields.some((f) => Object.keys(f).length > 0)) delta = { fields };
    }
    this.lastStages = stages;
    return {
      parts: parts as AppraisalDelta['parts'],
      ...(delta !== undefined ? { stages: delta } : {}),
    };
  }
}

/**
 * The appraisal `prev` with the delta applied; unchanged parts and stages are the same objects
 * as in `prev` (`prev` itself when nothing changed).
 */
export function applyDelta(prev: Appraisal, delta: AppraisalDelta): Appraisal {
  const keys = Object.keys(delta.parts);
  if (keys.length === 0 && delta.stages === undefined) return prev;
  let stages = prev.stages;
  if (delta.stages && 'all' in delta.stages) stages = delta.stages.all;
  else if (delta.stages) {
    const fields = delta.stages.fields;
    stages = prev.stages.map((s, i) => {
      const f = fields[i];
      return f && Object.keys(f).length > 0 ? { ...s, ...f } : s;
    });
  }
  return { ...prev, ...delta.parts, stages };
}
