/**
 * ECharts options built from an Appraisal (pure functions), each with the table of its data.
 * Nothing is invented: a chart whose data the appraisal does not have returns `undefined` and
 * the page says "not computed". Every axis and tooltip formats through the i18n formatter
 * (format.ts): units, sensible precision, the user's language, a true minus sign.
 */
import type { Appraisal } from '../../../src/appraisal.js';
import type { I18n } from '../i18n.js';
import { outputUnit } from '../labels.js';
import { cell, type ChartSpec } from './table.js';
import type { ChartOption } from './types.js';
import { waterfallBars, waterfallSeriesData } from './waterfall.js';

export type Spec = ChartSpec<ChartOption>;

export const PALETTE = [
  '#2f5d7c',
  '#b5531f',
  '#557a1c',
  '#7d3c98',
  '#a67c00',
  '#137a6f',
  '#5d6d7e',
];
export const GOOD = '#3d7a1c';
export const BAD = '#b03a1e';
export const TOTAL = '#2f5d7c';

/** Axis label of a value axis in millions of USD. */
export function millionsAxis(i18n: I18n, name?: string): Record<string, unknown> {
  return {
    type: 'value',
    name: name ?? i18n.millionsUnit(),
    axisLabel: { formatter: (v: number) => i18n.num(v, Math.abs(v) < 10 && v !== 0 ? 1 : 0) },
  };
}

/**
 * A value axis of any magnitude (an output, an input) labelled to significant digits in the
 * user's locale; `more` adds bounds, scaling or where the name stands.
 */
export function sigValueAxis(
  i18n: I18n,
  name: string,
  more: Record<string, unknown> = {},
): Record<string, unknown> {
  return { type: 'value', name, ...more, axisLabel: { formatter: (v: number) => i18n.sig(v) } };
}

/** Where an x axis's name stands: centred below the axis, `gap` px from it. */
export function nameBelowAxis(gap: number): { nameLocation: 'middle'; nameGap: number } {
  return { nameLocation: 'middle', nameGap: gap };
}

/** Tooltip value of millions of USD. */
export function millionsTooltip(i18n: I18n): (v: unknown) => string {
  return (v) =>
    typeof v === 'number' ? `${i18n.num(v, Math.abs(v) < 10 ? 2 : 1)} ${i18n.millionsUnit()}` : '—';
}

/** Short, readable stream or node name: the id after the stage prefix. */
function shortName(id: string): string {
  return id.replace(/^[^/]*\//, '').replace(/^[^:]*:/, '');
}

/**
 * Sankey of contained chromium: every balance stream carrying Cr (elements_kg_per_h.Cr) from its
 * source (unit or feed) to its destination (unit or outlet) [t Cr/h]. ECharts' Sankey needs a
 * DAG, so a stream that would close a cycle (a recycle) is left out.
 */
export function sankeyOption(
  a: Pick<Appraisal, 'balance'>,
  i18n: I18n,
  narrow = false,
): Spec | undefined {
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
        stream: s.id,
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
  const links: { source: string; target: string; value: number; streams: string[] }[] = [];
  for (const f of flows) {
    if (f.source === f.target || reaches(f.target, f.source)) continue;
    const set = adj.get(f.source) ?? new Set<string>();
    set.add(f.target);
    adj.set(f.source, set);
    const existing = links.find((l) => l.source === f.source && l.target === f.target);
    if (existing) {
      existing.value += f.value;
      existing.streams.push(f.stream);
    } else links.push({ source: f.source, target: f.target, value: f.value, streams: [f.stream] });
  }
  const names = [...new Set(links.flatMap((l) => [l.source, l.target]))];
  const unit = 't Cr/h';
  return {
    option: {
      color: PALETTE,
      tooltip: {
        trigger: 'item',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? i18n.qty(v, unit) : '—'),
      },
      series: [
        {
          type: 'sankey',
          left: 4,
          right: narrow ? 70 : 150,
          top: 8,
          bottom: 8,
          nodeGap: narrow ? 10 : 8,
          nodeWidth: narrow ? 10 : 16,
          // Few relaxation passes and flat link colours keep a what-if redraw cheap.
          layoutIterations: 4,
          draggable: false,
          emphasis: { focus: 'adjacency' },
          data: names.map((name) => ({ name })),
          links: links.map(({ source, target, value }) => ({ source, target, value })),
          label: {
            fontSize: narrow ? 9 : 11,
            color: '#1d2731',
            formatter: (p: { name: string }) => shortName(p.name),
            overflow: 'truncate',
            width: narrow ? 64 : 140,
          },
          labelLayout: { hideOverlap: true },
          lineStyle: { color: 'source', opacity: 0.35 },
        },
      ],
    },
    table: {
      columns: [
        i18n.t('from'),
        i18n.t('to'),
        i18n.t('stream'),
        `${i18n.t('cr_flow')} [${i18n.unit(unit)}]`,
      ],
      rows: links.map((l) => [
        cell(shortName(l.source), l.source),
        cell(shortName(l.target), l.target),
        cell(l.streams.join(', ')),
        cell(i18n.qty(l.value, unit), l.value),
      ]),
    },
  };
}

