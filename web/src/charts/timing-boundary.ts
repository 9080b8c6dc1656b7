/**
 * The exercise boundary of a stage timing option (timing-option.ts) as a chart: for each start
 * year, the ex-works price of each priced series at which building the stage pays (one line per
 * series that has such a price in some year; a year without one is a gap, never a guess), and
 * the price deck it is compared with (the boundary price ÷ its multiplier of the deck), dashed.
 * The data table gives every year with its decision year, the share of paths that build, the
 * NPV on the deck and, per series, the price and on which side of it the stage is built.
 */
import type { I18n } from '../i18n.js';
import { boundarySeries, type StageTimingOption } from '../timing-option.js';
import { nameBelowAxis, PALETTE, type Spec } from './options.js';
import { cell, type Cell } from './table.js';

const UNIT = 'USD/t';

/** The boundary price of series `id` in each year (null where building never pays). */
function prices(o: StageTimingOption, id: string): (number | null)[] {
  return o.boundary.map((y) => y.series.find((s) => s.id === id)?.ex_works_usd_per_t ?? null);
}

/** The deck price behind a boundary price: price ÷ multiplier (null when either is missing). */
function deckPrices(o: StageTimingOption, id: string): (number | null)[] {
  return o.boundary.map((y) => {
    const s = y.series.find((x) => x.id === id);
    return s && s.ex_works_usd_per_t !== null && s.multiplier !== null && s.multiplier !== 0
      ? s.ex_works_usd_per_t / s.multiplier
      : null;
  });
}

export function timingBoundaryOption(o: StageTimingOption, i18n: I18n): Spec | undefined {
  const ids = boundarySeries(o);
  if (o.boundary.length === 0 || ids.length === 0) return undefined;
  const years = o.boundary.map((y) => String(y.year));
  const fmt = (v: unknown) => (typeof v === 'number' ? i18n.qty(v, UNIT, 0) : '—');
  const series = ids.flatMap((id, k) => [
    {
      name: i18n.t('opt_price') + ' — ' + i18n.product(id),
      type: 'line',
      data: prices(o, id),
      connectNulls: false,
      symbolSize: 6,
      lineStyle: { color: PALETTE[k % PALETTE.length], width: 2 },
      itemStyle: { color: PALETTE[k % PALETTE.length] },
    },
    {
      name: i18n.t('opt_deck_price') + ' — ' + i18n.product(id),
      type: 'line',
      data: deckPrices(o, id),
      connectNulls: false,
      symbol: 'none',
      lineStyle: { color: PALETTE[k % PALETTE.length], type: 'dashed', width: 1 },
    },
  ]);
  const side = (w: 'above' | 'below' | null) =>
    w === 'above' ? i18n.t('opt_builds_above') : w === 'below' ? i18n.t('opt_builds_below') : '';
  const rows: Cell[][] = o.boundary.map((y) => [
    cell(String(y.year), y.year),
    cell(String(y.decision_year), y.decision_year),
    cell(i18n.pct(y.exercised_share, 0), y.exercised_share),
    cell(i18n.money(y.deck_npv_usd), y.deck_npv_usd),
    ...ids.map((id) => {
      const s = y.series.find((x) => x.id === id);
      return s?.ex_works_usd_per_t == null
        ? cell(i18n.t('opt_no_price'), null)
        : cell(`${side(s.builds_when)} ${fmt(s.ex_works_usd_per_t)}`, s.ex_works_usd_per_t);
    }),
  ]);
  return {
    option: {
      color: PALETTE,
      legend: { top: 0, type: 'scroll' },
      grid: { left: 72, right: 16, top: 48, bottom: 40 },
      tooltip: { trigger: 'axis', valueFormatter: fmt },
      xAxis: {
        type: 'category',
        data: years,
        name: i18n.t('opt_start_year'),
        ...nameBelowAxis(26),
      },
      yAxis: {
        type: 'value',
        name: i18n.unit(UNIT),
        scale: true,
        axisLabel: { formatter: (v: number) => i18n.num(v) },
      },
      series,
    },
    table: {
      columns: [
        i18n.t('opt_start_year'),
        i18n.t('opt_decision_year'),
        i18n.t('opt_exercised'),
        i18n.t('opt_deck_npv'),
        ...ids.map((id) => `${i18n.t('opt_price')} — ${i18n.product(id)} [${i18n.unit(UNIT)}]`),
      ],
      rows,
    },
  };
}
