// Measures the live what-if of the web UI in headless Chromium, slider by slider, as
// docs/web.md reports it: from the slider's input event to the first animation frame after the
// charts' setOption ran (`window.chromflowWhatIf`, web/src/pages/Dashboard.tsx).
//
//   npm run build:web && npx tsx scripts/measure-whatif.ts [steps per slider, default 15] [cold]
//   (STATIC_DIR=dir: serve another build, e.g. of an older commit, to compare)
//
// Starts the server on a free port with a temporary SQLite file and the built dist-web/, logs in
// as the seeded admin, opens the stage 1 + 2 reference scenario and moves each slider one step
// at a time (each step waits for its redraw, so no step queues behind another). Prints the median
// and the split per slider, and the machine load (`uptime`) before and after.
import { machineLoad, median, startBrowserSession } from './browser-session.js';

interface Timings {
  redraw_ms: number[];
  compute_ms: number[];
  transfer_ms: number[];
  render_ms: number[];
  frame_ms: number[];
  // Absent in builds before the split was added (to compare with an older build).
  charts_ms?: number[];
  charts_drawn?: string[][];
  plant_solved?: boolean[];
  post_ms?: number[];
  to_worker_ms?: number[];
  from_worker_ms?: number[];
}

const STEPS = Number(process.argv[2] ?? 15);
/** `cold`: the worker solves no plants in idle time (`?precompute=0`), every recovery step solves. */
const COLD = process.argv[3] === 'cold';

/** Per chart: how it was updated and its median time over the steps. */
function chartSplit(steps: string[][]): string {
  const by = new Map<string, number[]>();
  for (const step of steps)
    for (const d of step) {
      const [id = '', mode = '', ms = ''] = d.split(':');
      const key = `${id}:${mode}`;
      by.set(key, [...(by.get(key) ?? []), Number.parseFloat(ms)]);
    }
  return [...by].map(([k, xs]) => `${k} ${median(xs).toFixed(1)}`).join(', ');
}

async function main(): Promise<void> {
  const {
    server,
    browser,
    adminPassword: password,
    close,
  } = await startBrowserSession('chromflow-whatif-');
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on('pageerror', (e) => {
      console.error(`page error: ${e.message}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') console.error(`console: ${m.text()}`);
    });
    await page.goto(COLD ? `${server.url}?precompute=0` : server.url);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', password);
    await page.click('[data-testid=login-submit]');
    await page.waitForSelector('[data-testid=password-form]');
    await page.fill('input[name=current]', password);
    await page.fill('input[name=new]', 'measure-password-0123456789');
    await page.click('[data-testid=password-submit]');
    await page.waitForSelector('[data-testid=scenario-list]');
    await page.click('[data-testid=scenario-link] >> text=stages 1 + 2');
    await page.waitForSelector('[data-testid=chart-sankey] canvas', { timeout: 60_000 });
    // Idle-time plant solves of the recovery grid (unless cold) finish before the first step.
    await page.waitForTimeout(COLD ? 1000 : 6000);
    console.log(`load before: ${machineLoad()}`);
    const count = () =>
      page.evaluate(
        () =>
          (globalThis as unknown as { chromflowWhatIf?: Timings }).chromflowWhatIf?.redraw_ms
            .length ?? 0,
      );
    const ids = await page.$$eval('[data-testid^=slider-]', (els: unknown[]) =>
      (els as { getAttribute(n: string): string | null }[])
        .map((e) => e.getAttribute('data-testid') ?? '')
        .filter((id) => !id.startsWith('slider-value-')),
    );
    // Warm-up (not counted): the first steps after a page load also compile the code paths
    // (JIT) of the worker and of ECharts' data-only updates.
    {
      const first = page.locator(`[data-testid=${ids[0] ?? ''}]`);
      await first.focus();
      for (let k = 0; k < 3; k++) {
        const n = await count();
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction((m) => {
          const t = (globalThis as unknown as { chromflowWhatIf?: Timings }).chromflowWhatIf;
          return (t?.redraw_ms.length ?? 0) > m;
        }, n);
      }
    }
    const rows: string[] = [];
    for (const id of ids) {
      await page.click('[data-testid=whatif] button');
      await page.waitForTimeout(500);
      const from = await count();
      const slider = page.locator(`[data-testid=${id}]`);
      await slider.focus();
      // Recovery: downwards, a new value (a plant not solved before) at every step.
      // Stage 2 start (loaded +6 years at most): 6 steps up, 6 down, ...
      const keyAt = (k: number): string =>
        id === 'slider-recovery'
          ? 'ArrowLeft'
          : id === 'slider-stage2_start' && k % 12 >= 6
            ? 'ArrowLeft'
            : 'ArrowRight';
      for (let k = 0; k < STEPS; k++) {
        const n = await count();
        await page.keyboard.press(keyAt(k));
        await page.waitForFunction((m) => {
          const t = (globalThis as unknown as { chromflowWhatIf?: Timings }).chromflowWhatIf;
          return (t?.redraw_ms.length ?? 0) > m;
        }, n);
        await page.waitForTimeout(60);
      }
      const t = await page.evaluate(
        () => (globalThis as unknown as { chromflowWhatIf?: Timings }).chromflowWhatIf,
      );
      if (!t) throw new Error('no timings');
      const part = (xs: number[] | undefined) => median((xs ?? []).slice(from + 1)).toFixed(1);
      // The first step after the reset is left out (the reset's own redraw may still settle).
      rows.push(
        `| ${id.replace('slider-', '')} | ${part(t.redraw_ms)} | ${part(t.compute_ms)} | ${part(t.transfer_ms)} (${part(t.post_ms)} + ${part(t.to_worker_ms)} + ${part(t.from_worker_ms)}) | ${part(t.render_ms)} | ${part(t.charts_ms)} | ${part(t.frame_ms)} | ${String(t.redraw_ms.length - from - 1)} | ${String((t.plant_solved ?? []).slice(from + 1).filter(Boolean).length)} | ${chartSplit(t.charts_drawn?.slice(from + 1) ?? [])} |`,
      );
    }
    if (process.env.VERBOSE)
      console.log(
        JSON.stringify(
          await page.evaluate(
            () => (globalThis as unknown as { chromflowWhatIf?: Timings }).chromflowWhatIf,
          ),
        ),
      );
    console.log(`load after: ${machineLoad()}`);
    console.log(
      '| slider | slider → redraw | compute (worker) | transfer (page + to worker + back) | render (React + charts) | of which charts | frame | steps | plant solved | charts redrawn (median step) |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) console.log(r);
  } finally {
    await close();
  }
}

await main();
