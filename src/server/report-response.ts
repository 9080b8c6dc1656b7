/**
 * Report downloads of a stored scenario version: HTML (shown inline), PDF and XLSX (attachments).
 * The scenario is appraised afresh from the version's text (the XLSX needs the cash-flow input,
 * which is not stored). At most two PDFs render at once (each starts a headless Chromium).
 */
import type { Context } from 'hono';
import { ConvergenceError, InputError, NotImplementedError } from '../errors.js';
import type { ReportFormat } from '../report/formats.js';
import type { Scenario } from '../scenario/index.js';
import { apiError } from './http-error.js';

/**
 * CSP of a served HTML report: nothing may load or run; only its own inline CSS (and the inline
 * SVG's style) applies. Replaces the app's CSP, whose `style-src 'self'` would unstyle it.
 */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

const MAX_PARALLEL_PDF = 2;
let pdfRunning = 0;
const pdfWaiting: (() => void)[] = [];

async function withPdfSlot<T>(f: () => Promise<T>): Promise<T> {
  if (pdfRunning >= MAX_PARALLEL_PDF)
    await new Promise<void>((resolve) => {
      pdfWaiting.push(resolve);
    });
  pdfRunning++;
  try {
    return await f();
  } finally {
    pdfRunning--;
    pdfWaiting.shift()?.();
  }
}

/**
 * Renders one report of a validated scenario as an HTTP answer.
 *
 * @param c - The request context.
 * @param scenario - The parsed scenario of the version.
 * @param format - html, pdf or xlsx.
 * @param meta - Scenario name and version number (file name and the report's origin line).
 * @returns 200 with the file; 400 (InputError, naming the field), 422 (not implemented / no
 *   convergence), 503 (Chromium unavailable).
 */
export async function reportResponse(
  c: Context,
  scenario: Scenario,
  format: ReportFormat,
  meta: { name: string; version: number; now: Date },
): Promise<Response> {
  // Loaded on first use: ECharts, exceljs and playwright are not needed to start the server
  // (nor by every CLI command, which imports the server through `serve`).
  const { PdfRendererUnavailableError, renderReports, reportFileStem, reportInputs } =
    await import('../report/index.js');
  try {
    const inputs = reportInputs(scenario);
    const render = () =>
      renderReports(inputs, [format], {
        generatedAt: meta.now,
        origin: `scenario "${meta.name}" version ${meta.version}`,
      });
    const [file] = format === 'pdf' ? await withPdfSlot(render) : await render();
    if (file === undefined) throw new Error('no report rendered');
    const filename = `${reportFileStem(meta.name)}-v${meta.version}.${format}`;
    const headers: Record<string, string> = {
      'Content-Type': file.contentType,
      'Content-Disposition': `${format === 'html' ? 'inline' : 'attachment'}; filename="${filename}"`,
      'Content-Length': String(file.bytes.length),
    };
    if (format === 'html') headers['Content-Security-Policy'] = REPORT_CSP;
    return new Response(file.bytes, { status: 200, headers });
  } catch (error) {
    if (error instanceof InputError)
      return apiError(c, 400, 'invalid_input', error.message, [
        { path: error.field, message: `expected ${error.expected}`, value: error.value },
      ]);
    if (error instanceof NotImplementedError || error instanceof ConvergenceError)
      return apiError(c, 422, error.code, error.message);
    if (error instanceof PdfRendererUnavailableError)
      return apiError(c, 503, 'pdf_unavailable', error.message);
    throw error;
  }
}
