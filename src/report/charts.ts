// Charts of an appraisal as inline SVG strings, rendered on the server by ECharts 6 server-side
// rendering (no DOM, no script in the output): `echarts.init(null, null, { renderer: 'svg',
// ssr: true, width, height })` + `renderToSVGString()`. ECharts escapes the text it writes.
// Each function returns null when its data do not exist (the report then says "not computed").
import * as echarts from 'echarts';
import type { StageResult } from '../appraisal.js';
import type { CashflowRow } from '../econ/cashflow/types.js';

export interface ChartSize {
  /** Width [px]. */
  width: number;
  /** Height [px]. */
  height: number;
}

const DEFAULT_SIZE: ChartSize = { width: 760, height: 340 };

/** Colours (colour-blind-safe Okabe–Ito order). */
const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
  '#999999',
  '#000000',
];

/** Renders one option to an SVG string and frees the chart. */
export function renderSvg(option: echarts.EChartsOption, size: ChartSize = DEFAULT_SIZE): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: 'Helvetica, Arial, sans-serif' },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const M = 1e6;
const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

/**
 * Yearly cash flow: stacked bars (revenue up; opex, capex, taxes, ΔWC and closure down) and the
 * cumulative free cash flow as a line, in millions of the table's money [USD M].
 *
 * @param rows - `appraisal.cashflow`.
 * @returns SVG text, or null when there are no rows.
 */
export function cashflowChartSvg(rows: CashflowRow[], size?: ChartSize): string | null {
  if (rows.length === 0) return null;
  let cum = 0;
  const cumulative = rows.map((r) => round((cum += r.free_cash_flow_usd) / M));
  const bar = (name: string, f: (r: CashflowRow) => number) => ({
    name,
    type: 'bar' as const,
    stack: 'flows',
    data: rows.map((r) => round(f(r) / M)),
  });
  return renderSvg(
    {
      title: { text: 'Yearly cash flow [USD M]', left: 'center', textStyle: { fontSize: 14 } },
      legend: { bottom: 0, itemGap: 24 },
      grid: { left: 70, right: 20, top: 40, bottom: 90 },
      xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
      yAxis: { type: 'value', name: 'USD M' },
      series: [
        bar('Revenue', (r) => r.revenue_usd),
        bar('Opex', (r) => -r.opex_usd),
        bar('Capex', (r) => -r.capex_usd),
        bar('Taxes', (r) => -r.tax_usd),
        bar('Working capital', (r) => -r.working_capital_change_usd),
        bar('Closure', (r) => -r.closure_cost_usd),
        {
          name: 'Cumulative free cash flow',
          type: 'line',
          data: cumulative,
          symbolSize: 4,
          lineStyle: { width: 2 },
          itemStyle: { color: '#000000' },
        },
      ],
    },
    size ?? { width: DEFAULT_SIZE.width, height: 380 },
  );
}

/**
 * Value per tonne of contained chromium by product form, in processing order [USD/t Cr].
 *
 * @param ladder - `appraisal.impact.value_ladder_usd_per_t_cr`.
 * @returns SVG text, or null when the ladder is missing or empty.
 */
export function valueLadderChartSvg(
  ladder: Record<string, number> | null | undefined,
  size?: ChartSize,
): string | null {
  const entries = Object.entries(ladder ?? {});
  if (entries.length === 0) return null;
  return renderSvg(
    {
      title: {
        text: 'Value ladder [USD per t of contained Cr]',
        left: 'center',
        textStyle: { fontSize: 14 },
      },
      grid: { left: 80, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: entries.map(([k]) => k) },
      yAxis: { type: 'value', name: 'USD/t Cr' },
      series: [
        {
          type: 'bar',
          data: entries.map(([, v]) => round(v, 0)),
          label: { show: true, position: 'top' },
          itemStyle: { color: '#0072B2' },
        },
      ],
    },
    size,
  );
}

/**
 * Operating cost at nameplate by stage and cost category (stacked horizontal bars) [USD M/a].
 *
 * @param stages - `appraisal.stages`; stages without `opex` are left out.
 * @returns SVG text, or null when no stage has opex lines.
 */