/** Yearly cash flow: stacked bars of revenue and outflows, line of cumulative free cash flow. */
export function cashflowOption(a: Pick<Appraisal, 'cashflow'>, i18n: I18n): Spec | undefined {
  const rows = a.cashflow;
  if (rows.length === 0) return undefined;
  const m = (x: number) => x / 1e6;
  let cum = 0;
  const cumulative = rows.map((r) => (cum += r.free_cash_flow_usd) / 1e6);
  const parts: [string, (r: (typeof rows)[number]) => number][] = [
    [i18n.t('revenue'), (r) => m(r.revenue_usd)],
    [i18n.t('opex_series'), (r) => -m(r.opex_usd)],
    [i18n.t('capex_series'), (r) => -m(r.capex_usd)],
    [i18n.t('taxes_series'), (r) => -m(r.tax_usd)],
    [i18n.t('working_capital'), (r) => -m(r.working_capital_change_usd)],
  ];
  const unit = i18n.millionsUnit();
  return {
    option: {
      color: PALETTE,
      legend: { top: 0, type: 'scroll' },
      grid: { left: 64, right: 16, top: 48, bottom: 36 },
      tooltip: { trigger: 'axis', valueFormatter: millionsTooltip(i18n) },
      xAxis: { type: 'category', data: rows.map((r) => String(r.year)), name: i18n.t('year') },
      yAxis: millionsAxis(i18n),
      series: [
        ...parts.map(([name, f]) => ({ name, type: 'bar', stack: 'cf', data: rows.map(f) })),
        { name: i18n.t('cumulative'), type: 'line', data: cumulative, symbolSize: 4 },
      ],
    },
    table: {
      columns: [
        i18n.t('year'),
        ...parts.map(([n]) => `${n} [${unit}]`),
        `${i18n.t('cumulative')} [${unit}]`,
      ],
      rows: rows.map((r, k) => [
        cell(String(r.year), r.year),
        ...parts.map(([, f]) => cell(i18n.num(f(r), 1), f(r))),
        cell(i18n.num(cumulative[k] ?? 0, 1), cumulative[k] ?? 0),
      ]),
    },
  };
}

/** Value per t of contained Cr by product form (impact.value_ladder_usd_per_t_cr). */
export function valueLadderOption(a: Pick<Appraisal, 'impact'>, i18n: I18n): Spec | undefined {
  const ladder = a.impact?.value_ladder_usd_per_t_cr;
  if (!ladder || Object.keys(ladder).length === 0) return undefined;
  const entries = Object.entries(ladder);
  const unit = 'USD/t Cr';
  return {
    option: {
      color: PALETTE,
      grid: { left: 72, right: 16, top: 28, bottom: 56 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? i18n.qty(v, unit, 0) : '—'),
      },
      xAxis: {
        type: 'category',
        data: entries.map(([k]) => i18n.product(k)),
        axisLabel: { interval: 0, width: 110, overflow: 'break' },
      },
      yAxis: {
        type: 'value',
        name: i18n.unit(unit),
        axisLabel: { formatter: (v: number) => i18n.num(v) },
      },
      series: [{ type: 'bar', name: i18n.t('value_ladder'), data: entries.map(([, v]) => v) }],
    },
    table: {
      columns: [i18n.t('products'), `${i18n.t('value_ladder')} [${i18n.unit(unit)}]`],
      rows: entries.map(([k, v]) => [cell(i18n.product(k), k), cell(i18n.qty(v, unit, 0), v)]),
    },
  };
}

