/**
 * Bridge between the flowsheet engine's streams (component mass flows [kg/h], src/process/stream.ts)
 * and the ferrochrome unit models' species streams (molar flows [mol/s] over PYRO_SPECIES,
 * src/process/pyro/species.ts). The conversion uses the component model's own molar masses
 * (src/chem/formula-elements.ts), so moles round-trip to round-off and the engine's element
 * balances close exactly when the unit models conserve moles of elements.
 *
 * Make-up of additions: a ferrochrome unit computes its own additions (binder, water, reductant,
 * quartzite, fuel, air…) from its main inlet with the unit model's inner solves, writes them as
 * diagnostics `demand.<port>.<species>` [kg/h] and `demand.<port>.T_K` [K], and computes its
 * outlets from the main inlet alone. The stage runner then feeds each addition port exactly what
 * was demanded (src/process/pyro/run-fecr.ts); the engine's unit closure shows any mismatch.
 */
import { molarMass_g_per_mol } from '../../../chem/formula-elements.js';
import { InputError } from '../../../errors.js';
import type { ComponentModel, ComponentSpec } from '../../components.js';
import { PYRO_SPECIES, type SpeciesStream } from '../../pyro/species.js';
import { createStream, type Stream } from '../../stream.js';

/** Components of every ferrochrome template: the pyro species list, no minerals. */
export const FECR_COMPONENTS: ComponentSpec = { minerals: [], species: [...PYRO_SPECIES] };

interface Map_ {
  /** Component index of each PYRO_SPECIES entry. */
  comp: Int32Array;
  /** Molar mass of each PYRO_SPECIES entry [kg/mol]. */
  M: Float64Array;
}

/** Molar masses of the PYRO_SPECIES from their formulas [kg/mol] (a constant of the list). */
const PYRO_M = Float64Array.from(PYRO_SPECIES, (s) => molarMass_g_per_mol(s) / 1000);
/** The component indices of a model whose components are PYRO_SPECIES in order (every template's). */
const IDENTITY: Map_ = { comp: Int32Array.from(PYRO_SPECIES, (_, i) => i), M: PYRO_M };

function sameList(names: readonly string[]): boolean {
  if (names.length !== PYRO_SPECIES.length) return false;
  for (let i = 0; i < names.length; i++) if (names[i] !== PYRO_SPECIES[i]) return false;
  return true;
}

/** Where each PYRO_SPECIES entry sits in the model (by name; identity for the templates). */
function speciesMap(model: ComponentModel): Map_ {
  if (model.nMin > 0)
    throw new InputError('components.minerals', model.nMin, 'no minerals in a ferrochrome model');
  if (sameList(model.names)) return IDENTITY;
  const comp = new Int32Array(PYRO_SPECIES.length);
  PYRO_SPECIES.forEach((s, i) => {
    const c = model.index.get(s);
    if (c === undefined)
      throw new InputError(
        'components.species',
        model.names,
        `every ferrochrome species (${PYRO_SPECIES.join(', ')}); missing ${s}`,
      );
    comp[i] = c;
  });
  return { comp, M: PYRO_M };
}

/**
 * Species stream of an engine stream.
 * @param model - Component model holding every PYRO_SPECIES entry
 * @param s - Engine stream [kg/h]
 * @param id - Name of the species stream
 * @returns Molar flows [mol/s] at the stream's temperature [K]
 */
export function toSpecies(model: ComponentModel, s: Stream, id: string): SpeciesStream {
  const { comp, M } = speciesMap(model);
  const mol = new Float64Array(PYRO_SPECIES.length);
  let other = 0;
  for (let i = 0; i < mol.length; i++) mol[i] = (s.flow[comp[i] ?? 0] ?? 0) / 3600 / (M[i] ?? 1);
  if (model.nComp !== PYRO_SPECIES.length)
    for (let c = 0; c < model.nComp; c++) if (!comp.includes(c)) other += s.flow[c] ?? 0;
  if (other !== 0)
    throw new InputError(`streams.${id}`, other, 'only ferrochrome species (PYRO_SPECIES)');
  return { id, T_K: s.T_K, mol_per_s: mol };
}

