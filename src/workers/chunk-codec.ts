/**
 * Exact transport form of a chunk's results for the database and the job queue: every
 * Float64Array as base64 of its IEEE-754 bytes (little-endian), so NaN payloads and −0 survive
 * (JSON would turn −0 into 0 and NaN into null). About 11 characters per double.
 */
import { endianness } from 'node:os';
import type { ChunkResult, FailedSample } from '../uncertainty/runner/chunk.js';

/** A chunk as JSON data. */
export interface EncodedChunk {
  readonly start: number;
  readonly end: number;
  /** One base64 string per output (end − start doubles each). */
  readonly outputs: readonly string[];
  /** Row-major sampled inputs, when kept. */
  readonly inputs?: string;
  readonly failed: readonly {
    readonly index: number;
    /** base64 doubles. */
    readonly inputs: string;
    readonly message: string;
    readonly code?: string;
  }[];
}

if (endianness() !== 'LE')
  throw new Error('chromflow chunk encoding assumes a little-endian platform');

/** Float64Array → base64 of its bytes. */
export function encodeFloat64(a: Float64Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

/** base64 → Float64Array (a fresh, aligned copy). */
export function decodeFloat64(s: string, field: string): Float64Array {
  const bytes = Buffer.from(s, 'base64');
  if (bytes.byteLength % 8 !== 0)
    throw new Error(`${field}: ${bytes.byteLength} bytes is not a whole number of doubles`);
  const out = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

export function encodeChunk(c: ChunkResult): EncodedChunk {
  const base = {
    start: c.start,
    end: c.end,
    outputs: c.outputs.map(encodeFloat64),
    failed: c.failed.map((f) => ({
      index: f.index,
      inputs: encodeFloat64(Float64Array.from(f.inputs)),
      message: f.message,
      ...(f.code === undefined ? {} : { code: f.code }),
    })),
  };
  return c.inputs ? { ...base, inputs: encodeFloat64(c.inputs) } : base;
}

/** Inverse of {@link encodeChunk}; checks that every array has end − start entries. */
export function decodeChunk(e: EncodedChunk): ChunkResult {
  const count = e.end - e.start;
  const outputs = e.outputs.map((s, k) => {
    const a = decodeFloat64(s, `chunk ${e.start}.outputs[${k}]`);
    if (a.length !== count)
      throw new Error(`chunk ${e.start}.outputs[${k}]: ${a.length} values, expected ${count}`);
    return a;
  });
  const failed: FailedSample[] = e.failed.map((f) => ({
    index: f.index,
    inputs: Array.from(decodeFloat64(f.inputs, `chunk ${e.start}.failed`)),
    message: f.message,
    ...(f.code === undefined ? {} : { code: f.code }),
  }));
  const base = { start: e.start, end: e.end, outputs, failed };
  return e.inputs === undefined
    ? base
    : { ...base, inputs: decodeFloat64(e.inputs, `chunk ${e.start}.inputs`) };
}
