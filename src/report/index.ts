// Reports of one appraisal (edge): HTML with inline SVG charts, PDF by headless Chromium, XLSX
// with a live-formula cash-flow sheet, and the Gnumeric XML cash-flow sheet of the oracle test.
export { reportInputs, type ReportInputs } from './report-inputs.js';
export { renderHtmlReport, type HtmlReportOptions } from './html-report.js';
export {
  htmlToPdf,
  DEFAULT_CHROMIUM,
  PdfRendererUnavailableError,
  type PdfOptions,
} from './pdf.js';
export {
  cashflowWorkbook,
  columnLetter,
  CASHFLOW_SHEETS,
  type CashflowWorkbookLayout,
  type CashflowWorkbookOptions,
  type CashflowSheetRow,
  type CashflowResult,
} from './cashflow-workbook.js';
export { reportWorkbook, type WorkbookReportOptions } from './report-workbook.js';
export {
  renderReports,
  reportFileStem,
  type RenderedReport,
  type RenderOptions,
} from './render-report.js';
export { REPORT_FORMATS, REPORT_CONTENT_TYPES, type ReportFormat } from './formats.js';
export {
  cashflowChartSvg,
  capexChartSvg,
  opexChartSvg,
  valueLadderChartSvg,
  renderSvg,
  type ChartSize,
} from './charts.js';
export { escapeHtml } from './escape-html.js';
export {
  cashflowSheetXml,
  type CashflowSheetParams,
  type CashflowSheetLayout,
} from './cashflow-sheet.js';
