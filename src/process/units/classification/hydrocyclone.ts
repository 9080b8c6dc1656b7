import type { ComponentModel } from '../../components.js';
import type { ParamValues } from '../../params.js';
import { param } from '../../params.js';
import { stokesCut_um, whiten, withBypass } from '../../partition.js';
import { splitByPartition, sizedTotal } from '../../separate.js';
import { designBasis } from '../../design/basis.js';
import { port, slurry_m3_per_h } from '../../design/measures.js';
import type { UnitKind } from '../../unit.js';

const params = {
  d50c_um: param(
    150,
    'µm',
    1,
    5000,
    'corrected cut size for particles of the reference density',
    'assumed: chosen for a spiral-feed overflow (P80 ≈ 0.2 mm); not in stored sources',
  ),
  reference_density_kg_per_m3: param(
    2650,
    'kg/m3',
    1100,
    10000,
    'solid density at which d50c is quoted; other minerals are scaled by Stokes: d50c,i = d50c √((ρref − 1000)/(ρi − 1000))',
    'convention: quartz density',
  ),
  sharpness_alpha: param(
    3,
    '-',
    0.5,
    20,
    "sharpness α of Whiten's corrected efficiency curve",
    'assumed: hydrocyclones α ≈ 2–4 (Napier-Munn et al. 1996, ch. 10)',
  ),
  bypass_fraction: param(
    0.25,
    '-',
    0,
    1,
    'fraction Rf of every size class short-circuiting to the underflow',
    'assumed: Rf commonly close to the water split to underflow',
  ),
  water_to_underflow: param(
    0.3,
    '-',
    0,
    1,
    'fraction of the feed water reporting to the underflow',
    'assumed: 0.2–0.4 for closed-circuit cyclones',
  ),
  specific_energy_kWh_per_t: param(
    0.5,
    'kWh/t',
    0,
    10,
    'cyclone-feed pumping energy per tonne of dry solids feed',
    'assumed',
  ),
};

/**
 * Hydrocyclone, efficiency-curve model: fraction of mineral i, size d to underflow
 * E_a = Rf + (1 − Rf) E_W(d / d50c,i), E_W Whiten's curve, d50c,i Stokes-scaled with the
 * mineral density (Plitt's density term), water split fixed. Power = e × dry t/h.
 */
export const hydrocyclone: UnitKind<typeof params> = {
  kind: 'hydrocyclone',
  title: 'Hydrocyclone (Whiten efficiency curve with bypass, density-corrected cut size)',
  inlets: ['feed'],
  outlets: ['underflow', 'overflow'],
  results: {},
  design: {
    basis: designBasis('hydrocyclone'),
    results: { feed_m3_per_h: { unit: 'm3/h', description: 'slurry fed to the cyclone cluster' } },
    size: (u) => ({
      feed_m3_per_h: slurry_m3_per_h(
        u.model,
        port(['feed'], u.inlets, 'feed'),
        u.basis.solids_density_kg_per_m3 ?? NaN,
      ),
    }),
  },
  params,
  reagents: [],
  stateSize: 0,
  prepare: (p, model) => fillCyclonePartition(p, model, new Float64Array(model.nMin * model.nSize)),
  references: [
    'W. J. Whiten, in A. J. Lynch, Mineral Crushing and Grinding Circuits, Elsevier (1977) (efficiency curve with bypass).',
    'L. R. Plitt, CIM Bulletin 69 (1976) 114 (cut size ∝ (ρs − ρl)^−0.5).',
    'T. J. Napier-Munn et al., Mineral Comminution Circuits, JKMRC (1996), ch. 10.',
  ],
  solve(inlets, p, ctx, out) {
    const inlet = inlets[0];
    const uf = out.outlets[0];
    const of = out.outlets[1];
    if (!inlet || !uf || !of) return;
    const { model } = ctx;
    const part =
      ctx.prepared.length > 0 ? ctx.prepared : fillCyclonePartition(p, model, ctx.scratch);
    splitByPartition(model, inlet, part, p.water_to_underflow, 0, uf, of, ctx.unitId);
    out.duties.power_kW = (p.specific_energy_kWh_per_t * sizedTotal(model, inlet)) / 1000;
  },
};

/** Fills the partition matrix (fraction to the first outlet, mineral row × size class); see the unit's equations. */
export function fillCyclonePartition(
  p: PartitionParams,
  model: ComponentModel,
  into: Float64Array,
): Float64Array {
  const n = model.nSize;
  for (let r = 0; r < model.nMin; r++) {
    const d50 = stokesCut_um(
      p.d50c_um,
      p.reference_density_kg_per_m3,
      model.density_kg_per_m3[r] ?? 0,
    );
    for (let k = 0; k < n; k++)
      into[r * n + k] = withBypass(
        whiten(model.sieve.mid_um[k] ?? 0, d50, p.sharpness_alpha),
        p.bypass_fraction,
      );
  }

  return into;
}

type PartitionParams = ParamValues<typeof params>;
