/**
 * The last check of an appraisal before anyone sees it: no NaN and no ±Infinity anywhere. The
 * scenario's validation keeps inputs within magnitudes the model can compute, and metrics that
 * are undefined for given inputs are null with a reason (`irr_reason`, …); a non-finite number
 * reaching this point would be published as `null` by JSON (which means "not computed") or
 * shown as a number, so it is refused as an {@link InfeasibleError} naming where it appeared.
 */
import { InfeasibleError } from './errors.js';

/** The path of the first non-finite number in a value, or undefined. */
export function firstNonFinite(value: unknown, path = ''): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = firstNonFinite(value[i], `${path}[${i}]`);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    const p = firstNonFinite(v, path === '' ? k : `${path}.${k}`);
    if (p !== undefined) return p;
  }
  return undefined;
}

/**
 * Throws when a result holds a non-finite number.
 *
 * @throws InfeasibleError naming the stage (for a path under `stages[i]`) or the scenario.
 */
export function assertFiniteResult(result: unknown): void {
  const at = firstNonFinite(result);
  if (at === undefined) return;
  const stage = /^stages\[\d+\]/.exec(at)?.[0];
  throw new InfeasibleError(
    stage ?? 'scenario',
    `the result ${at} is not a finite number for these inputs`,
  );
}
