/**
 * ECharts options built from an Appraisal (pure functions). Nothing is invented: a chart whose
 * data the appraisal does not have returns `undefined` and the page says "not computed".
 */
import type { Appraisal } from '../../../src/appraisal.js';
import type { I18n } from '../i18n.js';
import type { ChartOption } from './types.js';

const PALETTE = ['#2f5d7c', '#c4622d', '#6b8e23', '#8e44ad', '#d4a017', '#1b998b', '#7f8c8d'];

/** Terminal node of a stream end that is not a unit (feed or outlet), per stage. */
function terminal(stage: string, kind: 'in' | 'out', stream: string): string {
  return `${stage}/${kind}:${stream}`;
}

/**
 * Flowsheet diagram: units as boxes in a row per stage (x = depth from the feeds, recycles
 * ignored), each stream an arrow; feeds stack above the unit they enter, outlets below the unit
 * they leave.
 */
export function flowsheetOption(a: Pick<Appraisal, 'balance'>): ChartOption | undefined {
  const b = a.balance;
  if (!b) return undefined;
  const stages = [...new Set(b.units.map((u) => u.stage))];
  const unitKey = (stage: string, id: string) => `${stage}/${id}`;
  const units = new Set(b.units.map((u) => unitKey(u.stage, u.id)));
  const depth = new Map<string, number>([...units].map((u) => [u, 0]));
  const unitLinks = b.streams
    .filter(
      (s) =>
        s.from !== null && units.has(unitKey(s.stage, s.from)) && units.has(unitKey(s.stage, s.to)),
    )
    .map((s) => [unitKey(s.stage, s.from ?? ''), unitKey(s.stage, s.to)] as const);
  for (let pass = 0; pass < units.size; pass++) {
    let changed = false;
    for (const [from, to] of unitLinks) {
      const d = (depth.get(from) ?? 0) + 1;
      if (d > (depth.get(to) ?? 0) && d < units.size) {
        depth.set(to, d);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const above = new Map<string, number>();
  const below = new Map<string, number>();
  const terminals: { name: string; unit: string; kind: 'in' | 'out'; k: number; label: string }[] =
    [];
  const links: { source: string; target: string; value: number; name: string }[] = [];
  for (const s of b.streams) {
    const to = unitKey(s.stage, s.to);
    const from = s.from === null ? undefined : unitKey(s.stage, s.from);
    const label = s.id.replace(/^[^:]*:/, '');
    let source = from ?? '';
    let target = to;
    if (from === undefined || !units.has(from)) {
      source = terminal(s.stage, 'in', s.id);
      const k = above.get(to) ?? 0;
      above.set(to, k + 1);
      terminals.push({ name: source, unit: to, kind: 'in', k, label });
    }
    if (!units.has(to)) {
      target = terminal(s.stage, 'out', s.id);
      const k = below.get(source) ?? 0;
      below.set(source, k + 1);
      terminals.push({ name: target, unit: source, kind: 'out', k, label });
    }
    links.push({ source, target, value: s.t_per_h, name: s.id });
  }
  const STEP = 22;
  let y0 = 0;
  const rowY = new Map<string, number>();
  for (const st of stages) {
    const members = [...units].filter((u) => u.startsWith(`${st}/`));
    const up = Math.max(0, ...members.map((u) => above.get(u) ?? 0));
    const down = Math.max(0, ...members.map((u) => below.get(u) ?? 0));
    rowY.set(st, y0 + (up + 1) * STEP);
    y0 += (up + down + 3) * STEP;
  }
  const pos = new Map<string, [number, number]>();
  for (const u of units) {
    const st = u.slice(0, u.indexOf('/'));
    pos.set(u, [(depth.get(u) ?? 0) * 130, rowY.get(st) ?? 0]);
  }
  const data = [
    ...[...units].map((u) => ({
      name: u,
      x: pos.get(u)?.[0] ?? 0,
      y: pos.get(u)?.[1] ?? 0,
      category: 0,
      symbol: 'roundRect',
      symbolSize: [96, 24],
      label: {
        show: true,
        position: 'inside',
        fontSize: 9,
        formatter: u.slice(u.indexOf('/') + 1),
      },
    })),
    ...terminals.map((t) => {
      const [x, y] = pos.get(t.unit) ?? [0, 0];
      return {
        name: t.name,
        x: x + (t.kind === 'in' ? -40 : 40),
        y: y + (t.kind === 'in' ? -(t.k + 1) * STEP : (t.k + 1) * STEP),
        category: t.kind === 'in' ? 1 : 2,
        symbol: 'circle',
        symbolSize: 7,
        label: {
          show: true,
          position: t.kind === 'in' ? 'left' : 'right',
          fontSize: 8,
          formatter: t.label,
        },
      };
    }),
  ];
  return {
    color: PALETTE,
    legend: { data: ['unit', 'feed', 'outlet'], top: 0 },
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        top: 30,
        left: 90,
        right: 90,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 5,
        categories: [{ name: 'unit' }, { name: 'feed' }, { name: 'outlet' }],
        data,
        // Widths in 0.5 px steps of log10(1 + t/h): a what-if step that moves flows by a few
        // per cent leaves the diagram's option unchanged, so it is not redrawn.
        links: links.map((l) => ({
          source: l.source,
          target: l.target,
          lineStyle: {
            width: 0.5 + Math.round(2 * Math.min(3, Math.log10(1 + l.value))) / 2,
            opacity: 0.6,
          },
          tooltip: { formatter: l.name },
        })),
        lineStyle: { color: '#7f8c8d', curveness: 0.1 },
      },
    ],
  };
}

/**
 * Sankey of contained chromium: every balance stream carrying Cr (elements_kg_per_h.Cr) from its
 * source (unit or feed) to its destination (unit or outlet) [t Cr/h]. ECharts' Sankey needs a
 * DAG, so a stream that would close a cycle (a recycle) is left out.
 */
export function sankeyOption(a: Pick<Appraisal, 'balance'>): ChartOption | undefined {
  const b = a.balance;
  if (!b) return undefined;
  const units = new Set(b.units.map((u) => `${u.stage}/${u.id}`));
  const flows = b.streams
    .map((s) => {
      const label = s.id.replace(/^[^:]*:/, '');
      const from = s.from === null ? undefined : `${s.stage}/${s.from}`;
      const to = `${s.stage}/${s.to}`;
      return {
        source: from !== undefined && units.has(from) ? from : `${s.stage}/feed: ${label}`,
        target: units.has(to) ? to : `${s.stage}/${label}`,
        value: (s.elements_kg_per_h.Cr ?? 0) / 1000,
      };
    })
    .filter((f) => f.value > 1e-9);
  if (flows.length === 0) return undefined;
  const adj = new Map<string, Set<string>>();
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const n = stack.pop() ?? '';
      if (n === to) return true;
      if (seen.has(n)) continue;
      seen.add(n);
      for (const m of adj.get(n) ?? []) stack.push(m);
    }
    return false;
  };
  const links: { source: string; target: string; value: number }[] = [];
  for (const f of flows) {
    if (f.source === f.target || reaches(f.target, f.source)) continue;
    const set = adj.get(f.source) ?? new Set<string>();
    set.add(f.target);
    adj.set(f.source, set);
    const existing = links.find((l) => l.source === f.source && l.target === f.target);
    if (existing) existing.value += f.value;
    else links.push({ ...f });
  }
  const names = [...new Set(links.flatMap((l) => [l.source, l.target]))];
  return {
    color: PALETTE,
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'sankey',
        left: 10,
        right: 150,
        nodeGap: 8,
        // Few relaxation passes and flat link colours keep a what-if redraw cheap.
        layoutIterations: 4,
        draggable: false,
        emphasis: { focus: 'adjacency' },
        data: names.map((name) => ({ name })),
        links,
        label: { fontSize: 9 },
        lineStyle: { color: 'source', opacity: 0.35 },
      },
    ],
  };
}

