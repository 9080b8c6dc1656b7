// `npm run bench`: runs every suite, prints a table and writes bench/results.md with the
// machine and date. Optional argument: an area name to run only that suite; its table goes to
// bench/results-<area>.md (not committed), never over the full run's bench/results.md.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { measure, measureAsync, type BenchResult } from './harness.js';
import { suites } from './suites.js';

const only = process.argv[2];
const results: BenchResult[] = [];
const ratioLines: string[] = [];

if (only && !suites.some((s) => s.area === only)) {
  console.error(
    `npm run bench: no area "${only}" (one of ${suites.map((s) => s.area).join(', ')})`,
  );
  process.exit(2);
}

for (const entry of suites) {
  if (only && entry.area !== only) continue;
  const suite = await entry.load();
  if (suite.area !== entry.area)
    throw new Error(`bench/suites.ts lists area ${entry.area} for a suite of area ${suite.area}`);
  const byName = new Map<string, BenchResult>();
  for (const c of suite.cases) {
    const r = c.runAsync ? await measureAsync(suite.area, c) : measure(suite.area, c);
    results.push(r);
    byName.set(c.name, r);
    console.log(`${suite.area.padEnd(12)} ${c.name.padEnd(70)} ${r.ops_per_s.toExponential(3)} /s`);
  }
  for (const ratio of suite.ratios ?? []) {
    const a = byName.get(ratio.numerator);
    const b = byName.get(ratio.denominator);
    if (a && b) {
      const line = `${ratio.label}: ${(a.ops_per_s / b.ops_per_s).toFixed(2)} ×`;
      ratioLines.push(`- ${suite.area}: ${line}`);
      console.log(`${suite.area.padEnd(12)} ${line}`);
    }
  }
  await suite.dispose?.();
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const md = [
  '# Benchmark results',
  '',
  `Machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}.`,
  `Date: ${new Date().toISOString()}. Produced by \`npm run bench${only ? ' ' + only : ''}\`; figures are medians of 5 rounds.`,
  '',
  '| area | operation | per second |',
  '|---|---|---|',
  ...results.map((r) => `| ${r.area} | ${r.name} | ${r.ops_per_s.toPrecision(4)} |`),
  '',
  '## Ratios (measured side by side in this run)',
  '',
  ...(ratioLines.length ? ratioLines : ['(none)']),
  '',
].join('\n');
const file = only ? `./results-${only}.md` : './results.md';
writeFileSync(new URL(file, import.meta.url), md);
console.log(`written: bench/${file.slice(2)}`);
