// Benchmark suites run by `npm run bench`; add a suite by listing its module here.
import type { BenchSuite } from './harness.js';

/** A suite by its area, built only when that area runs (`npm run bench <area>` builds one). */
export interface SuiteEntry {
  area: string;
  load: () => Promise<BenchSuite>;
}

export const suites: SuiteEntry[] = [
  { area: 'scenario', load: () => import('./scenario.bench.js').then((m) => m.suite()) },
  { area: 'thermo', load: () => import('./thermo.bench.js').then((m) => m.suite()) },
  { area: 'process', load: () => import('./process.bench.js').then((m) => m.suite()) },
  { area: 'finance', load: () => import('./finance.bench.js').then((m) => m.suite()) },
  { area: 'uncertainty', load: () => import('./uncertainty.bench.js').then((m) => m.suite()) },
  { area: 'workers', load: () => import('./workers.bench.js').then((m) => m.suite()) },
  { area: 'store', load: () => import('./store.bench.js').then((m) => m.suite()) },
  { area: 'chromium', load: () => import('./chromium.bench.js').then((m) => m.suite()) },
  { area: 'pyro', load: () => import('./pyro.bench.js').then((m) => m.suite()) },
  { area: 'plant', load: () => import('./plant.bench.js').then((m) => m.suite()) },
  { area: 'report', load: () => import('./report.bench.js').then((m) => m.suite()) },
];
