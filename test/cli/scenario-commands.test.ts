// The CLI as a user runs it: exit codes, messages with file:line:col and field path, the
// sources listing, and the appraisal JSON contract.
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'chromflow-cli-'));

describe('chromflow validate', () => {
  it('exits 0 on the reference scenarios', () => {
    const r = runCli([
      'validate',
      'scenarios/aktobe-raw-export.yaml',
      'scenarios/aktobe-stage1.yaml',
      'scenarios/aktobe-stage1-2.yaml',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.match(/^valid: /gm)).toHaveLength(3);
  });

  it('exits 2 on a broken copy, naming file:line:col and the field path, without a stack trace', () => {
    const broken = join(tmp, 'broken.yaml');
    const text = readFileSync(join(ROOT, 'scenarios/aktobe-stage1.yaml'), 'utf8')
      .replace('value: 190000', 'value: -180000')
      .replace('template: fecr-dc', 'template: fecr-dcc');
    writeFileSync(broken, text);
    const r = runCli(['validate', broken]);
    expect(r.status).toBe(2);
    const line = text.split('\n').findIndex((l) => l.includes('value: -180000')) + 1;
    expect(r.stdout).toContain(`${broken}:${line}:`);
    expect(r.stdout).toContain('feeds[0].supply_t_per_year');
    expect(r.stdout).toMatch(/found -180000; expected a finite number ≥ 0 \[t\/year\]/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 when the stages use more feed than the supply contract, naming the feed and both tonnages', () => {
    const over = join(tmp, 'over-supply.yaml');
    const text = readFileSync(join(ROOT, 'scenarios/aktobe-stage1.yaml'), 'utf8')
      .replace('value: 190000', 'value: 150000')
      .replace(/\n {4}extra_supply:\n(?: {6}[^\n]*\n)+/, '\n');
    writeFileSync(over, text);
    const r = runCli(['validate', over]);
    expect(r.status).toBe(2);
    const line = text.split('\n').findIndex((l) => l.includes('value: 150000')) + 1;
    expect(r.stdout).toContain(`${over}:${line}:`);
    expect(r.stdout).toMatch(
      /feeds\[0\]\.supply_t_per_year: found 150000; feed "kempirsai-concentrate": the stages use 184,78\d t\/year .* above the supply of 150,000 t\/year/,
    );
  });

  it('reports all problems at once (semantic problems too) and --json lists them', () => {
    const broken = join(tmp, 'semantic.yaml');
    writeFileSync(
      broken,
      readFileSync(join(ROOT, 'scenarios/aktobe-stage1.yaml'), 'utf8')
        .replace('template: fecr-dc', 'template: fecr-dcc')
        .replace('start_year: 2031', 'start_year: 2029'),
    );
    const r = runCli(['validate', '--json', broken]);
    expect(r.status).toBe(2);
    const [report] = JSON.parse(r.stdout) as {
      valid: boolean;
      problems: { path: string; suggestion?: string }[];
    }[];
    expect(report?.valid).toBe(false);
    expect(report?.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['stages[0].flowsheet.template', 'stages[0].start_year']),
    );
    expect(
      report?.problems.find((p) => p.path === 'stages[0].flowsheet.template')?.suggestion,
    ).toBe('fecr-dc');
  });

  it('exits 4 when the file cannot be read', () => {
    const r = runCli(['validate', join(tmp, 'missing.yaml')]);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/cannot read .*missing\.yaml: no such file/);
  });

  it('exits 2 with usage help on an unknown command or option', () => {
    expect(runCli(['frobnicate']).status).toBe(2);
    expect(runCli(['validate', '--bogus', 'x.yaml']).status).toBe(2);
  });

  it('prints no ANSI colour when not a TTY', () => {
    const r = runCli(['validate', 'scenarios/aktobe-stage1.yaml']);
    expect(r.stdout.includes('\u001b[')).toBe(false);
  });
});

