/**
 * Construction spending along an S-curve: the DHSS expenditure-forecasting formula (Hudson
 * 1978; Kenley and Wilson 1986, Construction Management and Economics 4(3)) gives the cumulative
 * share of cost y spent by the time share x of the construction period:
 *
 *   y(x) = x + C x² − C x − (6x³ − 9x² + 3x)/K,  y(0) = 0, y(1) = 1.
 *
 * Parameters in data/capex/schedule.json (s_curve_c, s_curve_k).
 */
import { InputError } from '../../errors.js';

/**
 * Cumulative share of cost at time share x of construction [-].
 *
 * @param x - Elapsed share of the construction period, in [0, 1] [-].
 * @param c - DHSS parameter C [-].
 * @param k - DHSS parameter K [-], ≠ 0.
 */
export function dhssCumulative(x: number, c: number, k: number): number {
  return x + c * x * x - c * x - (6 * x ** 3 - 9 * x * x + 3 * x) / k;
}

/**
 * Share of cost spent in each of `years` equal periods: y(j/n) − y((j − 1)/n), j = 1…n.
 *
 * @param years - Number of construction years (≥ 1).
 * @param c - DHSS parameter C [-].
 * @param k - DHSS parameter K [-].
 * @returns Fractions summing to 1 (to round-off) [-].
 * @throws InputError when the curve is not increasing on [0, 1] for these parameters (a
 *   period would get a negative share).
 */
export function sCurvePhasing(years: number, c: number, k: number): number[] {
  if (!Number.isInteger(years) || years < 1)
    throw new InputError('construction_years', years, 'an integer ≥ 1');
  // y'(x) = 1 + 2Cx − C − (18x² − 18x + 3)/K is a quadratic: it is ≥ 0 on [0, 1] when it is at
  // both ends and at the vertex x = 1/2.
  const slope = (x: number) => 1 + 2 * c * x - c - (18 * x * x - 18 * x + 3) / k;
  if (!(k !== 0 && slope(0) >= 0 && slope(1) >= 0 && slope(0.5) >= 0))
    throw new InputError(
      'data/capex/schedule.json#s_curve_c, s_curve_k',
      `C = ${c}, K = ${k}`,
      'parameters for which the DHSS S-curve rises over the whole period',
    );
  const out: number[] = [];
  for (let j = 1; j <= years; j++)
    out.push(dhssCumulative(j / years, c, k) - dhssCumulative((j - 1) / years, c, k));
  return out;
}
