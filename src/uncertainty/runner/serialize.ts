import { InputError } from '../../errors.js';
import type { ChunkResult, FailedSample } from './chunk.js';

/** JSON form of a {@link ChunkResult} (for a queue or a database); NaN is written as null. */
export interface ChunkJSON {
  readonly start: number;
  readonly end: number;
  readonly outputs: readonly (readonly (number | null)[])[];
  readonly inputs?: readonly (number | null)[];
  readonly failed: readonly {
    readonly index: number;
    readonly inputs: readonly (number | null)[];
    readonly message: string;
    readonly code?: string;
  }[];
}

const toJson = (a: ArrayLike<number>): (number | null)[] =>
  Array.from(a, (x) => (Number.isFinite(x) ? x : Number.isNaN(x) ? null : x));

/**
 * Converts a chunk result to plain JSON data. Finite doubles survive JSON.stringify/parse
 * exactly (shortest round-trip representation), so a chunk sent through a queue merges to the
 * same bits as a local one. ±Infinity is kept only if the transport can carry it (JSON cannot:
 * JSON.stringify writes null), so an evaluator should not produce infinities.
 */
export function chunkToJSON(c: ChunkResult): ChunkJSON {
  const base = {
    start: c.start,
    end: c.end,
    outputs: c.outputs.map(toJson),
    failed: c.failed.map((f) => ({ ...f, inputs: toJson(f.inputs) })),
  };
  return c.inputs ? { ...base, inputs: toJson(c.inputs) } : base;
}

const fromJson = (a: readonly (number | null)[], field: string): Float64Array =>
  Float64Array.from(a, (x, k) => {
    if (x === null) return NaN;
    if (typeof x !== 'number') throw new InputError(`${field}[${k}]`, x, 'a number or null');
    return x;
  });

/** Inverse of {@link chunkToJSON}, checking the shape. */
export function chunkFromJSON(j: ChunkJSON): ChunkResult {
  const failed: FailedSample[] = j.failed.map((f) => ({
    index: f.index,
    inputs: Array.from(fromJson(f.inputs, 'chunk.failed.inputs')),
    message: f.message,
    ...(f.code === undefined ? {} : { code: f.code }),
  }));
  const outputs = j.outputs.map((o, k) => fromJson(o, `chunk.outputs[${k}]`));
  const base = { start: j.start, end: j.end, outputs, failed };
  return j.inputs ? { ...base, inputs: fromJson(j.inputs, 'chunk.inputs') } : base;
}
