// Report rendering (src/report): the synchronous parts the harness can time — the HTML report
// with its four ECharts SSR charts, the charts alone, and building the XLSX cash-flow workbook
// in memory. Serialising the XLSX and printing the PDF are asynchronous (Chromium); their
// wall-clock times are in docs/reports.md.
import { cashflowChartSvg, cashflowWorkbook, renderHtmlReport } from '../src/report/index.js';
import { sampleAppraisal, stage12Input } from '../test/report/fixtures.js';
import type { BenchSuite } from './harness.js';

export function suite(): Promise<BenchSuite> {
  const appraisal = sampleAppraisal();
  const input = stage12Input();
  return Promise.resolve({
    area: 'report',
    cases: [
      {
        name: 'HTML report, all parts filled, 4 SSR charts (25-year cash flow)',
        run: (n) => {
          let x: unknown;
          for (let i = 0; i < n; i++) x = renderHtmlReport(appraisal);
          return x;
        },
      },
      {
        name: 'cash-flow chart alone (ECharts SSR → SVG, 25 years × 7 series)',
        run: (n) => {
          let x: unknown;
          for (let i = 0; i < n; i++) x = cashflowChartSvg(appraisal.cashflow);
          return x;
        },
      },
      {
        name: 'XLSX cash-flow workbook in memory (25 years, ~1,000 formula cells)',
        run: (n) => {
          let x: unknown;
          for (let i = 0; i < n; i++) x = cashflowWorkbook(input);
          return x;
        },
      },
    ],
  });
}
