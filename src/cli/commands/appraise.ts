import { join } from 'node:path';
import type { Command } from '@commander-js/extra-typings';
import { appraise } from '../../appraise.js';
import type { Appraisal, StageTimingResult } from '../../appraisal.js';
import { collectSetting, loadScenarioOrExit, SET_HELP } from '../scenario-file.js';
import { styleFor } from '../style.js';
import { writeFileAtomically } from '../write-file.js';

export function register(program: Command): void {
  program
    .command('appraise')
    .description(
      'appraise a scenario: plant, economics, impact (prints what is not yet computable)',
    )
    .argument('<file>', 'scenario file')
    .option('--json', 'print the whole appraisal as JSON (keys documented in docs/cli.md)')
    .option('--out <dir>', 'also write appraisal.json into this directory')
    .option('--set <path=value>', SET_HELP, collectSetting)
    .action((file, options) => {
      const scenario = loadScenarioOrExit(file, options.set);
      const result = appraise(scenario);
      if (options.out !== undefined)
        writeFileAtomically(
          join(options.out, 'appraisal.json'),
          JSON.stringify(result, null, 2) + '\n',
        );
      if (options.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else printSummary(result);
    });
}

/** KPIs worth a line in the summary (the JSON has them all). */
const SUMMARY_KPIS = [
  'specific_energy_MWh_per_t',
  'furnace_MW',
  'ore_t_per_t',
  'feed_t_per_t',
  'alloy_cr_wt_pct',
  'metal_cr_wt_pct',
  'concentrate_cr2o3_wt_pct',
  'cr_recovery',
  'cr2o3_recovery',
  'slag_t_per_t',
  'co2_t_per_t',
  'al_t_per_t_cr',
  'adiabatic_T_K',
];

/** One line on the stage-timing option (`chromflow option stage-timing` prints the boundary). */
function timingOptionLine(o: StageTimingResult): string {
  return `Timing option of stage ${o.stage} (start ${o.start_years[0]}–${o.start_years[1]}, ${formatAmount(o.paths)} price paths): commit now ${usd(o.commit_now_npv_usd)}, optimal rule ${usd(o.optimal_rule_value_usd)} ± ${usd(o.standard_error_usd)}, waiting worth ${usd(o.option_value_usd)}; never started on ${(100 * o.never_share).toFixed(1)} % of paths`;
}

/** A cover ratio to two decimals; null is "not applicable" (no debt service or no debt). */
function ratio(x: number | null): string {
  return x === null ? 'n/a' : x.toFixed(2);
}

/** Sources and uses of the construction budget, one line each side. */
function sourcesUsesRows(
  su: NonNullable<Appraisal['metrics']>['sources_uses'],
): [string, string][] {
  if (su === null) return [];
  return [
    [
      'Uses of funds',
      `${usd(su.total_uses_usd)}: capex ${usd(su.capex_usd)}, IDC ${usd(su.interest_during_construction_usd)}, fees ${usd(su.financing_fees_usd)}, DSRA ${usd(su.dsra_initial_usd)}, working capital and start-up ${usd(su.working_capital_and_start_up_usd)}`,
    ],
    ['Sources of funds', `debt ${usd(su.debt_usd)}, equity ${usd(su.equity_usd)}`],
  ];
}

/** The lenders' figures of a metrics block (none without debt). */
function lenderRows(m: NonNullable<Appraisal['metrics']>): [string, string][] {
  if (m.min_dscr === null && m.llcr === null)
    return [['Debt', `none (all equity)${m.dscr_reason ? `: ${m.dscr_reason}` : ''}`]];
  return [
    [
      'DSCR minimum / average',
      m.min_dscr === null ? (m.dscr_reason ?? '—') : `${ratio(m.min_dscr)} / ${ratio(m.avg_dscr)}`,
    ],
    ['LLCR at completion / minimum', `${ratio(m.llcr)} / ${ratio(m.min_llcr)}`],
    ['PLCR at completion', ratio(m.plcr)],
    [
      'Covenant breaches',
      m.covenant_breaches.length === 0
        ? 'none'
        : m.covenant_breaches
            .map(
              (b) =>
                `${b.year}${b.stage ? ` ${b.stage}` : ''} ${b.covenant} ${ratio(b.value)} < ${ratio(b.threshold)}`,
            )
            .join('; '),
    ],
    ...sourcesUsesRows(m.sources_uses),
  ];
}

function printSummary(a: Appraisal): void {
  const s = styleFor(process.stdout);
  const w = (line = '') => process.stdout.write(line + '\n');
  w(s.bold(a.scenario.name));
  w(
    `${a.scenario.site}, ${a.scenario.region} (${a.scenario.country}); base year ${a.scenario.base_year}`,
  );
  const m = a.metrics;
  const im = a.impact;
  const em = a.emissions;
  if (m && im && em) {
    w();
    w(
      s.bold(`Key figures (${m.basis} USD of ${a.scenario.base_year})`) +
        ' — investor view (the project company); every stream valued ex-works (Aktobe Region), exports at the FCA border',
    );
    const capex = a.stages.reduce((x, st) => x + (st.capex_usd ?? 0), 0);
    const rows: [string, string][] = [
      ['Capex, all stages', usd(capex)],
      [`NPV at ${pct(m.discount_rate)}`, usd(m.npv_usd)],
      ['IRR', m.irr === null ? `none (${m.irr_reason ?? ''})` : pct(m.irr)],
      [
        'Payback / discounted payback',
        `${years(m.payback_years)} / ${years(m.discounted_payback_years)}`,
      ],
      ['LCOP', m.lcop_usd_per_t === null ? '—' : `USD ${formatAmount(m.lcop_usd_per_t)}/t product`],
      [
        'Break-even main-product price',
        m.breakeven_price_usd_per_t === null
          ? '—'
          : `USD ${formatAmount(m.breakeven_price_usd_per_t)}/t`,
      ],
      [
        'Break-even electricity tariff',
        m.breakeven_tariff_kzt_per_kwh === null
          ? '—'
          : `${formatAmount(m.breakeven_tariff_kzt_per_kwh)} KZT/kWh`,
      ],
      ['Equity IRR', m.equity_irr === null ? '—' : pct(m.equity_irr)],
      [
        'Sponsor equity IRR after WHT',
        `${m.sponsor_equity_irr === null ? `— (${m.sponsor_equity_irr_reason ?? ''})` : pct(m.sponsor_equity_irr)} (dividend WHT ${pct(m.dividend_withholding_rate)}, China–Kazakhstan treaty)`,
      ],
      ...lenderRows(m),
      ['Gross value added', `${usd(im.value_added_usd_per_year)}/year`],
      [
        'Value added over raw export',
        im.value_added_over_baseline_usd_per_year === null
          ? '— (this is the baseline)'
          : `${usd(im.value_added_over_baseline_usd_per_year)}/year`,
      ],
      [
        'Jobs direct / indirect',
        `${formatAmount(im.jobs_direct)} / ${formatAmount(im.jobs_indirect)}`,
      ],
      ['Government take (PV of taxes)', usd(im.government_take_npv_usd)],
      [
        'Exports',
        im.exports_usd_per_year
          .map((e) => `${e.product} (HS ${e.hs_code}) ${usd(e.usd_per_year)}/year`)
          .join('; ') || '—',
      ],
      ['Power demand', `${formatAmount(im.power_demand_MW)} MW`],
      [
        'CO2 scope 1 + 2',
        `${formatAmount(em.scope1_t_co2_per_year)} + ${formatAmount(em.scope2_t_co2_per_year)} t/year (grid ${em.grid_factor_t_co2_per_mwh} t/MWh)`,
      ],
      ['CBAM cost at full rate', `${usd(em.cbam_cost_usd_per_year)}/year`],
    ];
    for (const [k, v] of rows) w(`  ${k.padEnd(32)} ${v}`);
    if (a.stage_timing_option) w(`  ${timingOptionLine(a.stage_timing_option)}`);
    if (a.views) printViews(a, w, s.bold);
    if (a.commercial) printCommercial(a, w, s.bold);
    w();
    w(s.bold('Value ladder (USD per t of contained Cr, ex-works, base year)'));
    w(
      '  ' +
        Object.entries(im.value_ladder_usd_per_t_cr)
          .map(([k, v]) => `${k} ${formatAmount(v)}`)
          .join('  →  '),
    );
  }
  w();
  w(s.bold('Stages'));
  for (const st of a.stages) {
    w(
      `  ${st.id.padEnd(12)} ${st.template.padEnd(20)} ${formatAmount(st.capacity_t_per_year).padStart(10)} t/year (${st.capacity_basis})  from ${st.start_year}  ${st.status === 'computed' ? s.green('computed') : s.yellow('not implemented')}`,
    );
    for (const p of st.products) w(`      product ${p.id}: ${formatAmount(p.t_per_year)} t/year`);
    const kpis = SUMMARY_KPIS.filter((k) => st.kpis[k] !== undefined);
    if (kpis.length > 0)
      w(`      ${kpis.map((k) => `${k} = ${formatAmount(st.kpis[k] ?? 0)}`).join(', ')}`);
    if (st.capex) {
      const c = st.capex;
      w(
        `      capex ${usd(st.capex_usd ?? 0)} (${c.reference_class} class, ${c.calibrated ? 'calibrated' : 'uncalibrated'}; AACE class ${c.accuracy_usd.aace_class}: ${usd(c.accuracy_usd.low)} – ${usd(c.accuracy_usd.high)})`,
      );
      w(
        `      by unit: ${c.units.map((u) => `${u.unit_id} ${usd(u.installed_usd)}`).join(', ')}; off-sites ${usd(c.osbl_usd)}, indirects ${usd(c.indirect_usd)}, owner's ${usd(c.owners_cost_usd)}, contingency ${usd(c.contingency_usd)}`,
      );
      if (c.budget) {
        w(
          `      budget ${usd(c.budget.budget_usd)}: ${c.budget.within_budget ? s.green('within') : s.yellow('exceeded')}; the budget buys ${formatAmount(c.budget.capacity_within_budget_t_per_year)} t/year (P10–P90 ${formatAmount(c.budget.capacity_p10_t_per_year)} – ${formatAmount(c.budget.capacity_p90_t_per_year)})`,
        );
      }
      if (c.by_route && c.by_route.length > 0) {
        w(
          '      what the budget buys, by route and class (t/year, P10 – P90; capex at this capacity):',
        );
        for (const r of c.by_route)
          w(
            `        ${r.template.padEnd(16)} ${r.reference_class.padEnd(10)} ${formatAmount(r.capacity_within_budget_t_per_year).padStart(9)} (${formatAmount(r.capacity_p10_t_per_year)} – ${formatAmount(r.capacity_p90_t_per_year)})  ${usd(r.capex_usd)}`,
          );
      }
    }
    if (st.opex && st.revenue_usd_per_year !== null)
      w(
        `      revenue ${usd(st.revenue_usd_per_year)}/year, opex ${usd(st.opex.total_usd_per_year)}/year (cash cost USD ${formatAmount(st.opex.cash_cost_usd_per_t)}/t${st.opex.cash_cost_usd_per_t_cr === null ? '' : `, ${formatAmount(st.opex.cash_cost_usd_per_t_cr)}/t Cr`})${st.staffing ? `, ${formatAmount(st.staffing.direct_jobs)} jobs` : ''}`,
      );
    if (st.metrics)
      w(
        `      on its own${a.stages[0]?.id === st.id ? '' : ' (increment)'}: NPV ${usd(st.metrics.npv_usd)}, IRR ${st.metrics.irr === null ? 'none' : pct(st.metrics.irr)}`,
      );
    for (const warning of st.warnings) w(`      ${s.yellow('warning')}: ${warning}`);
  }
  if (a.balance) {
    w();
    w(
      `${s.bold('Plant balance')}: ${a.balance.streams.length} streams, ${a.balance.units.length} units; worst closure of any element, water or total mass ${a.balance.max_closure_rel.toExponential(1)} (relative)`,
    );
  }
  if (a.not_implemented.length > 0) {
    w();
    w(s.bold('Not yet computable (no numbers are invented for these):'));
    for (const n of a.not_implemented) w(`  - ${n.what} — ${n.tracking}`);
  }
  w();
  w(
    `${a.sources.length} input numbers with sources: run \`chromflow sources <file>\` to list them.`,
  );
}

/** Both stakeholder views side by side, each figure with its boundary and price point. */
function printViews(a: Appraisal, w: (line?: string) => void, bold: (t: string) => string): void {
  const v = a.views;
  if (!v) return;
  const i = v.investor;
  const e = v.economy;
  w();
  w(bold('Stakeholder views') + ' (prices ex-works; exports at the FCA border)');
  w(`  investor: ${i.boundary}`);
  w(`  economy:  ${e.boundary} — ${e.entities.map((x) => x.name).join(', ')}`);
  const peak = (x: { jobs: typeof i.jobs }) =>
    Math.max(0, ...x.jobs.construction_by_year.map((c) => c.jobs));
  const rows: [string, string, string][] = [
    ['NPV', usd(i.npv_usd), usd(e.npv_usd)],
    ['IRR', i.irr === null ? '—' : pct(i.irr), e.irr === null ? '—' : pct(e.irr)],
    ['Equity IRR', i.equity_irr === null ? '—' : pct(i.equity_irr), '—'],
    [
      'Gross value added',
      `${usd(i.value_added_usd_per_year)}/year`,
      `${usd(e.value_added_usd_per_year)}/year`,
    ],
    ['Government take (PV)', usd(i.government_take_npv_usd), usd(e.government_take_npv_usd)],
    ['  of which MET (PV)', usd(i.met_npv_usd), usd(e.met_npv_usd)],
    ['Direct jobs', formatAmount(i.jobs.direct), formatAmount(e.jobs.direct)],
    ['Construction jobs, peak year', formatAmount(peak(i)), formatAmount(peak(e))],
    ['Indirect jobs', formatAmount(i.jobs.indirect), formatAmount(e.jobs.indirect)],
    [
      'Exports (FCA border)',
      `${usd(i.exports_usd_per_year.reduce((x, y) => x + y.usd_per_year, 0))}/year`,
      `${usd(e.exports_usd_per_year.reduce((x, y) => x + y.usd_per_year, 0))}/year`,
    ],
  ];
  w(`  ${''.padEnd(30)} ${'investor'.padStart(18)} ${'economy'.padStart(18)}`);
  for (const [k, x, y] of rows) w(`  ${k.padEnd(30)} ${x.padStart(18)} ${y.padStart(18)}`);
}

/** Price points, the deck (first and tenth operating year), the tariff path and the contracts. */
function printCommercial(
  a: Appraisal,
  w: (line?: string) => void,
  bold: (t: string) => string,
): void {
  const c = a.commercial;
  if (!c) return;
  const first = Math.min(...a.stages.map((st) => st.start_year));
  w();
  w(bold('Prices (quotation → ex-works; realised ex-works in the 1st and 10th operating year)'));
  for (const p of c.products) {
    const at = (y: number) => p.ex_works_usd_per_t_by_year.find((x) => x.year === y)?.usd_per_t;
    const y1 = at(first);
    const y10 = at(first + 9);
    w(
      `  ${p.id.padEnd(22)} ${p.price_point.padEnd(16)} quote USD ${formatAmount(p.quote_usd_per_t)}/t → ex-works ${formatAmount(p.ex_works_usd_per_t)} (${a.scenario.base_year}); ${first}: ${y1 === undefined ? '—' : formatAmount(y1)}, ${first + 9}: ${y10 === undefined ? '—' : formatAmount(y10)} USD/t`,
    );
  }
  const tariff = (y: number) =>
    c.electricity_kzt_per_kwh_by_year.find((x) => x.year === y)?.kzt_per_kwh ?? NaN;
  w(
    `  electricity tariff ${formatAmount(tariff(a.scenario.base_year))} KZT/kWh (${a.scenario.base_year}) → ${formatAmount(tariff(first + 9))} (${first + 9})`,
  );
  for (const f of c.feeds)
    w(
      `  feed ${f.id}: uses ${formatAmount(f.use_t_per_year)} of ${f.contract_t_per_year === null ? '— (no contract)' : formatAmount(f.contract_t_per_year)} t/year contracted, take-or-pay ${pct(f.take_or_pay_share)}${f.supplier ? `, from ${f.supplier}` : ''}; price: ${f.price_source}`,
    );
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}

function years(x: number | null): string {
  return x === null ? 'never' : `${x.toFixed(1)} years`;
}

function usd(x: number): string {
  return `USD ${(x / 1e6).toFixed(1)} M`;
}

/**
 * Whole numbers from 1,000 up; four significant digits below (45.51 KZT/kWh, 43.5 MW, 0.9232):
 * no input of a scenario is known to more, so more digits would be false precision.
 */
function formatAmount(x: number): string {
  return Math.abs(x) >= 1000
    ? Math.round(x).toLocaleString('en-US')
    : String(Number(x.toPrecision(4)));
}
