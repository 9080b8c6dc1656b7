// Worker threads change nothing: a run split into chunks over 1, 2 or 3 piscina threads gives
// every output array and the summary bit for bit as the in-process runAll (sample i depends
// only on the seed and i), and so does the exact chunk encoding used by the store and queue.
import { describe, expect, it } from 'vitest';
import { runAll, summarizeOutputs } from '../../src/uncertainty/index.js';
import { decodeChunk, encodeChunk } from '../../src/workers/chunk-codec.js';
import { inProcessExecutor, poolExecutor } from '../../src/workers/executor.js';
import { executeChunks } from '../../src/workers/mc-run.js';
import {
  compileSaltelli,
  compileSource,
  resolveSource,
  RunCache,
  sourceKey,
} from '../../src/workers/mc-source.js';
import { saltelliRun } from '../../src/uncertainty/sensitivity/saltelli-design.js';
import { expectSameBits, fixtureScenario } from './helpers.js';

describe('worker-thread pool', () => {
  const { source, run } = resolveSource(fixtureScenario(), {
    samples: 45,
    seed: 11,
    method: 'lhs',
  });
  const reference = runAll(run, 45);

  it('tracks outputs that vary (the test is not vacuous)', () => {
    const varying = reference.outputs.filter((o) => new Set(o).size > 1);
    expect(varying.length).toBeGreaterThan(0);
  });

  it('in-process executor with uneven chunks equals runAll', async () => {
    const out = await executeChunks(run, source, {
      executor: inProcessExecutor(),
      chunkSize: 7,
    });
    expect(out.status).toBe('done');
    if (out.status === 'done') expectSameBits(reference, out.result);
  });

  it('in-process executor with the caller’s compiled run (RunCache.add) evaluates with it', async () => {
    const cache = new RunCache();
    cache.add(sourceKey(source), run);
    // the cache hands the run back without compiling the source
    expect(cache.get(sourceKey(source), () => expect.unreachable('compiled again'))).toBe(run);
    const out = await executeChunks(run, source, {
      executor: inProcessExecutor(cache),
      chunkSize: 7,
    });
    expect(out.status).toBe('done');
    if (out.status === 'done') expectSameBits(reference, out.result);
  });

  it.each([1, 2, 3])('%i worker thread(s): bit-identical outputs and summary', async (threads) => {
    const executor = poolExecutor(threads);
    try {
      const out = await executeChunks(run, source, { executor, chunkSize: 4 });
      expect(out.status).toBe('done');
      if (out.status !== 'done') return;
      expectSameBits(reference, out.result);
      expect(summarizeOutputs(out.result.outputNames, out.result.outputs)).toEqual(
        summarizeOutputs(reference.outputNames, reference.outputs),
      );
    } finally {
      await executor.close();
    }
  });

  it('a source survives JSON (stored or queued) and compiles to the same samples', () => {
    const again = compileSource(JSON.parse(JSON.stringify(source)) as typeof source);
    expectSameBits(reference, runAll(again, 13));
  });

  it('a Saltelli design travels as a source: same evaluations as the in-process design', async () => {
    const { source: base, run: independent } = resolveSource(fixtureScenario(), {
      samples: 64,
      seed: 2,
      outputs: ['stages.smelter.capex_usd'],
      independent: true,
    });
    const saltelli = { ...base, settings: { ...base.settings, saltelli: { samples: 8, seed: 5 } } };
    const design = saltelliRun(independent, { samples: 8, seed: 5 });
    const viaJson = JSON.parse(JSON.stringify(saltelli)) as typeof saltelli;
    expect(compileSaltelli(viaJson).samples).toBe(design.samples);
    const out = await executeChunks(compileSource(viaJson), viaJson, {
      executor: inProcessExecutor(),
      chunkSize: 9,
    });
    expect(out.status).toBe('done');
    if (out.status === 'done') expectSameBits(runAll(design, 1000), out.result);
  });

  it('the chunk codec keeps −0, NaN and every bit', () => {
    const outputs = [Float64Array.from([-0, NaN, 1 / 3, -1e-310, Infinity])];
    const inputs = Float64Array.from([0.1, -0]);
    const c = decodeChunk(
      JSON.parse(
        JSON.stringify(
          encodeChunk({
            start: 3,
            end: 8,
            outputs,
            inputs,
            failed: [{ index: 4, inputs: [-0, 2], message: 'x', code: 'no_convergence' }],
          }),
        ),
      ) as ReturnType<typeof encodeChunk>,
    );
    expect(Object.is(c.outputs[0]?.[0], -0)).toBe(true);
    expect(Number.isNaN(c.outputs[0]?.[1])).toBe(true);
    expect(Array.from(c.outputs[0] ?? [])).toEqual(Array.from(outputs[0] ?? []));
    expect(Object.is(c.inputs?.[1], -0)).toBe(true);
    expect(c.failed).toEqual([{ index: 4, inputs: [-0, 2], message: 'x', code: 'no_convergence' }]);
  });
});
