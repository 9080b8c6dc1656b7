// Finance benchmarks: IRR (chromflow vs formula.js) on the shared test-vector cash flows and on
// seeded conventional project cash flows, NPV, and full cash-flow table builds.
import { readFileSync } from 'node:fs';
import * as formulajs from '@formulajs/formulajs';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import {
  buildCashflowTable,
  cashflowMetrics,
  irr,
  irrAnalysis,
  kazakhstan,
  npv,
  type CashflowInput,
} from '../src/index.js';
import type { BenchSuite } from './harness.js';

const fj = formulajs as unknown as {
  IRR: (v: number[], guess?: number) => number | Error;
  NPV: (rate: number, ...v: number[]) => number | Error;
};

/** IRR cash flows of ../shared/validation/finance/financial_test_vectors.json. */
function vectorFlows(): number[][] {
  const file = JSON.parse(
    readFileSync(
      new URL('../test/validation/reference/finance/financial_test_vectors.json', import.meta.url),
      'utf8',
    ),
  ) as { cases: { function: string; formula: string }[] };
  return file.cases
    .filter((c) => c.function === 'IRR')
    .map((c) => (/\{([^}]*)\}/.exec(c.formula)?.[1] ?? '').split(',').map(Number));
}

/** Seeded conventional projects: 1–4 build years then 3–30 operating years. */
function projectFlows(count: number): number[][] {
  const rng = xoroshiro128plus(2026);
  const u = (lo: number, hi: number): number => lo + (hi - lo) * uniformFloat64(rng);
  const out: number[][] = [];
  for (let k = 0; k < count; k++) {
    const build = 1 + Math.floor(u(0, 4));
    const ops = 3 + Math.floor(u(0, 28));
    const capex = u(1e6, 5e8);
    const margin = u(0.02, 0.6);
    const cf: number[] = [];
    for (let t = 0; t < build; t++) cf.push((-capex / build) * u(0.5, 1.5));
    for (let t = 0; t < ops; t++) cf.push(capex * margin * u(0.3, 1.2));
    out.push(cf);
  }
  return out;
}

/** Counts results that are errors or do not zero the NPV (relative 1e-9). */
function failures(flows: number[][], f: (cf: number[]) => number | Error): number {
  let bad = 0;
  for (const cf of flows) {
    let r: number | Error;
    try {
      r = f(cf);
    } catch (e) {
      r = e as Error;
    }
    if (typeof r !== 'number' || !Number.isFinite(r) || r <= -1) {
      bad++;
      continue;
    }
    const scale = cf.reduce((s, v, t) => s + Math.abs(v) * Math.pow(1 + r, -t), 0);
    if (Math.abs(npv(r, cf)) > 1e-9 * scale) bad++;
  }
  return bad;
}

function stage1(): CashflowInput {
  return {
    start_year: 2026,
    horizon_years: 23,
    discount_rate: 0.1,
    basis: 'real',
    inflation_rate: 0.05,
    capex: [
      { name: 'buildings', amount_usd: 45e6, phasing: [0.4, 0.6], depreciation_group: 'buildings' },
      { name: 'equipment', amount_usd: 95e6, phasing: [0.3, 0.7], depreciation_group: 'machinery' },
      { name: 'other', amount_usd: 10e6, phasing: [0.5, 0.5], depreciation_group: 'other' },
    ],
    operation: { first_index: 2, ramp_up: [0.6, 0.85] },
    products: [
      {
        name: 'hc_ferrochrome',
        capacity_t_per_year: 80_000,
        price_usd_per_t: 1450,
        cr_mass_fraction: 0.68,
      },
    ],
    opex: [
      {
        name: 'concentrate',
        quantity_per_year: 200_000,
        unit: 't',
        unit_price_usd: 300,
        variable: true,
      },
      {
        name: 'electricity',
        quantity_per_year: 320e6,
        unit: 'kWh',
        unit_price_usd: 0.04,
        variable: true,
      },
      {
        name: 'wages',
        quantity_per_year: 450,
        unit: 'employee-year',
        unit_price_usd: 12_000,
        variable: false,
        is_wages: true,
      },
    ],
    working_capital: { receivable_days: 30, inventory_days: 45, payable_days: 30 },
    depreciation: { method: 'declining-balance' },
    fiscal: { regime: kazakhstan, land_tax_usd_per_year: 50_000 },
    financing: {
      debt_share: 0.6,
      interest_rate: 0.09,
      tenor_years: 8,
      grace_years: 1,
      repayment: 'sculpted',
      target_dscr: 1.3,
    },
    closure_cost_usd: 6e6,
  };
}

