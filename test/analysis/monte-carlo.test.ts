import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { monteCarloSpec } from '../../src/analysis/index.js';
import { loadScenario } from '../../src/scenario/index.js';
import { compileRun, runAll, summarize } from '../../src/uncertainty/index.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

// Capacity sampled up to 100 kt/year: the concentrate above the contract is bought spot
// (the reference declares extra_supply).
const text = readFileSync(`${ROOT}/scenarios/aktobe-stage1.yaml`, 'utf8').replace(
  '  parameters:\n',
  '  parameters:\n    - path: stages.smelter.capacity_t_per_year\n      distribution: { type: uniform, min: 60000, max: 100000 }\n',
);

describe('Monte Carlo over a scenario', () => {
  it('samples declared inputs by path and tracks appraisal outputs; same seed, same numbers', () => {
    const scenario = loadScenario(text, 'x');
    const spec = monteCarloSpec(scenario, {
      samples: 256,
      seed: 3,
      outputs: ['stages.smelter.capex_usd'],
    });
    const a = runAll(compileRun(spec));
    const b = runAll(
      compileRun(
        monteCarloSpec(loadScenario(text, 'x'), {
          samples: 256,
          seed: 3,
          outputs: ['stages.smelter.capex_usd'],
        }),
      ),
    );
    expect(a.failedCount).toBe(0);
    expect(Array.from(a.outputs[0]!)).toEqual(Array.from(b.outputs[0]!));
    const capex = summarize(a.outputs[0]!);
    // capex ∝ capacity^0.7 from the Tikhvin reference within 60–100 kt: bounds follow.
    const at = (q: number) => 235783359.09962428 * (q / 80000) ** 0.7;
    expect(capex.min).toBeGreaterThanOrEqual(at(60000) * (1 - 1e-9));
    expect(capex.max).toBeLessThanOrEqual(at(100000) * (1 + 1e-9));
  });

  it('samples correlated log-OU price paths around the decks (FeCr, concentrate, power)', () => {
    const ref = loadScenario(readFileSync(`${ROOT}/scenarios/aktobe-stage1.yaml`, 'utf8'), 'x');
    const spec = monteCarloSpec(ref, { samples: 400, seed: 11, outputs: ['metrics.npv_usd'] });
    const result = runAll(compileRun(spec), 400, { keepInputs: true });
    expect(result.failedCount).toBe(0);
    const names = result.inputNames;
    const col = (name: string) => {
      const k = names.indexOf(name);
      return Array.from({ length: 400 }, (_, i) => result.inputs![i * names.length + k]!);
    };
    const fecr = col('price_paths.hc-ferrochrome[10]').map(Math.log);
    const conc = col('price_paths.chromite-concentrate[10]').map(Math.log);
    const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
    const cov = (x: number[], y: number[]) =>
      mean(x.map((v, i) => (v - mean(x)) * (y[i]! - mean(y))));
    const rho = cov(fecr, conc) / Math.sqrt(cov(fecr, fecr) * cov(conc, conc));
    // Shocks correlated at 0.6, the same κ for both: the log deviations keep rho 0.6.
    expect(rho).toBeGreaterThan(0.45);
    expect(rho).toBeLessThan(0.75);
    // Stationary spread of the log deviation: σ²/(2κ) (1 − e^{−2κt}), t = 10 years.
    const k = 0.37;
    const sd = 0.2 * Math.sqrt((1 - Math.exp(-2 * k * 10)) / (2 * k));
    expect(Math.sqrt(cov(fecr, fecr))).toBeGreaterThan(0.85 * sd);
    expect(Math.sqrt(cov(fecr, fecr))).toBeLessThan(1.15 * sd);
    const npv = summarize(result.outputs[0]!);
    expect(npv.max - npv.min).toBeGreaterThan(1e7);
  });

  it("a run never changes the caller's scenario (the source later sent to worker threads)", () => {
    const scenario = loadScenario(text, 'x');
    const before = JSON.stringify(scenario);
    runAll(compileRun(monteCarloSpec(scenario, { samples: 32, seed: 9 })));
    expect(JSON.stringify(scenario)).toBe(before);
  });

  it('names an unknown output', () => {
    expect(() =>
      monteCarloSpec(loadScenario(text, 'x'), { outputs: ['metrics.npvv_usd'] }),
    ).toThrow(/metrics\.npvv_usd/);
  });

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
