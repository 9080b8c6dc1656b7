import { InputError } from '../errors.js';

/**
 * Standard atomic weights [g/mol] of the elements chromflow may meet.
 *
 * Source: IUPAC CIAAW, "Standard atomic weights of the elements 2021", T. Prohaska et al.,
 * Pure Appl. Chem. 94 (2022) 573–600, doi:10.1515/pac-2019-0603 (Table 1; for elements with an
 * interval — H, Li, B, C, N, O, Mg, Si, S, Cl, Br — the conventional value of Table 3 is used).
 * Values as published at https://www.ciaaw.org/atomic-weights.htm (2021 revision: Ar, Hf, Ir,
 * Pb, Yb, Zr changed; Al, Ca, Co, Mn, Nb, Pr, Sc, Ta, V, Y last changed in 2017–2019).
 * Elements not listed here are rejected by the formula parser (extend the table, citing IUPAC).
 */
export const ATOMIC_WEIGHTS_G_PER_MOL: Readonly<Record<string, number>> = Object.freeze({
  H: 1.008,
  He: 4.002602,
  Li: 6.94,
  Be: 9.0121831,
  B: 10.81,
  C: 12.011,
  N: 14.007,
  O: 15.999,
  F: 18.998403162,
  Ne: 20.1797,
  Na: 22.98976928,
  Mg: 24.305,
  Al: 26.9815384,
  Si: 28.085,
  P: 30.973761998,
  S: 32.06,
  Cl: 35.45,
  Ar: 39.95,
  K: 39.0983,
  Ca: 40.078,
  Sc: 44.955907,
  Ti: 47.867,
  V: 50.9415,
  Cr: 51.9961,
  Mn: 54.938043,
  Fe: 55.845,
  Co: 58.933194,
  Ni: 58.6934,
  Cu: 63.546,
  Zn: 65.38,
  Ga: 69.723,
  As: 74.921595,
  Se: 78.971,
  Br: 79.904,
  Sr: 87.62,
  Zr: 91.222,
  Nb: 92.90637,
  Mo: 95.95,
  Ag: 107.8682,
  Sn: 118.71,
  Sb: 121.76,
  Ba: 137.327,
  W: 183.84,
  Pt: 195.084,
  Au: 196.96657,
  Hg: 200.592,
  Pb: 207.2,
});

/** The citation of {@link ATOMIC_WEIGHTS_G_PER_MOL}, for reports. */
export const ATOMIC_WEIGHTS_SOURCE =
  'IUPAC CIAAW standard atomic weights 2021 (Prohaska et al., Pure Appl. Chem. 94 (2022) 573), conventional values for interval elements';

/**
 * Standard atomic weight of one element.
 *
 * @param symbol - Element symbol, case-sensitive (`'Cr'`)
 * @returns Atomic weight [g/mol]
 * @throws InputError if the symbol is not in the table
 */
export function atomicWeight_g_per_mol(symbol: string): number {
  const w = ATOMIC_WEIGHTS_G_PER_MOL[symbol];
  if (w === undefined) throw new InputError('element', symbol, 'a known element symbol');
  return w;
}
