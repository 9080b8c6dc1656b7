/**
 * Report downloads of a stored scenario version: HTML (shown inline), PDF and XLSX (attachments).
 * The scenario is appraised afresh from the version's text (the XLSX needs the cash-flow input,
 * which is not stored), in the worker pool. At most two PDFs print at once (each starts a
 * headless Chromium).
 */
import type { Context } from 'hono';
import type { ReportFormat } from '../report/formats.js';
import type { Deps } from './context.js';
import { apiError, notFound } from './http-error.js';
import { replyProblem, REQUEST_FILE } from './scenario-text.js';

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
 * Renders one report of a scenario version as an HTTP answer: the appraisal and the HTML or
 * XLSX in a worker thread (behind the work gate); a PDF's HTML there too, then printed by
 * headless Chromium from here (a separate process; at most two at once).
 *
 * @param text - The version's scenario text.
 * @param format - html, pdf or xlsx.
 * @param meta - Scenario name and version number (file name and the report's origin line).
 * @returns 200 with the file; 400 (invalid scenario, or InputError naming the field), 422 (not
 *   implemented / no convergence), 503 (busy, or Chromium unavailable).
 */
export function reportResponse(
  c: Context,
  deps: Deps,
  text: string,
  format: ReportFormat,
  meta: { name: string; version: number; now: Date },
): Promise<Response> {
  return deps.gate.run(c, async () => {
    const reply = await deps.pool().report({
      text,
      file: REQUEST_FILE,
      format,
      origin: `scenario "${meta.name}" version ${meta.version}`,
      generatedAt: meta.now.toISOString(),
    });
    const problem = replyProblem(c, reply, `version ${meta.version}`);
    if (problem !== undefined || reply.kind !== 'ok') return problem ?? notFound(c);
    let bytes: Uint8Array;
    let contentType: string;
    if (reply.format === 'pdf') {
      // Loaded on first use: playwright is not needed to start the server.
      const { htmlToPdf, PdfRendererUnavailableError, REPORT_CONTENT_TYPES } =
        await import('../report/index.js');
      try {
        bytes = await withPdfSlot(() => htmlToPdf(reply.html, { footer: reply.footer }));
      } catch (error) {
        if (error instanceof PdfRendererUnavailableError)
          return apiError(c, 503, 'pdf_unavailable', error.message);
        throw error;
      }
      contentType = REPORT_CONTENT_TYPES.pdf;
    } else {
      bytes = reply.bytes;
      contentType = reply.contentType;
    }
    const { reportFileStem } = await import('../report/render-report.js');
    const filename = `${reportFileStem(meta.name)}-v${meta.version}.${format}`;
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'Content-Disposition': `${format === 'html' ? 'inline' : 'attachment'}; filename="${filename}"`,
      'Content-Length': String(bytes.length),
    };
    if (format === 'html') headers['Content-Security-Policy'] = REPORT_CSP;
    return new Response(bytes, { status: 200, headers });
  });
}
