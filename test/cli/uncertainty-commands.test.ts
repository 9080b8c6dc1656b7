// The uncertainty commands of the CLI (chromflow mc, chromflow sensitivity): moved from
// test/analysis/monte-carlo.test.ts to the slow suite (they start the CLI), issue 19 item 4.
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

describe('chromflow mc', () => {
  it('chromflow mc --json prints the summary keys', () => {
    const r = runCli([
      'mc',
      'scenarios/aktobe-stage1.yaml',
      '--samples',
      '64',
      '--seed',
      '1',
      '--no-store',
      '--workers',
      '1',
      '--json',
    ]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as {
      samples: number;
      failed: number;
      seed: number;
      method: string;
      metrics: Record<string, { p50: number }>;
    };
    expect(j).toMatchObject({ samples: 64, failed: 0, seed: 1, method: 'lhs' });
    // By default the headline outputs of issue 7: NPV, IRR, LCOP, payback, value added, take, CO2.
    expect(Object.keys(j.metrics)).toEqual(
      expect.arrayContaining(['metrics.npv_usd', 'metrics.irr', 'impact.value_added_usd_per_year']),
    );
  });
});

describe('chromflow sensitivity', () => {
  const file = `${ROOT}/test/fixtures/scenarios/sensitivity.yaml`;
  it('tornado ranks capacity first for capex, with P10/P90 swings that follow C ∝ Q^0.7', () => {
    const r = runCli(['sensitivity', file, '--output', 'stages.smelter.capex_usd', '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as {
      base: number;
      sensitivity: { input: string; output_low: number; output_high: number }[];
    };
    expect(j.sensitivity[0]?.input).toBe('stages.smelter.capacity_t_per_year');
    // Uniform 60–100 kt: P10 = 64 kt, P90 = 96 kt.
    expect(j.sensitivity[0]!.output_low / j.base).toBeCloseTo((64000 / 80000) ** 0.7, 9);
    expect(j.sensitivity[0]!.output_high / j.base).toBeCloseTo((96000 / 80000) ** 0.7, 9);
  });
  it('Sobol indices attribute capex variance to capacity and say that correlations are ignored', () => {
    const r = runCli([
      'sensitivity',
      file,
      '--method',
      'sobol',
      '--samples',
      '64',
      '--output',
      'stages.smelter.capex_usd',
      '--json',
    ]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as {
      correlations_ignored: boolean;
      sensitivity: { factor: string; ST: number }[];
    };
    expect(j.correlations_ignored).toBe(true);
    const cap = j.sensitivity.find((f) => f.factor === 'stages.smelter.capacity_t_per_year');
    expect(cap?.ST).toBeGreaterThan(0.9);
  });
  it('Spearman rank correlations from a Monte Carlo run put capacity first', () => {
    const r = runCli([
      'sensitivity',
      file,
      '--method',
      'spearman',
      '--samples',
      '48',
      '--workers',
      '1',
      '--output',
      'stages.smelter.capex_usd',
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as {
      method: string;
      samples: number;
      sensitivity: { input: string; rho: number; n: number }[];
    };
    expect(j).toMatchObject({ method: 'spearman', samples: 48 });
    expect(j.sensitivity[0]).toMatchObject({ input: 'stages.smelter.capacity_t_per_year', n: 48 });
    expect(j.sensitivity[0]!.rho).toBeGreaterThan(0.9);
    expect(j.sensitivity).toHaveLength(6);
  });
  it('spider data sweep each input over its quantiles (capex ∝ Q^0.7 for capacity)', () => {
    const r = runCli([
      'sensitivity',
      file,
      '--method',
      'spider',
      '--output',
      'stages.smelter.capex_usd',
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as {
      sensitivity: {
        input: string;
        probabilities: number[];
        values: number[];
        outputs: number[];
      }[];
    };
    const cap = j.sensitivity.find((l) => l.input === 'stages.smelter.capacity_t_per_year');
    expect(cap?.probabilities).toEqual([0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95]);
    // Uniform 60–100 kt: the quantile p is 60 kt + 40 kt·p; the median is the base (80 kt).
    cap?.probabilities.forEach((p, k) => {
      expect(cap.values[k]).toBeCloseTo(60000 + 40000 * p, 6);
      expect(cap.outputs[k]! / cap.outputs[3]!).toBeCloseTo(
        ((60000 + 40000 * p) / 80000) ** 0.7,
        9,
      );
    });
  });
});
