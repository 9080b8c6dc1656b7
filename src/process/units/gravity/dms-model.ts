import { InputError } from '../../../errors.js';
import { throughputDesign } from '../../design/throughput-design.js';
import type { UnitKind } from '../../unit.js';
import type { ComponentModel } from '../../components.js';
import { param } from '../../params.js';
import { tromp } from '../../partition.js';
import { splitByPartition, sizedTotal } from '../../separate.js';
import type { ParamDef } from '../../params.js';
import type { UnitContext, UnitOutput } from '../../unit.js';
import type { Stream } from '../../stream.js';

/** Parameters of dense-medium separators (defaults differ between drum and cyclone). */
export function dmsParams(ep: ParamDef, energy: number) {
  return {
    rho50_kg_per_m3: param(
      3100,
      'kg/m3',
      1200,
      6000,
      'cut density (medium density plus offset)',
      'assumed: ferrosilicon media run 2.9–3.4 g/cm3; chosen between serpentine (2.57) and olivine/pyroxene (3.25–3.32)',
    ),
    ep_kg_per_m3: ep,
    floats_to_sinks: param(
      0.0,
      '-',
      0,
      1,
      'fraction of every particle class misplaced to the sinks regardless of density (gangue locked in chromite-bearing lumps: the model treats minerals as liberated)',
      'calibrated in the template',
    ),
    sinks_to_floats: param(
      0.02,
      '-',
      0,
      1,
      'fraction of every particle class misplaced to the floats regardless of density',
      'assumed',
    ),
    water_to_sinks: param(
      0.1,
      '-',
      0,
      1,
      'fraction of water (inlet + rinse) leaving with the sinks (drained product moisture)',
      'assumed',
    ),
    rinse_water_t_per_t: param(
      0.5,
      't/t',
      0,
      10,
      'drain-and-rinse screen spray water per tonne of dry feed (make-up to the medium circuit)',
      'assumed',
    ),
    ferrosilicon_kg_per_t: param(
      0.5,
      'kg/t',
      0,
      10,
      'ferrosilicon medium loss per tonne of dry feed (consumable, outside the mass balance)',
      'assumed: typical FeSi losses 0.2–1 kg/t',
    ),
    specific_energy_kWh_per_t: param(
      energy,
      'kWh/t',
      0,
      20,
      'electrical energy per tonne of dry feed (separator, medium pumps, magnetic medium recovery)',
      'assumed',
    ),
  };
}
export type DmsParams = ReturnType<typeof dmsParams>;

export const DMS_REFERENCES = [
  'K. F. Tromp, "Neue Wege für die Beurteilung der Aufbereitung von Steinkohlen", Glückauf 73 (1937) 125 (partition curve, Ep).',
  "B. A. Wills, J. Finch, Wills' Mineral Processing Technology, 8th ed. (2016), ch. 11 (DMS; Ep = (ρ75 − ρ25)/2).",
  'SAIMM 2007, “The development of the Voskhod chrome project in Kazakhstan” https://www.onemine.org/documents/the-development-of-the-voskhod-chrome-project-in-kazakhstan (DMS drum for lumpy, DMS cyclone for chips).',
];

/**
 * Dense-medium separation: fraction of mineral i to sinks
 * P_i = a_fs + (1 − a_fs − a_sf) · T(ρ_i; ρ50, Ep), T the Tromp curve (size-independent),
 * a_fs floats misplaced to sinks, a_sf sinks misplaced to floats.
 */
export function solveDms(
  inlets: readonly Stream[],
  p: {
    rho50_kg_per_m3: number;
    ep_kg_per_m3: number;
    floats_to_sinks: number;
    sinks_to_floats: number;
    water_to_sinks: number;
    rinse_water_t_per_t: number;
    ferrosilicon_kg_per_t: number;
    specific_energy_kWh_per_t: number;
  },
  ctx: UnitContext,
  out: UnitOutput,
): void {
  const inlet = inlets[0];
  const sinks = out.outlets[0];
  const floats = out.outlets[1];
  if (!inlet || !sinks || !floats) return;
  const { model } = ctx;
  const part = ctx.prepared.length > 0 ? ctx.prepared : fillDmsPartition(p, model, ctx.scratch);
  const solids = sizedTotal(model, inlet);
  const rinse = p.rinse_water_t_per_t * solids;
  splitByPartition(model, inlet, part, p.water_to_sinks, rinse, sinks, floats, ctx.unitId);
  out.duties.water_added_kg_per_h = rinse;
  out.duties.power_kW = (p.specific_energy_kWh_per_t * solids) / 1000;
  out.duties.reagents_kg_per_h[0] = (p.ferrosilicon_kg_per_t * solids) / 1000;
}

/** Fills the partition matrix (fraction to the first outlet, mineral row × size class); see the unit's equations. */
export function fillDmsPartition(
  p: PartitionParams,
  model: ComponentModel,
  into: Float64Array,
): Float64Array {
  const n = model.nSize;
  const span = 1 - p.floats_to_sinks - p.sinks_to_floats;
  for (let r = 0; r < model.nMin; r++) {
    const e =
      p.floats_to_sinks +
      span * tromp(model.density_kg_per_m3[r] ?? 0, p.rho50_kg_per_m3, p.ep_kg_per_m3);
    for (let k = 0; k < n; k++) into[r * n + k] = e;
  }
  return into;
}

type PartitionParams = Parameters<typeof solveDms>[1];

/** Builds a dense-medium separator kind (drum, cyclone) with its own defaults; equations above. */
export function dmsKind(kind: string, title: string, params: DmsParams): UnitKind<DmsParams> {
  return {
    kind,
    title,
    inlets: ['feed'],
    outlets: ['sinks', 'floats'],
    params,
    reagents: ['ferrosilicon_kg_per_h'],
    stateSize: 0,
    prepare: (p, model) => fillDmsPartition(p, model, new Float64Array(model.nMin * model.nSize)),
    references: DMS_REFERENCES,
    results: {},
    design: throughputDesign(kind, { side: 'inlets', ports: ['feed'], names: ['feed'] }),
    validate(p, field) {
      if (p.floats_to_sinks + p.sinks_to_floats > 1)
        throw new InputError(
          `${field}.floats_to_sinks`,
          p.floats_to_sinks,
          `at most 1 − sinks_to_floats (${1 - p.sinks_to_floats})`,
        );
    },
    solve: solveDms,
  };
}
