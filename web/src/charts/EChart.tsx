/**
 * One ECharts chart (canvas renderer — 3–5× faster than SVG for the 25-year cash-flow chart in
 * the what-if — no animation). A changed `option` whose series and axes keep their shape is
 * merged as data only; any other change is applied with notMerge.
 */
import { memo, useLayoutEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, GraphChart, LineChart, SankeyChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  LegendScrollComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  GraphChart,
  LineChart,
  SankeyChart,
  GridComponent,
  LegendComponent,
  LegendScrollComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

import type { ChartOption } from './types.js';

export type { ChartOption };

import { chartDraws } from './draws.js';

/** The option without its data arrays (`data`, and a Sankey's or graph's `links`). */
function structureKey(option: ChartOption): string {
  return JSON.stringify(option, (k, v: unknown) => (k === 'data' || k === 'links' ? undefined : v));
}

/**
 * The data-only update of `option` (series' data and links, and category-axis data) for
 * ECharts' merge mode, or undefined when the option has a shape this does not cover.
 */
function dataUpdate(option: ChartOption): ChartOption | undefined {
  const series = option.series;
  if (!Array.isArray(series)) return undefined;
  const update: Record<string, unknown> = {
    series: (series as { data?: unknown; links?: unknown }[]).map((s) =>
      s.links === undefined ? { data: s.data } : { data: s.data, links: s.links },
    ),
  };
  for (const axis of ['xAxis', 'yAxis'] as const) {
    const a = option[axis];
    if (Array.isArray(a)) return undefined;
    if (typeof a === 'object' && a !== null && 'data' in a) update[axis] = { data: a.data };
  }
  return update;
}

function EChartView(props: {
  option: ChartOption;
  testId: string;
  height?: number;
  /** Accessible name of the chart (its data is in the table next to it). */
  label?: string;
  /** Receives the ECharts instance (PNG export), undefined when disposed. */
  onInstance?: (chart: echarts.ECharts | undefined) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
  const drawn = useRef({ json: '', structure: '' });

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'canvas', useDirtyRect: true });
    chart.current = c;
    props.onInstance?.(c);
    drawn.current = { json: '', structure: '' };
    const observer = new ResizeObserver(() => {
      c.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = undefined;
      props.onInstance?.(undefined);
    };
    // The instance is made once per mounted element.
  }, []);

  // Layout effect: the chart is redrawn (synchronously: no lazyUpdate) before the dashboard's
  // effect measures the redraw time.
  useLayoutEffect(() => {
    const c = chart.current;
    if (!c) return;
    const t0 = performance.now();
    // A what-if step that leaves this chart's data unchanged does not redraw it.
    const json = JSON.stringify(props.option);
    if (json === drawn.current.json) return;
    const structure = structureKey(props.option);
    const update = structure === drawn.current.structure ? dataUpdate(props.option) : undefined;
    drawn.current = { json, structure };
    if (update) {
      // Same series, axes and styles: merge only the new data (ECharts keeps its components and
      // updates the existing shapes instead of building the chart again).
      c.setOption(update, { notMerge: false, lazyUpdate: false, silent: true });
    } else {
      c.setOption(
        {
          animation: false,
          ...props.option,
          // Rich-text tooltips are drawn on the canvas: no HTML with inline styles (CSP). Kept
          // when the option has its own tooltip settings (trigger etc.).
          tooltip: {
            ...(typeof props.option.tooltip === 'object' ? props.option.tooltip : {}),
            renderMode: 'richText',
            confine: true,
          },
        },
        { notMerge: true, lazyUpdate: false },
      );
    }
    chartDraws.push({
      id: props.testId,
      ms: performance.now() - t0,
      mode: update ? 'data' : 'full',
    });
    if (chartDraws.length > 200) chartDraws.splice(0, 100);
  }, [props.option, props.testId]);

  return (
    <div
      ref={ref}
      className="chart"
      // Set through the CSSOM by React (allowed by the CSP's style-src 'self').
      style={{ height: props.height ?? 320 }}
      data-testid={props.testId}
      role="img"
      aria-label={props.label ?? props.testId}
    />
  );
}

/** Rendered again only when its option object (or id, height) changes. */
export const EChart = memo(EChartView);
export default EChart;
export type EChartInstance = echarts.ECharts;
