import { InputError } from '../errors.js';
import { UNIT_TABLE } from './unit-table.js';

/**
 * A parsed unit: a product of table units with integer exponents, e.g. `USD/t` →
 * { USD: 1, t: −1 }. The grammar is deliberately small: `a/b`, `a*b`, `a·b`, `a^2`, and
 * a trailing word after a space or a `-` qualifier is not allowed (write `t/h`, not `tph`).
 */
interface ParsedUnit {
  factor: number;
  offset: number;
  dims: Map<string, number>;
}

function parseUnit(unit: string, field: string): ParsedUnit {
  const trimmed = unit.trim();
  const direct = UNIT_TABLE[trimmed];
  if (direct) {
    return {
      factor: direct.factor,
      offset: direct.offset ?? 0,
      dims: new Map(direct.dim === 'ratio' ? [] : [[direct.dim, 1]]),
    };
  }
  const dims = new Map<string, number>();
  let factor = 1;
  const parts = trimmed.split('/');
  if (parts.length > 2 || trimmed === '') {
    throw new InputError(field, unit, 'a unit such as "t/h", "USD/t" or "kWh/t" (at most one "/")');
  }
  parts.forEach((part, i) => {
    const sign = i === 0 ? 1 : -1;
    for (const token of part.split(/[*·]/)) {
      const m = /^([^^]+)(?:\^(-?\d+))?$/.exec(token.trim());
      const name = m?.[1];
      const def = name === undefined ? undefined : UNIT_TABLE[name];
      if (!def || def.offset !== undefined) {
        throw new InputError(
          field,
          unit,
          `a known unit; "${token.trim()}" is not one of ${Object.keys(UNIT_TABLE).join(', ')}`,
        );
      }
      const power = sign * Number(m?.[2] ?? 1);
      factor *= def.factor ** power;
      if (def.dim !== 'ratio') dims.set(def.dim, (dims.get(def.dim) ?? 0) + power);
    }
  });
  for (const [k, v] of dims) if (v === 0) dims.delete(k);
  return { factor, offset: 0, dims };
}

function sameDims(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/**
 * Converts `value` from unit `from` to unit `to`.
 *
 * @param value - The number as written by the user [from].
 * @param from - Unit the value is expressed in, e.g. `kt/year`.
 * @param to - Unit required by the field, e.g. `t/year`.
 * @param field - Field path for the error message.
 * @returns The value in unit `to`.
 * @throws InputError when a unit is unknown or the dimensions differ (e.g. `USD/t` → `KZT/t`,
 *   which needs an exchange rate and is therefore not a unit conversion).
 * @example
 * convertUnit(80, 'kt/year', 't/year', 'x') //=> 80000
 * convertUnit(1600, 'degC', 'K', 'x') //=> 1873.15
 */
export function convertUnit(value: number, from: string, to: string, field: string): number {
  if (from === to) return value;
  const a = parseUnit(from, field);
  const b = parseUnit(to, field);
  if (!sameDims(a.dims, b.dims)) {
    throw new InputError(field, `${value} ${from}`, `a value convertible to ${to}`);
  }
  const canonical = value * a.factor + a.offset;
  return (canonical - b.offset) / b.factor;
}

/** True when `unit` parses (used by schema checks of data files). */
export function isKnownUnit(unit: string): boolean {
  try {
    parseUnit(unit, 'unit');
    return true;
  } catch {
    return false;
  }
}
