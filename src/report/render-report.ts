// One entry point for the CLI and the server: ReportInputs + formats → files (bytes, content
// type, file name).
import { REPORT_CONTENT_TYPES, type ReportFormat } from './formats.js';
import { renderHtmlReport } from './html-report.js';
import { htmlToPdf, type PdfOptions } from './pdf.js';
import type { ReportInputs } from './report-inputs.js';
import { reportWorkbook } from './report-workbook.js';

export interface RenderedReport {
  format: ReportFormat;
  contentType: string;
  bytes: Uint8Array;
  /** Time to render this format [ms] (the PDF's includes rendering its HTML when needed). */
  elapsed_ms: number;
}

export interface RenderOptions {
  generatedAt?: Date;
  origin?: string;
  docsBaseUrl?: string;
  pdf?: PdfOptions;
}

/** A file-name stem from a scenario name: lower-case letters, digits and dashes (≤ 80). */
export function reportFileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return stem === '' ? 'appraisal' : stem;
}

/**
 * Renders the report in each requested format (the HTML once, shared by HTML and PDF).
 *
 * @param inputs - From `reportInputs(scenario)`.
 * @param formats - Formats, each rendered once, in the given order.
 * @param options - Header details, docs link base, Chromium options.
 * @returns One rendered file per distinct format.
 * @throws PdfRendererUnavailableError (pdf), InputError (xlsx with an inconsistent cash-flow input).
 */
export async function renderReports(
  inputs: ReportInputs,
  formats: readonly ReportFormat[],
  options: RenderOptions = {},
): Promise<RenderedReport[]> {
  let html: string | undefined;
  const htmlText = (): string =>
    (html ??= renderHtmlReport(inputs.appraisal, {
      ...(options.generatedAt !== undefined ? { generatedAt: options.generatedAt } : {}),
      ...(options.origin !== undefined ? { origin: options.origin } : {}),
      ...(options.docsBaseUrl !== undefined ? { docsBaseUrl: options.docsBaseUrl } : {}),
    }));
  const out: RenderedReport[] = [];
  for (const format of [...new Set(formats)]) {
    const t0 = performance.now();
    let bytes: Uint8Array;
    if (format === 'html') bytes = new TextEncoder().encode(htmlText());
    else if (format === 'pdf')
      bytes = await htmlToPdf(htmlText(), {
        footer: inputs.appraisal.scenario.name,
        ...options.pdf,
      });
    else {
      const wb = reportWorkbook(inputs, {
        ...(options.generatedAt !== undefined ? { generatedAt: options.generatedAt } : {}),
        ...(options.origin !== undefined ? { origin: options.origin } : {}),
      });
      bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    }
    out.push({
      format,
      contentType: REPORT_CONTENT_TYPES[format],
      bytes,
      elapsed_ms: performance.now() - t0,
    });
  }
  return out;
}
