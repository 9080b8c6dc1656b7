/**
 * A stage's capital cost part by part (issue 13, `appraisal.stages[].capex`): each unit's
 * installed cost, then — once, on top — off-sites, indirects, owner's cost and contingency, up to
 * the stage capex. Drawn as a horizontal waterfall (each part a bar from the running total before
 * it to the total after it; the units' subtotal and the stage total from zero), so the parts are
 * seen to add up. Nothing is estimated here: the parts are the appraisal's. The computing
 * (`capexParts`, `capexPartBars`) is kept apart from the drawing (`capexBreakdownOption`).
 */
import type { StageResult, UnitCapexLine } from '../../../src/appraisal.js';
import type { I18n, MessageId } from '../i18n.js';
import { millionsAxis, nameBelowAxis, PALETTE, TOTAL, type Spec } from './options.js';
import { cell } from './table.js';
import { waterfallSeriesData, type WaterfallBar } from './waterfall.js';

/** The parts added on top of the units, in the order the appraisal adds them (docs/capex.md). */
const ADDERS = [
  ['osbl', 'osbl_usd', 'capex_part_osbl'],
  ['indirect', 'indirect_usd', 'capex_part_indirect'],
  ['owners', 'owners_cost_usd', 'capex_part_owners'],
  ['contingency', 'contingency_usd', 'capex_part_contingency'],
] as const;

/** One part of a stage's capex. */
export interface CapexPart {
  /** The unit's id, or the part's (`isbl`, `osbl`, …, `other`, `total`). */
  id: string;
  /** `unit`: a unit's installed cost; `adder`: a cost added on top; totals from zero. */
  kind: 'unit' | 'adder' | 'subtotal' | 'total';
  usd: number;
  unit?: UnitCapexLine;
}

/**
 * A stage total that differs from the sum of its parts by more than this [USD] is shown with the
 * difference as its own part ("not itemised"), never silently: the bars must add up.
 */
const ITEMISED_TOLERANCE_USD = 1;

/**
 * The parts of a stage's capex in the order they are added, ending with the stage total
 * (`capex_usd`); the units' subtotal (inside battery limits) only when there are several units.
 * Undefined when the stage has no capex breakdown.
 */
export function capexParts(
  stage: Pick<StageResult, 'capex' | 'capex_usd'>,
): CapexPart[] | undefined {
  const c = stage.capex;
  if (!c || stage.capex_usd === null || c.units.length === 0) return undefined;
  const parts: CapexPart[] = c.units.map((u) => ({
    id: u.unit_id,
    kind: 'unit',
    usd: u.installed_usd,
    unit: u,
  }));
  if (c.units.length > 1) parts.push({ id: 'isbl', kind: 'subtotal', usd: c.isbl_usd });
  for (const [id, key] of ADDERS) parts.push({ id, kind: 'adder', usd: c[key] });
  const itemised = c.isbl_usd + ADDERS.reduce((s, [, key]) => s + c[key], 0);
  const other = stage.capex_usd - itemised;
  if (Math.abs(other) > ITEMISED_TOLERANCE_USD)
    parts.push({ id: 'other', kind: 'adder', usd: other });
  parts.push({ id: 'total', kind: 'total', usd: stage.capex_usd });
  return parts;
}

/** Bars of the parts [USD M]: steps from the running total, subtotals and totals from zero. */
export function capexPartBars(
  parts: readonly CapexPart[],
  labels: readonly string[],
): WaterfallBar[] {
  let level = 0;
  return parts.map((p, k) => {
    const x = p.usd / 1e6;
    const label = labels[k] ?? p.id;
    if (p.kind === 'subtotal' || p.kind === 'total')
      return { label, kind: 'total', lo: Math.min(0, x), hi: Math.max(0, x), delta: x, level: x };
    const next = level + x;
    const bar: WaterfallBar = {
      label,
      kind: x >= 0 ? 'up' : 'down',
      lo: Math.min(level, next),
      hi: Math.max(level, next),
      delta: x,
      level: next,
    };
    level = next;
    return bar;
  });
}

const PART_LABELS: Record<string, MessageId> = {
  isbl: 'capex_part_isbl',
  other: 'capex_part_other',
  total: 'capex_stage_total',
  ...Object.fromEntries(ADDERS.map(([id, , label]) => [id, label])),
};

/** A part's name in the user's language (a unit: its id and its kind's family). */
export function capexPartLabel(p: CapexPart, i18n: I18n): string {
  if (p.unit) return `${p.unit.unit_id} — ${i18n.kind(p.unit.kind)}`;
  const id = PART_LABELS[p.id];
  return id ? i18n.t(id) : p.id;
}

/** The design size of a unit line with its unit (`47.3 MVA`, `4` for a count). */
export function unitSize(u: UnitCapexLine, i18n: I18n): string {
  const size =
    u.size_unit === '1' || u.size_unit === '' ? i18n.sig(u.size) : i18n.qty(u.size, u.size_unit);
  return u.count > 1 ? `${i18n.num(u.count)} × ${size}` : size;
}

