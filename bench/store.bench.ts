// Version diffs (src/store/diff.ts) on the reference scenarios: what the API's diff route costs
// besides the two reads.
import { readFileSync } from 'node:fs';
import { diffScenarioTexts, unifiedDiff } from '../src/store/index.js';
import type { BenchSuite } from './harness.js';

export function suite(): Promise<BenchSuite> {
  const read = (f: string) => readFileSync(new URL(`../scenarios/${f}`, import.meta.url), 'utf8');
  const stage1 = read('aktobe-stage1.yaml');
  const stage12 = read('aktobe-stage1-2.yaml');
  const edited = stage12.replace('value: 80000', 'value: 90000');
  return Promise.resolve({
    area: 'store',
    cases: [
      {
        name: 'diff stage 1 vs stage 1+2 (structured + unified)',
        run: (n) => {
          let x: unknown;
          for (let i = 0; i < n; i++) x = diffScenarioTexts(stage1, stage12, 'a', 'b');
          return x;
        },
      },
      {
        name: 'unified diff, one edited line in stage 1+2',
        run: (n) => {
          let x: unknown;
          for (let i = 0; i < n; i++) x = unifiedDiff(stage12, edited, 'a', 'b');
          return x;
        },
      },
    ],
  });
}
