/**
 * Species streams of the smelting furnace for given additions and Cr recovery, from its element
 * balance (furnace-element-balance.ts): the inlets by role and the four outlets.
 *   alloy   Cr, Fe, Si as liquids; carbon as Cr7C3, n = min(C/3, Cr/7), the rest as graphite
 *   slag    Cr2O3, FeO, SiO2, MgO, Al2O3, CaO (liquid)
 *   gas     H2O, H2, N2, and C as CO with CO2 from the O left over: CO2 = O − C, CO = 2C − O
 *   dust    the fixed dust plus the carbon loss (graphite)
 */
import { InputError } from '../../errors.js';
import { AIR_N2, AIR_O2, type FurnaceBasis } from './furnace-basis.js';
import {
  furnaceElementBalance,
  type FurnaceElements,
  type FurnaceUnknowns,
} from './furnace-element-balance.js';
import type { FurnaceParams } from './furnace-params.js';
import { emptySpeciesStreams, N_SPECIES, SP, type SpeciesStream } from './species.js';

/** The furnace's additions by port name (the inlets besides the charge). */
export interface FurnaceAdditions {
  reductant: SpeciesStream;
  quartzite: SpeciesStream;
  lime: SpeciesStream;
  electrode: SpeciesStream;
  air: SpeciesStream;
}

/** Inlet port names of the additions, in the unit kind's port order after the charge. */
export const FURNACE_ADDITIONS = ['reductant', 'quartzite', 'lime', 'electrode', 'air'] as const;

export interface FurnaceStreams {
  additions: FurnaceAdditions;
  alloy: SpeciesStream;
  slag: SpeciesStream;
  gas: SpeciesStream;
  dust: SpeciesStream;
  elements: FurnaceElements;
}

function fill(s: SpeciesStream, a: number, perUnit: Float64Array): SpeciesStream {
  if (a !== 0) for (let j = 0; j < N_SPECIES; j++) s.mol_per_s[j] = a * (perUnit[j] ?? 0);
  return s;
}

/** Doubles of the caller's work that holds the furnace's nine streams. */
export const FURNACE_STREAMS_LENGTH = 9 * N_SPECIES;

/**
 * The furnace's streams.
 * @param x - Additions and alloy rate [kg/s]
 * @param crRecovery - Cr recovery to the alloy [–]
 * @param backing - Holds the streams' flows, {@link FURNACE_STREAMS_LENGTH} long (the caller's
 *   work: the streams are valid until it is reused), default a new array
 * @throws InputError when the recoveries leave a negative amount of Cr or Fe in the slag
 */
export function furnaceStreams(
  b: FurnaceBasis,
  p: FurnaceParams,
  x: FurnaceUnknowns,
  crRecovery: number,
  backing?: Float64Array,
): FurnaceStreams {
  const el = furnaceElementBalance(b, p, x, crRecovery);
  if (el.slagCr < -1e-12 * el.inletCr || el.slagFe < -1e-12 * el.inletFe)
    throw new InputError(
      'furnace.recoveries',
      { cr: crRecovery, fe: p.fe_recovery },
      'recoveries leaving a non-negative amount in the slag',
    );
  const Tc = b.charge.T_K;
  const [reductant, quartzite, lime, electrode, air, alloy, slag, gas, dust] = emptySpeciesStreams(
    [
      ['reductant', Tc],
      ['quartzite', Tc],
      ['lime', Tc],
      ['electrode', 298.15],
      ['air-ingress', 298.15],
      ['alloy', p.alloy_T_K],
      ['slag', p.slag_T_K],
      ['off-gas', p.offgas_T_K],
      ['dust', p.offgas_T_K],
    ],
    backing,
  ) as [
    SpeciesStream,
    SpeciesStream,
    SpeciesStream,
    SpeciesStream,
    SpeciesStream,
    SpeciesStream,
    SpeciesStream,
    SpeciesStream,
    SpeciesStream,
  ];
  const ma = x.alloy_kg_per_s;
  fill(reductant, x.reductant_kg_per_s, b.reductant);
  fill(quartzite, x.quartzite_kg_per_s, b.quartzite);
  fill(lime, b.lime_per_alloy * ma, b.lime);
  fill(electrode, b.electrode_per_alloy * ma, b.electrode);
  air.mol_per_s[SP['O2(g)']] = AIR_O2 * b.air_mol_per_alloy * ma;
  air.mol_per_s[SP['N2(g)']] = AIR_N2 * b.air_mol_per_alloy * ma;
  const a = alloy.mol_per_s;
  const n7 = Math.min(el.alloyC / 3, el.alloyCr / 7);
  a[SP['Cr7C3(s)']] = n7;
  a[SP['Cr(l)']] = el.alloyCr - 7 * n7;
  a[SP['Fe(l)']] = el.alloyFe;
  a[SP['Si(l)']] = el.alloySi;
  a[SP['C(s)']] = el.alloyC - 3 * n7;
  const s = slag.mol_per_s;
  s[SP['Cr2O3(l)']] = el.slagCr / 2;
  s[SP['FeO(l)']] = el.slagFe;
  s[SP['SiO2(l)']] = el.slagSi;
  s[SP['MgO(l)']] = el.slagMg;
  s[SP['Al2O3(l)']] = el.slagAl / 2;
  s[SP['CaO(l)']] = el.slagCa;
  const g = gas.mol_per_s;
  g[SP['H2O(g)']] = el.water;
  g[SP['H2(g)']] = el.gasH2 / 2;
  g[SP['N2(g)']] = el.gasN / 2;
  g[SP['CO2(g)']] = el.gasO - el.gasC;
  g[SP['CO(g)']] = 2 * el.gasC - el.gasO;
  dust.mol_per_s.set(b.dust);
  dust.mol_per_s[SP['C(s)']] = (b.dust[SP['C(s)']] ?? 0) + el.carbonLoss;
  return {
    additions: { reductant, quartzite, lime, electrode, air },
    alloy,
    slag,
    gas,
    dust,
    elements: el,
  };
}
