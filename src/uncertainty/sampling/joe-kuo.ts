import table from '../../../data/uncertainty/joe-kuo-6.21201.json' with { type: 'json' };

/** One row of the Joe–Kuo table: degree s, polynomial coefficients a, initial numbers m. */
export interface JoeKuoRow {
  readonly d: number;
  readonly s: number;
  readonly a: number;
  readonly m: readonly number[];
}

/** Rows for dimensions 2, 3, … (dimension 1 is van der Corput and has no row). */
export const JOE_KUO_ROWS: readonly JoeKuoRow[] = table.dimensions;

/** Number of dimensions the shipped table supports (including dimension 1). */
export const JOE_KUO_MAX_DIMENSION: number = table.dimensions_listed;

/**
 * Direction numbers v_k (k = 1 … 32) of one Sobol dimension as 32-bit integers, v_k = m_k·2^(32−k).
 *
 * For k > s: v_k = v_{k−s} ⊕ (v_{k−s} >> s) ⊕ ⊕_{l=1}^{s−1} a_l·v_{k−l}, with a_l bit (s−1−l)
 * of `a` (Joe & Kuo's own C++ code, file new-joe-kuo-6.21201).
 *
 * @param dimension - 0-based dimension index [integer, < JOE_KUO_MAX_DIMENSION]
 * @param out - Receives v_1 … v_32 at out[offset … offset + 31] [uint32]
 */
export function directionNumbers(dimension: number, out: Uint32Array, offset = 0): void {
  if (dimension === 0) {
    for (let k = 1; k <= 32; k++) out[offset + k - 1] = 2 ** (32 - k);
    return;
  }
  const row = JOE_KUO_ROWS[dimension - 1];
  if (!row) throw new RangeError(`Sobol dimension ${dimension + 1} is beyond the Joe–Kuo table`);
  const { s, a, m } = row;
  const v = new Uint32Array(33);
  for (let k = 1; k <= Math.min(s, 32); k++) v[k] = ((m[k - 1] ?? 0) * 2 ** (32 - k)) >>> 0;
  for (let k = s + 1; k <= 32; k++) {
    const vks = v[k - s] ?? 0;
    let x = vks ^ (vks >>> s);
    for (let l = 1; l <= s - 1; l++) if ((a >>> (s - 1 - l)) & 1) x ^= v[k - l] ?? 0;
    v[k] = x >>> 0;
  }
  for (let k = 1; k <= 32; k++) out[offset + k - 1] = v[k] ?? 0;
}
