import { defineConfig } from 'vitest/config';

/**
 * Tests split by speed (issue 19 item 4). `npm test` runs the `fast` project: unit and property
 * tests of the library, in-process, under 60 s on the 2-core machine. `npm run test:slow` runs
 * the `slow` project: everything that starts a process or needs an outside tool — the CLI, the
 * built package, Chromium (web e2e, PDF), PostgreSQL and Redis (store, server, queue), worker
 * threads, Gnumeric — and the long seeded comparisons (`*.slow.test.ts`). `.ci/run` runs both
 * in one Vitest run (one JSON report, one "N passed, N failed" line). A new test file is fast
 * unless it matches SLOW; put it here when it starts a process, needs a tool or takes seconds.
 */
export const SLOW = [
  'test/cli/**/*.test.ts',
  'test/e2e/**/*.test.ts',
  'test/server/**/*.test.ts',
  'test/store/**/*.test.ts',
  'test/workers/**/*.test.ts',
  'test/package.test.ts',
  'test/report/report-workbook.test.ts',
  'test/validation/cashflow-gnumeric.test.ts',
  'test/validation/cashflow-workbook-gnumeric.test.ts',
  'test/**/*.slow.test.ts',
];

export default defineConfig({
  test: {
    // Tests that spawn the CLI or build the package need more than the default 5 s on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['test/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...SLOW],
          // Test files share one module graph per worker thread (no hidden state in the core to
          // leak between them, docs/architecture.md): importing the core once per worker instead
          // of once per file is most of the suite's time.
          pool: 'threads',
          isolate: false,
        },
      },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
