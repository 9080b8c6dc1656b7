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
      view: string;
      scenarios: { figures: Record<string, { value: number | null }> }[];
      bridges: { view: string; npv_change_usd: number; steps: { delta_usd: number }[] }[];
    };
    expect(out.view).toBe('economy');
    expect(out.bridges.every((b) => b.view === 'economy')).toBe(true);
    expect(out.scenarios).toHaveLength(3);
    for (const s of out.scenarios)
      for (const key of [
        'Capex',
        'NPV',
        'Gross value added',
        'Direct jobs',
        'Government take (PV)',
        'Exports (FCA border)',
        'CO2 scope 1 + 2 (project)',
      ])
        expect(typeof s.figures[key]?.value).toBe('number');
    expect(out.bridges).toHaveLength(3);
    for (const b of out.bridges) {
      const sum = b.steps.reduce((x, s) => x + s.delta_usd, 0);
      expect(Math.abs(sum - b.npv_change_usd)).toBeLessThan(1);
    }
    // Economy view: raw export pays MET through the mine, and so does every processing scenario.
    const met = out.scenarios.map((s) => s.figures['  of which MET (PV)']!.value!);
    expect(met[1]).toBeCloseTo(met[0]!, -3);
    expect(met[2]).toBeCloseTo(met[0]!, -3);
    const investor = runCli([
      'compare',
      'scenarios/aktobe-raw-export.yaml',
      'scenarios/aktobe-stage1.yaml',
      '--json',
      '--view',
      'investor',
    ]);
    expect((JSON.parse(investor.stdout) as { view: string }).view).toBe('investor');
  });

  it('refuses one or four files with exit 2', () => {
    expect(runCli(['compare', 'scenarios/aktobe-stage1.yaml']).status).toBe(2);
  });
});
