import { InputError } from '../../errors.js';
import { npv } from '../metrics/npv.js';
import { brent } from '../../numeric/brent.js';
import { buildCashflowTable } from './build-cashflow-table.js';
import type { CashflowInput } from './types.js';

/** A break-even value, or why there is none in the searched range. */
export interface BreakEven {
  /** The value of the varied input at which NPV = 0 [unit of that input], or null. */
  value: number | null;
  reason: string | null;
}

/**
 * Root of a monotone callback g(x) = 0 for x ≥ lo: expands an upper bound from `x0` by doubling
 * until g changes sign (at most 60 times), then refines with Brent.
 *
 * @param g - E.g. NPV as a function of a price [USD].
 * @param x0 - Starting scale of x (e.g. the base-case price) [unit of x], > lo.
 * @param lo - Lowest admissible x (e.g. 0 for a price) [unit of x].
 * @param what - Name for error messages.
 * @returns The root or the reason there is none on [lo, lo + 2^60·(x0 − lo)].
 */
export function solveBreakEven(
  g: (x: number) => number,
  x0: number,
  lo: number,
  what: string,
): BreakEven {
  if (!(x0 > lo)) throw new InputError(`${what}.x0`, x0, `a starting value greater than ${lo}`);
  const gLo = g(lo);
  if (gLo === 0) return { value: lo, reason: null };
  let hi = x0;
  let gHi = g(hi);
  for (let k = 0; k < 60 && Math.sign(gHi) === Math.sign(gLo); k++) {
    hi = lo + 2 * (hi - lo);
    gHi = g(hi);
  }
  if (Math.sign(gHi) === Math.sign(gLo))
    return {
      value: null,
      reason: `${what}: NPV keeps the sign ${gLo > 0 ? '+' : '−'} from ${lo} to ${hi}; no break-even in that range`,
    };
  return {
    value: brent(g, lo, hi, { what, xtol: 1e-9 * Math.abs(hi - lo), rtol: 1e-12 }),
    reason: null,
  };
}

/**
 * Product price at which the project NPV is zero (all other inputs unchanged).
 * @param input - Base case.
 * @param product - Name of the product whose price varies.
 * @returns Break-even price in base-year money [USD/t], or null with the reason.
 */
export function breakEvenProductPrice(input: CashflowInput, product: string): BreakEven {
  const i = input.products.findIndex((p) => p.name === product);
  const base = input.products[i];
  if (base === undefined)
    throw new InputError(
      'product',
      product,
      `one of ${input.products.map((p) => p.name).join(', ')}`,
    );
  const g = (price: number): number => {
    const products = input.products.map((p, j) => (j === i ? { ...p, price_usd_per_t: price } : p));
    return npv(input.discount_rate, freeCashFlow({ ...input, products }));
  };
  return solveBreakEven(g, Math.max(base.price_usd_per_t, 1), 0, `break-even price of ${product}`);
}

/**
 * Unit price of an opex item (e.g. the electricity tariff [USD/kWh]) at which NPV is zero.
 * @param input - Base case.
 * @param item - Name of the opex item whose unit price varies.
 * @returns Break-even unit price in base-year money [USD/unit], or null with the reason.
 */
export function breakEvenOpexPrice(input: CashflowInput, item: string): BreakEven {
  const i = input.opex.findIndex((o) => o.name === item);
  const base = input.opex[i];
  if (base === undefined)
    throw new InputError('item', item, `one of ${input.opex.map((o) => o.name).join(', ')}`);
  const g = (price: number): number => {
    const opex = input.opex.map((o, j) => (j === i ? { ...o, unit_price_usd: price } : o));
    return npv(input.discount_rate, freeCashFlow({ ...input, opex }));
  };
  return solveBreakEven(
    g,
    Math.max(base.unit_price_usd, 1e-6),
    0,
    `break-even unit price of ${item}`,
  );
}

function freeCashFlow(input: CashflowInput): number[] {
  return buildCashflowTable(input).rows.map((r) => r.free_cash_flow_usd);
}
