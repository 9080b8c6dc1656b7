/**
 * Conversion of a quotation at its price point to the valuation point of every stream, ex-works
 * (plant or mine gate, Aktobe Region), along the rail route to China:
 *
 *   ex-works ──rail to border──► fca-border ──gauge change, border──► china-border
 *     ──import duty──► duty paid ──China rail to mill──► delivered-china
 *   china-port ──port handling and rail to mill──► delivered-china (seaborne material)
 *
 * Going back from the quote: a delivered-china price (net of VAT) less the Chinese rail leg is
 * the duty-paid value at the border; ÷ (1 + duty) the customs value at the border; less the
 * border crossing the FCA-border value; less the Kazakh rail leg the ex-works value. A
 * china-port quote is the price of seaborne material at a Chinese port; a buyer inland pays
 * the port-to-mill leg on top, so the Kazakh product delivered to the mill is worth the port
 * price plus that leg. Every step is returned so that the conversion can be shown.
 */
import type { PricePoint } from './types.js';

/** Logistics legs of one cargo class [USD/t]. */
export interface RouteLegs {
  rail_to_border_usd_per_t: number;
  border_crossing_usd_per_t: number;
  china_rail_to_mill_usd_per_t: number;
  china_port_to_mill_usd_per_t: number;
}

/** One step of a conversion: what is added (positive) or deducted (negative) [USD/t]. */
export interface ConversionStep {
  step: string;
  usd_per_t: number;
}

export interface PointValues {
  /** Value at the plant or mine gate [USD/t]. */
  ex_works_usd_per_t: number;
  /** Value on wagons at the Kazakh border: the customs value of an export [USD/t]. */
  fca_border_usd_per_t: number;
  /** Quote → ex-works, in order (they add up to ex-works − quote). */
  steps: ConversionStep[];
}

/** The values of a quotation at the plant gate and at the border [USD/t]. */
export interface GateValues {
  ex_works_usd_per_t: number;
  fca_border_usd_per_t: number;
}

/**
 * @param quote_usd_per_t - The quotation at its point, net of VAT, with any origin premium [USD/t].
 * @param point - Where the quotation is valued.
 * @param legs - Logistics of the product's cargo class [USD/t].
 * @param duty_pct - Chinese import duty on the customs value [%].
 * @param other_logistics_usd_per_t - The whole deduction for point `other` [USD/t].
 */
export function valuesAtPoints(
  quote_usd_per_t: number,
  point: PricePoint,
  legs: RouteLegs,
  duty_pct: number,
  other_logistics_usd_per_t: number,
): PointValues {
  const steps: ConversionStep[] = [];
  const v = convertQuote(quote_usd_per_t, point, legs, duty_pct, other_logistics_usd_per_t, steps);
  return {
    ex_works_usd_per_t: v.ex_works_usd_per_t,
    fca_border_usd_per_t: v.fca_border_usd_per_t,
    steps,
  };
}

/**
 * {@link valuesAtPoints} without the steps: the same arithmetic in the same order (so the same
 * numbers), for a price path's rows after the first, whose steps nobody shows.
 */
export function gateValues(
  quote_usd_per_t: number,
  point: PricePoint,
  legs: RouteLegs,
  duty_pct: number,
  other_logistics_usd_per_t: number,
): GateValues {
  return convertQuote(quote_usd_per_t, point, legs, duty_pct, other_logistics_usd_per_t, null);
}

/** Records a step when the caller keeps them; returns the value after it. */
function step(steps: ConversionStep[] | null, name: string, v: number, delta: number): number {
  if (steps) steps.push({ step: name, usd_per_t: delta });
  return v + delta;
}

function convertQuote(
  quote_usd_per_t: number,
  point: PricePoint,
  legs: RouteLegs,
  duty_pct: number,
  other_logistics_usd_per_t: number,
  steps: ConversionStep[] | null,
): GateValues {
  let v = quote_usd_per_t;
  if (point === 'other') {
    v = step(
      steps,
      'logistics to the price point (logistics_usd_per_t)',
      v,
      -other_logistics_usd_per_t,
    );
    return { ex_works_usd_per_t: v, fca_border_usd_per_t: v };
  }
  if (point === 'china-port')
    v = step(
      steps,
      'port handling and rail to the mill borne by seaborne material',
      v,
      legs.china_port_to_mill_usd_per_t,
    );
  if (point === 'china-port' || point === 'delivered-china') {
    v = step(steps, 'China rail, border → mill', v, -legs.china_rail_to_mill_usd_per_t);
    // Duty-paid value d = c(1 + duty): the customs value c = d/(1 + duty).
    v = step(steps, 'Chinese import duty', v, v / (1 + duty_pct / 100) - v);
  }
  if (point !== 'ex-works' && point !== 'fca-border')
    v = step(
      steps,
      'gauge change, transshipment and border fees',
      v,
      -legs.border_crossing_usd_per_t,
    );
  const fca = v;
  if (point !== 'ex-works')
    v = step(steps, 'KTZ rail, Aktobe Region → border', v, -legs.rail_to_border_usd_per_t);
  return {
    ex_works_usd_per_t: v,
    fca_border_usd_per_t: point === 'ex-works' ? v + legs.rail_to_border_usd_per_t : fca,
  };
}
