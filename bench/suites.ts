// Benchmark suites run by `npm run bench`; add a suite by listing its module here.
import type { BenchSuite } from './harness.js';

export const suites: (() => Promise<BenchSuite>)[] = [
  () => import('./scenario.bench.js').then((m) => m.suite()),
  () => import('./thermo.bench.js').then((m) => m.suite()),
  () => import('./process.bench.js').then((m) => m.suite()),
  () => import('./finance.bench.js').then((m) => m.suite()),
  () => import('./uncertainty.bench.js').then((m) => m.suite()),
  () => import('./workers.bench.js').then((m) => m.suite()),
  () => import('./store.bench.js').then((m) => m.suite()),
  () => import('./chromium.bench.js').then((m) => m.suite()),

  () => import('./pyro.bench.js').then((m) => m.suite()),
  () => import('./plant.bench.js').then((m) => m.suite()),
  () => import('./report.bench.js').then((m) => m.suite()),
];
