/**
 * One ECharts chart (canvas renderer — 3–5× faster than SVG for the 25-year cash-flow chart in
 * the what-if — no animation). `option` is applied with notMerge when it changed.
 */
import { useLayoutEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, GraphChart, LineChart, SankeyChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
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
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

import type { ChartOption } from './types.js';

export type { ChartOption };

export function EChart(props: { option: ChartOption; testId: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
  const drawn = useRef('');

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    drawn.current = '';
    const observer = new ResizeObserver(() => {
      c.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = undefined;
    };
  }, []);

  // Layout effect: the chart is redrawn before the parent's effects measure the redraw time.
  useLayoutEffect(() => {
    const c = chart.current;
    if (!c) return;
    // A what-if step that leaves this chart's data unchanged does not redraw it.
    const json = JSON.stringify(props.option);
    if (json === drawn.current) return;
    drawn.current = json;
    c.setOption(
      {
        animation: false,
        // Rich-text tooltips are drawn on the canvas: no HTML with inline styles (CSP).
        tooltip: { renderMode: 'richText', confine: true },
        ...props.option,
      },
      { notMerge: true, lazyUpdate: false },
    );
  }, [props.option]);

  return (
    <div
      ref={ref}
      className={`chart h${String(props.height ?? 320)}`}
      data-testid={props.testId}
      role="img"
    />
  );
}
