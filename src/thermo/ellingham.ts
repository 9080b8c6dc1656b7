import { CompiledReaction } from './reaction.js';

/** One line of the Ellingham diagram: ΔG° per mol O2 of an oxidation reaction. */
export interface EllinghamLine {
  /** The oxidation reaction per mol O2, e.g. `4/3 Cr + O2 = 2/3 Cr2O3`. */
  reaction: string;
  /** The element (or lower oxide) oxidised: `Cr`, `Fe`, `C`, … */
  element: string;
  /** The oxide formed. */
  oxide: string;
  points: { T_K: number; dG_kJ_per_mol_O2: number }[];
}

/** The oxidation reactions drawn, per mol O2 (elements Cr, Fe, Si, Al, Mg, Ca, C). */
export const ELLINGHAM_REACTIONS: readonly { element: string; oxide: string; reaction: string }[] =
  [
    { element: 'Cr', oxide: 'Cr2O3', reaction: '4/3 Cr + O2 = 2/3 Cr2O3' },
    { element: 'Fe', oxide: 'FeO', reaction: '2 Fe + O2 = 2 FeO' },
    { element: 'FeO', oxide: 'Fe3O4', reaction: '6 FeO + O2 = 2 Fe3O4' },
    { element: 'Fe3O4', oxide: 'Fe2O3', reaction: '4 Fe3O4 + O2 = 6 Fe2O3' },
    { element: 'Si', oxide: 'SiO2', reaction: 'Si + O2 = SiO2' },
    { element: 'Al', oxide: 'Al2O3', reaction: '4/3 Al + O2 = 2/3 Al2O3' },
    { element: 'Mg', oxide: 'MgO', reaction: '2 Mg + O2 = 2 MgO' },
    { element: 'Ca', oxide: 'CaO', reaction: '2 Ca + O2 = 2 CaO' },
    { element: 'C', oxide: 'CO', reaction: '2 C + O2 = 2 CO' },
    { element: 'C', oxide: 'CO2', reaction: 'C + O2 = CO2' },
    { element: 'CO', oxide: 'CO2', reaction: '2 CO + O2 = 2 CO2' },
  ];

/**
 * Ellingham lines: ΔG°(T) per mol O2 for the oxides of Cr, Fe, Si, Al, Mg, Ca and C, with all
 * species in their stable phases at 1 bar (kinks at melting and boiling points appear).
 *
 * @param T_K - Temperatures [K] (default 300 to 2300 K in steps of 100 K); points outside a
 *   reaction's data range are omitted
 * @returns One line per reaction with ΔG° [kJ/mol O2]
 */
export function ellingham(T_K?: readonly number[]): EllinghamLine[] {
  const Ts = T_K ?? Array.from({ length: 21 }, (_, k) => 300 + 100 * k);
  return ELLINGHAM_REACTIONS.map((e) => {
    const r = new CompiledReaction(e.reaction);
    const lo = Math.max(...r.species.Tmin_K);
    const hi = Math.min(...r.species.Tmax_K);
    return {
      reaction: e.reaction,
      element: e.element,
      oxide: e.oxide,
      points: Ts.filter((T) => T >= lo && T <= hi).map((T) => ({
        T_K: T,
        dG_kJ_per_mol_O2: r.dG_J(T) / 1000,
      })),
    };
  });
}