/** Yearly cash flow: stacked bars of revenue and outflows, line of cumulative free cash flow. */
export function cashflowOption(
  a: Pick<Appraisal, 'cashflow'>,
  i18n: I18n,
): ChartOption | undefined {
  const rows = a.cashflow;
  if (rows.length === 0) return undefined;
  const m = (x: number) => x / 1e6;
  let cum = 0;
  const cumulative = rows.map((r) => (cum += r.free_cash_flow_usd) / 1e6);
  const bar = (name: string, values: number[]) => ({
    name,
    type: 'bar',
    stack: 'cf',
    data: values,
  });
  return {
    color: PALETTE,
    legend: { top: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
    yAxis: { type: 'value', name: 'USD M' },
    series: [
      bar(
        'revenue',
        rows.map((r) => m(r.revenue_usd)),
      ),
      bar(
        'opex',
        rows.map((r) => -m(r.opex_usd)),
      ),
      bar(
        'capex',
        rows.map((r) => -m(r.capex_usd)),
      ),
      bar(
        'taxes',
        rows.map((r) => -m(r.tax_usd)),
      ),
      bar(
        'working capital',
        rows.map((r) => -m(r.working_capital_change_usd)),
      ),
      { name: i18n.t('cumulative'), type: 'line', data: cumulative, symbolSize: 4 },
    ],
  };
}

/** Value per t of contained Cr by product form (impact.value_ladder_usd_per_t_cr). */
export function valueLadderOption(a: Pick<Appraisal, 'impact'>): ChartOption | undefined {
  const ladder = a.impact?.value_ladder_usd_per_t_cr;
  if (!ladder || Object.keys(ladder).length === 0) return undefined;
  const entries = Object.entries(ladder);
  return {
    color: PALETTE,
    grid: { left: 70, right: 20, top: 20, bottom: 60 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: entries.map(([k]) => k), axisLabel: { rotate: 20 } },
    yAxis: { type: 'value', name: 'USD/t Cr' },
    series: [{ type: 'bar', data: entries.map(([, v]) => v) }],
  };
}

/** Opex lines of every stage, stacked by category. */
export function opexOption(a: Pick<Appraisal, 'stages'>): ChartOption | undefined {
  const stages = a.stages.filter((s) => s.opex !== null);
  if (stages.length === 0) return undefined;
  const categories = [
    ...new Set(stages.flatMap((s) => (s.opex?.lines ?? []).map((l) => l.category))),
  ];
  return {
    color: PALETTE,
    legend: { top: 0 },
    grid: { left: 70, right: 20, top: 70, bottom: 30 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: stages.map((s) => s.id) },
    yAxis: { type: 'value', name: 'USD M/yr' },
    series: categories.map((c) => ({
      name: c,
      type: 'bar',
      stack: 'opex',
      data: stages.map(
        (s) =>
          (s.opex?.lines ?? [])
            .filter((l) => l.category === c)
            .reduce((sum, l) => sum + l.cost_usd_per_year, 0) / 1e6,
      ),
    })),
  };
}

/** Capex by stage, with the budget where the scenario sets one. */
export function capexOption(a: Pick<Appraisal, 'stages'>): ChartOption | undefined {
  const stages = a.stages.filter((s) => s.capex_usd !== null);
  if (stages.length === 0) return undefined;
  return {
    color: PALETTE,
    legend: { top: 0 },
    grid: { left: 70, right: 20, top: 40, bottom: 30 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: stages.map((s) => s.id) },
    yAxis: { type: 'value', name: 'USD M' },
    series: [
      { name: 'capex', type: 'bar', data: stages.map((s) => (s.capex_usd ?? 0) / 1e6) },
      {
        name: 'budget',
        type: 'bar',
        data: stages.map((s) => (s.capex?.budget ? s.capex.budget.budget_usd / 1e6 : null)),
      },
    ],
  };
}

/** Histogram of Monte Carlo results (bin edges and counts). */
export function histogramOption(
  h: { edges: readonly number[]; counts: readonly number[] },
  scale: number,
  unit: string,
): ChartOption {
  const centres = h.counts.map((_, i) => ((h.edges[i] ?? 0) + (h.edges[i + 1] ?? 0)) / 2 / scale);
  return {
    color: PALETTE,
    grid: { left: 50, right: 20, top: 20, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: centres.map((c) => c.toPrecision(3)), name: unit },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: [...h.counts], barCategoryGap: '0%' }],
  };
}

