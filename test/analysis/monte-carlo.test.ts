import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { monteCarloSpec } from '../../src/analysis/index.js';
import { loadScenario } from '../../src/scenario/index.js';
import { compileRun, runAll, summarize } from '../../src/uncertainty/index.js';
import { ROOT } from '../helpers/run-cli.js';

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