/**
 * Writes a species stream into an engine stream (overwrites flows and temperature).
 * @param sp - Molar flows [mol/s] at T [K]
 * @param out - Engine stream [kg/h]
 */
export function writeSpecies(model: ComponentModel, sp: SpeciesStream, out: Stream): void {
  const { comp, M } = speciesMap(model);
  out.flow.fill(0);
  for (let i = 0; i < PYRO_SPECIES.length; i++)
    out.flow[comp[i] ?? 0] = (sp.mol_per_s[i] ?? 0) * 3600 * (M[i] ?? 0);
  out.T_K = sp.T_K;
}

/** Ports through which the ferrochrome unit kinds demand additions. */
const DEMAND_PORTS = [
  'reductant',
  'quartzite',
  'lime',
  'electrode',
  'air',
  'fuel',
  'bentonite',
  'water',
  'binder',
  'fesicr',
] as const;

const keysOf = (port: string): readonly string[] => PYRO_SPECIES.map((s) => `demand.${port}.${s}`);

/**
 * Diagnostic keys `demand.<port>.<species>` by PYRO_SPECIES index, built once for the known ports
 * (a constant of the unit kinds: reading ~300 diagnostics by freshly built keys was a tenth of a
 * ferrochrome stage run).
 */
const DEMAND_KEYS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  DEMAND_PORTS.map((p) => [p, keysOf(p)]),
);

function demandKeys(port: string): readonly string[] {
  return DEMAND_KEYS[port] ?? keysOf(port);
}

/** Writes an addition the unit needs at `port` as `demand.<port>.*` diagnostics [kg/h], [K]. */
export function writeDemand(
  model: ComponentModel,
  diagnostics: Record<string, number>,
  port: string,
  sp: SpeciesStream,
): void {
  const { M } = speciesMap(model);
  const keys = demandKeys(port);
  diagnostics[`demand.${port}.T_K`] = sp.T_K;
  for (let i = 0; i < PYRO_SPECIES.length; i++) {
    const v = sp.mol_per_s[i] ?? 0;
    if (v !== 0) diagnostics[keys[i] ?? ''] = v * 3600 * (M[i] ?? 0);
  }
}

/**
 * The addition a unit demanded at `port` as an engine stream (from its diagnostics).
 * @param into - Empty stream to write into (default: a new one)
 * @returns Stream [kg/h] at the demanded temperature [K]
 */
export function demandStream(
  model: ComponentModel,
  diagnostics: Readonly<Record<string, number>>,
  port: string,
  into: Stream = createStream(model),
): Stream {
  const s = into;
  const T = diagnostics[`demand.${port}.T_K`];
  if (T === undefined)
    throw new InputError(`demand.${port}`, undefined, 'a port whose unit reports its demand');
  s.T_K = T;
  const { comp } = speciesMap(model);
  const keys = demandKeys(port);
  for (let i = 0; i < PYRO_SPECIES.length; i++) {
    const v = diagnostics[keys[i] ?? ''];
    if (v !== undefined) s.flow[comp[i] ?? 0] = v;
  }
  return s;
}

/** Energy terms of a unit as diagnostics [kW] (StageRun.energy is built from them). */
export function writeEnergyTerms(
  d: Record<string, number>,
  t: { H_in_W: number; H_out_W: number; electric_W: number; heat_loss_W: number },
): void {
  d.H_in_kW = t.H_in_W / 1000;
  d.H_out_kW = t.H_out_W / 1000;
  d.electric_kW = t.electric_W / 1000;
  d.heat_in_kW = 0;
  d.heat_loss_kW = t.heat_loss_W / 1000;
}
