import { InputError } from '../errors.js';
import type { ValueStatus } from './minerals.js';

/**
 * Definition of one numeric unit parameter: its default with unit, source and status, and the
 * range of acceptable values (inclusive). Values outside are rejected, never clipped.
 */
export interface ParamDef {
  readonly value: number;
  readonly unit: string;
  readonly source: string;
  readonly status: ValueStatus;
  readonly min: number;
  readonly max: number;
  readonly description: string;
}

export type ParamSchema = Readonly<Record<string, ParamDef>>;

/** Parameter values of one unit, resolved (defaults + template + overrides). */
export type ParamValues<S extends ParamSchema = ParamSchema> = Readonly<
  Record<keyof S & string, number>
>;

/**
 * Resolves a unit's parameters: defaults from the schema, replaced by given values.
 * @param schema - The unit kind's parameter schema
 * @param given - Values from the template and overrides (by name)
 * @param field - Dotted path used in error messages, e.g. `units.mill.params`
 * @throws InputError for an unknown name, a non-number or a value out of range
 */
export function resolveParams(
  schema: ParamSchema,
  given: Readonly<Record<string, unknown>>,
  field: string,
): Record<string, number> {
  const out: Record<string, number> = {};
  // for…in, not Object.entries: resolved for every unit of a plant solved per Monte Carlo sample
  for (const name in schema) out[name] = (schema[name] as ParamDef).value;
  for (const name in given) {
    const v = given[name];
    const def = schema[name];
    if (!def)
      throw new InputError(
        `${field}.${name}`,
        v,
        `one of the parameters ${Object.keys(schema).join(', ') || '(none)'}`,
      );
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new InputError(`${field}.${name}`, v, `a finite number [${def.unit}]`);
    if (v < def.min || v > def.max)
      throw new InputError(
        `${field}.${name}`,
        v,
        `a value between ${def.min} and ${def.max} ${def.unit}`,
      );
    out[name] = v;
  }
  return out;
}

/** Shorthand to declare a parameter. */
export function param(
  value: number,
  unit: string,
  min: number,
  max: number,
  description: string,
  source: string,
  status: ValueStatus = 'assumed',
): ParamDef {
  return { value, unit, min, max, description, source, status };
}
