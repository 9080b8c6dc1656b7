// Prints the plain closing line CI reads ("N passed, N failed") from Vitest's JSON report.
// A run that executed no test, or whose suites failed to load, counts as a failure. The report
// covers both projects of vitest.config.ts (fast and slow), so the line sums over both.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2] ?? '.vitest.json', 'utf8'));
const failedSuites = (report.testResults ?? []).filter(
  (r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
).length;
const passed = report.numPassedTests ?? 0;
const failed = (report.numFailedTests ?? 0) + failedSuites;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
// skipped tests (it.skip, a tool missing off CI) are reported above the closing line, which stays
// exactly "N passed, N failed"
if (skipped) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
