/**
 * The linear structure of the smelting furnace. Every inlet is the charge plus a multiple of a
 * fixed per-unit vector: reductant and quartzite per kg added, lime, electrode and air
 * ingress per kg of alloy. So each element's inlet flow is affine in the three unknowns
 *   x = (m_red, m_q, m_alloy)  [kg/s]:   N_e(x) = N_e,charge + m_red·n_e,red + m_q·n_e,q + m_alloy·n_e,alloy
 * and so is every other element flow of the furnace (alloy, dust, slag, gas: {@link
 * furnaceElementBalance}). The basis holds those per-unit vectors, computed once per solve.
 */
import {
  NM3_PER_MOL,
  carbonMaterialPerKg,
  fluxPerKg,
  toSimpleOxides,
  T_WET_MAX_K,
} from './materials.js';
import { InputError } from '../../errors.js';
import {
  routeMaterials,
  type FurnaceMaterials,
  type FurnaceParams,
  type FurnaceRoute,
} from './furnace-params.js';
import { N_SPECIES, pyroSet, SP, type SpeciesStream } from './species.js';

/** Mole fractions of O2 and N2 in air [–]. */
export const AIR_O2 = 0.21;
export const AIR_N2 = 0.79;

/** Index of each element in `pyroSet().elements` (a constant of the species list). */
export const EL = (() => {
  const els = pyroSet().elements;
  const at = (e: string): number => {
    const k = els.indexOf(e);
    if (k < 0) throw new InputError('PYRO_SPECIES', e, 'an element of the ferrochrome species');
    return k;
  };
  return {
    Cr: at('Cr'),
    Fe: at('Fe'),
    Si: at('Si'),
    Mg: at('Mg'),
    Al: at('Al'),
    Ca: at('Ca'),
    C: at('C'),
    O: at('O'),
    H: at('H'),
    N: at('N'),
    count: els.length,
  };
})();

/**
 * Element amounts of a species vector [mol/s or mol/kg, as the vector], by `pyroSet().elements`.
 * @param out - Where to write them (zeroed, EL.count long; default a new array)
 */
export function elementsOf(
  mol: Float64Array,
  out: Float64Array = new Float64Array(EL.count),
): Float64Array {
  const set = pyroSet();
  for (let e = 0; e < EL.count; e++) {
    let sum = 0;
    for (let j = 0; j < N_SPECIES; j++) {
      const a = set.elementMatrix[e * N_SPECIES + j] ?? 0;
      if (a !== 0) sum += a * (mol[j] ?? 0);
    }
    out[e] = sum;
  }
  return out;
}

/** The per-unit vectors of a furnace solve (see the file comment). */
export interface FurnaceBasis {
  readonly charge: SpeciesStream;
  /** Whether the additions are charged wet (as received): the charge is at or below 373.15 K. */
  readonly wet: boolean;
  /** Species per kg [mol/kg]: reductant and quartzite as charged, lime as charged, electrode dry. */
  readonly reductant: Float64Array;
  readonly quartzite: Float64Array;
  readonly lime: Float64Array;
  readonly electrode: Float64Array;
  /** Lime and electrode paste per kg of alloy [kg/kg]; air ingress per kg of alloy [mol/kg]. */
  readonly lime_per_alloy: number;
  readonly electrode_per_alloy: number;
  readonly air_mol_per_alloy: number;
  /** Element vectors: of the charge [mol/s]; per kg of reductant, quartzite and alloy [mol/kg]. */
  readonly nCharge: Float64Array;
  readonly nReductant: Float64Array;
  readonly nQuartzite: Float64Array;
  readonly nPerAlloy: Float64Array;
  /** Liquid water (leaves as vapour), same bases [mol/s], [mol/kg]. */
  readonly waterCharge: number;
  readonly waterReductant: number;
  readonly waterQuartzite: number;
  readonly waterPerAlloy: number;
  /** The dust without the carbon loss [mol/s] (species) and its elements. */
  readonly dust: Float64Array;
  readonly nDust: Float64Array;
  /** Fixed carbon (graphite) of the charge [mol/s] and of 1 kg of reductant [mol/kg]. */
  readonly chargeFixedC: number;
  readonly reductantFixedC: number;
}

/**
 * Dust without the carbon loss: the fraction f_d of the charge (its water and volatiles leave
 * with the gas), spinels split into simple oxides, pre-reduced Cr and Fe re-oxidised by the
 * freeboard gas (to Cr2O3 and FeO; the O comes from the gas balance), the charge's share of
 * graphite.
 */
/** The fixed dust, written into `d` (zeroed, N_SPECIES long) [mol/s]. */
function fixedDust(charge: SpeciesStream, fd: number, d: Float64Array): Float64Array {
  const c = charge.mol_per_s;
  const dust: SpeciesStream = { id: 'dust', T_K: charge.T_K, mol_per_s: d };
  for (let j = 0; j < N_SPECIES; j++) d[j] = fd * (c[j] ?? 0);
  d[SP['H2O(l)']] = 0;
  d[SP['CH4(g)']] = 0;
  toSimpleOxides(dust);
  d[SP['Cr(s)']] = 0;
  d[SP['Fe(s)']] = 0;
  d[SP['Cr2O3(s)']] = (d[SP['Cr2O3(s)']] ?? 0) + fd * 0.5 * (c[SP['Cr(s)']] ?? 0);
  d[SP['FeO(s)']] = (d[SP['FeO(s)']] ?? 0) + fd * (c[SP['Fe(s)']] ?? 0);
  d[SP['C(s)']] = fd * (c[SP['C(s)']] ?? 0);
  return d;
}

