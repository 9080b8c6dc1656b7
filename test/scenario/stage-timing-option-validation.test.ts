// finance.stage_timing_option is validated with the scenario: each bad declaration is one
// located problem naming the field, the value and what was expected.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenario, type Problem } from '../../src/scenario/index.js';
import { ROOT } from '../helpers/run-cli.js';

const BASE12 = readFileSync(`${ROOT}/scenarios/aktobe-stage1-2.yaml`, 'utf8');
const DECLARED = '  stage_timing_option:\n    stage: chromium\n    paths: 4000\n    seed: 1\n';

/** The reference stages 1 + 2 with its option declaration replaced by `block`. */
function withOption(block: string): string {
  if (!BASE12.includes(DECLARED)) throw new Error('the reference declaration changed');
  return BASE12.replace(DECLARED, block);
}

function problemsOf(text: string): Problem[] {
  const r = parseScenario(text, 'bad.yaml');
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.problems.filter((p) => p.severity !== 'warning');
}

const cases: { name: string; text: string; path: string; message: RegExp; suggestion?: string }[] =
  [
    {
      name: 'unknown stage (with a suggestion)',
      text: withOption('  stage_timing_option:\n    stage: chromiun\n    paths: 4000\n'),
      path: 'finance.stage_timing_option.stage',
      message: /not a stage of this scenario; expected one of the later stages \(chromium\)/,
      suggestion: 'chromium',
    },
    {
      name: 'the first stage',
      text: withOption('  stage_timing_option:\n    stage: smelter\n    paths: 4000\n'),
      path: 'finance.stage_timing_option.stage',
      message: /first stage cannot wait/,
    },
    {
      name: 'window past the horizon',
      text: withOption(
        '  stage_timing_option:\n    stage: chromium\n    window: [2034, 2060]\n    paths: 4000\n',
      ),
      path: 'finance.stage_timing_option.window',
      message: /after the end of the appraisal horizon \(2050\); expected a last year ≤ 2050/,
    },
    {
      name: 'window starting before the project',
      text: withOption(
        '  stage_timing_option:\n    stage: chromium\n    window: [2027, 2030]\n    paths: 4000\n',
      ),
      path: 'finance.stage_timing_option.window',
      message:
        /construction of the first start .* before the project's first year 2026; expected a first year ≥ 2029/,
    },
    {
      name: 'default window whose construction begins in the first project year',
      text: BASE12.replace(
        'start_year: 2034\n    construction_years: 2\n    development_years: 2\n',
        'start_year: 2028\n    construction_years: 2\n',
      ),
      path: 'finance.stage_timing_option.stage',
      message: /the default window starts at the stage's start_year 2028/,
    },
    {
      name: 'window reversed',
      text: withOption(
        '  stage_timing_option:\n    stage: chromium\n    window: [2038, 2035]\n    paths: 4000\n',
      ),
      path: 'finance.stage_timing_option.window',
      message: /the first year after the last/,
    },
    {
      name: 'too few paths',
      text: withOption('  stage_timing_option:\n    stage: chromium\n    paths: 50\n'),
      path: 'finance.stage_timing_option.paths',
      message: /100/,
    },
    {
      name: 'too many paths',
      text: withOption('  stage_timing_option:\n    stage: chromium\n    paths: 400000\n'),
      path: 'finance.stage_timing_option.paths',
      message: /200000/,
    },
    {
      name: 'odd number of paths',
      text: withOption('  stage_timing_option:\n    stage: chromium\n    paths: 1001\n'),
      path: 'finance.stage_timing_option.paths',
      message: /multiple of 2/,
    },
    {
      name: 'no price paths to value it under',
      text: BASE12.replace(/\n {2}price_paths:\n( {4}.*\n)*/, '\n'),
      path: 'finance.stage_timing_option',
      message: /declare uncertainty.price_paths/,
    },
  ];

describe('finance.stage_timing_option validation', () => {
  it('the reference declaration is valid', () => {
    expect(parseScenario(BASE12, 'ok.yaml').ok).toBe(true);
  });

  it.each(cases)('$name', (c) => {
    const problems = problemsOf(c.text);
    const match = problems.find((p) => p.path === c.path);
    expect(match, `problems were:\n${problems.map(formatProblem).join('\n')}`).toBeDefined();
    if (!match) return;
    expect(match.message).toMatch(c.message);
    expect(match.line).toBeGreaterThan(0);
    if (c.suggestion !== undefined) expect(match.suggestion).toBe(c.suggestion);
  });
});
