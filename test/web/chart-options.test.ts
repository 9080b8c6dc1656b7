// Chart options of the dashboard are built from the appraisal only (web/src/charts/options.ts):
// the Cr Sankey conserves the chromium of the balance streams it shows and is acyclic; charts
// without data are absent (never filled with invented values).
import { describe, expect, it } from 'vitest';
import {
  bridgeOption,
  cashflowOption,
  histogramOption,
  outputScale,
  sankeyOption,
  tornadoOption,
} from '../../web/src/charts/options.js';
import { tableCsv } from '../../web/src/charts/table.js';
import { waterfallBars, waterfallSeriesData } from '../../web/src/charts/waterfall.js';
import { makeI18n } from '../../web/src/i18n.js';
import { parseRoute } from '../../web/src/routes.js';
import { referenceAppraisal } from './fixture.js';

const a = referenceAppraisal();

interface Link {
  source: string;
  target: string;
  value: number;
}

describe('chart options', () => {
  it('Sankey: acyclic, and the Cr entering from feeds equals the Cr of the feed streams', () => {
    const option = sankeyOption(a, makeI18n('en'))!.option as { series: { links: Link[] }[] };
    const links = option.series[0]!.links;
    expect(links.length).toBeGreaterThan(5);
    // Kahn's algorithm consumes every node of a DAG.
    const nodes = new Set(links.flatMap((l) => [l.source, l.target]));
    const indeg = new Map([...nodes].map((n) => [n, 0]));
    for (const l of links) indeg.set(l.target, (indeg.get(l.target) ?? 0) + 1);
    const queue = [...nodes].filter((n) => indeg.get(n) === 0);
    let seen = 0;
    while (queue.length > 0) {
      const n = queue.pop()!;
      seen++;
      for (const l of links.filter((x) => x.source === n)) {
        indeg.set(l.target, indeg.get(l.target)! - 1);
        if (indeg.get(l.target) === 0) queue.push(l.target);
      }
    }
    expect(seen).toBe(nodes.size);
    const fromFeeds = links
      .filter((l) => l.source.includes('/feed: '))
      .reduce((s, l) => s + l.value, 0);
    const feedCr = a
      .balance!.streams.filter((s) => s.from === null)
      .reduce((s, x) => s + (x.elements_kg_per_h.Cr ?? 0) / 1000, 0);
    expect(fromFeeds).toBeCloseTo(feedCr, 9);
  });

  it('waterfall: each step spans the running total before and after it, also below zero', () => {
    // NPV 100, capex −225 (crosses zero), opex −50 (stays below), tax +30, end total.
    const bars = waterfallBars(
      { label: 'start', value: 100 },
      [
        { label: 'capex', delta: -225 },
        { label: 'opex', delta: -50 },
        { label: 'tax', delta: 30 },
      ],
      'end',
    );
    expect(bars.map((b) => [b.label, b.lo, b.hi])).toEqual([
      ['start', 0, 100],
      ['capex', -125, 100],
      ['opex', -175, -125],
      ['tax', -175, -145],
      ['end', -145, 0],
    ]);
    // The stacked series reproduce exactly these intervals (samesign stacking).
    const d = waterfallSeriesData(bars);
    bars.forEach((b, k) => {
      const base = (v: number | '-') => (v === '-' ? 0 : v);
      const top = base(d.basePos[k]!) + base(d.pos[k]!);
      const bottom = base(d.baseNeg[k]!) + base(d.neg[k]!);
      const lo = d.pos[k] !== '-' && d.neg[k] === '-' ? base(d.basePos[k]!) : bottom;
      const hi = d.neg[k] !== '-' && d.pos[k] === '-' ? base(d.baseNeg[k]!) : top;
      expect([lo, hi]).toEqual([b.lo, b.hi]);
    });
  });

  it('NPV bridge chart: start and end totals, labelled steps, table sums to the end NPV', () => {
    const i18n = makeI18n('ru');
    const spec = bridgeOption(
      [
        { driver: 'capex', delta_usd: -225e6 },
        { driver: 'tax', delta_usd: 30e6 },
      ],
      { name: 'A', npv_usd: 100e6 },
      { name: 'B', npv_usd: -95e6 },
      i18n,
    );
    const x = (spec.option as { xAxis: { data: string[] } }).xAxis.data;
    expect(x).toEqual(['ЧДД: A', 'Капвложения', 'Налоги', 'ЧДД: B']);
    const last = spec.table.rows.at(-1)!;
    expect(last[2]!.value).toBeCloseTo(-95, 9);
    expect(last[2]!.text).toBe('\u221295,0');
    expect(tableCsv(spec.table).split('\r\n')[0]).toBe(
      'Поле,Изменение [млн USD],ЧДД после шага [млн USD]',
    );
  });

  it('tornado: both bars of an input drawn side by side, with input values and units', () => {
    const spec = tornadoOption(
      [
        {
          input: 'markets.electricity.tariff_kzt_per_kwh',
          low: 15,
          high: 29.14,
          output_low: 120e6,
          output_high: 96.7e6,
        },
      ],
      100e6,
      1e6,
      'USD M',
      makeI18n('en'),
    );
    const o = spec.option as {
      series: { barGap?: string; data: number[] }[];
      yAxis: { data: string[] };
    };
    expect(o.series[0]!.data[0]).toBeCloseTo(20, 9);
    expect(o.series[1]!.data[0]).toBeCloseTo(-3.3, 9);
    expect(o.series.every((s) => s.barGap === undefined)).toBe(true);
    expect(o.yAxis.data[0]).toBe(
      'Power tariff — Electricity\n15.0\u00a0KZT/kWh … 29.1\u00a0KZT/kWh',
    );
  });

  it('histogram: a value axis (round ticks), the base case marked', () => {
    const spec = histogramOption(
      { edges: [0, 1e6, 2e6], counts: [3, 7] },
      { scale: 1e6, origin: 0, unit: 'USD M' },
      makeI18n('en'),
      1.5e6,
    );
    const o = spec.option as {
      xAxis: { type: string };
      series: { markLine: { data: { xAxis: number }[] } }[];
    };
    expect(o.xAxis.type).toBe('value');
    expect(o.series[0]!.markLine.data[0]!.xAxis).toBe(1.5);
  });

  it('a slag temperature computed in K is charted in °C, its bins and base shifted by 273.15 K', () => {
    const axis = outputScale('stages.smelter.kpis.slag_T_K', makeI18n('en'));
    expect(axis).toEqual({ scale: 1, origin: 273.15, unit: '°C' });
    const spec = histogramOption(
      { edges: [1973.15, 2023.15], counts: [5] },
      axis,
      makeI18n('en'),
      2000,
    );
    const o = spec.option as {
      series: { data: number[][]; markLine: { data: { xAxis: number }[] } }[];
    };
    expect(o.series[0]!.data[0]![0]).toBeCloseTo(1725, 9); // bin centre 1,998.15 K
    expect(o.series[0]!.markLine.data[0]!.xAxis).toBeCloseTo(1726.85, 9);
  });

  it('cash-flow chart is absent while the appraisal has no cash flow', () => {
    const empty = { ...a, cashflow: [] };
    expect(cashflowOption(empty, makeI18n('en'))).toBeUndefined();
  });

  it('routes', () => {
    expect(parseRoute('#/s/abc/v3/edit')).toEqual({
      page: 'scenario',
      id: 'abc',
      version: 3,
      tab: 'edit',
    });
    expect(parseRoute('#/compare?ids=a,b')).toEqual({ page: 'compare', ids: ['a', 'b'] });
    expect(parseRoute('')).toEqual({ page: 'scenarios' });
  });
});
