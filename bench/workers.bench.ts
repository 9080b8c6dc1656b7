// Monte Carlo speed on the stage 1+2 reference scenario's uncertainty section: full-chain
// appraisals per second in this thread, and samples per second through the worker-thread pool
// with 1 and 2 threads (chunks of 50 samples, the run compiled once per thread beforehand).
import { readFileSync } from 'node:fs';
import { appraise } from '../src/appraise.js';
import { loadScenario } from '../src/scenario/index.js';
import { runChunk } from '../src/uncertainty/runner/chunk.js';
import { poolExecutor, type ChunkExecutor } from '../src/workers/executor.js';
import { resolveSource, sourceKey } from '../src/workers/mc-source.js';
import type { BenchCase, BenchSuite } from './harness.js';

const N = 100_000;
const CHUNK = 50;

export function suite(): Promise<BenchSuite> {
  const file = new URL('../scenarios/aktobe-stage1-2.yaml', import.meta.url);
  const scenario = loadScenario(readFileSync(file, 'utf8'), 'aktobe-stage1-2.yaml');
  const { source, run } = resolveSource(scenario, { samples: N, seed: 1 });
  const key = sourceKey(source);
  let offset = 0;
  /** The next n sample indices as chunk ranges (wrapping around N). */
  const ranges = (n: number) => {
    const out: { start: number; end: number }[] = [];
    for (let done = 0; done < n;) {
      if (offset >= N) offset = 0;
      const size = Math.min(CHUNK, n - done, N - offset);
      out.push({ start: offset, end: offset + size });
      offset += size;
      done += size;
    }
    return out;
  };
  const pools: ChunkExecutor[] = [];
  const pooled = (threads: number): BenchCase => {
    let executor: ChunkExecutor | undefined;
    return {
      name: `Monte Carlo samples, stage 1+2, pool of ${threads} thread${threads > 1 ? 's' : ''}`,
      run: () => 0,
      runAsync: async (n) => {
        if (!executor) {
          // First call (calibration only): start the threads and compile the run in each.
          executor = poolExecutor(threads);
          pools.push(executor);
          await executor.run({ source, key, ranges: ranges(4 * threads) }, () => Promise.resolve());
        }
        let count = 0;
        await executor.run({ source, key, ranges: ranges(n) }, (c) => {
          count += c.end - c.start;
          return Promise.resolve();
        });
        return count;
      },
    };
  };
  return Promise.resolve({
    area: 'workers',
    cases: [
      {
        name: 'full-chain appraise(aktobe-stage1-2), in process',
        run: (n) => {
          let s = 0;
          for (let i = 0; i < n; i++) s += appraise(scenario).stages.length;
          return s;
        },
      },
      {
        name: 'Monte Carlo samples, stage 1+2, in process (runChunk)',
        run: (n) => {
          const start = offset + n > N ? 0 : offset;
          offset = start + n;
          return runChunk(run, start, start + n).failed.length;
        },
      },
      pooled(1),
      pooled(2),
    ],
    ratios: [
      {
        label: 'pool of 2 threads / pool of 1 thread',
        numerator: 'Monte Carlo samples, stage 1+2, pool of 2 threads',
        denominator: 'Monte Carlo samples, stage 1+2, pool of 1 thread',
      },
    ],
    dispose: async () => {
      await Promise.all(pools.map((p) => p.close()));
    },
  });
}
