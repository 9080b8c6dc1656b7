import type { ComponentSpec } from '../components.js';

/** One unit of a flowsheet template. Ports map port name → stream id. */
export interface UnitSpec {
  kind: string;
  /** Stage the unit belongs to (e.g. "concentrator"); defaults to the template's stage. */
  stage?: string;
  in: Record<string, string>;
  out: Record<string, string>;
  params?: Record<string, number>;
  description?: string;
}

/** Record of a parameter calibrated to a published figure. */
export interface CalibrationNote {
  parameter: string;
  value: number;
  figure: string;
  source: string;
}

/**
 * A flowsheet template (library data): components, units with kinds, parameters and port
 * connections, and the feed streams. Streams are named by the ports that reference them: a
 * stream is produced by exactly one unit outlet (or is a declared feed) and consumed by exactly
 * one unit inlet.
 */
export interface FlowsheetTemplate {
  id: string;
  title?: string;
  description?: string;
  stage?: string;
  components: ComponentSpec;
  /** Feed streams entering from outside, with a description each. */
  feeds: Record<string, { description?: string }>;
  units: Record<string, UnitSpec>;
  calibration?: CalibrationNote[];
}

/** Overrides of unit parameters: `{ "units.<unit id>.<param>": value }`. */
export type FlowsheetOverrides = Readonly<Record<string, unknown>>;
