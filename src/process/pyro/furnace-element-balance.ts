/**
 * Element balance of the smelting furnace for given additions and Cr recovery: the furnace's
 * mass balance at the level of elements, every term affine in the unknowns (furnace-basis.ts).
 * The species streams (furnace-mass-balance.ts) and the additions solve (furnace-additions.ts)
 * both read it, so the equations exist once.
 *
 *   inlets      N_e = N_e,charge + m_red·n_e,red + m_q·n_e,q + m_alloy·n_e,alloy
 *   alloy       Cr = R_Cr·N_Cr,  Fe = R_Fe·N_Fe,  Si = R_Si·N_Si,  C = w_C·m_alloy / M_C
 *   dust        the fixed dust (basis) + carbon loss f_C·(m_red·c_red + (1 − f_d)·C_charge)
 *   slag        X_slag = N_X − X_alloy − X_dust  for Cr, Fe, Si, Mg, Al, Ca (as Cr2O3, FeO, SiO2,
 *               MgO, Al2O3, CaO), so O_slag = 1.5 Cr + Fe + 2 Si + Mg + 1.5 Al + Ca
 *   gas         water of the inlets as H2O, the rest of H as H2, N as N2,
 *               C_gas = N_C − C_alloy − C_dust,  O_gas = N_O − O_slag − O_dust − n_H2O
 */
import type { FurnaceBasis } from './furnace-basis.js';
import { AIR_O2, EL } from './furnace-basis.js';
import type { FurnaceParams } from './furnace-params.js';
import { ATOMIC_KG, molarMass, SP } from './species.js';

/** The unknowns of the furnace besides the Cr recovery [kg/s]. */
export interface FurnaceUnknowns {
  reductant_kg_per_s: number;
  quartzite_kg_per_s: number;
  /** Alloy rate that sets lime, electrode paste, air ingress and the alloy carbon [kg/s]. */
  alloy_kg_per_s: number;
}

/** Element flows of a furnace solution [mol/s] and the slag mass [kg/s]. */
export interface FurnaceElements {
  /** Cr and Fe of all inlets [mol/s]. */
  readonly inletCr: number;
  readonly inletFe: number;
  readonly alloyCr: number;
  readonly alloyFe: number;
  readonly alloySi: number;
  readonly alloyC: number;
  /** Carbon lost to the dust (graphite) on top of the charge's share [mol/s]. */
  readonly carbonLoss: number;
  readonly slagCr: number;
  readonly slagFe: number;
  readonly slagSi: number;
  readonly slagMg: number;
  readonly slagAl: number;
  readonly slagCa: number;
  readonly slag_kg_per_s: number;
  /** Liquid water of the inlets, leaving as H2O(g) [mol/s]. */
  readonly water: number;
  /** H leaving as H2, N as N2 [mol/s of atoms]. */
  readonly gasH2: number;
  readonly gasN: number;
  /** C and O leaving as CO and CO2 [mol/s of atoms]. */
  readonly gasC: number;
  readonly gasO: number;
  /** O2 of the air ingress [mol/s]. */
  readonly airO2: number;
}

/** Molar masses of the slag oxides [kg/mol] (constants of the species list). */
export const M_SLAG = {
  Cr2O3: molarMass(SP['Cr2O3(l)']),
  FeO: molarMass(SP['FeO(l)']),
  SiO2: molarMass(SP['SiO2(l)']),
  MgO: molarMass(SP['MgO(l)']),
  Al2O3: molarMass(SP['Al2O3(l)']),
  CaO: molarMass(SP['CaO(l)']),
} as const;

/** Inlet flow of element e [mol/s]: the charge plus the additions' per-unit vectors. */
function inletFlow(b: FurnaceBasis, e: number, x: FurnaceUnknowns): number {
  return (
    (b.nCharge[e] ?? 0) +
    x.reductant_kg_per_s * (b.nReductant[e] ?? 0) +
    x.quartzite_kg_per_s * (b.nQuartzite[e] ?? 0) +
    x.alloy_kg_per_s * (b.nPerAlloy[e] ?? 0)
  );
}

/** A {@link FurnaceElements} whose fields a balance may write (the caller's work object). */
export type FurnaceElementsWork = { -readonly [K in keyof FurnaceElements]: FurnaceElements[K] };

