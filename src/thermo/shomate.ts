/**
 * Shomate-form property functions of one segment, with t = T/1000 (NIST WebBook form).
 * Coefficients are passed as a flat array (see {@link STRIDE}) so that callers in hot loops
 * evaluate them without allocation.
 */

/** Layout of one segment record in a Float64Array: Tlo, Thi, A, B, C, D, E, Fabs, G. */
export const STRIDE = 9;
export const O_TLO = 0;
export const O_THI = 1;
export const O_A = 2;
export const O_B = 3;
export const O_C = 4;
export const O_D = 5;
export const O_E = 6;
/** F plus ΔfH298 of the phase: H_abs = 1000(A t + …) + Fabs [J/mol]. */
export const O_F = 7;
export const O_G = 8;

/**
 * Heat capacity, Cp = A + B t + C t² + D t³ + E/t².
 * @param c - Coefficient records; @param r - Record offset; @param T - Temperature [K]
 * @returns Cp [J/(mol·K)]
 */
export function cpAt(c: Float64Array, r: number, T: number): number {
  const t = T / 1000;
  return (
    (c[r + O_A] as number) +
    t * ((c[r + O_B] as number) + t * ((c[r + O_C] as number) + t * (c[r + O_D] as number))) +
    (c[r + O_E] as number) / (t * t)
  );
}

/**
 * Absolute enthalpy, H = 1000(A t + B t²/2 + C t³/3 + D t⁴/4 − E/t) + F + ΔfH298.
 * @returns H [J/mol]
 */
export function hAt(c: Float64Array, r: number, T: number): number {
  const t = T / 1000;
  return (
    1000 *
      (t *
        ((c[r + O_A] as number) +
          t *
            ((c[r + O_B] as number) / 2 +
              t * ((c[r + O_C] as number) / 3 + (t * (c[r + O_D] as number)) / 4))) -
        (c[r + O_E] as number) / t) +
    (c[r + O_F] as number)
  );
}

/**
 * Entropy, S = A ln t + B t + C t²/2 + D t³/3 − E/(2t²) + G.
 * @returns S [J/(mol·K)]
 */
export function sAt(c: Float64Array, r: number, T: number): number {
  const t = T / 1000;
  return (
    (c[r + O_A] as number) * Math.log(t) +
    t *
      ((c[r + O_B] as number) +
        t * ((c[r + O_C] as number) / 2 + (t * (c[r + O_D] as number)) / 3)) -
    (c[r + O_E] as number) / (2 * t * t) +
    (c[r + O_G] as number)
  );
}

/** Gibbs energy G = H − T·S [J/mol]. */
export function gAt(c: Float64Array, r: number, T: number): number {
  return hAt(c, r, T) - T * sAt(c, r, T);
}
