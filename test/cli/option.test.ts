// CLI contract of `chromflow option bermudan-put` (docs/cli.md): JSON shape and exit codes.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const ARGS = ['option', 'bermudan-put', '--S0', '40', '--K', '40', '--r', '0.06', '--T', '1'];

describe('chromflow option bermudan-put', () => {
  it('--json prints { value, standard_error, … }', () => {
    const r = runCli([
      ...ARGS,
      '--sigma',
      '0.2',
      '--exercises-per-year',
      '50',
      '--paths',
      '20000',
      '--seed',
      '5',
      '--json',
    ]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, number>;
    expect(Object.keys(out).sort()).toEqual(
      ['antithetic', 'exercise_dates', 'paths', 'seed', 'standard_error', 'value'].sort(),
    );
    // Longstaff & Schwartz (2001) Table 1, finite difference: 2.314.
    expect(Math.abs((out['value'] ?? 0) - 2.314)).toBeLessThan(4 * (out['standard_error'] ?? 0));
  });

  it('a bad input exits with code 2 and names the flag', () => {
    const r = runCli([...ARGS, '--sigma', '-0.2', '--exercises-per-year', '50']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--sigma: found -0\.2/);
    const m = runCli([...ARGS, '--sigma', '0.2', '--exercises-per-year', '0.5', '--T', '1.3']);
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/--exercises-per-year/);
  });
});

describe('chromflow option stage-timing and appraise', () => {
  it('appraise reports the declared option exactly as `option stage-timing` for the same spec', () => {
    // scenarios/aktobe-stage1-2.yaml declares stage chromium, the default window, 4000 paths, seed 1
    const file = 'scenarios/aktobe-stage1-2.yaml';
    const option = runCli([
      'option',
      'stage-timing',
      file,
      '--paths',
      '4000',
      '--seed',
      '1',
      '--json',
    ]);
    const appraisal = runCli(['appraise', file, '--json']);
    expect(option.status).toBe(0);
    expect(appraisal.status).toBe(0);
    const section = (JSON.parse(appraisal.stdout) as { stage_timing_option?: unknown })
      .stage_timing_option;
    expect(section).toEqual(JSON.parse(option.stdout));
    // The human summary has one line on it.
    const text = runCli(['appraise', file]);
    expect(text.stdout).toMatch(
      /Timing option of stage chromium \(start 2034–2041, 4,000 price paths\): commit now USD -?\d+\.\d M, optimal rule/,
    );
  }, 300_000);
});