export function opexChartSvg(stages: StageResult[], size?: ChartSize): string | null {
  const withOpex = stages.filter((s) => s.opex !== null && s.opex.lines.length > 0);
  if (withOpex.length === 0) return null;
  const categories = [
    ...new Set(withOpex.flatMap((s) => (s.opex?.lines ?? []).map((l) => l.category))),
  ];
  return renderSvg(
    {
      title: {
        text: 'Operating cost at nameplate [USD M/a]',
        left: 'center',
        textStyle: { fontSize: 14 },
      },
      legend: { bottom: 0, itemGap: 24 },
      grid: { left: 100, right: 30, top: 40, bottom: 60 },
      yAxis: { type: 'category', data: withOpex.map((s) => s.id) },
      xAxis: { type: 'value', name: 'USD M/a' },
      series: categories.map((cat) => ({
        name: cat,
        type: 'bar' as const,
        stack: 'opex',
        data: withOpex.map((s) =>
          round(
            (s.opex?.lines ?? [])
              .filter((l) => l.category === cat)
              .reduce((a, l) => a + l.cost_usd_per_year, 0) / M,
          ),
        ),
      })),
    },
    { width: size?.width ?? DEFAULT_SIZE.width, height: Math.max(180, 90 + 50 * withOpex.length) },
  );
}

/**
 * Capital cost by stage: the estimate (point), its AACE accuracy range (floating bar from the
 * low to the high end) and the budget when one is set [USD M].
 *
 * @param stages - `appraisal.stages`; stages without a capex estimate (`capex` null, e.g. the
 *   raw-export stage, which builds no plant) are left out.
 * @returns SVG text, or null when no stage has an estimate.
 */
export function capexChartSvg(stages: StageResult[], size?: ChartSize): string | null {
  const withCapex = stages.filter((s) => s.capex !== null && s.capex_usd !== null);
  if (withCapex.length === 0) return null;
  const low = withCapex.map((s) => round((s.capex?.accuracy_usd.low ?? 0) / M));
  const high = withCapex.map((s) => round((s.capex?.accuracy_usd.high ?? 0) / M));
  const hasBudget = withCapex.some((s) => s.capex?.budget !== undefined);
  return renderSvg(
    {
      title: {
        text: 'Capital cost with its accuracy range [USD M]',
        left: 'center',
        textStyle: { fontSize: 14 },
      },
      legend: {
        bottom: 0,
        itemGap: 24,
        data: ['Accuracy range', 'Estimate', ...(hasBudget ? ['Budget'] : [])],
      },
      grid: { left: 70, right: 20, top: 40, bottom: 60 },
      xAxis: {
        type: 'category',
        data: withCapex.map(
          (s) => `${s.id} (AACE class ${s.capex?.accuracy_usd.aace_class ?? '?'})`,
        ),
      },
      yAxis: { type: 'value', name: 'USD M', min: 0 },
      series: [
        {
          name: 'base',
          type: 'bar',
          stack: 'range',
          data: low,
          itemStyle: { color: 'transparent' },
          silent: true,
        },
        {
          name: 'Accuracy range',
          type: 'bar',
          stack: 'range',
          barWidth: 36,
          data: high.map((h, i) => round(h - (low[i] ?? 0))),
          itemStyle: { color: '#9ecae1' },
        },
        {
          name: 'Estimate',
          type: 'scatter',
          symbol: 'rect',
          symbolSize: [44, 4],
          data: withCapex.map((s) => round((s.capex_usd ?? 0) / M)),
          itemStyle: { color: '#08306b' },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: unknown }) => Number(p.value).toFixed(1),
          },
        },
        ...(hasBudget
          ? [
              {
                name: 'Budget',
                type: 'scatter' as const,
                symbol: 'diamond',
                symbolSize: 12,
                data: withCapex.map((s) =>
                  s.capex?.budget === undefined ? null : round(s.capex.budget.budget_usd / M),
                ),
                itemStyle: { color: '#D55E00' },
              },
            ]
          : []),
      ],
    },
    size,
  );
}
