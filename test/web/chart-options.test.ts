// Chart options of the dashboard are built from the appraisal only (web/src/charts/options.ts):
// the Cr Sankey conserves the chromium of the balance streams it shows and is acyclic; charts
// without data are absent (never filled with invented values).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appraise } from '../../src/appraise.js';
import { loadScenario } from '../../src/scenario/load.js';
import { cashflowOption, flowsheetOption, sankeyOption } from '../../web/src/charts/options.js';
import { makeI18n } from '../../web/src/i18n.js';
import { parseRoute } from '../../web/src/routes.js';

const a = appraise(
  loadScenario(
    readFileSync(new URL('../../scenarios/aktobe-stage1-2.yaml', import.meta.url), 'utf8'),
    's.yaml',
  ),
);

interface Link {
  source: string;
  target: string;
  value: number;
}

describe('chart options', () => {
  it('Sankey: acyclic, and the Cr entering from feeds equals the Cr of the feed streams', () => {
    const option = sankeyOption(a) as { series: { links: Link[] }[] };
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

  it('flowsheet: one node per unit plus a terminal per feed and outlet stream', () => {
    const option = flowsheetOption(a) as {
      series: { data: { name: string }[]; links: unknown[] }[];
    };
    const s = option.series[0]!;
    expect(s.links).toHaveLength(a.balance!.streams.length);
    const names = new Set(s.data.map((d) => d.name));
    for (const u of a.balance!.units) expect(names.has(`${u.stage}/${u.id}`)).toBe(true);
  });

  it('cash-flow chart is absent while the appraisal has no cash flow', () => {
    const empty = { ...a, cashflow: [] };
    expect(cashflowOption(empty, makeI18n('en'))).toBeUndefined();
  });

  it('numbers follow the locale', () => {
    expect(makeI18n('en').num(80000)).toBe('80,000');
    expect(makeI18n('ru').num(80000).replace(/\s/g, ' ')).toBe('80 000');
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