describe('chromflow sources', () => {
  it('lists every default and input of stage 1 with its source', () => {
    const r = runCli(['sources', '--json', 'scenarios/aktobe-stage1.yaml']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as {
      path: string;
      unit: string;
      source: string;
      status: string;
    }[];
    const paths = rows.map((row) => row.path);
    for (const p of [
      'markets.electricity.tariff_kzt_per_kwh',
      'markets.fx.kzt_per_usd',
      'finance.discount_rate',
      'finance.horizon_years',
      'finance.working_capital.receivable_days',
      'impact.indirect_jobs_per_direct_job',
      'feeds.kempirsai-concentrate.composition_wt_pct.Cr2O3',
      'stages.smelter.capacity_t_per_year',
      // The price deck, the tariff path and the logistics legs are listed with their sources.
      'markets.products.hc-ferrochrome.deck.long_term_price_rmb_per_t_50pct_cr_vat_incl',
      'markets.products.hc-ferrochrome.deck.reversion_per_year',
      'markets.products.hc-ferrochrome.origin_premium_rmb_per_t_50pct_cr_vat_incl',
      'markets.products.chromite-concentrate.price_formula.basis_rmb_per_dmtu_vat_incl',
      'markets.electricity.real_escalation_pct_per_year',
      'markets.logistics.rail_to_border_alloy_usd_per_t',
      'feeds.kempirsai-concentrate.supplier.jobs_per_kt',
    ]) {
      expect(paths).toContain(p);
    }
    for (const row of rows) {
      expect(row.source.length).toBeGreaterThan(5);
      expect(row.unit.length).toBeGreaterThan(0);
      expect(['verified', 'derived', 'assumed', 'input']).toContain(row.status);
    }
  });

  it('prints a readable list with a status summary and can filter by status', () => {
    const r = runCli(['sources', 'scenarios/aktobe-stage1.yaml', '--status', 'verified']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\[verified\]/);
    expect(r.stdout).not.toMatch(/\[assumed\]/);
    expect(r.stdout).toMatch(/\d+ numbers: \d+ verified/);
    const assumed = runCli(['sources', 'scenarios/aktobe-stage1.yaml', '--status', 'assumed']);
    for (const p of [
      'markets.electricity.tariff_kzt_per_kwh',
      'markets.logistics.china_rail_to_mill_alloy_usd_per_t',
      'markets.products.hc-ferrochrome.deck.reversion_per_year',
      'impact.indirect_jobs_per_direct_job',
    ])
      expect(assumed.stdout).toContain(p);
  });
});

describe('chromflow appraise', () => {
  it('--json gives the stable top-level keys and never invents numbers for what is not implemented', () => {
    const r = runCli(['appraise', 'scenarios/aktobe-stage1-2.yaml', '--json']);
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout) as Record<string, unknown> & {
      stages: { id: string; status: string; capex_usd: unknown }[];
      not_implemented: { what: string }[];
    };
    expect(Object.keys(a)).toEqual(
      expect.arrayContaining([
        'stages',
        'balance',
        'cashflow',
        'metrics',
        'impact',
        'emissions',
        'sources',
        'not_implemented',
      ]),
    );
    expect(a.stages.map((s) => s.id)).toEqual(['smelter', 'chromium']);
    // A stage whose capex cannot be estimated has null capex and says so in not_implemented.
    for (const s of a.stages) {
      if (s.capex_usd === null) {
        expect(a.not_implemented.some((n) => n.what.startsWith(`stage "${s.id}": capex`))).toBe(
          true,
        );
      }
    }
    // Every stage is computed, so the economics exist: NPV is a number; only the smelter's grade
    // price adjustments are missing (no published P or S penalty).
    expect(typeof (a.metrics as { npv_usd: unknown }).npv_usd).toBe('number');
    expect(a.not_implemented.map((n) => n.what)).toEqual([
      expect.stringContaining('price adjustments of hc-ferrochrome'),
    ]);
  });

  it('appraises the raw-export baseline and writes appraisal.json with --out', () => {
    const out = join(tmp, 'out');
    const r = runCli(['appraise', 'scenarios/aktobe-raw-export.yaml', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/NPV at 10\.0 %\s+USD [\d.-]+ M/);
    expect(r.stdout).toMatch(/Value added over raw export\s+— \(this is the baseline\)/);
    const saved = JSON.parse(readFileSync(join(out, 'appraisal.json'), 'utf8')) as {
      stages: { products: { t_per_year: number }[] }[];
    };
    expect(saved.stages[0]?.products[0]?.t_per_year).toBe(210000);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('does not write output for an invalid scenario', () => {
    const out = join(tmp, 'never');
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, 'chromflow: 1\n');
    const r = runCli(['appraise', bad, '--out', out]);
    expect(r.status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('chromflow --help', () => {
  it('lists the sub-commands', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['validate', 'appraise', 'sources']) expect(r.stdout).toContain(c);
  });
  it('has sub-command help', () => {
    const r = runCli(['validate', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Exit codes/);
  });
});
