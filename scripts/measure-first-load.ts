// Measures the first load of the web UI in headless Chromium, as docs/web.md reports it: the time
// from navigating to a stored scenario's dashboard (`#/s/<id>`, browser cache emptied, logged in)
// until its KPI cards show numbers (`[data-testid=kpi-npv][data-computed=true]`), and the bytes of
// JavaScript the page and its workers downloaded (as transferred, i.e. compressed when served so).
//
//   npm run build:web && npx tsx scripts/measure-first-load.ts [runs, default 5]
//   STATIC_DIR=../dist-web-old npx tsx scripts/measure-first-load.ts 5   # another build
//
// Starts the server on a free port with a temporary SQLite file, logs in as the seeded admin,
// then opens the stage 1 + 2 reference scenario `runs` times, each in a new browser context
// (empty cache), and prints each time, the median and `uptime` before and after.
import { machineLoad, median, startBrowserSession } from './browser-session.js';

const RUNS = Number(process.argv[2] ?? 5);
const PASSWORD = 'measure-password-0123456789';

async function main(): Promise<void> {
  const { staticDir, server, browser, adminPassword, close } =
    await startBrowserSession('chromflow-first-load-');
  console.log(`uptime before: ${machineLoad()}`);
  try {
    const first = adminPassword;
    const setup = await browser.newPage();
    const login = (name: string, password: string) =>
      setup.evaluate(
        async ([u, p]) => {
          const r = await fetch('/api/auth/login', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ username: u, password: p }),
          });
          return r.status;
        },
        [name, password] as const,
      );
    await setup.goto(server.url);
    await login('admin', first);
    await setup.evaluate(
      async ([current, next]) => {
        await fetch('/api/auth/password', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ current_password: current, new_password: next }),
        });
      },
      [first, PASSWORD] as const,
    );
    const scenarios = (await setup.evaluate(async () => {
      const r = await fetch('/api/scenarios');
      return ((await r.json()) as { scenarios: { id: string; name: string }[] }).scenarios;
    })) as { id: string; name: string }[];
    const target = scenarios.find((s) => s.name.includes('stages 1 + 2'));
    if (!target) throw new Error('stage 1 + 2 reference scenario not found');
    // The server appraises every stored scenario in the background at start; wait until the
    // target's appraisal is cached, so the runs measure the page, not the server's warm-up
    // (which is reported on its own line).
    const warmMs = await setup.evaluate(async (id) => {
      const t = performance.now();
      const v = (await (await fetch(`/api/scenarios/${id}`)).json()) as {
        version?: { version: number };
      };
      const n = String(v.version?.version ?? 1);
      await fetch(`/api/scenarios/${id}/versions/${n}/appraisal.json`);
      return performance.now() - t;
    }, target.id);
    console.log(`server warm-up: target's appraisal cached after ${warmMs.toFixed(0)} ms`);
    await setup.close();
    const times: number[] = [];
    for (let k = 0; k < RUNS; k++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      let jsBytes = 0;
      let encoded = '';
      context.on('response', (r) => {
        if (!r.url().endsWith('.js')) return;
        encoded = r.headers()['content-encoding'] ?? 'identity';
        void r
          .body()
          .then(() => r.request().sizes())
          .then((s) => {
            jsBytes += s.responseBodySize;
          })
          .catch(() => undefined);
      });
      // Log in through the API (the cookie is in this context), then open the dashboard.
      await page.goto(server.url + 'favicon.svg');
      await page.evaluate(
        async ([p]) => {
          await fetch('/api/auth/login', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ username: 'admin', password: p }),
          });
        },
        [PASSWORD] as const,
      );
      const t0 = Date.now();
      await page.goto(`${server.url}#/s/${target.id}`);
      await page.waitForSelector('[data-testid=kpi-npv][data-computed=true]', { timeout: 60_000 });
      const ms = Date.now() - t0;
      times.push(ms);
      await page.waitForTimeout(1500);
      console.log(
        `run ${String(k + 1)}: KPI cards after ${String(ms)} ms; JavaScript transferred ${(jsBytes / 1024).toFixed(0)} kB (${encoded})`,
      );
      await context.close();
    }
    console.log(`median ${String(median(times))} ms over ${String(RUNS)} runs (${staticDir})`);
  } finally {
    console.log(`uptime after: ${machineLoad()}`);
    await close();
  }
}

await main();
