// Small CLI checks moved out of unit-test files into the slow suite (they start the CLI),
// issue 19 item 4: the version flag and the balance line of the appraisal summary.
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import { runCli } from '../helpers/run-cli.js';

describe('chromflow summaries', () => {
  it('chromflow --version prints it and exits 0', () => {
    const r = runCli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });
  it('prints the balance closure in the CLI summary', () => {
    const r = runCli(['appraise', 'scenarios/kempirsai-concentrator.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Plant balance: \d+ streams, \d+ units; worst closure .* \d\.\de-1\d/);
  });
});
