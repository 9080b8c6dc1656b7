// The self-contained HTML report of one appraisal: summary KPIs, stages, charts (inline SVG from
// ECharts server-side rendering), the yearly cash flow, capex and opex detail, the assumptions
// with every source, and a short methods section. One file: no external resource, no script,
// CSS inline; every text from the scenario or the data is escaped. Parts the model did not
// compute are shown as "—" / "not computed" with the reason from `not_implemented`.
import type { Appraisal, StageResult } from '../appraisal.js';
import type { CashflowRow } from '../econ/cashflow/types.js';
import { capexChartSvg, cashflowChartSvg, opexChartSvg, valueLadderChartSvg } from './charts.js';
import { escapeHtml as e } from './escape-html.js';
import { amount, DASH, millions, percent, usdM, years } from './format.js';

export interface HtmlReportOptions {
  /** Time written in the header; omitted when not given (reproducible output). */
  generatedAt?: Date;
  /** Where the scenario came from (file name or `scenario <id> v<version>`), shown in the header. */
  origin?: string;
  /**
   * Base URL of the chromflow docs folder (ending in `/`), to make the methods' references links;
   * without it they are shown as paths inside the chromflow package.
   */
  docsBaseUrl?: string;
}

const STYLE = `
:root { --ink:#1b1f24; --muted:#5b6470; --line:#d5d9de; --accent:#0b5394; --warn:#8a5a00; }
* { box-sizing: border-box; }
body { font: 13px/1.45 Helvetica, Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1000px; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 2px solid var(--accent); padding-bottom: 3px; break-after: avoid; }
h3 { font-size: 14px; margin: 16px 0 6px; break-after: avoid; }
p { margin: 6px 0; }
.sub, .note { color: var(--muted); }
.note { font-size: 12px; }
nav ol { columns: 2; margin: 8px 0; }
a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 12px; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
table.wrap { table-layout: fixed; }
table.wrap td { overflow-wrap: anywhere; }
table.sources th:nth-child(1) { width: 31%; } table.sources th:nth-child(2) { width: 10%; }
table.sources th:nth-child(3) { width: 8%; } table.sources th:nth-child(4) { width: 8%; }
table.opex-lines th:nth-child(1) { width: 15%; } table.opex-lines th:nth-child(2) { width: 11%; }
table.opex-lines th:nth-child(3) { width: 12%; } table.opex-lines th:nth-child(4) { width: 9%; }
table.opex-lines th:nth-child(5) { width: 10%; } table.opex-lines th:nth-child(6) { width: 8%; }
table.opex-lines th:nth-child(7) { width: 7%; }
th { background: #f2f4f7; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; overflow-wrap: normal; }
tr { break-inside: avoid; }
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; }
.kpi { border: 1px solid var(--line); border-radius: 6px; padding: 8px; break-inside: avoid; }
.kpi .label { color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .03em; }
.kpi .value { font-size: 18px; font-weight: bold; }
.kpi .value.missing { color: var(--muted); font-weight: normal; }
.kpi .sub { font-size: 11px; }
.box { border-left: 4px solid var(--warn); background: #fff8e6; padding: 8px 12px; margin: 10px 0; break-inside: avoid; }
.chart { margin: 8px 0 16px; break-inside: avoid; }
.chart svg { max-width: 100%; height: auto; }
.missing-chart { border: 1px dashed var(--line); color: var(--muted); padding: 16px; text-align: center; margin: 8px 0; }
.status-verified { color: #1a7f37; } .status-derived { color: #0b5394; } .status-assumed { color: var(--warn); }
code { font-size: 12px; }
footer { margin-top: 32px; color: var(--muted); font-size: 11px; border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: A4; margin: 14mm 12mm; }
@media print { body { padding: 0; max-width: none; } nav { display: none; } }
`;

const NOT_COMPUTED = 'not computed';

function kpi(label: string, value: string, sub = ''): string {
  const missing = value === DASH;
  return `<div class="kpi"><div class="label">${e(label)}</div><div class="value${missing ? ' missing' : ''}">${e(value)}</div>${sub !== '' ? `<div class="sub">${e(sub)}</div>` : ''}</div>`;
}

