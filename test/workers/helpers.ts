import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { loadScenario, type Scenario } from '../../src/scenario/index.js';
import type { RunResult } from '../../src/uncertainty/index.js';
import { ROOT } from '../helpers/run-cli.js';

/** Stage 1 with uncertain capacity and owner's cost (capex varies from sample to sample). */
export const FIXTURE = `${ROOT}/test/fixtures/scenarios/sensitivity.yaml`;

export function fixtureScenario(): Scenario {
  return loadScenario(readFileSync(FIXTURE, 'utf8'), FIXTURE);
}

/** The IEEE-754 bytes of an array, as hex (so −0, NaN payloads and every bit count). */
export function bits(a: Float64Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
}

/** Two merged runs are identical bit for bit: every output array, inputs, failures. */
export function expectSameBits(a: RunResult, b: RunResult): void {
  expect(b.outputNames).toEqual(a.outputNames);
  expect(b.outputs.length).toBe(a.outputs.length);
  a.outputs.forEach((o, k) => {
    expect(bits(b.outputs[k] ?? new Float64Array()), a.outputNames[k]).toBe(bits(o));
  });
  expect(b.inputs === undefined).toBe(a.inputs === undefined);
  if (a.inputs && b.inputs) expect(bits(b.inputs)).toBe(bits(a.inputs));
  expect(b.failed).toEqual(a.failed);
}
