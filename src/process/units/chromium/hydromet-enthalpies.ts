/**
 * Reaction enthalpies of the aqueous steps of the electrolytic route [kJ per mol of the named
 * reactant], on an isothermal (298 K) reaction-enthalpy basis. Aqueous ions and sulfates are not
 * in the thermo database (docs/thermo.md), so these are handbook values or approximations,
 * status assumed. Water formation uses the database (JANAF ΔfH H2O(l) = −285.83 kJ/mol).
 */
import { FARADAY_C_PER_MOL } from './common.js';

/** Standard potentials [V vs SHE] (CRC Handbook; not in the stored sources → assumed). */
export const E0_V = { 'Cr3+/Cr': -0.744, 'Fe2+/Fe': -0.447, 'O2/H2O': 1.229 } as const;

/**
 * Cr + 3H+ → Cr3+ + 3/2 H2, per mol Cr: ΔH ≈ ΔG = 3F·E°(Cr3+/Cr) (TΔS neglected) [kJ/mol].
 */
export const DH_CR_DISSOLUTION_KJ = (3 * FARADAY_C_PER_MOL * E0_V['Cr3+/Cr']) / 1000;
/** Fe + 2H+ → Fe2+ + H2: ΔfH(Fe2+, aq) = −89.1 kJ/mol (NBS tables, Wagman et al. 1982). */
export const DH_FE_DISSOLUTION_KJ = -89.1;
/**
 * 2NH3(g) + H2SO4(aq) → (NH4)2SO4(aq), per mol H2SO4: 2(−132.51) − 2(−45.94) = −173.1 kJ
 * (ΔfH NH4+(aq), NH3(g); SO4 cancels; NBS 1982). Alum / double-salt formation heat neglected.
 */
export const DH_AMMONIUM_SULFATE_KJ = -173.1;
/** Cr3+ + 3/2 H2O → Cr + 3H+ + 3/4 O2, per mol Cr: ΔH ≈ 3F(E°O2 − E°Cr) (TΔS neglected). */
export const DH_CR_DEPOSITION_KJ =
  (3 * FARADAY_C_PER_MOL * (E0_V['O2/H2O'] - E0_V['Cr3+/Cr'])) / 1000;
/** Fe2+ + H2O(l) → Fe + 2H+ + 1/2 O2, per mol Fe: −ΔfH(Fe2+) − ΔfH(H2O) = 89.1 + 285.83 kJ. */
export const DH_FE_DEPOSITION_KJ = 285.83 + 89.1;
/** H2O(l) → H2 + 1/2 O2, per mol H2 (JANAF, thermoneutral 1.481 V). */
export const DH_WATER_SPLIT_KJ = 285.83;
