import type { Command } from '@commander-js/extra-typings';
import { npvBridge, viewNpv, type BridgeStep, type BridgeView } from '../../analysis/npv-bridge.js';
import { appraise } from '../../appraise.js';
import type { Appraisal } from '../../appraisal.js';
import { EXIT } from '../exit-codes.js';
import { CliExit } from '../run-main.js';
import { loadScenarioOrExit } from '../scenario-file.js';
import { styleFor } from '../style.js';

/**
 * The side-by-side figures of one appraisal in a stakeholder view, by label (null where not
 * computable). Economy: every entity in Kazakhstan (the mine included); investor: the project.
 */
export function comparisonRows(
  a: Appraisal,
  view: BridgeView = 'economy',
): [string, number | null, string][] {
  const v = a.views?.[view] ?? null;
  const capex = a.stages.reduce((x, s) => x + (s.capex_usd ?? 0), 0);
  const exports = v ? v.exports_usd_per_year.reduce((x, e) => x + e.usd_per_year, 0) : null;
  const peak = v ? Math.max(0, ...v.jobs.construction_by_year.map((c) => c.jobs)) : null;
  return [
    ['Capex', capex, 'USD'],
    ['NPV', v?.npv_usd ?? null, 'USD'],
    ['IRR', v?.irr ?? null, '%'],
    ['Payback (project)', a.metrics?.payback_years ?? null, 'years'],
    ['Revenue, full rate (project)', sum(a, (s) => s.revenue_usd_per_year), 'USD/year'],
    ['Gross value added', v?.value_added_usd_per_year ?? null, 'USD/year'],
    [
      'Value added over raw export (project)',
      a.impact?.value_added_over_baseline_usd_per_year ?? null,
      'USD/year',
    ],
    ['Direct jobs', v?.jobs.direct ?? null, ''],
    ['Construction jobs, peak year', peak, ''],
    ['Indirect jobs', v?.jobs.indirect ?? null, ''],
    ['Government take (PV)', v?.government_take_npv_usd ?? null, 'USD'],
    ['  of which MET (PV)', v?.met_npv_usd ?? null, 'USD'],
    ['Exports (FCA border)', exports, 'USD/year'],
    ['Power demand (project)', a.impact?.power_demand_MW ?? null, 'MW'],
    [
      'CO2 scope 1 + 2 (project)',
      a.emissions ? a.emissions.scope1_t_co2_per_year + a.emissions.scope2_t_co2_per_year : null,
      't/year',
    ],
    ['CBAM cost at full rate', a.emissions?.cbam_cost_usd_per_year ?? null, 'USD/year'],
  ];
}

function sum(a: Appraisal, f: (s: Appraisal['stages'][number]) => number | null): number | null {
  let x = 0;
  for (const s of a.stages) {
    const v = f(s);
    if (v === null) return null;
    x += v;
  }
  return x;
}

function fmt(v: number | null, unit: string): string {
  if (v === null) return '—';
  if (unit === '%') return `${(100 * v).toFixed(1)} %`;
  if (unit.startsWith('USD')) return (v / 1e6).toFixed(1);
  return Math.abs(v) >= 1000
    ? Math.round(v).toLocaleString('en-US')
    : String(Number(v.toPrecision(4)));
}

export function register(program: Command): void {
  program
    .command('compare')
    .description(
      'compare two or three scenarios side by side, with the NPV bridge by driver between them',
    )
    .argument('<files...>', 'two or three scenario files, in the order to compare')
    .option('--json', 'print the comparison as JSON')
    .option(
      '--view <view>',
      'stakeholder view: economy (every entity in Kazakhstan, the Kempirsai mine included) or investor (the project company)',
      'economy',
    )
    .action((files, options) => {
      if (options.view !== 'economy' && options.view !== 'investor') {
        process.stderr.write(`error: --view must be economy or investor, got ${options.view}\n`);
        throw new CliExit(EXIT.invalidInput);
      }
      const view: BridgeView = options.view;
      if (files.length < 2 || files.length > 3) {
        process.stderr.write(`error: compare takes 2 or 3 scenario files, got ${files.length}\n`);
        throw new CliExit(EXIT.invalidInput);
      }
      const appraisals = files.map((f) =>
        // compare shows no timing option: do not value it
        appraise(loadScenarioOrExit(f), { stageTimingOption: false }),
      );
      const pairs: [number, number][] =
        appraisals.length === 3
          ? [
              [0, 1],
              [1, 2],
              [0, 2],
            ]
          : [[0, 1]];
      const bridges = pairs.map(([i, j]) => {
        const a = appraisals[i] as Appraisal;
        const b = appraisals[j] as Appraisal;
        const ok = a.metrics !== null && b.metrics !== null;
        const steps: BridgeStep[] = ok ? npvBridge(a, b, view) : [];
        return {
          from: files[i] ?? '',
          to: files[j] ?? '',
          view,
          npv_change_usd: ok ? viewNpv(b, view) - viewNpv(a, view) : null,
          steps,
        };
      });
      if (options.json) {
        const out = {
          view,
          boundary: appraisals[0]?.views?.[view].boundary ?? null,
          price_point: 'ex-works (exports at the FCA border)',
          scenarios: appraisals.map((a, k) => ({
            file: files[k],
            name: a.scenario.name,
            figures: Object.fromEntries(
              comparisonRows(a, view).map(([label, v, unit]) => [label, { value: v, unit }]),
            ),
          })),
          bridges,
        };
        process.stdout.write(JSON.stringify(out, null, 2) + '\n');
        return;
      }
      const s = styleFor(process.stdout);
      const w = (line = '') => process.stdout.write(line + '\n');
      const width = 18;
      w(s.bold(`View: ${view}`) + ` — ${appraisals[0]?.views?.[view].boundary ?? ''}`);
      w(
        '  Streams valued ex-works (Aktobe Region), exports at the FCA border; rows marked (project) are the project company in every view.',
      );
      w();
      w(s.bold('Scenarios'));
      appraisals.forEach((a, k) =>
        w(`  ${String.fromCharCode(65 + k)}: ${a.scenario.name} (${files[k] ?? ''})`),
      );
      w();
      w(
        `  ${''.padEnd(44)}${appraisals.map((_, k) => String.fromCharCode(65 + k).padStart(width)).join('')}`,
      );
      const rows = appraisals.map((a) => comparisonRows(a, view));
      (rows[0] ?? []).forEach(([label, , unit], r) => {
        const cells = rows.map((row) => fmt(row[r]?.[1] ?? null, unit).padStart(width)).join('');
        const u = unit.startsWith('USD') ? unit.replace('USD', 'USD M') : unit;
        w(`  ${`${label}${u ? ` [${u}]` : ''}`.padEnd(44)}${cells}`);
      });
      appraisals.forEach((a, k) => {
        const why = a.views?.[view].irr_reason;
        if (why) w(`  IRR of ${String.fromCharCode(65 + k)}: — (${why})`);
      });
      for (const [k, b] of bridges.entries()) {
        const [i, j] = pairs[k] ?? [0, 1];
        w();
        w(
          s.bold(
            `NPV bridge ${String.fromCharCode(65 + i)} → ${String.fromCharCode(65 + j)} (${view} view): ${b.npv_change_usd === null ? '—' : `${fmt(b.npv_change_usd, 'USD')} USD M`}`,
          ),
        );
        for (const step of b.steps)
          w(`  ${step.driver.padEnd(42)}${fmt(step.delta_usd, 'USD').padStart(12)} USD M`);
      }
    });
}