function chartOrMissing(svg: string | null, what: string, reason: string): string {
  return svg !== null
    ? `<div class="chart">${svg}</div>`
    : `<div class="missing-chart">${e(what)}: ${NOT_COMPUTED}${reason !== '' ? ` — ${e(reason)}` : ''}</div>`;
}

/** The `not_implemented` entry that explains a missing part, by keyword. */
function reasonFor(a: Appraisal, keyword: string): string {
  const hit = a.not_implemented.find((n) => n.what.toLowerCase().includes(keyword));
  return hit !== undefined ? `${hit.what} (${hit.tracking})` : '';
}

function table(head: string[], rows: string[][], numeric: boolean[] = [], cls = ''): string {
  const th = head.map((h, i) => `<th${numeric[i] === true ? ' class="n"' : ''}>${e(h)}</th>`);
  const body = rows.map(
    (r) =>
      `<tr>${r.map((c, i) => `<td${numeric[i] === true ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`,
  );
  return `<table${cls !== '' ? ` class="${cls}"` : ''}><thead><tr>${th.join('')}</tr></thead><tbody>${body.join('\n')}</tbody></table>`;
}

function summary(a: Appraisal): string {
  const m = a.metrics;
  const computedCapex = a.stages.filter((s) => s.capex_usd !== null);
  const capexTotal =
    computedCapex.length === a.stages.length
      ? a.stages.reduce((t, s) => t + (s.capex_usd ?? 0), 0)
      : null;
  const capexPartial =
    computedCapex.length > 0 && computedCapex.length < a.stages.length
      ? `${computedCapex.length} of ${a.stages.length} stages estimated: ${computedCapex.map((s) => `${s.id} ${usdM(s.capex_usd)}`).join(', ')}`
      : '';
  const budgets = a.stages.filter((s) => s.capex?.budget !== undefined);
  const budgetNote = budgets
    .map(
      (s) =>
        `${s.id}: budget ${usdM(s.capex?.budget?.budget_usd)}, ${s.capex?.budget?.within_budget === true ? 'within' : 'exceeded'}`,
    )
    .join('; ');
  const basis = m !== null ? `${m.basis}, r = ${percent(m.discount_rate)}` : '';
  const i = a.impact;
  const em = a.emissions;
  const exportsUsd =
    i !== null ? i.exports_usd_per_year.reduce((t, x) => t + x.usd_per_year, 0) : null;
  const co2 = em !== null ? em.scope1_t_co2_per_year + em.scope2_t_co2_per_year : null;
  const cards = [
    kpi('Capex (total)', usdM(capexTotal), capexTotal === null ? capexPartial : budgetNote),
    kpi('NPV', usdM(m?.npv_usd), basis),
    kpi('IRR', percent(m?.irr), m !== null && m.irr === null ? (m.irr_reason ?? '') : ''),
    kpi(
      'Payback',
      years(m?.payback_years),
      m !== null ? `discounted: ${years(m.discounted_payback_years)}` : '',
    ),
    kpi('Peak funding', usdM(m?.peak_funding_usd)),
    kpi(
      'Levelised cost',
      m?.lcop_usd_per_t_cr != null
        ? `${amount(m.lcop_usd_per_t_cr)} USD/t Cr`
        : m?.lcop_usd_per_t != null
          ? `${amount(m.lcop_usd_per_t)} USD/t`
          : DASH,
    ),
    kpi(
      'Break-even price',
      m?.breakeven_price_usd_per_t != null ? `${amount(m.breakeven_price_usd_per_t)} USD/t` : DASH,
      m !== null ? m.breakeven_reasons.join('; ') : '',
    ),
    kpi(
      'Break-even tariff',
      m?.breakeven_tariff_kzt_per_kwh != null
        ? `${amount(m.breakeven_tariff_kzt_per_kwh)} KZT/kWh`
        : DASH,
    ),
    kpi(
      'Value added',
      i !== null ? `${usdM(i.value_added_usd_per_year)}/a` : DASH,
      i !== null && i.value_added_over_baseline_usd_per_year !== null
        ? `over raw export: ${usdM(i.value_added_over_baseline_usd_per_year)}/a`
        : '',
    ),
    kpi(
      'Jobs',
      i !== null ? `${amount(i.jobs_direct)} direct` : DASH,
      i !== null ? `${amount(i.jobs_indirect)} indirect` : '',
    ),
    kpi('Government take (PV)', usdM(i?.government_take_npv_usd)),
    kpi('Exports', exportsUsd !== null ? `${usdM(exportsUsd)}/a` : DASH),
    kpi('Power demand', i !== null ? `${amount(i.power_demand_MW)} MW` : DASH),
    kpi(
      'CO₂ scope 1 + 2',
      co2 !== null ? `${amount(co2)} t/a` : DASH,
      em !== null ? `grid ${amount(em.grid_factor_t_co2_per_mwh)} t/MWh` : '',
    ),
    kpi('CBAM cost', em !== null ? `${usdM(em.cbam_cost_usd_per_year)}/a` : DASH),
  ];
  const missing =
    a.not_implemented.length > 0
      ? `<div class="box"><strong>Not computed yet</strong> (shown as ${DASH}; no number is invented for these):<ul>${a.not_implemented.map((n) => `<li>${e(n.what)} — <span class="note">${e(n.tracking)}</span></li>`).join('')}</ul></div>`
      : '';
  return `<section id="summary"><h2>1 Summary</h2><div class="kpis">${cards.join('\n')}</div>${missing}</section>`;
}

function stageProducts(s: StageResult): string {
  return s.products.length === 0
    ? DASH
    : s.products.map((p) => `${e(p.id)}: ${amount(p.t_per_year)} t/a`).join('<br>');
}

function stagesSection(a: Appraisal): string {
  const rows = a.stages.map((s) => [
    `<strong>${e(s.id)}</strong><br><span class="note">${e(s.name)}</span>`,
    `${e(s.template)}${s.status === 'computed' ? '' : `<br><em>flowsheet ${NOT_COMPUTED}</em>`}`,
    `${amount(s.capacity_t_per_year)} t/a<br><span class="note">${e(s.capacity_basis)} basis</span>`,
    `${s.start_year}${s.construction_years > 0 ? `<br><span class="note">build ${s.construction_years} a</span>` : ''}`,
    stageProducts(s),
    millions(s.capex_usd),
    millions(s.opex_usd_per_year),
    millions(s.revenue_usd_per_year),
    millions(s.metrics?.npv_usd),
    percent(s.metrics?.irr),
  ]);
  const warnings = a.stages.flatMap((s) =>
    s.warnings.map((w) => `<li><strong>${e(s.id)}</strong>: ${e(w)}</li>`),
  );
  return `<section id="stages"><h2>2 Stages</h2>${table(
    [
      'Stage',
      'Template',
      'Capacity',
      'Start',
      'Products',
      'Capex USD M',
      'Opex USD M/a',
      'Revenue USD M/a',
      'NPV USD M',
      'IRR',
    ],
    rows,
    [false, false, true, true, false, true, true, true, true, true],
  )}<p class="note">Stage NPV and IRR: the first stage on its own cash flow, every later stage as an increment. Opex and revenue at nameplate.</p>${warnings.length > 0 ? `<h3>Warnings</h3><ul>${warnings.join('')}</ul>` : ''}</section>`;
}

function cashflowSection(a: Appraisal): string {
  const rows = a.cashflow;
  const chart = chartOrMissing(
    cashflowChartSvg(rows),
    'Yearly cash flow',
    reasonFor(a, 'cash flow'),
  );
  if (rows.length === 0) return `<section id="cashflow"><h2>3 Cash flow</h2>${chart}</section>`;
  let cum = 0;
  const body = rows.map((r: CashflowRow) => {
    cum += r.free_cash_flow_usd;
    return [
      String(r.year),
      r.utilisation === null ? DASH : percent(r.utilisation, 0),
      amount(r.production_t),
      millions(r.revenue_usd),
      millions(r.opex_usd),
      millions(r.capex_usd),
      millions(r.working_capital_change_usd),
      millions(r.tax_usd),
      millions(r.closure_cost_usd),
      millions(r.free_cash_flow_usd),
      millions(cum),
      r.discount_factor.toFixed(4),
    ];
  });
  const basis = a.metrics !== null ? `${a.metrics.basis} USD` : 'USD';
  return `<section id="cashflow"><h2>3 Cash flow</h2>${chart}<h3>Yearly table [${e(basis)} M]</h3>${table(
    [
      'Year',
      'Utilisation',
      'Sales t',
      'Revenue',
      'Opex',
      'Capex',
      'ΔWC',
      'Taxes',
      'Closure',
      'FCF',
      'Cumulative',
      'DF',
    ],
    body,
    [false, true, true, true, true, true, true, true, true, true, true, true],
  )}<p class="note">FCF = revenue − opex − capex − ΔWC − taxes − closure (project, unlevered); DF = 1/(1 + r)^t with the first row at t = 0. The XLSX export of this report recomputes these columns with live formulas.</p></section>`;
}

function capexSection(a: Appraisal): string {
  const chart = chartOrMissing(capexChartSvg(a.stages), 'Capital cost', reasonFor(a, 'capex'));
  const rows = a.stages
    .filter((s) => s.capex !== null)
    .map((s) => {
      const c = s.capex;
      if (c === null) return [];
      return [
        e(s.id),
        `${e(c.reference_class)}${c.calibrated ? '' : ' (uncalibrated)'}`,
        c.units.map((u) => `${e(u.unit_id)} ${millions(u.installed_usd)}`).join('<br>'),
        millions(c.osbl_usd),
        millions(c.indirect_usd),
        millions(c.owners_cost_usd),
        millions(c.contingency_usd),
        millions(s.capex_usd),
        `${millions(c.accuracy_usd.low)} – ${millions(c.accuracy_usd.high)} (class ${c.accuracy_usd.aace_class})`,
        c.budget !== undefined
          ? `${millions(c.budget.budget_usd)}: ${c.budget.within_budget ? 'within' : 'exceeded'}; buys ${amount(c.budget.capacity_within_budget_t_per_year)} t/a (P10–P90 ${amount(c.budget.capacity_p10_t_per_year)} – ${amount(c.budget.capacity_p90_t_per_year)})`
          : DASH,
      ];
    });
  const none = a.stages.filter((s) => s.capex === null && s.capex_usd === null).map((s) => s.id);
  return `<section id="capex"><h2>4 Capital cost</h2>${chart}${
    rows.length > 0
      ? table(
          [
            'Stage',
            'Reference class',
            'Units (installed)',
            'Off-sites',
            'Indirects',
            "Owner's",
            'Contingency',
            'Total',
            'Accuracy range',
            'Budget',
          ],
          rows,
          [false, false, false, true, true, true, true, true, false, false],
        )
      : ''
  }<p class="note">USD M in base-year money. ${none.length > 0 ? `No estimate for: ${none.map(e).join(', ')} (see “Not computed yet”).` : ''}</p></section>`;
}

function opexSection(a: Appraisal): string {
  const chart = chartOrMissing(opexChartSvg(a.stages), 'Operating cost', reasonFor(a, 'opex'));
  const tables = a.stages
    .filter((s) => s.opex !== null)
    .map((s) => {
      const o = s.opex;
      if (o === null) return '';
      return `<h3>${e(s.id)}: ${usdM(o.total_usd_per_year)}/a, cash cost ${amount(o.cash_cost_usd_per_t)} USD/t${o.cash_cost_usd_per_t_cr !== null ? `, ${amount(o.cash_cost_usd_per_t_cr)} USD/t Cr` : ''}</h3>${table(
        [
          'Line',
          'Category',
          'Quantity/a',
          'Unit',
          'Price USD/unit',
          'USD M/a',
          'Variable',
          'Source',
        ],
        o.lines.map((l) => [
          e(l.id),
          e(l.category),
          amount(l.quantity_per_year),
          e(l.unit),
          amount(l.unit_price_usd),
          millions(l.cost_usd_per_year, 2),
          l.variable ? 'yes' : 'fixed',
          e(l.source),
        ]),
        [false, false, true, false, true, true, false, false],
        'wrap opex-lines',
      )}`;
    });
  return `<section id="opex"><h2>5 Operating cost</h2>${chart}${tables.join('\n')}</section>`;
}

function impactSection(a: Appraisal): string {
  const i = a.impact;
  const chart = chartOrMissing(
    valueLadderChartSvg(i?.value_ladder_usd_per_t_cr),
    'Value ladder',
    reasonFor(a, 'impact'),
  );
  let detail = '';
  if (i !== null) {
    detail += table(
      ['Stage', 'Value added USD M/a'],
      Object.entries(i.value_added_by_stage_usd_per_year).map(([k, v]) => [e(k), millions(v)]),
      [false, true],
    );
    if (i.exports_usd_per_year.length > 0)
      detail += table(
        ['Export product', 'HS code', 'USD M/a'],
        i.exports_usd_per_year.map((x) => [e(x.product), e(x.hs_code), millions(x.usd_per_year)]),
        [false, false, true],
      );
  }
  const em = a.emissions;
  if (em !== null) {
    detail += `<h3>Emissions</h3><p>Scope 1: ${amount(em.scope1_t_co2_per_year)} t CO₂/a; scope 2: ${amount(em.scope2_t_co2_per_year)} t CO₂/a (grid ${amount(em.grid_factor_t_co2_per_mwh)} t/MWh); CBAM cost ${usdM(em.cbam_cost_usd_per_year)}/a.</p>${table(
      ['Product', 'Intensity t CO₂/t'],
      Object.entries(em.intensity_t_co2_per_t).map(([k, v]) => [e(k), amount(v)]),
      [false, true],
    )}`;
  } else {
    detail += `<p class="note">Emissions and CBAM: ${NOT_COMPUTED}${reasonFor(a, 'emissions') !== '' ? ` — ${e(reasonFor(a, 'emissions'))}` : ''}.</p>`;
  }
  return `<section id="impact"><h2>6 Value ladder, regional impact, emissions</h2>${chart}${detail}</section>`;
}

function assumptionsSection(a: Appraisal): string {
  const counts = new Map<string, number>();
  for (const s of a.sources) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  const rows = a.sources.map((s) => [
    `<code>${e(s.path)}</code>`,
    amount(s.value),
    e(s.unit),
    `<span class="status-${e(s.status)}">${e(s.status)}</span>`,
    `${e(s.source)}${s.note !== undefined ? `<br><span class="note">${e(s.note)}</span>` : ''}`,
  ]);
  return `<section id="assumptions"><h2>7 Assumptions and sources</h2><p>${a.sources.length} input numbers (${[...counts].map(([k, v]) => `${v} ${e(k)}`).join(', ')}). Status as in the project's facts: <em>verified</em> from a cited source, <em>derived</em> from verified numbers, <em>assumed</em> with the reason given, <em>input</em> set by the scenario's author.</p>${table(
    ['Path', 'Value', 'Unit', 'Status', 'Source'],
    rows,
    [false, true, false, false, false],
    'wrap sources',
  )}</section>`;
}

function methodsSection(options: HtmlReportOptions): string {
  const doc = (file: string): string =>
    options.docsBaseUrl !== undefined
      ? `<a href="${e(options.docsBaseUrl + file)}">docs/${e(file)}</a>`
      : `<code>docs/${e(file)}</code>`;
  return `<section id="methods"><h2>8 Methods</h2>
<p><strong>Plant.</strong> Each stage's flowsheet template is solved as a sequential-modular flowsheet with element and mass balances and unit energy balances from thermochemical data; the plant balance closes every element, water and the total mass (worst closure reported). ${doc('flowsheet.md')}, ${doc('model.md')}, ${doc('thermo.md')}.</p>
<p><strong>Capital cost.</strong> From the design of every unit: each unit's sizes (furnace MVA, strand area, kiln volume, throughputs) priced by the cost items of the stage's reference class (china-epc in RMB or western in USD), escalated to the base year and scaled by the class's calibration on its reference plants; off-sites, indirects, the location factor to Kazakhstan, owner's cost and contingency are added once on top; the accuracy range follows the AACE class, and a budget is inverted to the capacity it buys by scaling the design (the balance is homogeneous in throughput). ${doc('capex.md')}.</p>
<p><strong>Cash flow.</strong> Yearly rows; row t is the calendar year start + t with its flows at the year end and t = 0 undiscounted. Money inputs are in base-year USD, escalated by inflation to money of the day (taxes are levied on nominal amounts) and deflated back for a real-basis table. Free cash flow = revenue − opex − capex − ΔWC − taxes − closure; working capital = receivables + inventory − payables in days, recovered in the last row. NPV = Σ FCF_t (1 + r)^−t; IRR is the unique root of NPV (or none, with the reason); payback is the first crossing of the cumulative flow, linear inside the year. ${doc('finance.md')}.</p>
<p><strong>Taxes.</strong> The Kazakh regime as a plug-in with dated rates and sources (<code>data/fiscal/kazakhstan.json</code>): corporate income tax with loss carry-forward and declining-balance depreciation groups, property tax on buildings, land tax, mineral extraction tax when mining is inside the boundary, employer payroll levies, and the cost of the input-VAT refund lag; investment-preference holidays when the scenario declares them. ${doc('finance.md')}.</p>
<p><strong>Numbers and sources.</strong> Every input carries a unit, a source and a status (section 7). A part the model cannot compute is reported as not computed, never estimated by the report. Uncertainty (Monte Carlo, tornado) is not part of this report: <code>chromflow mc</code>, <code>chromflow sensitivity</code>, ${doc('uncertainty.md')}.</p>
</section>`;
}

/**
 * Renders the HTML report of one appraisal.
 *
 * @param a - The appraisal (null parts are shown as not computed).
 * @param options - Header details and the docs link base.
 * @returns A complete HTML5 document (UTF-8), self-contained: inline CSS and SVG, no scripts.
 */
export function renderHtmlReport(a: Appraisal, options: HtmlReportOptions = {}): string {
  const s = a.scenario;
  const meta = [
    `${e(s.site)}, ${e(s.region)} (${e(s.country)})`,
    `base year ${s.base_year}`,
    `chromflow ${e(a.chromflow.version)}, scenario format ${a.chromflow.scenario_format}`,
    ...(options.origin !== undefined ? [e(options.origin)] : []),
    ...(options.generatedAt !== undefined
      ? [`generated ${e(options.generatedAt.toISOString())}`]
      : []),
  ];
  const balance =
    a.balance !== null
      ? `<p class="note">Plant balance: ${a.balance.streams.length} streams, ${a.balance.units.length} units; worst closure ${a.balance.max_closure_rel.toExponential(1)} (relative).</p>`
      : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="chromflow ${e(a.chromflow.version)}">
<title>${e(s.name)} — chromflow appraisal report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${e(s.name)}</h1>
<p class="sub">${meta.join(' · ')}</p>
${s.description !== undefined ? `<p>${e(s.description)}</p>` : ''}
</header>
<nav><ol>
<li><a href="#summary">Summary</a></li><li><a href="#stages">Stages</a></li><li><a href="#cashflow">Cash flow</a></li><li><a href="#capex">Capital cost</a></li>
<li><a href="#opex">Operating cost</a></li><li><a href="#impact">Value ladder, impact, emissions</a></li><li><a href="#assumptions">Assumptions and sources</a></li><li><a href="#methods">Methods</a></li>
</ol></nav>
${summary(a)}
${stagesSection(a)}
${balance}
${cashflowSection(a)}
${capexSection(a)}
${opexSection(a)}
${impactSection(a)}
${assumptionsSection(a)}
${methodsSection(options)}
<footer>chromflow ${e(a.chromflow.version)} — open process and investment simulator for chromium ore deep processing. Numbers are model results for the scenario above; see the methods and sources before relying on them.</footer>
</body>
</html>
`;
}
