// The HTML report: self-contained (no script, no external resource), every text escaped, charts
// inline as SVG, numbers only where the appraisal has them ("—" / "not computed" otherwise),
// every source listed.
import { describe, expect, it } from 'vitest';
import type { Appraisal } from '../../src/index.js';
import {
  capexChartSvg,
  cashflowChartSvg,
  escapeHtml,
  opexChartSvg,
  renderHtmlReport,
  valueLadderChartSvg,
} from '../../src/report/index.js';
import { sampleAppraisal } from './fixtures.js';

/** The sample with the economics removed, as `appraise` returns it before issue 6. */
function withoutEconomics(): Appraisal {
  const a = sampleAppraisal();
  return {
    ...a,
    stages: a.stages.map((s, i) => ({
      ...s,
      opex: null,
      opex_usd_per_year: null,
      revenue_usd_per_year: null,
      metrics: null,
      ...(i === 1 ? { capex: null, capex_usd: null } : {}),
    })),
    cashflow: [],
    metrics: null,
    impact: null,
    emissions: null,
    not_implemented: [
      { what: 'opex, cash flow and metrics (NPV, IRR, payback, LCOP)', tracking: 'issue 6' },
      { what: 'regional impact (value added, jobs, taxes, exports)', tracking: 'issue 6' },
      { what: 'emissions and EU CBAM exposure', tracking: 'issue 6' },
    ],
  };
}

function selfContained(html: string): void {
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no event-handler attributes
  expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
  expect(html).not.toMatch(/\b(src|href)\s*=\s*"(?!#)/i); // only in-page anchors
  expect(html).not.toMatch(/url\((?!#)/i); // SVG clip paths refer to in-document ids
  expect(html).not.toMatch(/@import/i);
}

describe('renderHtmlReport', () => {
  it('is self-contained and escapes every text from the scenario and the data', () => {
    const html = renderHtmlReport(sampleAppraisal());
    selfContained(html);
    expect(html).toContain('Aktobe &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;stages&quot;');
    expect(html).toContain('Test appraisal &lt;b&gt;not bold&lt;/b&gt;');
    expect(html).toContain('HC ferrochrome &lt;smelter&gt;');
    expect(html).toContain('scaling &lt;outside&gt; the reference range');
    expect(html).toContain('derived: &lt;budget&gt; &amp; facts.md §5.1');
    expect(html).toContain('a &quot;note&quot;');
    expect(html).not.toContain('<b>not bold');
  });

  it('shows the metrics of the appraisal, four inline SVG charts and the yearly table', () => {
    const a = sampleAppraisal();
    const html = renderHtmlReport(a, {
      generatedAt: new Date('2026-01-02T03:04:05Z'),
      origin: 'x.yaml',
    });
    expect(html.match(/<svg\b/g)).toHaveLength(4);
    expect(html).toContain('USD 171.6 M'); // NPV of stage12Input at 12 %
    expect(a.metrics?.npv_usd).toBeCloseTo(171.6e6, -5);
    expect(html).toContain(`${(a.metrics!.irr! * 100).toFixed(1)} %`);
    expect(html).toContain('generated 2026-01-02T03:04:05.000Z');
    expect(html).toContain('x.yaml');
    for (const r of a.cashflow) expect(html).toContain(`<td>${r.year}</td>`);
    expect(html).not.toContain('not computed —');
  });

  it('lists every source with path, value, unit, status and source', () => {
    const a = sampleAppraisal();
    const html = renderHtmlReport(a);
    for (const s of a.sources) {
      expect(html).toContain(`<code>${escapeHtml(s.path)}</code>`);
      expect(html).toContain(escapeHtml(s.source));
      expect(html).toContain(`<span class="status-${s.status}">${s.status}</span>`);
    }
    expect(html).toContain('2 input numbers (1 derived, 1 assumed)');
  });

  it('shows "—" and "not computed" with the reason for missing parts, never a number', () => {
    const html = renderHtmlReport(withoutEconomics());
    selfContained(html);
    expect(html.match(/<svg\b/g)).toHaveLength(1); // the capex chart: only capex exists
    expect(html).toContain('Yearly cash flow: not computed — opex, cash flow and metrics');
    expect(html).toContain('Operating cost: not computed');
    expect(html).toContain('Value ladder: not computed — regional impact');
    expect(html).toContain('Emissions and CBAM: not computed — emissions and EU CBAM exposure');
    const kpiValue = (label: string): string =>
      new RegExp(`<div class="label">${label}</div><div class="value[^"]*">([^<]*)</div>`).exec(
        html,
      )?.[1] ?? 'absent';
    for (const label of [
      'NPV',
      'IRR',
      'Payback',
      'Value added',
      'Jobs',
      'CBAM cost',
      'Capex \\(total\\)',
    ])
      expect(kpiValue(label), label).toBe('—');
    expect(html).toContain('1 of 2 stages estimated: smelter USD 235.8 M');
    expect(html).toContain('No estimate for: chromium');
    expect(html).not.toContain('<h3>Yearly table');
  });

  it('links the methods to the docs when a base URL is given', () => {
    expect(renderHtmlReport(sampleAppraisal())).toContain('<code>docs/finance.md</code>');
    const html = renderHtmlReport(sampleAppraisal(), { docsBaseUrl: 'https://example.org/docs/' });
    expect(html).toContain('<a href="https://example.org/docs/finance.md">docs/finance.md</a>');
  });
});

describe('charts (ECharts SSR → SVG)', () => {
  it('return SVG with the data labels, or null without data', () => {
    const a = sampleAppraisal();
    const cf = cashflowChartSvg(a.cashflow)!;
    expect(cf.startsWith('<svg')).toBe(true);
    for (const name of ['Revenue', 'Opex', 'Capex', 'Taxes', 'Cumulative free cash flow'])
      expect(cf).toContain(name);
    expect(cf).toContain(String(a.cashflow[0]!.year));
    expect(valueLadderChartSvg(a.impact!.value_ladder_usd_per_t_cr)).toContain('chromium-metal');
    expect(opexChartSvg(a.stages)).toContain('consumable');
    const capex = capexChartSvg(a.stages)!;
    expect(capex).toContain('smelter (AACE class 5)');
    expect(capex).toContain('235.8');
    expect(cashflowChartSvg([])).toBeNull();
    expect(valueLadderChartSvg(null)).toBeNull();
    expect(valueLadderChartSvg({})).toBeNull();
    const bare = withoutEconomics();
    expect(opexChartSvg(bare.stages)).toBeNull();
    expect(capexChartSvg(bare.stages.map((s) => ({ ...s, capex: null })))).toBeNull();
  });

  it('escape text in the SVG', () => {
    const svg = valueLadderChartSvg({ '<script>x</script>': 1, 'a&b': 2 })!;
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
  });
});

describe('escapeHtml', () => {
  it('replaces the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
