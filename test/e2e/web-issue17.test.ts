// Browser tests of issue 17 ("the web app as its users need it"): Debian's Chromium driven by
// playwright-core against a real server (temporary SQLite, the UI built by Vite into a
// temporary directory, no browser download). A Russian-reading user on desktop and phone opens
// the Aktobe scenarios, reads the flowsheet, follows the NPV bridge, edits one number and sees a
// one-line diff, never meets an English string, a raw float or an unexplained refusal; axe-core
// (the pinned npm package, evaluated in the page) finds no serious or critical violation on any
// page; the static JavaScript is served compressed with immutable cache headers.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeAdminPassword,
  chromiumPresent,
  pageText,
  savedDownload,
  scenarioUrl,
  seriousAxeViolations,
  startE2ePage,
  stopE2ePage,
  untranslatedText,
  type E2ePage,
} from '../helpers/e2e-page.js';

const PASSWORD = 'e2e-17-password-0123456789';
/** The server's Monte Carlo sample limit in this test (the default is 1,000,000). */
const MAX_SAMPLES = 40_000;
/** A space of a grouped number (ru: U+00A0 or U+202F). */
const SP = '[\\s\\u00a0\\u202f]';

describe.runIf(chromiumPresent())('issue 17: the web app in Chromium', () => {
  let e2e: E2ePage | undefined;
  let browser: Browser;
  let page: Page;
  let base = '';
  let stage12 = '';
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    e2e = await startE2ePage({
      tmpPrefix: 'chromflow-e2e17-',
      // Limits other than the defaults (and the UI's fallback), so the form visibly takes
      // them from GET /api/mc-runs/limits.
      server: { mcLimits: { max_samples: MAX_SAMPLES, max_concurrent_runs_per_user: 1 } },
      page: { acceptDownloads: true },
    });
    ({ browser, page } = e2e);
    base = e2e.server.url;
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) cspViolations.push(m.text());
    });
    // Log in and change the one-time password through the UI.
    await changeAdminPassword(e2e, PASSWORD);
    stage12 = await scenarioUrl(e2e, 'stages 1 + 2');
  }, 240_000);

  afterAll(() => stopE2ePage(e2e));

  const axe = () => seriousAxeViolations(page);

  async function lang(l: 'en' | 'ru' | 'kk') {
    await page.selectOption('[data-testid=lang]', l);
  }

  async function openDashboard(url = stage12) {
    await page.goto(url);
    await page.waitForSelector('[data-testid=kpi-npv][data-computed=true]', { timeout: 60_000 });
  }

  /** Visible text of the page. */
  const text = () => pageText(page);

  it('static JavaScript is served compressed (brotli, gzip) with immutable caching of hashed files', async () => {
    const html = await fetch(base).then((r) => r.text());
    const js = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1];
    expect(js).toBeDefined();
    for (const enc of ['br', 'gzip']) {
      const r = await fetch(base + js!.slice(1), { headers: { 'Accept-Encoding': enc } });
      expect(r.headers.get('content-encoding')).toBe(enc);
      expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(r.headers.get('vary')).toMatch(/Accept-Encoding/i);
    }
    const page0 = await fetch(base);
    expect(page0.headers.get('cache-control')).toBe('no-cache');
  });

  it('first load: the KPI cards of a stored scenario appear from the server appraisal (time printed)', async () => {
    const t0 = Date.now();
    await openDashboard();
    const ms = Date.now() - t0;
    console.log(
      `issue 17: KPI cards after ${String(ms)} ms (shared 2-core machine; the target is 1.5 s on an idle one)`,
    );
    expect(await page.getAttribute('[data-testid=kpi-npv]', 'data-computed')).toBe('true');
    // The lender and sponsor figures the appraisal has.
    for (const id of ['equity_irr', 'lcop', 'breakeven_price', 'peak_funding', 'min_dscr'])
      expect(await page.getAttribute(`[data-testid=fin-${id}]`, 'data-computed'), id).toBe('true');
    await page.waitForSelector('[data-testid=slider-fecr_price]', { timeout: 60_000 });
  }, 240_000);

  it('what-if: exact entry beside the slider, KPI deltas against the base, save as a version', async () => {
    await page.fill('[data-testid=exact-fecr_price]', '9500');
    await page.press('[data-testid=exact-fecr_price]', 'Enter');
    await expect
      .poll(() => page.textContent('[data-testid=slider-value-fecr_price]'), { timeout: 30_000 })
      .toMatch(/9,500/);
    await expect
      .poll(() => page.locator('[data-testid=delta-npv]').count(), { timeout: 30_000 })
      .toBe(1);
    expect(await page.textContent('[data-testid=delta-npv]')).toMatch(/^\+USD\s[\d.]+\sM vs base$/);
    await page.click('[data-testid=save-whatif]');
    await page.waitForSelector('[data-testid=scenario-title] >> text=v2', { timeout: 30_000 });
    await openDashboard();
  }, 240_000);

  it('flowsheet: an ELK process flow diagram with unit symbols; a stream click shows its table', async () => {
    await page.waitForSelector('[data-testid=flowsheet-svg]', { timeout: 30_000 });
    expect(
      await page.locator('[data-testid=flowsheet-svg] .fs-unit').count(),
    ).toBeGreaterThanOrEqual(7);
    expect(
      await page.locator('[data-testid=flowsheet-svg] .fs-feed').count(),
    ).toBeGreaterThanOrEqual(6);
    expect(
      await page.locator('[data-testid=flowsheet-svg] .fs-outlet').count(),
    ).toBeGreaterThanOrEqual(10);
    await page.locator('[data-testid=flowsheet-svg] .fs-edge[data-stream=alloy]').first().focus();
    await page.keyboard.press('Enter');
    const info = await page.textContent('[data-testid=flowsheet-info]');
    expect(info).toMatch(/Mass flow\d/);
    expect(info).toMatch(/t\/h/);
    expect(info).toMatch(/°C/);
    await page.click('[data-testid=fs-zoom-in]');
  });

  it('charts: PNG and CSV export, and a data table behind each chart', async () => {
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=png-cashflow]'),
    ]);
    expect(png.suggestedFilename()).toBe('chromflow-cashflow.png');
    const rows = (
      await savedDownload(e2e!, 'cf.csv', () => page.click('[data-testid=csv-cashflow]'))
    )
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(rows[0]).toMatch(/^Year,Revenue \[USD M\]/);
    expect(rows.length).toBeGreaterThan(20);
    for (const id of ['cashflow', 'capex', 'opex', 'ladder', 'sankey', 'flowsheet'])
      expect(await page.locator(`[data-testid=table-${id}] table`).count(), id).toBe(1);
  });

  it('capex by unit per stage (waterfall drawn, data table) and what the budget buys by route and class', async () => {
    // A breakdown chart for each stage with a capex estimate, drawn on its canvas.
    for (const stage of ['smelter', 'chromium']) {
      const canvas = page.locator(`[data-testid=chart-capex-units-${stage}] canvas`);
      await canvas.waitFor({ timeout: 30_000 });
      const box = await canvas.boundingBox();
      expect(box?.width ?? 0, stage).toBeGreaterThan(300);
      expect(box?.height ?? 0, stage).toBeGreaterThan(150);
    }
    await page.click('[data-testid=table-capex-units-smelter] summary');
    const parts = (await page.textContent('[data-testid=table-capex-units-smelter]')) ?? '';
    for (const part of [
      'dc-furnace',
      'Off-sites',
      "Owner's cost",
      'Contingency',
      'Stage capex',
      'Capex [USD M]',
    ])
      expect(parts, part).toContain(part);
    expect(parts).toMatch(/\d\.\d\u00a0MVA/);
    expect(await page.textContent('[data-testid=capex-basis-smelter]')).toMatch(
      /AACE class 5: USD\u00a0\d+\.\d\u00a0M – USD\u00a0\d+\.\d\u00a0M/,
    );
    // The capex card names each stage's cost class.
    expect(await page.textContent('[data-testid=basis-kpi-capex]')).toContain(
      'smelter: Chinese EPC class, calibrated on reference plants',
    );
    // The budget table: four smelting routes × two classes, the scenario's row marked.
    const rows = page.locator('[data-testid=budget-buys-smelter-row]');
    expect(await rows.count()).toBe(8);
    const own = page.locator('[data-testid=budget-buys-smelter-row][data-current=true]');
    expect(await own.count()).toBe(1);
    expect(await own.textContent()).toMatch(
      /^DC open-arc furnaceChinese EPC \(this scenario\)USD\u00a0\d+\.\d\u00a0M\d+\u00a0kt\/year\d+ – \d+\u00a0kt\/year$/,
    );
    expect(await page.locator('[data-testid=budget-buys-chromium]').count()).toBe(0);
    const lines = (
      await savedDownload(e2e!, 'budget.csv', () =>
        page.click('[data-testid=csv-budget-buys-smelter]'),
      )
    )
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Route,Reference cost class,Capex at 80.0\u00a0kt/year [USD],Capacity within the budget [kt/year],P10–P90 range [kt/year]',
    );
    expect(lines).toHaveLength(9);
    expect(await axe()).toEqual([]);
  }, 240_000);

  it('tornado: input values at P10/P90 in the labels, units on the axis (data table)', async () => {
    await page.click('[data-testid=run-tornado]');
    await page.waitForSelector('[data-testid=chart-tornado] canvas', { timeout: 60_000 });
    await page.click('[data-testid=table-tornado] summary');
    const table = await page.textContent('[data-testid=table-tornado]');
    expect(table).toMatch(/Change from the base case \[USD M\]/);
    // Each input named (a stage's input with its stage) with its P10 and P90 value and unit.
    expect(table).toMatch(/KZT per USD — Exchange rates\s*\d{3}\s*KZT\/USD/);
    expect(table).toMatch(/Price — aluminium\s*[\d,]+\s*USD\/t/);
    expect(table).toContain('Capex factor (smelter)');
    expect(table).toContain('Capex factor (chromium)');
  }, 240_000);

  it('Monte Carlo: the sample count is checked in the form with a plain message', async () => {
    await page.fill('[data-testid=mc-samples]', '5');
    expect(await page.isDisabled('[data-testid=run-mc]')).toBe(true);
    expect(await page.textContent('[data-testid=mc-samples-help]')).toMatch(
      /whole number of samples from 10 to/,
    );
    await page.fill('[data-testid=mc-samples]', '200');
    expect(await page.isDisabled('[data-testid=run-mc]')).toBe(false);
  });

  it('in Russian: no English string and no raw float on the dashboard; plural "года"', async () => {
    await lang('ru');
    await page.waitForSelector('text=Сценарии');
    const body = await text();
    expect(body).toContain('Денежный поток по годам');
    expect(body).toMatch(/\d\s(года|лет|год)/);
    // No raw float, no hyphen-minus before a number, and no English word (identifiers of the
    // file — stage ids, stream names — may appear).
    expect(
      untranslatedText(body, [
        'Cash flow',
        'Opex',
        'Revenue',
        'Capex',
        'Monte Carlo',
        'Histogram',
        'not computed',
        'Compute',
        'Run ',
        'Samples',
        'budget',
        'Data table',
        'years',
        'wt%',
        'Product grade',
        'Out of specification',
        'FKh',
        'Slag',
        'spinel',
        '(required',
        'screening',
      ]),
    ).toEqual([]);
    // The stage table: the grade in Cyrillic with its standard; S, P, Ti with Russian units.
    expect(await page.textContent('[data-testid=grade-smelter]')).toContain('ФХ800А (ГОСТ 4757-91');
    expect(await page.textContent('[data-testid=minors-smelter]')).toMatch(
      /^S 0,0\d\d\u00a0мас\. %, P /,
    );
    // The slag (issue 16): liquidus in °C with its phase in Russian, viscosity in Па·с, and the
    // reference's short superheat explained in words with the model's stated error.
    expect(await page.textContent('[data-testid=slag-liquidus-smelter]')).toMatch(
      /^1[\u00a0\u202f ]7\d\d\u00a0°Cшпинель MgAl2O4$/,
    );
    expect(await page.textContent('[data-testid=slag-viscosity-smelter]')).toMatch(
      /^0,\d+\u00a0Па·с при /,
    );
    const superheat = await page.textContent('[data-testid=slag-superheat-smelter]');
    expect(superheat).toMatch(/^\u22125\u00a0К \(требуется 100\u00a0К\)Перегрев меньше требуемого/);
    expect(superheat).toContain('оценочный расчёт');
    expect(await page.textContent('[data-testid=slag-superheat-chromium]')).toBe('—');
    // The capex breakdown and the budget table in Russian, with Russian units.
    expect(await page.textContent('[data-testid=budget-buys-smelter]')).toMatch(
      new RegExp(`Печь постоянного тока с открытой дугой.*\\d+ – \\d+${SP}тыс\\. т/год`),
    );
    expect(await page.textContent('[data-chart=capex-units-smelter] h3')).toBe(
      'Капвложения по агрегатам — smelter',
    );
    expect(await axe()).toEqual([]);
  });

  it('editor in Russian: field names translated; one number edited is a one-line diff; unsaved changes ask first', async () => {
    await page.click('[data-testid=tab-edit]');
    await page.waitForSelector('[data-testid=schema-form]');
    expect(await page.textContent('[data-testid=schema-form]')).toContain('Мощность');
    const field = page.locator('[aria-label="finance.financing.tenor_years"]');
    await expect.poll(() => field.inputValue()).toBe('8');
    await field.fill('9');
    await expect.poll(() => page.locator('[data-testid=unsaved]').count()).toBe(1);
    // Leaving asks; dismissing keeps the editor and the edit.
    page.once('dialog', (d) => {
      void d.dismiss();
    });
    await page.click('[data-testid=tab-history]');
    await page.waitForTimeout(300);
    expect(await page.locator('[data-testid=schema-form]').count()).toBe(1);
    expect(await field.inputValue()).toBe('9');
    await expect
      .poll(() => page.textContent('[data-testid=validation-status]'))
      .toBe('Сценарий корректен.');
    await page.fill('[data-testid=save-message]', 'e2e: кредит 9 лет');
    await page.click('[data-testid=save-version]');
    await expect
      .poll(() => page.textContent('[data-testid=save-status]'))
      .toMatch(/Сохранена версия 3/);
    await page.click('[data-testid=tab-history]');
    await page.waitForSelector('[data-testid=version-3]');
    await page.selectOption('[data-testid=diff-from]', '2');
    await page.selectOption('[data-testid=diff-to]', '3');
    await page.click('[data-testid=show-diff]');
    const unified = (await page.textContent('[data-testid=unified-diff]')) ?? '';
    const plus = unified.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'));
    const minus = unified.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---'));
    expect(plus).toEqual(['+    tenor_years: 9']);
    expect(minus).toEqual(['-    tenor_years: 8']);
    expect(await axe()).toEqual([]);
  }, 240_000);

  it('editor: all problems at once at their fields, markers on groups, a syntax error once with its line', async () => {
    await page.click('[data-testid=tab-edit]');
    await page.waitForSelector('[data-testid=schema-form]');
    await page.fill('[aria-label="finance.financing.tenor_years"]', '-1');
    await page.fill('[aria-label="stages[0].capacity_t_per_year"]', '-5');
    await expect
      .poll(() => page.locator('[data-testid=problems] li').count())
      .toBeGreaterThanOrEqual(2);
    expect(
      await page.textContent('[data-field="stages[0].capacity_t_per_year"] .field-problems'),
    ).toMatch(
      /указано -5; ожидается число не меньше 1 и не больше 100[\s\u00a0\u202f]000[\s\u00a0\u202f]000 \[т\/год\]/,
    );
    expect(await page.locator('[data-testid="marker-finance"]').count()).toBe(1);
    expect(await page.isDisabled('[data-testid=save-version]')).toBe(true);
    // Clicking a location opens the YAML view at that line (with line numbers).
    await page.locator('[data-testid=problem-location]').first().click();
    await page.waitForSelector('[data-testid=yaml-text]');
    expect(await page.locator('.yaml-view .gutter .err').count()).toBeGreaterThanOrEqual(1);
    // A YAML syntax error: one message with its line.
    await page.fill('[data-testid=yaml-text]', 'chromflow: 1\nname: [unclosed\nsite: x\n');
    await expect.poll(() => page.locator('[data-testid=problems] li').count()).toBe(1);
    expect(await page.textContent('[data-testid=problems]')).toMatch(/строке \d+/);
    page.once('dialog', (d) => {
      void d.accept();
    });
    await page.click('[data-testid=tab-dashboard]');
    await page.waitForSelector('[data-testid=dashboard]', { timeout: 60_000 });
  }, 240_000);

  it('NPV bridge in Compare: from the raw-export NPV to the stage-1 NPV, start and end totals, a delta column', async () => {
    await page.goto(base + '#/');
    await page.waitForSelector('[data-testid=scenario-list]');
    const names = await page.locator('[data-testid=scenario-link]').allTextContents();
    const picks = page.locator('[data-testid=compare-pick]');
    await picks.nth(names.findIndex((n) => n.includes('raw concentrate'))).check();
    await picks.nth(names.findIndex((n) => n.includes('stage 1, HC'))).check();
    await page.click('[data-testid=compare-go]');
    await page.waitForSelector('[data-testid=chart-npv-bridge] canvas', { timeout: 60_000 });
    expect(await page.locator('[data-testid=compare-delta-head]').count()).toBe(1);
    expect(await page.textContent('[data-testid=compare-delta-npv]')).toMatch(/^[+\u2212]\d/);
    await page.click('[data-testid=table-npv-bridge] summary');
    const rows = await page.locator('[data-testid=table-npv-bridge] tbody tr').allTextContents();
    expect(rows[0]).toMatch(/^ЧДД: .*raw/);
    expect(rows.at(-1)).toMatch(/^ЧДД: .*stage 1/);
    expect(await axe()).toEqual([]);
  }, 240_000);

  it('phone (390 px): dashboard, history and compare without sideways scrolling; flowsheet top to bottom', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = () =>
      page.evaluate(() => {
        // The elements sticking out, printed to find a regression.
        const d = (
          globalThis as unknown as {
            document: {
              querySelectorAll(s: string): ArrayLike<{
                getBoundingClientRect(): { right: number };
                className: string;
                tagName: string;
              }>;
            };
          }
        ).document;
        const wide = Array.from(d.querySelectorAll('body *'))
          .filter((e) => e.getBoundingClientRect().right > 392)
          .slice(0, 5);
        if (wide.length > 0)
          console.log('wide:', wide.map((e) => `${e.tagName}.${e.className}`).join(' '));
        const r = (
          globalThis as unknown as {
            document: { documentElement: { scrollWidth: number; clientWidth: number } };
          }
        ).document.documentElement;
        return r.scrollWidth - r.clientWidth;
      });
    await page.waitForTimeout(500);
    expect(await overflow()).toBeLessThanOrEqual(1);
    await openDashboard();
    await page.waitForSelector('[data-testid=flowsheet-svg]', { timeout: 30_000 });
    expect(await overflow()).toBeLessThanOrEqual(1);
    // The budget table's rows are blocks of labelled lines within the screen.
    const row = page.locator('[data-testid=budget-buys-smelter-row]').first();
    expect((await row.boundingBox())?.width ?? 999).toBeLessThanOrEqual(390);
    expect(
      (await page.locator('[data-testid=chart-capex-units-smelter] canvas').boundingBox())?.width ??
        999,
    ).toBeLessThanOrEqual(390);
    expect(await axe()).toEqual([]);
    await page.goto(stage12.replace(/#\/s\/([^/]+).*$/, '#/s/$1/history'));
    await page.waitForSelector('[data-testid=version-1]');
    expect(await overflow()).toBeLessThanOrEqual(1);
    expect(await axe()).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });
  }, 240_000);

  it('scenario management: new from a template, rename, share, and a viewer sees read-only notices, no Run', async () => {
    await page.goto(base + '#/');
    await page.waitForSelector('[data-testid=scenario-list]');
    await page.click('[data-testid=new-scenario] summary');
    await page.fill('[data-testid=new-name]', 'e2e-17 из шаблона');
    await page.click('[data-testid=create-from-template]');
    await page.waitForSelector('[data-testid=editor]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid=scenario-title]')).toContain('e2e-17 из шаблона');
    await page.goto(base + '#/');
    await page.waitForSelector('tr:has-text("e2e-17 из шаблона")');
    const id = await page.locator('tr:has-text("e2e-17 из шаблона")').getAttribute('data-scenario');
    const row = page.locator(`tr[data-scenario="${id ?? ''}"]`);
    await row.locator('[data-testid=rename]').click();
    await row.locator('[data-testid=rename-input]').fill('e2e-17 переименован');
    await row.locator('[data-testid=rename-save]').click();
    await page.waitForSelector('text=e2e-17 переименован');
    const renamed = page.locator('tr:has-text("e2e-17 переименован")');
    await renamed.locator('[data-testid=share]').click();
    await expect.poll(() => renamed.locator('td').nth(2).textContent()).toBe('общий');
    expect(await axe()).toEqual([]);
    // User administration: register a viewer; the one-time password is shown once.
    await page.click('[data-testid=nav-users]');
    await page.waitForSelector('[data-testid=users]');
    await page.fill('[data-testid=new-user-name]', 'viewer17');
    await page.selectOption('[data-testid=new-user-role]', 'viewer');
    await page.click('[data-testid=new-user-submit]');
    await page.waitForSelector('[data-testid=one-time-password] code');
    const otp = (await page.textContent('[data-testid=one-time-password] code')) ?? '';
    expect(await axe()).toEqual([]);
    // The viewer, in a second browser context.
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const v = await ctx.newPage();
    await v.goto(base);
    await v.selectOption('[data-testid=lang]', 'ru');
    expect(await seriousAxeViolations(v)).toEqual([]);
    await v.fill('input[name=username]', 'viewer17');
    await v.fill('input[name=password]', otp);
    await v.click('[data-testid=login-submit]');
    await v.waitForSelector('[data-testid=password-form]');
    await v.fill('input[name=current]', otp);
    await v.fill('input[name=new]', 'viewer-17-password-0123');
    await v.click('[data-testid=password-submit]');
    await v.waitForSelector('[data-testid=scenario-list]');
    expect(await v.textContent('[data-testid=read-only]')).toMatch(/Только просмотр/);
    expect(await v.locator('[data-testid=new-scenario]').count()).toBe(0);
    await v.goto(stage12);
    await v.waitForSelector('[data-testid=kpi-npv][data-computed=true]', { timeout: 60_000 });
    expect(await v.textContent('[data-testid=read-only]')).toMatch(/наблюдатель/);
    expect(await v.locator('[data-testid=run-mc]').count()).toBe(0);
    expect(await v.textContent('[data-testid=mc-viewer]')).toMatch(/роль редактора/);
    expect(await v.locator('[data-testid=save-whatif]').count()).toBe(0);
    await v.click('[data-testid=tab-edit]');
    await v.waitForSelector('[data-testid=schema-form]');
    expect(await v.isDisabled('[aria-label="stages[0].capacity_t_per_year"]')).toBe(true);
    expect(await v.locator('[data-testid=save-version]').count()).toBe(0);
    await ctx.close();
  }, 240_000);

  it('archive and delete (issue 18 routes), MC limits from the server, past runs with cancel and CSV', async () => {
    // Archive: the row leaves the list, comes back with "show archived", and is deleted.
    await page.goto(base + '#/');
    await page.waitForSelector('[data-testid=scenario-list]');
    const row = page.locator('tr:has-text("e2e-17 переименован")');
    await row.locator('[data-testid=archive]').click();
    await expect.poll(() => page.locator('tr:has-text("e2e-17 переименован")').count()).toBe(0);
    await page.check('[data-testid=show-archived]');
    await page.waitForSelector('tr:has-text("e2e-17 переименован")');
    page.once('dialog', (d) => {
      void d.accept();
    });
    await page.locator('tr:has-text("e2e-17 переименован") [data-testid=delete]').click();
    await expect.poll(() => page.locator('tr:has-text("e2e-17 переименован")').count()).toBe(0);
    await page.uncheck('[data-testid=show-archived]');
    await page.waitForSelector('tr:has-text("stages 1 + 2")');
    expect(await axe()).toEqual([]);

    // The sample limit is the server's (GET /api/mc-runs/limits), checked in the form.
    await openDashboard();
    const help = page.locator('[data-testid=mc-samples-help]');
    await expect
      .poll(() => help.textContent(), { timeout: 30_000 })
      .toMatch(new RegExp(`от 10 до 40${SP}000`));
    await page.fill('[data-testid=mc-samples]', String(MAX_SAMPLES + 1));
    expect(await page.isDisabled('[data-testid=run-mc]')).toBe(true);
    expect(await help.getAttribute('role')).toBe('alert');

    // A long run is listed as running; a second one is refused (one run at a time here) with
    // the reason; the long one is cancelled from the list.
    await page.fill('[data-testid=mc-samples]', String(MAX_SAMPLES));
    await page.click('[data-testid=run-mc]');
    const runs = page.locator('[data-testid=mc-runs] tbody tr');
    await page.waitForSelector(
      '[data-testid=mc-runs] tr[data-status=running], [data-testid=mc-runs] tr[data-status=queued]',
      { timeout: 60_000 },
    );
    const long = runs.first();
    expect(await long.textContent()).toMatch(new RegExp(`/ 40${SP}000`));
    await page.fill('[data-testid=mc-samples]', '200');
    await page.click('[data-testid=run-mc]');
    await expect
      .poll(() => page.textContent('[data-testid=mc-error]'), { timeout: 30_000 })
      .toMatch(new RegExp(`У вас уже идёт 1${SP}расчёт — больше одновременно нельзя`));
    await long.locator('[data-testid=mc-cancel]').click();
    await expect
      .poll(() => long.getAttribute('data-status'), { timeout: 30_000 })
      .toBe('cancelled');
    expect(await long.textContent()).toContain('отменён');
    expect(await long.locator('[data-testid=mc-cancel]').count()).toBe(0);

    // A short run ends done and is listed with its CSV export: one row per sample, the
    // sampled inputs (issue 13's capex factor among them) and the outputs.
    await page.click('[data-testid=run-mc]');
    await page.waitForSelector('[data-testid=mc-runs] tr[data-status=done]', {
      timeout: 120_000,
    });
    expect(await page.locator('[data-testid=mc-error]').count()).toBe(0);
    expect(await runs.count()).toBe(2);
    const done = page.locator('[data-testid=mc-runs] tr[data-status=done]');
    expect(await done.textContent()).toMatch(/200 \/ 200/);
    const lines = (
      await savedDownload(e2e!, 'mc-run.csv', () => done.locator('[data-testid=mc-csv]').click())
    )
      .trimEnd()
      .split(/\r?\n/);
    const header = lines[0]?.split(',') ?? [];
    expect(header[0]).toBe('sample');
    expect(header).toContain('stages.smelter.capex.factor');
    expect(header).toContain('metrics.npv_usd');
    expect(header.at(-1)).toBe('error');
    expect(lines.length).toBe(201);
    expect(lines[1]?.split(',')[0]).toBe('0');
    expect(await axe()).toEqual([]);
  }, 240_000);

  it('Kazakh: numbers formatted by the app (decimal comma), strings in Kazakh', async () => {
    await lang('kk');
    await openDashboard();
    const npv = (await page.textContent('[data-testid=kpi-npv]')) ?? '';
    expect(npv).toMatch(/\d,\d\u00a0млн\u00a0USD|\d\u00a0млн\u00a0USD/);
    expect(await page.textContent('[data-testid=kpi-irr]')).toMatch(/\d,\d\u00a0%/);
    expect(await text()).toContain('Жылдық ақша ағыны');
    expect(await page.textContent('[data-chart=capex-units-smelter] h3')).toBe(
      'Агрегаттар бойынша күрделі шығындар — smelter',
    );
    expect(await page.textContent('[data-testid=budget-buys-smelter]')).toMatch(
      new RegExp(`\\d+ – \\d+${SP}мың т/жыл`),
    );
    expect(await axe()).toEqual([]);
    await lang('en');
  }, 240_000);

  it('no CSP violation and no uncaught error in the page', () => {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
