/**
 * Bridge between the flowsheet engine's streams (component mass flows [kg/h], src/process/stream.ts)
 * and the ferrochrome unit models' species streams (molar flows [mol/s] over PYRO_SPECIES,
 * src/process/pyro/species.ts). The conversion uses the component model's own molar masses
 * (src/chem/formula-elements.ts), so moles round-trip to round-off and the engine's element
 * balances close exactly when the unit models conserve moles of elements.
 *
 * Make-up of additions: a ferrochrome unit computes its own additions (binder, water, reductant,
 * quartzite, fuel, air…) from its main inlet with the unit model's inner solves, writes them into
 * `UnitOutput.demands` (one stream per port, declared in `UnitKind.demandPorts`), and computes
 * its outlets from the main inlet alone. The stage runner then feeds each addition port exactly what
 * was demanded (src/process/pyro/run-fecr.ts); the engine's unit closure shows any mismatch.
 */
import { molarMass_g_per_mol } from '../../../chem/formula-elements.js';
import { InputError } from '../../../errors.js';
import type { ComponentModel, ComponentSpec } from '../../components.js';
import { PYRO_SPECIES, type SpeciesStream } from '../../pyro/species.js';
import { copyStream, createStream, type Stream } from '../../stream.js';
import type { UnitOutput } from '../../unit.js';

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
 * @param into - Receives the molar flows (the caller's work, PYRO_SPECIES long; default a new
 *   array)
 * @returns Molar flows [mol/s] at the stream's temperature [K]
 */
export function toSpecies(
  model: ComponentModel,
  s: Stream,
  id: string,
  into?: Float64Array,
): SpeciesStream {
  const { comp, M } = speciesMap(model);
  const mol = into ?? new Float64Array(PYRO_SPECIES.length);
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

/** Writes the addition a unit needs at `port` into `out.demands` [kg/h] at its temperature [K]. */
export function writeDemand(
  model: ComponentModel,
  out: UnitOutput,
  port: string,
  sp: SpeciesStream,
): void {
  // the port's stream of the solution (a port not declared gets a new one)
  const s = out.demands.get(port) ?? out.demandStreams.get(port) ?? createStream(model);
  out.demands.set(port, s);
  writeSpecies(model, sp, s);
}

/**
 * The addition a unit demanded at `port` as an engine stream (a copy) [kg/h].
 * @param into - Stream to write into (default: a new one)
 * @throws InputError naming the unit and port when the unit wrote no demand there
 */
export function demandStream(
  model: ComponentModel,
  out: UnitOutput,
  unitId: string,
  port: string,
  into: Stream = createStream(model),
): Stream {
  const d = out.demands.get(port);
  if (!d)
    throw new InputError(
      `units.${unitId}.demands.${port}`,
      undefined,
      'a port whose unit writes its demand (UnitKind.demandPorts)',
    );
  const s = into;
  copyStream(s, d);
  return s;
}

/** Energy terms of a unit in the solver's typed slot (StageRun.energy is built from them). */
export function writeEnergyTerms(
  out: UnitOutput,
  t: { H_in_W: number; H_out_W: number; electric_W: number; heat_loss_W: number },
): void {
  out.energy = {
    H_in_kW: t.H_in_W / 1000,
    H_out_kW: t.H_out_W / 1000,
    electric_kW: t.electric_W / 1000,
    heat_in_kW: 0,
    heat_loss_kW: t.heat_loss_W / 1000,
  };
}
