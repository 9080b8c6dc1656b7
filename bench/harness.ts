// Minimal benchmark harness for `npm run bench`. Speed is measured here, never in tests.
// Each case is run for a warm-up period, then timed over enough iterations to last at least
// `minTime_ms`; we report operations per second and the median of several rounds so that
// ratios measured side by side in one run are stable.

export interface BenchCase {
  /** What one operation is, e.g. "species H,S,G,Cp of Cr2O3 at 1500 K". */
  name: string;
  /** Performs `n` operations; returns something so the work cannot be optimised away. */
  run: (n: number) => unknown;
  /** Asynchronous form (e.g. work done in worker threads); used instead of `run` when given. */
  runAsync?: (n: number) => Promise<unknown>;
}

export interface BenchSuite {
  /** Short area name shown as a heading, e.g. "thermo". */
  area: string;
  cases: BenchCase[];
  /** Optional ratios between two cases of this suite (numerator / denominator, by name). */
  ratios?: { label: string; numerator: string; denominator: string }[];
  /** Releases what the suite holds (worker threads) after its cases ran. */
  dispose?: () => Promise<void>;
}

export interface BenchResult {
  area: string;
  name: string;
  ops_per_s: number;
  rounds: number;
}

let sink: unknown;

function timeIterations(c: BenchCase, n: number): number {
  const t0 = performance.now();
  sink = c.run(n);
  return performance.now() - t0;
}

/**
 * Runs one case: warms it up for minTime_ms, finds an iteration count lasting ≥ minTime_ms / 4,
 * then takes the median of `rounds`.
 */
export function measure(area: string, c: BenchCase, minTime_ms = 300, rounds = 5): BenchResult {
  // Warm-up: run for minTime_ms first, so that the JIT has optimised the case's code before
  // anything is timed (a fast case would otherwise be measured while still tiering up).
  const t0 = performance.now();
  for (let w = 1; performance.now() - t0 < minTime_ms; w *= 2) timeIterations(c, w);
  let n = 1;
  while (timeIterations(c, n) < minTime_ms / 4 && n < 1e9) n *= 2;
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const ms = timeIterations(c, n);
    rates.push((n / ms) * 1000);
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)] ?? 0;
  return { area, name: c.name, ops_per_s: median, rounds };
}

/** {@link measure} for a case with `runAsync` (fewer iterations: such cases are slow). */
export async function measureAsync(
  area: string,
  c: BenchCase,
  minTime_ms = 1000,
  rounds = 3,
): Promise<BenchResult> {
  const run = c.runAsync;
  if (!run) return measure(area, c, minTime_ms, rounds);
  const time = async (n: number): Promise<number> => {
    const t0 = performance.now();
    sink = await run(n);
    return performance.now() - t0;
  };
  // The first call may start threads and warm them up: it must not end the calibration (a slow
  // first call would leave n = 1 and measure per-call latency instead of throughput).
  await time(1);
  let n = 1;
  while ((await time(n)) < minTime_ms / 4 && n < 1e9) n *= 2;
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) rates.push((n / (await time(n))) * 1000);
  rates.sort((a, b) => a - b);
  return { area, name: c.name, ops_per_s: rates[Math.floor(rates.length / 2)] ?? 0, rounds };
}

/** Keeps the optimiser from discarding benchmark work. */
export function consumed(): unknown {
  return sink;
}
