/**
 * Waterfall (bridge) geometry: a start total, signed steps, an end total. Each bar spans the
 * running total before and after its step — also when the total crosses or stays below zero —
 * so a step of −225 from 100 is drawn from 100 down to −125.
 */

export interface WaterfallBar {
  label: string;
  kind: 'total' | 'up' | 'down';
  /** Lower and upper end of the bar [value units]. */
  lo: number;
  hi: number;
  /** The step (totals: the total itself). */
  delta: number;
  /** Running total after the bar. */
  level: number;
}

export function waterfallBars(
  start: { label: string; value: number },
  steps: readonly { label: string; delta: number }[],
  endLabel: string,
): WaterfallBar[] {
  const bars: WaterfallBar[] = [
    {
      label: start.label,
      kind: 'total',
      lo: Math.min(0, start.value),
      hi: Math.max(0, start.value),
      delta: start.value,
      level: start.value,
    },
  ];
  let level = start.value;
  for (const s of steps) {
    const next = level + s.delta;
    bars.push({
      label: s.label,
      kind: s.delta >= 0 ? 'up' : 'down',
      lo: Math.min(level, next),
      hi: Math.max(level, next),
      delta: s.delta,
      level: next,
    });
    level = next;
  }
  bars.push({
    label: endLabel,
    kind: 'total',
    lo: Math.min(0, level),
    hi: Math.max(0, level),
    delta: level,
    level,
  });
  return bars;
}

/**
 * Stacked-bar series that draw each bar from `lo` to `hi` on a value axis. ECharts stacks
 * positive and negative values separately (stackStrategy "samesign"), so a bar is an invisible
 * base on the side of zero it lies on plus the visible part; a bar across zero is a positive and
 * a negative part from zero.
 */
export function waterfallSeriesData(bars: readonly WaterfallBar[]): {
  basePos: (number | '-')[];
  baseNeg: (number | '-')[];
  pos: (number | '-')[];
  neg: (number | '-')[];
} {
  const basePos: (number | '-')[] = [];
  const baseNeg: (number | '-')[] = [];
  const pos: (number | '-')[] = [];
  const neg: (number | '-')[] = [];
  for (const b of bars) {
    if (b.lo >= 0) {
      basePos.push(b.lo);
      baseNeg.push('-');
      pos.push(b.hi - b.lo);
      neg.push('-');
    } else if (b.hi <= 0) {
      basePos.push('-');
      baseNeg.push(b.hi);
      pos.push('-');
      neg.push(b.lo - b.hi);
    } else {
      basePos.push('-');
      baseNeg.push('-');
      pos.push(b.hi);
      neg.push(b.lo);
    }
  }
  return { basePos, baseNeg, pos, neg };
}
