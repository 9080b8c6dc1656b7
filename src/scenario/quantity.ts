import { z } from 'zod';
import { convertUnit } from '../units/convert.js';
import { InputError } from '../errors.js';
import { SCENARIO_INPUT_SOURCE, SOURCE_STATUSES, type Param } from '../provenance/param.js';
import { dataValue, defaultParam, lookupDataRef, allDataRefs, type DataRef } from './data-files.js';
import { didYouMean } from './did-you-mean.js';

/**
 * Magnitudes a numeric input may have besides 0, whatever its unit: no plant, market or
 * economy needs a number outside [1e-9, 1e15] in chromflow's units (world GDP is ~1e14 USD a
 * year), while numbers beyond it overflow or underflow the model (1e300 USD/t makes an
 * infinite revenue; a debt share of 5e-324 an infinite DSCR). Rejected, naming the field.
 */
export const MIN_MAGNITUDE = 1e-9;
export const MAX_MAGNITUDE = 1e15;

/** Whether a finite number is 0 or of a magnitude inside [MIN_MAGNITUDE, MAX_MAGNITUDE]. */
export function plausibleMagnitude(value: number): boolean {
  const m = Math.abs(value);
  return m === 0 || (m >= MIN_MAGNITUDE && m <= MAX_MAGNITUDE);
}

export interface QuantityOptions {
  /** Smallest allowed value (inclusive), in the field's unit. */
  min?: number;
  /** Largest allowed value (inclusive), in the field's unit. */
  max?: number;
  /** Value must be strictly greater than this. */
  above?: number;
  /** Value must be strictly less than this. */
  below?: number;
  integer?: boolean;
  description?: string;
}

/** The explicit form of a numeric input: `{ value, unit, source }`. */
const explicitQuantity = z
  .strictObject({
    value: z.number().meta({ description: 'The number, in `unit`.' }),
    unit: z.string().optional().meta({
      description: "Unit of `value`; converted to the field's unit. Omit to use the field's unit.",
    }),
    source: z.string().min(1).optional().meta({
      description: 'Where the number comes from (publication, dataset, or "assumed: <reason>").',
    }),
    status: z.enum(SOURCE_STATUSES).optional(),
    note: z.string().optional(),
  })
  .meta({ id: 'ExplicitQuantity', description: 'A number with its unit and source.' });

/** A value taken from a reference-data file: `{ ref: "markets/fx#kzt_per_usd" }`. */
const dataReference = z
  .strictObject({
    ref: z
      .string()
      .regex(/^[a-z0-9/-]+#[A-Za-z0-9_]+$/, {
        message: 'expected "<data file>#<key>", e.g. "markets/fx#kzt_per_usd"',
      })
      .meta({ description: 'Take the value, unit and source from a data file entry.' }),
  })
  .meta({ id: 'DataReference', description: 'A value taken from a data file in data/.' });

function describeRange(unit: string, o: QuantityOptions): string {
  const parts: string[] = [];
  if (o.integer) parts.push('an integer');
  else parts.push('a finite number');
  if (o.above !== undefined) parts.push(`> ${o.above}`);
  if (o.below !== undefined) parts.push(`< ${o.below}`);
  if (o.min !== undefined) parts.push(`≥ ${o.min}`);
  if (o.max !== undefined) parts.push(`≤ ${o.max}`);
  return `${parts.join(' ')} [${unit}]`;
}

/**
 * Schema of a numeric scenario input in `unit`: a bare number, or `{ value, unit, source }`.
 * Parses to a {@link Param} in `unit` carrying its provenance. Out-of-range, non-finite or
 * wrongly-dimensioned values are rejected, never clipped.
 */