/** Species [mol/kg] of 1 kg of a material and their elements [mol/kg]. */
export interface MaterialVector {
  readonly species: Float64Array;
  readonly elements: Float64Array;
}

/** The per-kg vectors of a furnace's materials, as charged wet (cold charge) and dry (hot). */
export interface FurnaceMaterialVectors {
  readonly wet: {
    readonly reductant: MaterialVector;
    readonly quartzite: MaterialVector;
    readonly lime: MaterialVector;
  };
  readonly dry: {
    readonly reductant: MaterialVector;
    readonly quartzite: MaterialVector;
    readonly lime: MaterialVector;
  };
  /** Electrode, paste or graphite (always dry: paste is baked in the column). */
  readonly electrode: MaterialVector;
}

function vector(species: Float64Array): MaterialVector {
  return { species, elements: elementsOf(species) };
}

/**
 * The per-kg vectors of furnace materials (checks every analysis).
 * @throws InputError naming the material for a bad analysis
 */
export function furnaceMaterialVectors(mat: FurnaceMaterials): FurnaceMaterialVectors {
  const of = (wet: boolean) => ({
    reductant: vector(carbonMaterialPerKg(mat.reductant, wet, 'reductant')),
    quartzite: vector(fluxPerKg(mat.quartzite, wet, 'quartzite')),
    lime: vector(fluxPerKg(mat.lime, wet, 'lime')),
  });
  return {
    wet: of(true),
    dry: of(false),
    electrode: vector(carbonMaterialPerKg(mat.electrode, false, 'electrode')),
  };
}

/** The vectors of each route's default materials (constants of data/pyro/fecr.json). */
const ROUTE_MATERIAL_VECTORS: Readonly<Record<FurnaceRoute, FurnaceMaterialVectors>> = {
  'ac-saf': furnaceMaterialVectors(routeMaterials('ac-saf')),
  dc: furnaceMaterialVectors(routeMaterials('dc')),
};

/** The per-kg vectors of materials: a route's constant for its defaults, else computed. */
export function materialVectorsOf(
  route: FurnaceRoute,
  mat: FurnaceMaterials,
): FurnaceMaterialVectors {
  return mat === routeMaterials(route)
    ? ROUTE_MATERIAL_VECTORS[route]
    : furnaceMaterialVectors(mat);
}

/** Doubles of the block that holds a basis's computed vectors (per-alloy, charge, dust). */
export const FURNACE_BASIS_LENGTH = 3 * EL.count + N_SPECIES;

/**
 * The per-unit vectors of a furnace solve.
 * @param charge - Chromite charge [mol/s] at its temperature [K]
 * @param mat - Per-kg vectors of the materials ({@link furnaceMaterialVectors})
 * @param block - Holds the basis's four computed vectors, {@link FURNACE_BASIS_LENGTH} long
 *   (overwritten; the caller's work, valid while the basis is used), default a new array
 * @throws InputError for liquid water in a charge above 373.15 K
 */
export function furnaceBasis(
  charge: SpeciesStream,
  p: FurnaceParams,
  mat: FurnaceMaterialVectors,
  block: Float64Array = new Float64Array(FURNACE_BASIS_LENGTH),
): FurnaceBasis {
  const wet = charge.T_K <= T_WET_MAX_K;
  const water = SP['H2O(l)'];
  if (!wet && charge.mol_per_s[water])
    throw new InputError(
      'charge.H2O(l)',
      charge.mol_per_s[water],
      `no liquid water in a charge above ${T_WET_MAX_K} K`,
    );
  const m = wet ? mat.wet : mat.dry;
  const reductant = m.reductant.species;
  const quartzite = m.quartzite.species;
  const lime = m.lime.species;
  const lime_per_alloy = p.lime_kg_per_t / 1000;
  const electrode_per_alloy = p.electrode_kg_per_t / 1000;
  const air_mol_per_alloy = p.air_ingress_Nm3_per_t / 1000 / NM3_PER_MOL;
  // one backing array for the basis's four vectors: a typed array over 64 bytes is allocated
  // outside V8's heap (≈ 1 µs each, once per furnace solve of a Monte Carlo sample)
  const n = EL.count;
  const nPerAlloy = block.subarray(0, n);
  for (let e = 0; e < EL.count; e++)
    nPerAlloy[e] =
      lime_per_alloy * (m.lime.elements[e] ?? 0) +
      electrode_per_alloy * (mat.electrode.elements[e] ?? 0);
  nPerAlloy[EL.O] = (nPerAlloy[EL.O] ?? 0) + 2 * AIR_O2 * air_mol_per_alloy;
  nPerAlloy[EL.N] = (nPerAlloy[EL.N] ?? 0) + 2 * AIR_N2 * air_mol_per_alloy;
  const dust = fixedDust(charge, p.dust_fraction, block.subarray(3 * n));
  return {
    charge,
    wet,
    reductant,
    quartzite,
    lime,
    electrode: mat.electrode.species,
    lime_per_alloy,
    electrode_per_alloy,
    air_mol_per_alloy,
    nCharge: elementsOf(charge.mol_per_s, block.subarray(n, 2 * n)),
    nReductant: m.reductant.elements,
    nQuartzite: m.quartzite.elements,
    nPerAlloy,
    waterCharge: charge.mol_per_s[water] ?? 0,
    waterReductant: reductant[water] ?? 0,
    waterQuartzite: quartzite[water] ?? 0,
    waterPerAlloy: lime_per_alloy * (lime[water] ?? 0),
    dust,
    nDust: elementsOf(dust, block.subarray(2 * n, 3 * n)),
    chargeFixedC: charge.mol_per_s[SP['C(s)']] ?? 0,
    reductantFixedC: reductant[SP['C(s)']] ?? 0,
  };
}