/** Opex lines of every stage, stacked by category. */
export function opexOption(a: Pick<Appraisal, 'stages'>, i18n: I18n): Spec | undefined {
  const stages = a.stages.filter((s) => s.opex !== null);
  if (stages.length === 0) return undefined;
  const categories = [
    ...new Set(stages.flatMap((s) => (s.opex?.lines ?? []).map((l) => l.category))),
  ];
  const value = (s: (typeof stages)[number], c: string) =>
    (s.opex?.lines ?? [])
      .filter((l) => l.category === c)
      .reduce((sum, l) => sum + l.cost_usd_per_year, 0) / 1e6;
  const unit = `${i18n.millionsUnit()}${i18n.t('per_year')}`;
  return {
    option: {
      color: PALETTE,
      legend: { top: 0, type: 'scroll' },
      grid: { left: 64, right: 16, top: 48, bottom: 30 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? `${i18n.num(v, 1)} ${unit}` : '—'),
      },
      xAxis: { type: 'category', data: stages.map((s) => s.id) },
      yAxis: millionsAxis(i18n, unit),
      series: categories.map((c) => ({
        name: i18n.category(c),
        type: 'bar',
        stack: 'opex',
        data: stages.map((s) => value(s, c)),
      })),
    },
    table: {
      columns: [i18n.t('stage'), ...categories.map((c) => `${i18n.category(c)} [${unit}]`)],
      rows: stages.map((s) => [
        cell(s.id),
        ...categories.map((c) => cell(i18n.num(value(s, c), 1), value(s, c))),
      ]),
    },
  };
}

/** Capex by stage, with the budget where the scenario sets one. */
export function capexOption(a: Pick<Appraisal, 'stages'>, i18n: I18n): Spec | undefined {
  const stages = a.stages.filter((s) => s.capex_usd !== null);
  if (stages.length === 0) return undefined;
  const capex = stages.map((s) => (s.capex_usd ?? 0) / 1e6);
  const budget = stages.map((s) => (s.capex?.budget ? s.capex.budget.budget_usd / 1e6 : null));
  const unit = i18n.millionsUnit();
  return {
    option: {
      color: ['#2f5d7c', '#8a8f94'],
      legend: { top: 0 },
      grid: { left: 64, right: 16, top: 40, bottom: 30 },
      tooltip: { trigger: 'axis', valueFormatter: millionsTooltip(i18n) },
      xAxis: { type: 'category', data: stages.map((s) => s.id) },
      yAxis: millionsAxis(i18n),
      series: [
        { name: i18n.t('capex_series'), type: 'bar', data: capex },
        { name: i18n.t('budget'), type: 'bar', data: budget },
      ],
    },
    table: {
      columns: [
        i18n.t('stage'),
        `${i18n.t('capex_series')} [${unit}]`,
        `${i18n.t('budget')} [${unit}]`,
      ],
      rows: stages.map((s, k) => [
        cell(s.id),
        cell(i18n.num(capex[k] ?? 0, 1), capex[k] ?? 0),
        budget[k] === null ? cell('—', null) : cell(i18n.num(budget[k] ?? 0, 1), budget[k] ?? 0),
      ]),
    },
  };
}

/**
 * How a chart shows an output: `shown = (raw − origin) / scale` in `unit` — money in millions,
 * fractions in per cent, a temperature computed in K in °C.
 */
export interface ChartScale {
  scale: number;
  origin: number;
  unit: string;
}

/** Scale, origin and unit of an output for charts. */
export function outputScale(path: string, i18n: I18n): ChartScale {
  const u = outputUnit(path);
  if (u.kind === 'money') return { scale: 1e6, origin: 0, unit: i18n.millionsUnit() };
  if (u.kind === 'pct') return { scale: 0.01, origin: 0, unit: '%' };
  const unit = i18n.unit(u.unit === 'years' ? 'years' : u.unit);
  return { scale: 1, origin: u.origin ?? 0, unit };
}

/** A raw value as a chart shows it. */
const shown = (x: number, s: ChartScale): number => (x - s.origin) / s.scale;

/** A vertical marker line at the base case (and P10/P50/P90) on a value x axis. */
function baseMarks(
  base: number | undefined,
  quantiles: { p10: number; p50: number; p90: number } | undefined,
  i18n: I18n,
  fmt: (x: number) => string,
): Record<string, unknown> {
  const data: Record<string, unknown>[] = [];
  if (base !== undefined && Number.isFinite(base))
    data.push({
      xAxis: base,
      name: i18n.t('base_case'),
      lineStyle: { color: BAD, type: 'solid', width: 2 },
      label: { formatter: `${i18n.t('base_case')}\n${fmt(base)}`, color: BAD },
    });
  if (quantiles)
    for (const k of ['p10', 'p50', 'p90'] as const)
      data.push({
        xAxis: quantiles[k],
        name: k.toUpperCase(),
        lineStyle: { color: '#44505c', type: 'dashed' },
        label: { formatter: k.toUpperCase(), color: '#44505c' },
      });
  return { symbol: 'none', silent: true, data };
}

