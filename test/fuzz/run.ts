// `npm run fuzz -- [--runs N] [--seed S]`: the scenario fuzzer for long runs (the CI runs the
// same property with a fixed seed and fewer cases: test/fuzz/scenarios.test.ts). Every case is
// checked (a failure does not stop the run); the failures are grouped by the broken rule,
// each with the seed and case number that reproduce it. Exit code 1 when any case failed.
import fc from 'fast-check';
import { checkCase, fuzzCase, type Outcome } from './scenario-fuzz.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = Number(option('runs') ?? '1000');
const seed = Number(option('seed') ?? Date.now() % 2 ** 31);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  process.stderr.write('usage: npm run fuzz -- [--runs N] [--seed S]\n');
  process.exit(2);
}

const counts: Record<Outcome, number> = { rejected: 0, appraised: 0, 'model-limit': 0 };
const failures = new Map<string, { n: number; first: string }>();
let index = 0;
const t0 = performance.now();
fc.assert(
  fc.property(fuzzCase, (c) => {
    index++;
    try {
      counts[checkCase(c)]++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const rule = message.replace(/\d+(\.\d+)?(e[+-]?\d+)?/g, '#').slice(0, 90);
      const f = failures.get(rule) ?? { n: 0, first: `case ${index}: ${message}` };
      f.n++;
      failures.set(rule, f);
    }
    if (index % 500 === 0)
      process.stderr.write(
        `${index}/${runs} cases, ${[...failures.values()].reduce((s, f) => s + f.n, 0)} failed, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
      );
    return true;
  }),
  { seed, numRuns: runs },
);
const failed = [...failures.values()].reduce((s, f) => s + f.n, 0);
console.log(
  `fuzz: seed ${seed}, ${runs} cases in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${counts.rejected} rejected by validation, ${counts.appraised} appraised, ${counts['model-limit']} refused by the model (not implemented / no convergence), ${failed} failed`,
);
for (const [rule, f] of [...failures.entries()].sort((a, b) => b[1].n - a[1].n))
  console.log(`  ${f.n} × ${rule}\n      e.g. ${f.first.slice(0, 400)}`);
process.exit(failed > 0 ? 1 : 0);
