/**
 * Strict readers of what a solved unit reports: a declared result (`UnitKind.results`), its
 * energy terms and its demands. A result that is not declared, not written or not finite is an
 * error naming the unit and the result — never a silent zero.
 */
import { InputError } from '../../errors.js';
import type { CompiledFlowsheet } from '../flowsheet/compile.js';
import type { FlowsheetSolution } from '../flowsheet/solve.js';
import type { EnergyTerms, UnitOutput } from '../unit.js';

/** Index of the unit `unitId` of a compiled flowsheet. */
export function unitIndex(fs: CompiledFlowsheet, unitId: string): number {
  const i = fs.unitIndex.get(unitId);
  if (i === undefined)
    throw new InputError(
      'unit',
      unitId,
      `a unit of flowsheet ${fs.id} (${[...fs.unitIndex.keys()].join(', ')})`,
    );
  return i;
}

function outputOf(sol: FlowsheetSolution, i: number, unitId: string): UnitOutput {
  const out = sol.outputs[i];
  if (!out) throw new InputError(`units.${unitId}`, undefined, 'a solved unit');
  return out;
}

/**
 * Declared result `name` of unit `i` in a solution, in the unit its kind declares.
 * @throws InputError when the kind does not declare it, or the solve did not write a finite value
 */
export function unitResult(
  fs: CompiledFlowsheet,
  sol: FlowsheetSolution,
  i: number,
  name: string,
): number {
  const u = fs.units[i];
  if (!u) throw new InputError('unit', i, `a unit index of flowsheet ${fs.id}`);
  if (!(name in u.kind.results))
    throw new InputError(
      `units.${u.id}.results.${name}`,
      name,
      `a result declared by unit kind ${u.kind.kind} (${Object.keys(u.kind.results).join(', ') || 'none'})`,
    );
  const v = outputOf(sol, i, u.id).diagnostics[name];
  if (v === undefined || !Number.isFinite(v))
    throw new InputError(`units.${u.id}.results.${name}`, v, 'a finite value written by the solve');
  return v;
}

/**
 * Energy terms of unit `i` [kW].
 * @throws InputError when the kind reports none or the solve wrote none
 */
export function unitEnergy(fs: CompiledFlowsheet, sol: FlowsheetSolution, i: number): EnergyTerms {
  const u = fs.units[i];
  if (!u) throw new InputError('unit', i, `a unit index of flowsheet ${fs.id}`);
  if (u.kind.energy !== true)
    throw new InputError(
      `units.${u.id}.energy`,
      u.kind.kind,
      'a unit kind that reports an energy balance',
    );
  const e = outputOf(sol, i, u.id).energy;
  if (!e) throw new InputError(`units.${u.id}.energy`, null, 'energy terms written by the solve');
  for (const k of ENERGY_TERMS)
    if (!Number.isFinite(e[k]))
      throw new InputError(
        `units.${u.id}.energy.${k}`,
        e[k],
        'a finite energy term (species inside the thermo database ranges)',
      );
  return e;
}

/** The energy terms a unit reports, checked by name (no entries array per read). */
const ENERGY_TERMS: readonly (keyof EnergyTerms)[] = [
  'H_in_kW',
  'H_out_kW',
  'electric_kW',
  'heat_in_kW',
  'heat_loss_kW',
];
