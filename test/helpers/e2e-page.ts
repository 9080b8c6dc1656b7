// The start-up the browser tests share: the web app built by Vite into a temporary directory, a
// real server on it (temporary SQLite, cheap password hashes), Debian's Chromium driven by
// playwright-core (no browser download) and one page; and what the tests then do on any page —
// the first login, a scenario's address, axe-core, the visible text. A suite runs only where
// /usr/bin/chromium is present (in CI its absence fails, test/helpers/required-tool.ts).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { build } from 'vite';
import { startServer, type StartOptions, type Started } from '../../src/server/start.js';
import { requireTool } from './required-tool.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** axe-core, the pinned npm package, evaluated in the page (no CDN). */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Whether Chromium is here: use as `describe.runIf(chromiumPresent())`. */
export function chromiumPresent(): boolean {
  return requireTool('chromium', existsSync(CHROMIUM), 'apt-get install chromium');
}

export interface E2ePage {
  /** The temporary directory: the build in `web/`, the database, whatever a test saves. */
  dir: string;
  /** The built web app (`<dir>/web`). */
  webDir: string;
  server: Started;
  browser: Browser;
  page: Page;
  /** The one-time password of the seeded admin, as the server logged it at its first start. */
  adminPassword: string;
}

export interface E2eOptions {
  /** Prefix of the temporary directory's name. */
  tmpPrefix: string;
  /** Server options other than the port, database, static directory and hash cost. */
  server?: Omit<StartOptions, 'port' | 'dbFile' | 'staticDir' | 'passwordLog2N' | 'log'>;
  /** Options of the page (the viewport defaults to 1366 × 900). */
  page?: BrowserContextOptions;
}

/**
 * Builds the web app, starts the server and Chromium and opens one page. What was started
 * before a failure is stopped again, so a failed start leaves no process behind.
 */
export async function startE2ePage(options: E2eOptions): Promise<E2ePage> {
  const dir = mkdtempSync(join(tmpdir(), options.tmpPrefix));
  const webDir = join(dir, 'web');
  let server: Started | undefined;
  let browser: Browser | undefined;
  try {
    await build({
      configFile: join(ROOT, 'web/vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: webDir, emptyOutDir: true },
    });
    const lines: string[] = [];
    server = await startServer({
      ...options.server,
      port: 0,
      dbFile: join(dir, 'db.sqlite'),
      staticDir: webDir,
      passwordLog2N: 10,
      log: (line) => lines.push(line),
    });
    const adminPassword =
      lines[lines.findIndex((l) => l.includes('one-time password')) + 1]?.trim() ?? '';
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless'],
    });
    const page = await browser.newPage({
      viewport: { width: 1366, height: 900 },
      ...options.page,
    });
    return { dir, webDir, server, browser, page, adminPassword };
  } catch (e) {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Closes the browser and the server; removes the temporary directory unless `keepDir` (the
 * caller then removes what it does not keep).
 */
export async function stopE2ePage(
  e2e: E2ePage | undefined,
  options: { keepDir?: boolean } = {},
): Promise<void> {
  if (!e2e) return;
  await e2e.browser.close();
  await e2e.server.close();
  if (!options.keepDir) rmSync(e2e.dir, { recursive: true, force: true });
}

/**
 * Logs in as the seeded admin with the one-time password and changes it through the UI; ends on
 * the scenario list.
 */
export async function changeAdminPassword(
  e2e: E2ePage,
  newPassword: string,
  url = e2e.server.url,
): Promise<void> {
  const { page, adminPassword } = e2e;
  await page.goto(url);
  await page.fill('input[name=username]', 'admin');
  await page.fill('input[name=password]', adminPassword);
  await page.click('[data-testid=login-submit]');
  await page.waitForSelector('[data-testid=password-form]');
  await page.fill('input[name=current]', adminPassword);
  await page.fill('input[name=new]', newPassword);
  await page.click('[data-testid=password-submit]');
  await page.waitForSelector('[data-testid=scenario-list]');
}

/** Address of the first scenario in the list on the page whose name contains `nameContains`. */
export async function scenarioUrl(e2e: E2ePage, nameContains: string): Promise<string> {
  const links = e2e.page.locator('[data-testid=scenario-link]');
  const names = await links.allTextContents();
  const hrefs = await links.evaluateAll((els: unknown[]) =>
    (els as { getAttribute(n: string): string | null }[]).map((e) => e.getAttribute('href') ?? ''),
  );
  return e2e.server.url + (hrefs[names.findIndex((n) => n.includes(nameContains))] ?? '');
}

export interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
}

/** Loads axe-core into the page (once per document; again after a navigation). */
export async function loadAxe(page: Page): Promise<void> {
  await page.evaluate(AXE);
}

/** axe-core in the page: every serious or critical violation, with its first selectors. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await loadAxe(page);
  const r = (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(o: object): Promise<unknown> } }).axe.run({
      resultTypes: ['violations'],
    }),
  )) as AxeResult;
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact ?? ''}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`,
    );
}

/** Clicks, waits for the download the click starts, saves it as `<dir>/<name>`; its text. */
export async function savedDownload(
  e2e: E2ePage,
  name: string,
  click: () => Promise<unknown>,
): Promise<string> {
  const [download] = await Promise.all([e2e.page.waitForEvent('download'), click()]);
  const path = join(e2e.dir, name);
  await download.saveAs(path);
  return readFileSync(path, 'utf8');
}

/**
 * What a page shown in Russian must not contain: a raw float (five or more decimals), a
 * hyphen-minus before a number, or any of `englishWords`.
 * @returns The problems found; none is [].
 */
export function untranslatedText(body: string, englishWords: readonly string[]): string[] {
  const problems: string[] = [];
  const raw = /\d[.,]\d{5,}/.exec(body);
  if (raw) problems.push(`raw float: ${raw[0]}`);
  const minus = /(^|[\s(])-\d/m.exec(body);
  if (minus) problems.push(`hyphen-minus before a number: ${minus[0].trim()}`);
  for (const word of englishWords) if (body.includes(word)) problems.push(`English: ${word}`);
  return problems;
}

/** Visible text of the page (the tests' tsconfig has no DOM lib, hence the narrow type). */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { body: { innerText: string } } }).document.body
        .innerText,
  );
}