/** A zeroed element balance: work for {@link furnaceElementBalance}'s `into`. */
export function createFurnaceElements(): FurnaceElementsWork {
  return {
    inletCr: 0,
    inletFe: 0,
    alloyCr: 0,
    alloyFe: 0,
    alloySi: 0,
    alloyC: 0,
    carbonLoss: 0,
    slagCr: 0,
    slagFe: 0,
    slagSi: 0,
    slagMg: 0,
    slagAl: 0,
    slagCa: 0,
    slag_kg_per_s: 0,
    water: 0,
    gasH2: 0,
    gasN: 0,
    gasC: 0,
    gasO: 0,
    airO2: 0,
  };
}

/**
 * The furnace's element balance (equations in the file comment).
 * @param x - Additions and alloy rate [kg/s]
 * @param crRecovery - Cr recovery to the alloy R_Cr [–]
 * @param into - Where to write it (the additions solve evaluates the balance a few times per
 *   furnace solve and reads each result before the next); default a new object
 */
export function furnaceElementBalance(
  b: FurnaceBasis,
  p: FurnaceParams,
  x: FurnaceUnknowns,
  crRecovery: number,
  into: FurnaceElementsWork = createFurnaceElements(),
): FurnaceElements {
  const d = b.nDust;
  const inletCr = inletFlow(b, EL.Cr, x);
  const inletFe = inletFlow(b, EL.Fe, x);
  const inletSi = inletFlow(b, EL.Si, x);
  const alloyCr = crRecovery * inletCr;
  const alloyFe = p.fe_recovery * inletFe;
  const alloySi = p.si_recovery * inletSi;
  const alloyC = ((p.alloy_C_wt_pct / 100) * x.alloy_kg_per_s) / ATOMIC_KG.C;
  const fixedC = x.reductant_kg_per_s * b.reductantFixedC + (1 - p.dust_fraction) * b.chargeFixedC;
  const carbonLoss = p.carbon_loss_fraction * fixedC;
  const slagCr = inletCr - alloyCr - (d[EL.Cr] ?? 0);
  const slagFe = inletFe - alloyFe - (d[EL.Fe] ?? 0);
  const slagSi = inletSi - alloySi - (d[EL.Si] ?? 0);
  const slagMg = inletFlow(b, EL.Mg, x) - (d[EL.Mg] ?? 0);
  const slagAl = inletFlow(b, EL.Al, x) - (d[EL.Al] ?? 0);
  const slagCa = inletFlow(b, EL.Ca, x) - (d[EL.Ca] ?? 0);
  const slagO = 1.5 * slagCr + slagFe + 2 * slagSi + slagMg + 1.5 * slagAl + slagCa;
  const water =
    b.waterCharge +
    x.reductant_kg_per_s * b.waterReductant +
    x.quartzite_kg_per_s * b.waterQuartzite +
    x.alloy_kg_per_s * b.waterPerAlloy;
  const out = into;
  out.inletCr = inletCr;
  out.inletFe = inletFe;
  out.alloyCr = alloyCr;
  out.alloyFe = alloyFe;
  out.alloySi = alloySi;
  out.alloyC = alloyC;
  out.carbonLoss = carbonLoss;
  out.slagCr = slagCr;
  out.slagFe = slagFe;
  out.slagSi = slagSi;
  out.slagMg = slagMg;
  out.slagAl = slagAl;
  out.slagCa = slagCa;
  out.slag_kg_per_s =
    (slagCr / 2) * M_SLAG.Cr2O3 +
    slagFe * M_SLAG.FeO +
    slagSi * M_SLAG.SiO2 +
    slagMg * M_SLAG.MgO +
    (slagAl / 2) * M_SLAG.Al2O3 +
    slagCa * M_SLAG.CaO;
  out.water = water;
  out.gasH2 = inletFlow(b, EL.H, x) - (d[EL.H] ?? 0) - 2 * water;
  out.gasN = inletFlow(b, EL.N, x);
  out.gasC = inletFlow(b, EL.C, x) - alloyC - (d[EL.C] ?? 0) - carbonLoss;
  out.gasO = inletFlow(b, EL.O, x) - slagO - (d[EL.O] ?? 0) - water;
  out.airO2 = AIR_O2 * b.air_mol_per_alloy * x.alloy_kg_per_s;
  return out;
}
