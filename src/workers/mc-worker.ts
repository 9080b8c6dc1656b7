/**
 * Piscina worker: evaluates one chunk of a Monte Carlo run. The run is compiled once per worker
 * thread (cached by source key); the results go back as one transferred Float64Array (outputs
 * one after another) plus the sampled inputs when asked.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { runChunk } from '../uncertainty/runner/chunk.js';
import { RunCache } from './mc-source.js';
import type { ChunkTask, ChunkReply } from './pool.js';

const cache = new RunCache();

export default function evaluateChunk(task: ChunkTask): unknown {
  const run = cache.get(task.key, () => task.source);
  const c = runChunk(run, task.start, task.end, { keepInputs: task.keepInputs === true });
  const count = c.end - c.start;
  const data = new Float64Array(count * c.outputs.length);
  c.outputs.forEach((o, k) => {
    data.set(o, k * count);
  });
  const reply: ChunkReply = {
    start: c.start,
    end: c.end,
    data,
    ...(c.inputs ? { inputs: c.inputs } : {}),
    failed: c.failed,
  };
  const buffers: ArrayBufferLike[] = [data.buffer];
  if (c.inputs) buffers.push(c.inputs.buffer);
  return move({
    get [transferableSymbol]() {
      return buffers;
    },
    get [valueSymbol]() {
      return reply;
    },
  });
}
