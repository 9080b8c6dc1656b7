/**
 * What a worker (thread, queue consumer, resumed process) needs to rebuild a Monte Carlo run
 * exactly: the scenario (as validated data, empirical CSVs already read into observations) and
 * the resolved run settings. Plain JSON, so it can be stored, cloned to a thread or queued.
 */
import { createHash } from 'node:crypto';
import { monteCarloSpec } from '../analysis/monte-carlo.js';
import type { Scenario } from '../scenario/schema.js';
import { compileRun, type CompiledRun } from '../uncertainty/runner/compile.js';
import type { SamplingMethod } from '../uncertainty/sampling/design.js';
import { saltelliRun, type SaltelliRun } from '../uncertainty/sensitivity/saltelli-design.js';

/** A run's settings, all resolved (no defaults left to the code version that resumes it). */
export interface McSettings {
  /** Number of samples N [integer ≥ 1]. */
  readonly samples: number;
  /** Seed [integer ≥ 0]. */
  readonly seed: number;
  readonly method: SamplingMethod;
  /** Output names tracked, in order. */
  readonly outputs: readonly string[];
  /** Whether declared correlations are dropped (Sobol designs). */
  readonly independent?: boolean;
  /**
   * When set, the run is the Saltelli design for Sobol indices built on this run
   * (`saltelliRun`): N·(k + 2) evaluations, N = `saltelli.samples`.
   */
  readonly saltelli?: { readonly samples: number; readonly seed: number };
}

/** A self-contained, JSON-serialisable description of a Monte Carlo run. */
export interface McSource {
  readonly scenario: Scenario;
  readonly settings: McSettings;
}

/** Builds a source, resolving defaults from the scenario's uncertainty section and outputs. */
export function resolveSource(
  scenario: Scenario,
  options: {
    samples?: number;
    seed?: number;
    method?: SamplingMethod;
    outputs?: readonly string[];
    independent?: boolean;
  } = {},
): { source: McSource; run: CompiledRun } {
  const spec = monteCarloSpec(scenario, {
    ...(options.samples !== undefined ? { samples: options.samples } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.method !== undefined ? { method: options.method } : {}),
    ...(options.outputs !== undefined ? { outputs: options.outputs } : {}),
    ...(options.independent !== undefined ? { independent: options.independent } : {}),
  });
  const run = compileRun(spec);
  const settings: McSettings = {
    samples: run.samples,
    seed: run.seed,
    method: run.method,
    outputs: [...run.outputNames],
    ...(options.independent === true ? { independent: true } : {}),
  };
  return { source: { scenario, settings }, run };
}

/** Compiles a source into a run (deterministic: the same source gives the same samples). */
export function compileSource(source: McSource): CompiledRun {
  const s = source.settings;
  if (s.saltelli !== undefined) return compileSaltelli(source);
  return compileBase(source);
}

/** The Saltelli design of a source with `settings.saltelli` (for `sobolIndicesFromResult`). */
export function compileSaltelli(source: McSource): SaltelliRun {
  const d = source.settings.saltelli;
  if (d === undefined) throw new Error('compileSaltelli: the source has no settings.saltelli');
  return saltelliRun(compileBase(source), { samples: d.samples, seed: d.seed });
}

function compileBase(source: McSource): CompiledRun {
  const s = source.settings;
  return compileRun(
    monteCarloSpec(source.scenario, {
      samples: s.samples,
      seed: s.seed,
      method: s.method,
      outputs: s.outputs,
      ...(s.independent === true ? { independent: true } : {}),
    }),
  );
}

/** A stable key of a source (SHA-256 of its JSON), used to cache compiled runs in workers. */
export function sourceKey(source: McSource): string {
  return createHash('sha256').update(JSON.stringify(source)).digest('hex');
}

/**
 * Compiled runs by source key, at most `capacity` (oldest dropped): a worker compiles a run
 * once and evaluates all its chunks with it.
 */
export class RunCache {
  private readonly runs = new Map<string, CompiledRun>();
  constructor(private readonly capacity = 4) {}

  /**
   * Keeps a run already compiled from the source of `key` (by the caller that resolved the
   * source: `resolveSource` compiles it to learn its settings), so that it is not compiled again.
   */
  add(key: string, run: CompiledRun): void {
    if (!this.runs.has(key) && this.runs.size >= this.capacity) {
      const oldest = this.runs.keys().next();
      if (oldest.done !== true) this.runs.delete(oldest.value);
    }
    this.runs.set(key, run);
  }

  get(key: string, source: () => McSource): CompiledRun {
    let run = this.runs.get(key);
    if (run === undefined) {
      run = compileSource(source());
      this.add(key, run);
    }
    return run;
  }
}
