import { machinesDesign } from '../../design/throughput-design.js';
import type { UnitKind } from '../../unit.js';
import type { ComponentModel } from '../../components.js';
import { param } from '../../params.js';
import { fineRecovery, tromp } from '../../partition.js';
import { splitByPartition, sizedTotal } from '../../separate.js';
import type { UnitContext, UnitOutput } from '../../unit.js';
import type { Stream } from '../../stream.js';

/** Parameters of flowing-film gravity concentrators (spirals, shaking tables). */
export function gravityParams(d: {
  rho50: number;
  ep: number;
  d50: number;
  m: number;
  light: number;
  water: number;
  wash: number;
  energy: number;
  kind: string;
}) {
  return {
    rho50_kg_per_m3: param(
      d.rho50,
      'kg/m3',
      1200,
      8000,
      'cut density of the density partition',
      `assumed: ${d.kind} cut between olivine/pyroxene and chromite`,
    ),
    ep_kg_per_m3: param(
      d.ep,
      'kg/m3',
      1,
      3000,
      'écart probable of the density partition',
      `assumed: ${d.kind} are less sharp than DMS`,
    ),
    d50_fines_um: param(
      d.d50,
      'µm',
      0.1,
      5000,
      'size at which heavy particles are recovered at 50 % (fines loss)',
      `assumed: ${d.kind} lose chromite finer than ~${d.d50} µm`,
    ),
    fines_sharpness: param(
      d.m,
      '-',
      0.1,
      20,
      'exponent m of the fines-recovery curve S(d) = 1 − exp(−ln2 (d/d50)^m)',
      'assumed',
    ),
    light_to_concentrate: param(
      d.light,
      '-',
      0,
      1,
      'fraction of every particle class entrained to the concentrate regardless of density and size',
      'calibrated in the template',
    ),
    water_to_concentrate: param(
      d.water,
      '-',
      0,
      1,
      'fraction of water (inlet + wash) to the concentrate',
      'assumed',
    ),
    wash_water_t_per_t: param(d.wash, 't/t', 0, 20, 'wash water per tonne of dry feed', 'assumed'),
    specific_energy_kWh_per_t: param(
      d.energy,
      'kWh/t',
      0,
      20,
      'electrical energy per tonne of dry feed (drives, pumping)',
      'assumed',
    ),
  };
}
export type GravityParams = ReturnType<typeof gravityParams>;

export const GRAVITY_REFERENCES = [
  "B. A. Wills, J. Finch, Wills' Mineral Processing Technology, 8th ed. (2016), ch. 10 (spirals, shaking tables; recovery falls off for fines).",
  'K. F. Tromp, Glückauf 73 (1937) 125 (density partition curve).',
  'Murthy et al. review of chromite beneficiation (spirals rougher/cleaner, tables), as summarised by Deya Machinery https://www.deyamachinery.com/tag/chromite-ore-beneficiation/ (secondary).',
];

/**
 * Spirals and shaking tables: fraction of mineral i in size class d to concentrate
 * P = a + (1 − a) · T(ρ_i; ρ50, Ep) · S(d), T the Tromp curve, S(d) = 1 − exp(−ln2 (d/d50)^m)
 * the loss of fines, a the entrainment of any particle to the concentrate.
 */
export function solveGravity(
  inlets: readonly Stream[],
  p: {
    rho50_kg_per_m3: number;
    ep_kg_per_m3: number;
    d50_fines_um: number;
    fines_sharpness: number;
    light_to_concentrate: number;
    water_to_concentrate: number;
    wash_water_t_per_t: number;
    specific_energy_kWh_per_t: number;
  },
  ctx: UnitContext,
  out: UnitOutput,
): void {
  const inlet = inlets[0];
  const conc = out.outlets[0];
  const tail = out.outlets[1];
  if (!inlet || !conc || !tail) return;
  const { model } = ctx;
  const part = ctx.prepared.length > 0 ? ctx.prepared : fillGravityPartition(p, model, ctx.scratch);
  const solids = sizedTotal(model, inlet);
  const wash = p.wash_water_t_per_t * solids;
  splitByPartition(model, inlet, part, p.water_to_concentrate, wash, conc, tail, ctx.unitId);
  out.duties.water_added_kg_per_h = wash;
  out.duties.power_kW = (p.specific_energy_kWh_per_t * solids) / 1000;
}

/** Fills the partition matrix (fraction to the first outlet, mineral row × size class); see the unit's equations. */
export function fillGravityPartition(
  p: PartitionParams,
  model: ComponentModel,
  into: Float64Array,
): Float64Array {
  const n = model.nSize;
  const a = p.light_to_concentrate;
  for (let r = 0; r < model.nMin; r++) {
    const t = tromp(model.density_kg_per_m3[r] ?? 0, p.rho50_kg_per_m3, p.ep_kg_per_m3);
    for (let k = 0; k < n; k++)
      into[r * n + k] =
        a +
        (1 - a) * t * fineRecovery(model.sieve.mid_um[k] ?? 0, p.d50_fines_um, p.fines_sharpness);
  }
  return into;
}

type PartitionParams = Parameters<typeof solveGravity>[1];

/** Builds a flowing-film concentrator kind (spiral, shaking table) with its own defaults. */
export function gravityKind(
  kind: string,
  title: string,
  params: GravityParams,
  machines: { name: string; description: string },
): UnitKind<GravityParams> {
  return {
    kind,
    title,
    inlets: ['feed'],
    outlets: ['concentrate', 'tailings'],
    params,
    reagents: [],
    stateSize: 0,
    prepare: (p, model) =>
      fillGravityPartition(p, model, new Float64Array(model.nMin * model.nSize)),
    references: GRAVITY_REFERENCES,
    results: {},
    design: machinesDesign(kind, { side: 'inlets', ports: ['feed'], names: ['feed'] }, machines),
    solve: solveGravity,
  };
}