function build(): BenchSuite {
  const vectors = vectorFlows();
  const projects = projectFlows(200);
  const oneSign = vectors.filter((cf) => irrAnalysis(cf).sign_changes === 1);
  const ours = (cf: number[]): number => irr(cf, { multiple: 'smallest-non-negative' });
  const theirs = (cf: number[]): number | Error => fj.IRR(cf);
  const fails = {
    oursV: failures(vectors, ours),
    theirsV: failures(vectors, theirs),
    oursP: failures(projects, ours),
    theirsP: failures(projects, theirs),
  };
  const input = stage1();
  const table = buildCashflowTable(input);
  const fcf = table.rows.map((r) => r.free_cash_flow_usd);
  const loop = (flows: number[][], f: (cf: number[]) => unknown) => (n: number) => {
    let last: unknown;
    for (let i = 0; i < n; i++) last = f(flows[i % flows.length]!);
    return last;
  };
  const names = {
    ourV: `chromflow irr, ${vectors.length} vector flows (${fails.oursV} not converged)`,
    fjV: `formula.js IRR, ${vectors.length} vector flows (${fails.theirsV} not converged)`,
    ourV1: `chromflow irr, ${oneSign.length} one-sign-change vector flows`,
    fjV1: `formula.js IRR, ${oneSign.length} one-sign-change vector flows`,
    ourP: `chromflow irr, 200 seeded project flows (${fails.oursP} not converged)`,
    fjP: `formula.js IRR, 200 seeded project flows (${fails.theirsP} not converged)`,
    ourNpv: `chromflow npv, ${fcf.length}-year project`,
    fjNpv: `formula.js NPV, ${fcf.length}-year project`,
  };
  return {
    area: 'finance',
    cases: [
      { name: names.ourV, run: loop(vectors, ours) },
      { name: names.fjV, run: loop(vectors, theirs) },
      { name: names.ourV1, run: loop(oneSign, ours) },
      { name: names.fjV1, run: loop(oneSign, theirs) },
      { name: names.ourP, run: loop(projects, ours) },
      { name: names.fjP, run: loop(projects, theirs) },
      { name: names.ourNpv, run: loop([fcf], (cf) => npv(0.1, cf)) },
      {
        name: names.fjNpv,
        run: loop([fcf], (cf) => (cf[0] ?? 0) + (fj.NPV(0.1, ...cf.slice(1)) as number)),
      },
      {
        name: 'cash-flow table build (23 years, KZ regime, sculpted debt)',
        run: (n) => {
          let last: unknown;
          for (let i = 0; i < n; i++) last = buildCashflowTable(input);
          return last;
        },
      },
      {
        name: 'cash-flow table build + metrics',
        run: (n) => {
          let last: unknown;
          for (let i = 0; i < n; i++) last = cashflowMetrics(buildCashflowTable(input));
          return last;
        },
      },
    ],
    ratios: [
      {
        label: 'IRR speed-up vs formula.js, all vector flows',
        numerator: names.ourV,
        denominator: names.fjV,
      },
      {
        label: 'IRR speed-up vs formula.js, one-sign-change vector flows',
        numerator: names.ourV1,
        denominator: names.fjV1,
      },
      {
        label: 'IRR speed-up vs formula.js, seeded project flows',
        numerator: names.ourP,
        denominator: names.fjP,
      },
      { label: 'NPV speed-up vs formula.js', numerator: names.ourNpv, denominator: names.fjNpv },
    ],
  };
}

/** The finance suite (see bench/harness.ts). */
export function suite(): Promise<BenchSuite> {
  return Promise.resolve(build());
}
