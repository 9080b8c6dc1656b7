/**
 * Reduction of hexavalent chromium (sodium chromate) to Cr(III), shared by the residue
 * detoxification and the wastewater treatment of the chromate route. Cr(III) is written as
 * Cr2O3 (it precipitates as the hydroxide, whose water is lumped with the stream's water).
 *
 * Per mol of Na2CrO4 reduced (balanced here; every element checked by the unit tests):
 *   ferrous sulphate: Na2CrO4 + 3FeSO4 + 2Na2CO3 → ½Cr2O3 + 3/2Fe2O3 + 3Na2SO4 + 2CO2
 *     (the acid the ferric hydrolysis releases is neutralised by soda; with NaOH in the liquor,
 *     Na2CrO4 + 3FeSO4 + 2Na2O → ½Cr2O3 + 3/2Fe2O3 + 3Na2SO4, used first);
 *   sodium sulphide:  Na2CrO4 + 3/2Na2S → ½Cr2O3 + 3/2S + 5/2Na2O (Na2O as NaOH in solution);
 *   carbon (pyrolysis): Na2CrO4 + 3/4C → ½Cr2O3 + Na2O + 3/4CO2.
 * FeSO4 and Na2S are not in the thermo database (docs/thermo.md): their enthalpy is their
 * standard enthalpy of formation at 298.15 K (Wagman et al., NBS tables, J. Phys. Chem. Ref.
 * Data 11 suppl. 2 (1982): FeSO4(s) −928.4, Na2S(s) −364.8 kJ/mol; status assumed: not in the
 * stored sources), sensible heat neglected.
 */
import { addMol, enthalpy_kW, mol } from './common.js';
import type { ComponentModel } from '../../components.js';
import { copyStream, createStream, type Stream } from '../../stream.js';

/** Reductant choice: the numeric value of a unit's `reductant` parameter. */
export const REDUCTANTS = ['ferrous-sulphate', 'sodium-sulphide', 'carbon'] as const;
export type Reductant = (typeof REDUCTANTS)[number];

/** Reductant of a `reductant` parameter value (0, 1, 2). */
export function reductantOf(value: number): Reductant {
  return REDUCTANTS[Math.round(value)] ?? 'ferrous-sulphate';
}

/** Mol of reductant species per mol of Cr(VI) reduced. */
export const REDUCTANT_MOL_PER_MOL_CR: Readonly<Record<Reductant, number>> = {
  'ferrous-sulphate': 3,
  'sodium-sulphide': 1.5,
  carbon: 0.75,
};

/** The species (component name) of each reductant. */
export const REDUCTANT_SPECIES: Readonly<Record<Reductant, string>> = {
  'ferrous-sulphate': 'FeSO4(s)',
  'sodium-sulphide': 'Na2S(s)',
  carbon: 'C(s)',
};

/** Mass fraction of the reductant species in the bought reagent (data: cr-aluminothermic.json). */
export const REAGENT_ACTIVE_FRACTION: Readonly<Record<Reductant, number>> = {
  // FeSO4·7H2O: 151.91 / 278.02
  'ferrous-sulphate': 151.908 / 278.015,
  // fused sodium sulphide flakes, 60 % Na2S (the rest water)
  'sodium-sulphide': 0.6,
  carbon: 1,
};

/** Standard enthalpies of formation at 298.15 K of species missing from the database [kJ/mol]. */
const HANDBOOK_DFH_KJ: Readonly<Record<string, number>> = {
  'FeSO4(s)': -928.4,
  'Na2S(s)': -364.8,
};

/**
 * Enthalpy flow of a stream [kW]: the database species at the stream's temperature plus the
 * handbook species at their 298.15 K formation enthalpy.
 */
export function enthalpyWithHandbook_kW(model: ComponentModel, s: Stream): number {
  const rest = createStream(model);
  copyStream(rest, s);
  let H = 0;
  for (const [name, dfh] of Object.entries(HANDBOOK_DFH_KJ)) {
    const i = model.index.get(name);
    if (i === undefined) continue;
    H += (mol(model, s, name) * dfh) / 3600;
    rest.flow[i] = 0;
  }
  return H + enthalpy_kW(model, rest);
}

/**
 * Reduces n mol/h of Na2CrO4 (taken from the `(aq)` then `(s)` chromate of `s`) with the
 * reductant in `s`, writing the products into `s` (solids as `(s)`, salts into solution as
 * `(aq)` when `wet`, CO2 into `gas`). The extent is limited by the reductant (and, for ferrous
 * sulphate, the alkali: Na2O then Na2CO3) present.
 * @returns mol/h of Cr(VI) reduced
 */
export function reduceChromate(
  model: ComponentModel,
  s: Stream,
  gas: Stream,
  r: Reductant,
  n: number,
  wet: boolean,
): number {
  const aq = mol(model, s, 'Na2CrO4(aq)');
  const solid = mol(model, s, 'Na2CrO4(s)');
  const red = mol(model, s, REDUCTANT_SPECIES[r]);
  let x = Math.min(n, aq + solid, red / REDUCTANT_MOL_PER_MOL_CR[r]);
  const salt = (name: string): string => `${name}(${wet ? 'aq' : 's'})`;
  let naoh = 0;
  let soda = 0;
  if (r === 'ferrous-sulphate') {
    const na2o = mol(model, s, salt('Na2O'));
    const co3 = mol(model, s, salt('Na2CO3'));
    x = Math.min(x, (na2o + co3) / 2);
    naoh = Math.min(na2o, 2 * x);
    soda = 2 * x - naoh;
  }
  if (!(x > 0)) return 0;
  const fromAq = Math.min(aq, x);
  addMol(model, s, 'Na2CrO4(aq)', -fromAq);
  addMol(model, s, 'Na2CrO4(s)', -(x - fromAq));
  addMol(model, s, REDUCTANT_SPECIES[r], -REDUCTANT_MOL_PER_MOL_CR[r] * x);
  addMol(model, s, 'Cr2O3(s)', 0.5 * x);
  if (r === 'ferrous-sulphate') {
    addMol(model, s, salt('Na2O'), -naoh);
    addMol(model, s, salt('Na2CO3'), -soda);
    addMol(model, s, 'Fe2O3(s)', 1.5 * x);
    addMol(model, s, salt('Na2SO4'), 3 * x);
    addMol(model, gas, 'CO2(g)', soda);
  } else if (r === 'sodium-sulphide') {
    addMol(model, s, 'S(s)', 1.5 * x);
    addMol(model, s, salt('Na2O'), 2.5 * x);
  } else {
    addMol(model, s, salt('Na2O'), x);
    addMol(model, gas, 'CO2(g)', 0.75 * x);
  }
  return x;
}