/** Histogram of Monte Carlo results on a value axis (round ticks, bars over their bins). */
export function histogramOption(
  h: { edges: readonly number[]; counts: readonly number[] },
  axis: ChartScale,
  i18n: I18n,
  base?: number,
  quantiles?: { p10: number; p50: number; p90: number },
): Spec {
  const unit = axis.unit;
  const fmt = (x: number) => `${i18n.sig(x)} ${unit}`;
  const bins = h.counts.map((count, i) => ({
    lo: shown(h.edges[i] ?? 0, axis),
    hi: shown(h.edges[i + 1] ?? 0, axis),
    count,
  }));
  const total = bins.reduce((s, b) => s + b.count, 0);
  const scaleQ = quantiles && {
    p10: shown(quantiles.p10, axis),
    p50: shown(quantiles.p50, axis),
    p90: shown(quantiles.p90, axis),
  };
  return {
    option: {
      color: PALETTE,
      grid: { left: 56, right: 24, top: 36, bottom: 44 },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const b = bins[p.dataIndex];
          return b
            ? `${fmt(b.lo)} … ${fmt(b.hi)}: ${i18n.num(b.count)} (${i18n.pct(b.count / total)})`
            : '';
        },
      },
      xAxis: sigValueAxis(i18n, unit, { ...nameBelowAxis(26), scale: true }),
      yAxis: {
        type: 'value',
        name: i18n.t('frequency'),
        axisLabel: { formatter: (v: number) => i18n.num(v) },
      },
      series: [
        {
          type: 'bar',
          name: i18n.t('histogram'),
          data: bins.map((b) => [(b.lo + b.hi) / 2, b.count]),
          barWidth: '95%',
          barCategoryGap: '0%',
          markLine: baseMarks(
            base === undefined ? undefined : shown(base, axis),
            scaleQ,
            i18n,
            fmt,
          ),
        },
      ],
    },
    table: {
      columns: [`${i18n.t('from')} [${unit}]`, `${i18n.t('to')} [${unit}]`, i18n.t('frequency')],
      rows: bins.map((b) => [
        cell(i18n.sig(b.lo), b.lo),
        cell(i18n.sig(b.hi), b.hi),
        cell(i18n.num(b.count), b.count),
      ]),
    },
  };
}

/** S-curve: empirical cumulative distribution, with the base case marked. */
export function sCurveOption(
  c: { x: readonly number[]; p: readonly number[] },
  axis: ChartScale,
  i18n: I18n,
  base?: number,
): Spec {
  const unit = axis.unit;
  const fmt = (x: number) => `${i18n.sig(x)} ${unit}`;
  const points = c.x.map((x, i) => [shown(x, axis), c.p[i] ?? 0] as const);
  // The table: the curve at every 5th percentile (the full ECDF can have thousands of points).
  const rows = [];
  for (let q = 0.05; q < 0.999; q += 0.05) {
    const k = points.findIndex((pt) => pt[1] >= q - 1e-9);
    const pt = points[k];
    if (pt) rows.push([cell(i18n.pct(q, 0), q), cell(fmt(pt[0]), pt[0])]);
  }
  return {
    option: {
      color: PALETTE,
      grid: { left: 56, right: 24, top: 36, bottom: 44 },
      tooltip: {
        trigger: 'axis',
        formatter: (ps: { value: [number, number] }[]) => {
          const v = ps[0]?.value;
          return v ? `${fmt(v[0])}: ${i18n.pct(v[1])}` : '';
        },
      },
      xAxis: sigValueAxis(i18n, unit, { ...nameBelowAxis(26), scale: true }),
      yAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: i18n.t('probability'),
        axisLabel: { formatter: (v: number) => i18n.pct(v, 0) },
      },
      series: [
        {
          type: 'line',
          name: i18n.t('s_curve'),
          showSymbol: false,
          data: points.map((p) => [...p]),
          markLine: baseMarks(
            base === undefined ? undefined : shown(base, axis),
            undefined,
            i18n,
            fmt,
          ),
        },
      ],
    },
    table: { columns: [i18n.t('probability'), unit], rows },
  };
}

