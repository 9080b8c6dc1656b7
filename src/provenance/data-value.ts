import type { SourceStatus } from './param.js';

/** One entry of a reference-data file in `data/` (Cantera-style: every value with its unit). */
export interface DataValue {
  value: number;
  unit: string;
  source: string;
  status: Exclude<SourceStatus, 'input'>;
  /** Plausible range [low, high] in `unit`, when the source gives one. */
  range?: [number, number];
  /** Date the value refers to (prices, exchange rates, tariffs): ISO `YYYY` or `YYYY-MM`. */
  date?: string;
  note?: string;
}

/** A reference-data file: a description (full citations, transformations) and its values. */
export interface DataFile {
  description: string;
  values: Record<string, DataValue>;
}