function quantitySchemas(unit: string, options: QuantityOptions) {
  const expected = describeRange(unit, options);
  const input = z.union([z.number(), explicitQuantity, dataReference], {
    error: (issue) =>
      issue.input === undefined
        ? `required: ${expected}`
        : `expected ${expected}, or { value, unit, source }`,
  });
  type Input = z.input<typeof input>;

  const toParam = (raw: Input, ctx: z.RefinementCtx): Param => {
    let given: Exclude<Input, { ref: string }>;
    let fromData: Param | undefined;
    if (typeof raw === 'object' && 'ref' in raw) {
      const known = lookupDataRef(raw.ref);
      if (!known) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown data reference ${JSON.stringify(raw.ref)}${suggestRef(raw.ref)}`,
          input: raw,
        });
        return z.NEVER;
      }
      fromData = known;
      given = { value: known.value, unit: known.unit, source: known.source, status: known.status };
    } else {
      given = raw;
    }
    const explicit = typeof given === 'number' ? undefined : given;
    let value = typeof given === 'number' ? given : given.value;
    if (explicit?.unit !== undefined) {
      try {
        value = convertUnit(value, explicit.unit, unit, 'unit');
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          message:
            error instanceof InputError
              ? `unit ${JSON.stringify(explicit.unit)} cannot be converted to ${unit}: ${error.expected}`
              : String(error),
          input: given,
        });
        return z.NEVER;
      }
    }
    const bad =
      !Number.isFinite(value) ||
      (options.integer === true && !Number.isInteger(value)) ||
      (options.min !== undefined && value < options.min) ||
      (options.max !== undefined && value > options.max) ||
      (options.above !== undefined && value <= options.above) ||
      (options.below !== undefined && value >= options.below);
    if (bad) {
      ctx.addIssue({ code: 'custom', message: `expected ${expected}`, input: given });
      return z.NEVER;
    }
    if (!plausibleMagnitude(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected 0 or a magnitude between ${MIN_MAGNITUDE} and ${MAX_MAGNITUDE} [${unit}] (beyond any plant or market)`,
        input: given,
      });
      return z.NEVER;
    }
    const param: Param = {
      value,
      unit,
      source: explicit?.source ?? SCENARIO_INPUT_SOURCE,
      // A source the author marked "assumed: …" is an assumption, not a measured input.
      status: explicit?.status ?? (explicit?.source?.startsWith('assumed') ? 'assumed' : 'input'),
    };
    const converted =
      explicit?.unit !== undefined && explicit.unit !== unit
        ? `converted from ${explicit.value} ${explicit.unit}`
        : undefined;
    const notes = [explicit?.note, converted].filter(
      (s): s is string => s !== undefined && s !== '',
    );
    if (notes.length) param.note = notes.join('; ');
    if (fromData?.ref !== undefined) param.ref = fromData.ref;
    return param;
  };

  const description = [options.description, `[${unit}]`].filter(Boolean).join(' ');
  return { required: input.transform(toParam).meta({ description }), description };
}

/**
 * Schema of a required numeric scenario input in `unit`: a bare number, or
 * `{ value, unit, source }`. Parses to a {@link Param} in `unit` carrying its provenance.
 * Out-of-range, non-finite or wrongly-dimensioned values are rejected, never clipped.
 */
export function quantity(unit: string, options: QuantityOptions = {}) {
  return quantitySchemas(unit, options).required;
}

/**
 * Like {@link quantity}, but optional: when the field is omitted its value and provenance are
 * taken from the data file entry `ref` (whose unit must be `unit`).
 */
export function quantityOr(ref: DataRef, unit: string, options: QuantityOptions = {}) {
  const { required, description } = quantitySchemas(unit, options);
  const d = dataValue(ref);
  if (!Number.isFinite(d.value) || d.unit !== unit) {
    throw new Error(`default ${ref} is ${d.value} ${d.unit}; the field needs ${unit}`);
  }
  return required
    .default(() => defaultParam(ref))
    .meta({
      description: `${description}. Default ${d.value} ${d.unit} (${d.status}): ${d.source}`,
    });
}

function suggestRef(ref: string): string {
  const guess = didYouMean(ref, allDataRefs());
  return guess ? ` (did you mean "${guess}"?)` : '';
}

/** Parsed type of a quantity field. */
export type Quantity = Param;
