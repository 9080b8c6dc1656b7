import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { monteCarloSpec } from '../../src/analysis/index.js';
import { appraise } from '../../src/appraise.js';
import { loadScenario } from '../../src/scenario/index.js';
import { compileRun, runAll, summarize } from '../../src/uncertainty/index.js';
import { ROOT } from '../helpers/run-cli.js';

// Capacity sampled up to 100 kt/year: the concentrate above the contract is bought spot
// (the reference declares extra_supply).
// The capex factor is not sampled here, so the sampled capex follows the capacity alone.
const text = readFileSync(`${ROOT}/scenarios/aktobe-stage1.yaml`, 'utf8')
  .replace(
    / {4}# capex:.*\n {4}- path: stages\.smelter\.capex\.factor\n {6}distribution: \{ type: aace-accuracy \}\n/,
    '',
  )
  .replace(
    '  parameters:\n',
    '  parameters:\n    - path: stages.smelter.capacity_t_per_year\n      distribution: { type: uniform, min: 60000, max: 100000 }\n',
  );

/** Capex of the scenario's smelter at capacity q [USD] (the plant solved at q). */
function capexAt(q: number): number {
  const sc = loadScenario(text, 'x');
  sc.stages[0]!.capacity_t_per_year.value = q;
  return appraise(sc, { byRoute: false }).stages[0]!.capex_usd!;
}

describe('Monte Carlo over a scenario', () => {
  it('samples declared inputs by path and tracks appraisal outputs; same seed, same numbers', () => {
    const scenario = loadScenario(text, 'x');
    const spec = monteCarloSpec(scenario, {
      samples: 64,
      seed: 3,
      outputs: ['stages.smelter.capex_usd'],
    });
    const a = runAll(compileRun(spec));
    const b = runAll(
      compileRun(
        monteCarloSpec(loadScenario(text, 'x'), {
          samples: 64,
          seed: 3,
          outputs: ['stages.smelter.capex_usd'],
        }),
      ),
    );
    expect(a.failedCount).toBe(0);
    expect(Array.from(a.outputs[0]!)).toEqual(Array.from(b.outputs[0]!));
    const capex = summarize(a.outputs[0]!);
    // capex rises with capacity (one furnace up to 80 MVA): the bounds are the ends' capex
    expect(capex.min).toBeGreaterThanOrEqual(capexAt(60000) * (1 - 1e-9));
    expect(capex.max).toBeLessThanOrEqual(capexAt(100000) * (1 + 1e-9));
    expect(capex.max).toBeGreaterThan(capex.min);
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
});
