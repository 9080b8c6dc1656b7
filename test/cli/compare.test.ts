// `chromflow compare` answers "what does stage 2 add over stage 1, and both over raw export"
// (issue 6 item 9); moved from test/analysis/npv-bridge.test.ts to the slow suite (it starts
// the CLI), issue 19 item 4.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('chromflow compare', () => {
  it('prints the three Aktobe scenarios side by side with the bridges A→B, B→C and A→C', () => {
    const r = runCli([
      'compare',
      'scenarios/aktobe-raw-export.yaml',
      'scenarios/aktobe-stage1.yaml',
      'scenarios/aktobe-stage1-2.yaml',
      '--json',
    ]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      scenarios: { figures: Record<string, { value: number | null }> }[];
      bridges: { npv_change_usd: number; steps: { delta_usd: number }[] }[];
    };
    expect(out.scenarios).toHaveLength(3);
    for (const s of out.scenarios)
      for (const key of [
        'Capex',
        'NPV',
        'Gross value added',
        'Direct jobs',
        'Government take (PV)',
        'Exports',
        'CO2 scope 1 + 2',
      ])
        expect(typeof s.figures[key]?.value).toBe('number');
    expect(out.bridges).toHaveLength(3);
    for (const b of out.bridges) {
      const sum = b.steps.reduce((x, s) => x + s.delta_usd, 0);
      expect(Math.abs(sum - b.npv_change_usd)).toBeLessThan(1);
    }
  });

  it('refuses one or four files with exit 2', () => {
    expect(runCli(['compare', 'scenarios/aktobe-stage1.yaml']).status).toBe(2);
  });
});
