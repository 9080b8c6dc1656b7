// Scenario loading: YAML parse + schema validation + cross-field rules, per second. This is
// done once per appraisal request (never in a Monte Carlo loop), but it bounds the API's speed.
// The two hostile files (a key of a million characters, 200 000 nested brackets) are refused
// side by side with the ordinary file: bounded work per input means their refusal costs about
// what parsing the reference scenario costs (the CLI test checks the refusal, not its speed).
import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/scenario/load.js';
import type { BenchSuite } from './harness.js';

export function suite(): Promise<BenchSuite> {
  const text = readFileSync(new URL('../scenarios/aktobe-stage1-2.yaml', import.meta.url), 'utf8');
  const refusals = (hostile: string) => (n: number) => {
    let refused = 0;
    for (let i = 0; i < n; i++) if (!parseScenario(hostile, 'x').ok) refused++;
    return refused;
  };
  return Promise.resolve({
    area: 'scenario',
    cases: [
      {
        name: 'refuse a key of 1 000 000 characters',
        run: refusals(`${text}\n${'k'.repeat(1_000_000)}: 1\n`),
      },
      {
        name: 'refuse 200 000 nested brackets',
        run: refusals(`${'['.repeat(200_000)}${']'.repeat(200_000)}\n`),
      },
      {
        name: 'parse + validate aktobe-stage1-2.yaml',
        run: (n) => {
          let ok = 0;
          for (let i = 0; i < n; i++) if (parseScenario(text, 'x').ok) ok++;
          return ok;
        },
      },
    ],
  });
}
