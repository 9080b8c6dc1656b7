// Suites that need an outside tool (Chromium, Redis, PostgreSQL, Gnumeric, patch, the built
// package) run only where it is present. On a developer machine a missing tool skips the suite;
// in CI (CI=true, set by .ci/run) it fails instead, with a test that names the tool and how to
// get it: CI must run every suite, never pass by skipping one (issue 19 item 4).
import { describe, it } from 'vitest';

/**
 * @param tool - What is needed, as the failure names it (e.g. "redis-server").
 * @param present - Whether it is available here.
 * @param install - How to get it (command or script).
 * @returns `present` (use as `describe.runIf(requireTool(…))`).
 */
export function requireTool(tool: string, present: boolean, install: string): boolean {
  if (!present && process.env.CI) {
    describe(`required tool: ${tool}`, () => {
      it(`${tool} is available`, () => {
        throw new Error(
          `${tool} is missing, so its suite cannot run. Install it: ${install} (.ci/run installs every tool the suites need: scripts/install-system-deps.sh).`,
        );
      });
    });
  }
  return present;
}
