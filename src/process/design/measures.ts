/**
 * Measures of solved streams that design steps size equipment with: dry solids, gas volume at
 * normal conditions, slurry volume, water. SI or the unit in the name; no state.
 */
import { InputError } from '../../errors.js';
import type { ComponentModel } from '../components.js';
import { solids_kg_per_h, type Stream } from '../stream.js';

/** Molar volume of an ideal gas at 273.15 K and 101.325 kPa [Nm³/mol] (CODATA 2018: 22.413 969 54 L/mol). */
export const NM3_PER_MOL = 0.02241396954;

/** Dry solids of streams [t/h]. */
export function solids_t_per_h(model: ComponentModel, streams: readonly Stream[]): number {
  let kg = 0;
  for (const s of streams) kg += solids_kg_per_h(model, s);
  return kg / 1000;
}

/** Gas-phase species of a stream as volume at normal conditions [Nm³/h]. */
export function gas_Nm3_per_h(model: ComponentModel, s: Stream): number {
  let mol = 0;
  const M = model.gasMolarMass_g_per_mol;
  for (let c = 0; c < model.nComp; c++) {
    const kg = s.flow[c] ?? 0;
    const m = M[c] ?? 0;
    if (kg !== 0 && m !== 0) mol += (kg * 1000) / m;
  }
  return mol * NM3_PER_MOL;
}

/** Liquid water of a stream [t/h]. */
export function water_t_per_h(model: ComponentModel, s: Stream): number {
  return (s.flow[model.water] ?? 0) / 1000;
}

/**
 * Slurry volume of a stream [m³/h]: liquid water at 1000 kg/m³ plus the solids at the given
 * density [kg/m³] (minerals carry their own densities; species solids take `solidDensity`).
 */
export function slurry_m3_per_h(
  model: ComponentModel,
  s: Stream,
  solidDensity_kg_per_m3: number,
): number {
  let v = (s.flow[model.water] ?? 0) / 1000;
  for (let c = 0; c < model.nComp; c++) {
    if (model.isSolid[c] !== 1) continue;
    const row = model.mineralRow[c] ?? -1;
    const rho =
      row >= 0 ? (model.density_kg_per_m3[row] ?? solidDensity_kg_per_m3) : solidDensity_kg_per_m3;
    v += (s.flow[c] ?? 0) / rho;
  }
  return v;
}

/** The stream at port `port` of a kind's port list (ports by role, never by position). */
export function port(ports: readonly string[], streams: readonly Stream[], name: string): Stream {
  const i = ports.indexOf(name);
  const s = streams[i];
  if (i < 0 || !s) throw new InputError('port', name, `one of the ports ${ports.join(', ')}`);
  return s;
}