/** Unit of a scenario input from its key (`price_rmb_per_t_vat_incl` → RMB/t). */
export function inputUnit(path: string): string {
  const key = path.split('.').pop() ?? path;
  const rules: [RegExp, string][] = [
    [/_rmb_per_t/, 'RMB/t'],
    [/_usd_per_t_cr|_usd_per_lb_cr/, 'USD/lb Cr'],
    [/_usd_per_t/, 'USD/t'],
    [/_usd_per_mwh/, 'USD/MWh'],
    [/_usd_per_m3/, 'USD/m3'],
    [/_kzt_per_kwh/, 'KZT/kWh'],
    [/^kzt_per_usd$/, 'KZT/USD'],
    [/^rmb_per_usd$/, 'RMB/USD'],
    [/^eur_per_usd$/, 'EUR/USD'],
    [/_eur_per_t_co2/, 'EUR/t CO2'],
    [/_pct/, '%'],
    [/_t_per_year/, 't/year'],
    [/_years$/, 'years'],
    [/_usd$/, 'USD'],
  ];
  return rules.find(([r]) => r.test(key))?.[1] ?? '';
}

/** Readable name of a scenario input path: the field's name and the item it belongs to. */
export function inputLabel(path: string, i18n: I18n): string {
  const parts = path.split('.');
  const key = parts[parts.length - 1] ?? path;
  const name = i18n.field(key);
  // A stage's input (`stages.smelter.capex.factor`) is named with its stage id, as outputs are
  // (i18n.output): two stages' capex factors are two different inputs.
  if (parts[0] === 'stages' && parts.length >= 3) return `${name} (${parts[1] ?? ''})`;
  const owner = parts.length >= 3 ? parts[parts.length - 2] : undefined;
  const ownerName =
    owner === undefined
      ? ''
      : i18n.product(owner) !== owner
        ? i18n.product(owner)
        : i18n.field(owner);
  return ownerName === '' || ownerName === name ? name : `${name} — ${ownerName}`;
}

/**
 * Tornado: for each input, the change of the output from the base case with the input at its
 * P10 and at its P90, as two bars side by side (never one hidden behind the other), the input
 * values in the label and the output's unit on the axis.
 */
export function tornadoOption(
  bars: { input: string; low: number; high: number; output_low: number; output_high: number }[],
  base: number,
  scale: number,
  unit: string,
  i18n: I18n,
  narrow = false,
): Spec {
  const rows = [...bars].reverse();
  const fmtIn = (path: string, x: number) => {
    const u = inputUnit(path);
    return u === '%' ? `${i18n.sig(x)} %` : i18n.qty(x, u);
  };
  const label = (b: (typeof rows)[number]) =>
    `${inputLabel(b.input, i18n)}\n${fmtIn(b.input, b.low)} … ${fmtIn(b.input, b.high)}`;
  const d = (x: number) => (x - base) / scale;
  const fmtOut = (x: number) => `${x >= 0 ? '+' : ''}${i18n.sig(x)} ${unit}`;
  return {
    option: {
      color: ['#2f5d7c', '#b5531f'],
      legend: { top: 0 },
      grid: { left: narrow ? 8 : 250, right: 40, top: 36, bottom: 44, containLabel: narrow },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps: { dataIndex: number; seriesIndex: number }[]) => {
          const b = rows[ps[0]?.dataIndex ?? -1];
          if (!b) return '';
          return [
            inputLabel(b.input, i18n),
            `${i18n.t('tornado_low')}: ${fmtIn(b.input, b.low)} → ${fmtOut(d(b.output_low))}`,
            `${i18n.t('tornado_high')}: ${fmtIn(b.input, b.high)} → ${fmtOut(d(b.output_high))}`,
          ].join('\n');
        },
      },
      xAxis: sigValueAxis(i18n, `${i18n.t('tornado_axis')} [${unit}]`, nameBelowAxis(28)),
      yAxis: {
        type: 'category',
        data: rows.map(label),
        axisLabel: {
          fontSize: narrow ? 10 : 11,
          lineHeight: 14,
          width: narrow ? 140 : 240,
          overflow: 'break',
        },
      },
      series: [
        {
          name: i18n.t('tornado_low'),
          type: 'bar',
          data: rows.map((b) => d(b.output_low)),
          label: {
            show: !narrow,
            position: 'right',
            formatter: (p: { value: number }) => fmtOut(p.value),
            fontSize: 10,
          },
        },
        {
          name: i18n.t('tornado_high'),
          type: 'bar',
          data: rows.map((b) => d(b.output_high)),
          label: {
            show: !narrow,
            position: 'right',
            formatter: (p: { value: number }) => fmtOut(p.value),
            fontSize: 10,
          },
        },
      ],
    },
    table: {
      columns: [
        i18n.t('field'),
        i18n.t('tornado_low'),
        `${i18n.t('tornado_axis')} [${unit}]`,
        i18n.t('tornado_high'),
        `${i18n.t('tornado_axis')} [${unit}]`,
      ],
      rows: bars.map((b) => [
        cell(inputLabel(b.input, i18n), b.input),
        cell(fmtIn(b.input, b.low), b.low),
        cell(fmtOut(d(b.output_low)), d(b.output_low)),
        cell(fmtIn(b.input, b.high), b.high),
        cell(fmtOut(d(b.output_high)), d(b.output_high)),
      ]),
    },
  };
}

