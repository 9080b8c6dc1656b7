import type { ComponentModel } from '../../components.js';
import type { ParamValues } from '../../params.js';
import { param } from '../../params.js';
import { whiten, withBypass } from '../../partition.js';
import { splitByPartition, sizedTotal } from '../../separate.js';
import { areaDesign } from '../../design/throughput-design.js';
import type { UnitKind } from '../../unit.js';

const params = {
  aperture_mm: param(10, 'mm', 0.01, 500, 'screen aperture', 'flowsheet choice'),
  d50_to_aperture: param(
    0.9,
    '-',
    0.3,
    1.2,
    'cut size as a fraction of the aperture (d50 = ratio × aperture)',
    'assumed: cut sizes of industrial screens are typically 0.8–0.95 of the aperture (Napier-Munn et al. 1996, ch. 9)',
  ),
  sharpness_alpha: param(
    6,
    '-',
    0.5,
    50,
    "sharpness α of Whiten's efficiency curve",
    'assumed: sharp screening α ≈ 4–10',
  ),
  fines_to_oversize: param(
    0.03,
    '-',
    0,
    1,
    'fraction of every size class carried to the oversize regardless of size (adhering fines, near-size misplacement)',
    'assumed',
  ),
  water_to_oversize: param(
    0.1,
    '-',
    0,
    1,
    'fraction of the water (inlet + spray) reporting to the oversize',
    'assumed',
  ),
  spray_water_t_per_t: param(
    0,
    't/t',
    0,
    10,
    'spray water per tonne of dry solids feed',
    'assumed: 0 (dry screening) unless set',
  ),
  specific_energy_kWh_per_t: param(
    0.3,
    'kWh/t',
    0,
    10,
    'electrical energy per tonne of dry solids',
    'assumed: vibrating-screen drives ≈ 0.2–0.5 kWh/t',
  ),
};

/**
 * Vibrating screen: fraction of size class d to oversize
 * E_o(d) = a + (1 − a) · E_W(d / d50), d50 = ratio × aperture, E_W Whiten's curve (E_W(d50) = ½).
 * Water: fixed split after spray addition. Power = e × dry t/h.
 */
export const vibratingScreen: UnitKind<typeof params> = {
  kind: 'vibrating-screen',
  title: 'Vibrating screen (efficiency curve)',
  inlets: ['feed'],
  outlets: ['oversize', 'undersize'],
  results: { d50_um: { unit: 'µm', description: 'cut size of the screen' } },
  design: areaDesign('vibrating-screen', { side: 'inlets', ports: ['feed'], names: ['feed'] }),
  params,
  reagents: [],
  stateSize: 0,
  prepare: (p, model) => fillScreenPartition(p, model, new Float64Array(model.nMin * model.nSize)),
  references: [
    'W. J. Whiten efficiency curve as applied to screens: T. J. Napier-Munn et al., Mineral Comminution Circuits, JKMRC (1996), ch. 9.',
    "B. A. Wills, J. Finch, Wills' Mineral Processing Technology, 8th ed. (2016), ch. 8 (partition curves, screen efficiency).",
  ],
  solve(inlets, p, ctx, out) {
    const inlet = inlets[0];
    const over = out.outlets[0];
    const under = out.outlets[1];
    if (!inlet || !over || !under) return;
    const { model } = ctx;
    const part =
      ctx.prepared.length > 0 ? ctx.prepared : fillScreenPartition(p, model, ctx.scratch);
    const solids = sizedTotal(model, inlet);
    const spray = p.spray_water_t_per_t * solids;
    splitByPartition(model, inlet, part, p.water_to_oversize, spray, over, under, ctx.unitId);
    out.duties.water_added_kg_per_h = spray;
    out.duties.power_kW = (p.specific_energy_kWh_per_t * solids) / 1000;
    out.diagnostics.d50_um = p.d50_to_aperture * p.aperture_mm * 1000;
  },
};

/** Fills the partition matrix (fraction to the first outlet, mineral row × size class); see the unit's equations. */
export function fillScreenPartition(
  p: PartitionParams,
  model: ComponentModel,
  into: Float64Array,
): Float64Array {
  const n = model.nSize;
  const d50 = p.d50_to_aperture * p.aperture_mm * 1000;
  for (let k = 0; k < n; k++) {
    const e = withBypass(
      whiten(model.sieve.mid_um[k] ?? 0, d50, p.sharpness_alpha),
      p.fines_to_oversize,
    );
    for (let r = 0; r < model.nMin; r++) into[r * n + k] = e;
  }
  return into;
}

type PartitionParams = ParamValues<typeof params>;