/** S-curve: empirical cumulative distribution. */
export function sCurveOption(
  c: { x: readonly number[]; p: readonly number[] },
  scale: number,
  unit: string,
): ChartOption {
  return {
    color: PALETTE,
    grid: { left: 50, right: 20, top: 20, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', name: unit, scale: true },
    yAxis: { type: 'value', min: 0, max: 1 },
    series: [
      { type: 'line', showSymbol: false, data: c.x.map((x, i) => [x / scale, c.p[i] ?? 0]) },
    ],
  };
}

/** Tornado: bars from the output at the low to the output at the high value, around the base. */
export function tornadoOption(
  bars: { input: string; output_low: number; output_high: number }[],
  base: number,
): ChartOption {
  const rows = [...bars].reverse();
  const lo = rows.map((b) => Math.min(b.output_low, b.output_high) - base);
  const hi = rows.map((b) => Math.max(b.output_low, b.output_high) - base);
  return {
    color: ['#c4622d', '#2f5d7c'],
    grid: { left: 230, right: 30, top: 20, bottom: 30 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', name: 'Δ from base' },
    yAxis: {
      type: 'category',
      data: rows.map((b) => b.input.split('.').slice(-2).join('.')),
      axisLabel: { fontSize: 9 },
    },
    series: [
      { name: 'above base', type: 'bar', data: hi, barGap: '-100%' },
      { name: 'below base', type: 'bar', data: lo, barGap: '-100%' },
    ],
  };
}