/** The NPV bridge as a waterfall: start NPV, each driver's step, end NPV [USD M]. */
export function bridgeOption(
  steps: readonly { driver: string; delta_usd: number }[],
  start: { name: string; npv_usd: number },
  end: { name: string; npv_usd: number },
  i18n: I18n,
  narrow = false,
): Spec {
  const bars = waterfallBars(
    { label: i18n.t('npv_bridge_start', { name: start.name }), value: start.npv_usd / 1e6 },
    steps.map((s) => ({ label: i18n.driver(s.driver), delta: s.delta_usd / 1e6 })),
    i18n.t('npv_bridge_end', { name: end.name }),
  );
  const data = waterfallSeriesData(bars);
  const colour = (k: number) => {
    const b = bars[k];
    return b?.kind === 'total' ? TOTAL : b?.kind === 'up' ? GOOD : BAD;
  };
  const visible = (xs: (number | '-')[]) =>
    xs.map((v, k) => ({ value: v, itemStyle: { color: colour(k) } }));
  const unit = i18n.millionsUnit();
  const fmtDelta = (x: number) => `${x >= 0 ? '+' : ''}${i18n.num(x, 1)}`;
  const transparent = { color: 'transparent' };
  return {
    option: {
      grid: { left: 64, right: 16, top: 24, bottom: narrow ? 150 : 110 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps: { dataIndex: number }[]) => {
          const b = bars[ps[0]?.dataIndex ?? -1];
          if (!b) return '';
          return b.kind === 'total'
            ? `${b.label}: ${i18n.num(b.level, 1)} ${unit}`
            : `${b.label}: ${fmtDelta(b.delta)} ${unit}\n→ ${i18n.num(b.level, 1)} ${unit}`;
        },
      },
      xAxis: {
        type: 'category',
        data: bars.map((b) => b.label),
        axisLabel: {
          rotate: narrow ? 60 : 35,
          fontSize: 10,
          interval: 0,
          width: 120,
          overflow: 'truncate',
        },
      },
      yAxis: millionsAxis(i18n),
      series: [
        { type: 'bar', stack: 'w', data: data.basePos, itemStyle: transparent, silent: true },
        { type: 'bar', stack: 'w', data: data.baseNeg, itemStyle: transparent, silent: true },
        {
          type: 'bar',
          stack: 'w',
          data: visible(data.pos),
          label: {
            show: true,
            position: 'top',
            fontSize: 10,
            formatter: (p: { dataIndex: number }) => {
              const b = bars[p.dataIndex];
              if (!b || (b.kind !== 'total' && b.delta < 0) || (b.kind === 'total' && b.level < 0))
                return '';
              return b.kind === 'total' ? i18n.num(b.level, 1) : fmtDelta(b.delta);
            },
          },
        },
        {
          type: 'bar',
          stack: 'w',
          data: visible(data.neg),
          label: {
            show: true,
            position: 'bottom',
            fontSize: 10,
            formatter: (p: { dataIndex: number }) => {
              const b = bars[p.dataIndex];
              if (
                !b ||
                (b.kind !== 'total' && b.delta >= 0) ||
                (b.kind === 'total' && b.level >= 0)
              )
                return '';
              return b.kind === 'total' ? i18n.num(b.level, 1) : fmtDelta(b.delta);
            },
          },
        },
      ],
    },
    table: {
      columns: [
        i18n.t('field'),
        `${i18n.t('change')} [${unit}]`,
        `${i18n.t('running_total')} [${unit}]`,
      ],
      rows: bars.map((b) => [
        cell(b.label),
        cell(b.kind === 'total' ? '' : fmtDelta(b.delta), b.kind === 'total' ? null : b.delta),
        cell(i18n.num(b.level, 1), b.level),
      ]),
    },
  };
}
