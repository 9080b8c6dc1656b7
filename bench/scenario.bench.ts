// Scenario loading: YAML parse + schema validation + cross-field rules, per second. This is
// done once per appraisal request (never in a Monte Carlo loop), but it bounds the API's speed.
import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/scenario/load.js';
import type { BenchSuite } from './harness.js';

export function suite(): Promise<BenchSuite> {
  const text = readFileSync(new URL('../scenarios/aktobe-stage1-2.yaml', import.meta.url), 'utf8');
  return Promise.resolve({
    area: 'scenario',
    cases: [
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
