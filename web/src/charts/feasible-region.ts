/**
 * The feasible region of two inputs (`POST /api/feasible-region`, the core's feasibleRegion) as
 * a chart: the contour where the output equals its target — the second input against the first
 * — with the side where the target is met shaded and named, the base case (the scenario's own
 * values of both inputs) marked, and the axes named with their units. Grid rows without a value
 * are gaps in the line (each with its reason in the data table), never joined or guessed.
 */
import type { FeasibleRegionResult } from '../../../src/analysis/feasible-region.js';
import type { I18n } from '../i18n.js';
import { BAD, GOOD, nameBelowAxis, PALETTE, sigValueAxis, type Spec } from './options.js';
import { cell } from './table.js';

/** One input of the chart: its readable name and its unit. */
export interface AxisInput {
  label: string;
  unit: string;
}

/** Which side of the contour meets the target: from the rows that say (all agree), else null. */
export function feasibleSide(r: Pick<FeasibleRegionResult, 'rows'>): 'above' | 'below' | null {
  const sides = new Set(
    r.rows.flatMap((row) =>
      row.feasible_above === null ? [] : [row.feasible_above ? 'above' : 'below'],
    ),
  );
  return sides.size === 1 ? ([...sides][0] as 'above' | 'below') : null;
}

/** Whether any grid row has a value of the second input that meets the target. */
export function metAnywhere(r: Pick<FeasibleRegionResult, 'rows'>): boolean {
  return r.rows.some((row) => row.y !== null);
}

export function feasibleRegionOption(
  r: FeasibleRegionResult,
  x: AxisInput,
  y: AxisInput,
  output: { label: string; format: (v: number) => string },
  i18n: I18n,
): Spec | undefined {
  if (!metAnywhere(r)) return undefined;
  const withUnit = (a: AxisInput) =>
    a.unit === '' ? a.label : `${a.label} [${i18n.unit(a.unit)}]`;
  const fx = (v: number) => i18n.qty(v, x.unit);
  const fy = (v: number) => i18n.qty(v, y.unit);
  const side = feasibleSide(r);
  const points = r.rows.map((row) => [row.x, row.y]);
  const contour = i18n.t('fr_contour', { output: output.label, target: output.format(r.target) });
  // The feasible side as an area from the line to the top (`origin: 'end'`) or the bottom
  // (`'start'`) of the y axis.
  const band =
    side === null
      ? []
      : [
          {
            name: i18n.t(side === 'above' ? 'fr_above' : 'fr_below'),
            type: 'line',
            data: points,
            connectNulls: false,
            symbol: 'none',
            lineStyle: { opacity: 0 },
            itemStyle: { color: GOOD },
            areaStyle: { color: GOOD, opacity: 0.12, origin: side === 'above' ? 'end' : 'start' },
            silent: true,
            tooltip: { show: false },
          },
        ];
  return {
    option: {
      color: PALETTE,
      legend: { top: 0, type: 'scroll' },
      grid: { left: 72, right: 24, top: 48, bottom: 56 },
      tooltip: {
        trigger: 'item',
        formatter: (p: { value: [number, number | null] }) =>
          p.value[1] === null ? '' : `${fx(p.value[0])} → ${fy(p.value[1])}`,
      },
      xAxis: sigValueAxis(i18n, withUnit(x), {
        ...nameBelowAxis(30),
        min: r.range_x[0],
        max: r.range_x[1],
      }),
      yAxis: sigValueAxis(i18n, withUnit(y), { min: r.range_y[0], max: r.range_y[1] }),
      series: [
        ...band,
        {
          name: contour,
          type: 'line',
          data: points,
          connectNulls: false,
          symbolSize: 6,
          lineStyle: { width: 2 },
        },
        {
          // A one-point line (the scatter chart is not in the bundle): its symbol is the mark.
          name: i18n.t('base_case'),
          type: 'line',
          data: [[r.base_values[0], r.base_values[1]]],
          symbol: 'diamond',
          showSymbol: true,
          symbolSize: 14,
          lineStyle: { opacity: 0 },
          itemStyle: { color: BAD },
          label: {
            show: true,
            position: 'right',
            formatter: i18n.t('base_case'),
            color: BAD,
          },
        },
      ],
    },
    table: {
      columns: [withUnit(x), withUnit(y), output.label, i18n.t('fr_side')],
      rows: r.rows.map((row) => [
        cell(fx(row.x), row.x),
        row.y === null ? cell(i18n.t('fr_row_none'), null) : cell(fy(row.y), row.y),
        row.achieved === null ? cell('—', null) : cell(output.format(row.achieved), row.achieved),
        cell(
          row.feasible_above === null ? '—' : i18n.t(row.feasible_above ? 'fr_above' : 'fr_below'),
          row.feasible_above === null ? '' : row.feasible_above ? 'above' : 'below',
        ),
      ]),
    },
  };
}
