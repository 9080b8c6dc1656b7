/** An ECharts option object (the same type the charts accept). */
export type { EChartsCoreOption as ChartOption } from 'echarts/core';