/** Where a unit was priced: the cost item, the class (and its status; a size off the range). */
function pricedBy(u: UnitCapexLine, i18n: I18n): string {
  const notes = [i18n.status(u.status), ...(u.in_range ? [] : [i18n.t('capex_out_of_range')])];
  const [cls = u.priced_by, factor] = u.priced_by.split(' × ');
  const by =
    factor === undefined
      ? i18n.costClass(cls)
      : `${i18n.costClass(cls)} × ${i18n.num(Number(factor), 2)}`;
  return `${u.item_id}, ${by} (${notes.join('; ')})`;
}

/** The factors and the accuracy range behind a stage's capex, one line (under the chart). */
export function capexBasis(stage: Pick<StageResult, 'capex'>, i18n: I18n): string | undefined {
  const c = stage.capex;
  if (!c) return undefined;
  return i18n.t('capex_factors', {
    cal: i18n.num(c.calibration_factor, 2),
    loc: i18n.num(c.location_factor, 2),
    f: i18n.num(c.capex_factor, 2),
    aace: i18n.num(c.accuracy_usd.aace_class),
    low: i18n.money(c.accuracy_usd.low),
    high: i18n.money(c.accuracy_usd.high),
  });
}

/** Height of the chart for its number of bars [px]. */
export function capexBreakdownHeight(bars: number, narrow: boolean): number {
  return 70 + bars * (narrow ? 40 : 30);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const UNIT_COLOUR = PALETTE[0] ?? TOTAL;
const ADDER_COLOUR = PALETTE[4] ?? TOTAL;
const TOTAL_COLOUR = '#44505c';

/** Horizontal waterfall of one stage's capex by unit and added cost, with its data table. */
export function capexBreakdownOption(
  stage: Pick<StageResult, 'capex' | 'capex_usd'>,
  i18n: I18n,
  narrow = false,
): Spec | undefined {
  const parts = capexParts(stage);
  if (!parts) return undefined;
  const labels = parts.map((p) => capexPartLabel(p, i18n));
  const bars = capexPartBars(parts, labels);
  const data = waterfallSeriesData(bars);
  const colour = (k: number) => {
    const kind = parts[k]?.kind;
    return kind === 'unit' ? UNIT_COLOUR : kind === 'adder' ? ADDER_COLOUR : TOTAL_COLOUR;
  };
  const visible = (xs: (number | '-')[]) =>
    xs.map((v, k) => ({ value: v, itemStyle: { color: colour(k) } }));
  const unit = i18n.millionsUnit();
  const total = (stage.capex_usd ?? 0) / 1e6;
  const share = (x: number) => (total > 0 ? x / total : Number.NaN);
  const transparent = { color: 'transparent' };
  return {
    option: {
      grid: { left: narrow ? 8 : 250, right: 56, top: 16, bottom: 44, containLabel: narrow },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        formatter: (ps: { dataIndex: number }[]) => {
          const k = ps[0]?.dataIndex ?? -1;
          const b = bars[k];
          const p = parts[k];
          if (!b || !p) return '';
          const head = `${b.label}: ${i18n.num(b.delta, 1)} ${unit} (${i18n.pct(share(b.delta))})`;
          // HTML tooltip: the names come from the scenario file, so they are escaped.
          const lines = p.unit
            ? [head, `${unitSize(p.unit, i18n)} · ${pricedBy(p.unit, i18n)}`]
            : [head];
          return lines.map(escapeHtml).join('<br/>');
        },
      },
      xAxis: { ...millionsAxis(i18n), ...nameBelowAxis(28) },
      yAxis: {
        type: 'category',
        inverse: true,
        data: labels,
        axisLabel: {
          fontSize: narrow ? 10 : 11,
          width: narrow ? 130 : 240,
          overflow: 'break',
          // Totals in bold (rich text: ECharts styles a label by its formatter's tag).
          formatter: (v: string, k: number) => (bars[k]?.kind === 'total' ? `{total|${v}}` : v),
          rich: { total: { fontWeight: 'bold' } },
        },
      },
      series: [
        { type: 'bar', stack: 'c', data: data.basePos, itemStyle: transparent, silent: true },
        { type: 'bar', stack: 'c', data: data.baseNeg, itemStyle: transparent, silent: true },
        {
          type: 'bar',
          stack: 'c',
          data: visible(data.pos),
          label: {
            show: true,
            position: 'right',
            fontSize: 10,
            formatter: (p: { dataIndex: number }) => i18n.num(bars[p.dataIndex]?.delta ?? 0, 1),
          },
        },
        { type: 'bar', stack: 'c', data: visible(data.neg) },
      ],
    },
    table: {
      columns: [
        i18n.t('capex_part'),
        i18n.t('capex_design_size'),
        i18n.t('capex_cost_item'),
        `${i18n.t('capex_series')} [${unit}]`,
        `${i18n.t('capex_share')} [%]`,
      ],
      rows: parts.map((p, k) => {
        const x = p.usd / 1e6;
        return [
          cell(labels[k] ?? p.id),
          p.unit ? cell(unitSize(p.unit, i18n), p.unit.size) : cell('—', null),
          p.unit ? cell(pricedBy(p.unit, i18n)) : cell('—', null),
          cell(i18n.num(x, 2), x),
          cell(i18n.pct(share(x)), share(x) * 100),
        ];
      }),
    },
  };
}
