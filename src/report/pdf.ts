// HTML → PDF with headless Chromium driven by playwright-core (Debian's /usr/bin/chromium by
// default). JavaScript is disabled in the page and every network request is refused, so the PDF
// is made from the self-contained HTML alone.
import { chromium } from 'playwright-core';

/** Default Chromium binary; override with `CHROMFLOW_CHROMIUM` or `executablePath`. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export interface PdfOptions {
  /** Chromium binary. Default `$CHROMFLOW_CHROMIUM` or /usr/bin/chromium. */
  executablePath?: string;
  /** Time limit for launching Chromium and printing [ms]. Default 60,000. */
  timeoutMs?: number;
  /** Footer text left of the page numbers (escaped). */
  footer?: string;
}

/** Chromium could not be started (missing binary, no permission): an environment problem. */
export class PdfRendererUnavailableError extends Error {
  constructor(
    readonly executablePath: string,
    cause: unknown,
  ) {
    super(
      `cannot start Chromium at ${executablePath} to render the PDF (install Debian's chromium or set CHROMFLOW_CHROMIUM): ${cause instanceof Error ? (cause.message.split('\n')[0] ?? '') : String(cause)}`,
    );
    this.name = 'PdfRendererUnavailableError';
  }
}

const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Prints an HTML document to PDF (A4, backgrounds, page numbers in the footer).
 *
 * @param html - A complete, self-contained HTML document.
 * @param options - Chromium binary, time limit, footer text.
 * @returns The PDF bytes.
 * @throws PdfRendererUnavailableError when Chromium cannot be launched.
 */
export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const executablePath =
    options.executablePath ?? process.env.CHROMFLOW_CHROMIUM ?? DEFAULT_CHROMIUM;
  const timeout = options.timeoutMs ?? 60_000;
  let browser;
  try {
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--headless'],
      timeout,
    });
  } catch (error) {
    throw new PdfRendererUnavailableError(executablePath, error);
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    await page.setContent(html, { waitUntil: 'load' });
    const footer = options.footer !== undefined ? escapeText(options.footer) + ' — ' : '';
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#666">${footer}page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
