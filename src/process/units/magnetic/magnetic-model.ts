import { throughputDesign } from '../../design/throughput-design.js';
import type { UnitKind } from '../../unit.js';
import type { ComponentModel } from '../../components.js';
import { param } from '../../params.js';
import { fineRecovery } from '../../partition.js';
import { splitByPartition, sizedTotal } from '../../separate.js';
import type { UnitContext, UnitOutput } from '../../unit.js';
import type { Stream } from '../../stream.js';

/** Parameters of magnetic separators: recovery to magnetics per susceptibility class. */
export function magneticParams(d: {
  ferro: number;
  para: number;
  weak: number;
  dia: number;
  energy: number;
  src: string;
}) {
  return {
    recovery_ferromagnetic: param(
      d.ferro,
      '-',
      0,
      1,
      'fraction of ferromagnetic minerals (magnetite) to magnetics',
      d.src,
    ),
    recovery_paramagnetic: param(
      d.para,
      '-',
      0,
      1,
      'fraction of paramagnetic minerals (chromite, olivine, pyroxene) to magnetics',
      d.src,
    ),
    recovery_weakly_paramagnetic: param(
      d.weak,
      '-',
      0,
      1,
      'fraction of weakly paramagnetic minerals (serpentine, chlorite) to magnetics',
      d.src,
    ),
    recovery_diamagnetic: param(
      d.dia,
      '-',
      0,
      1,
      'fraction of diamagnetic minerals (carbonate) to magnetics',
      d.src,
    ),
    d50_fines_um: param(
      10,
      'µm',
      0.1,
      1000,
      'below this size magnetic capture falls to 50 % (fines follow the non-magnetics)',
      'assumed',
    ),
    water_to_magnetics: param(0.3, '-', 0, 1, 'fraction of water to the magnetics', 'assumed'),
    specific_energy_kWh_per_t: param(
      d.energy,
      'kWh/t',
      0,
      20,
      'electrical energy per tonne of dry feed',
      'assumed',
    ),
  };
}
export type MagneticParams = ReturnType<typeof magneticParams>;

export const MAGNETIC_REFERENCES = [
  "B. A. Wills, J. Finch, Wills' Mineral Processing Technology, 8th ed. (2016), ch. 13 (LIMS for ferromagnetics, WHIMS for paramagnetics).",
  'Tripathy et al., Minerals 9(11):667 (WHIMS to improve Cr/Fe of ferruginous chromite concentrates) https://doi.org/10.3390/min9110667',
];

/**
 * Magnetic separation by susceptibility class: fraction of mineral i, size d to magnetics
 * P = R_class(i) · S(d), S(d) = 1 − exp(−ln2 (d/d50)^2) (poor capture of ultrafines).
 */
export function solveMagnetic(
  inlets: readonly Stream[],
  p: {
    recovery_ferromagnetic: number;
    recovery_paramagnetic: number;
    recovery_weakly_paramagnetic: number;
    recovery_diamagnetic: number;
    d50_fines_um: number;
    water_to_magnetics: number;
    specific_energy_kWh_per_t: number;
  },
  ctx: UnitContext,
  out: UnitOutput,
): void {
  const inlet = inlets[0];
  const mags = out.outlets[0];
  const non = out.outlets[1];
  if (!inlet || !mags || !non) return;
  const { model } = ctx;
  const part =
    ctx.prepared.length > 0 ? ctx.prepared : fillMagneticPartition(p, model, ctx.scratch);
  splitByPartition(model, inlet, part, p.water_to_magnetics, 0, mags, non, ctx.unitId);
  out.duties.power_kW = (p.specific_energy_kWh_per_t * sizedTotal(model, inlet)) / 1000;
}

/** Fills the partition matrix (fraction to the first outlet, mineral row × size class); see the unit's equations. */
export function fillMagneticPartition(
  p: PartitionParams,
  model: ComponentModel,
  into: Float64Array,
): Float64Array {
  const n = model.nSize;
  const byClass = [
    p.recovery_ferromagnetic,
    p.recovery_paramagnetic,
    p.recovery_weakly_paramagnetic,
    p.recovery_diamagnetic,
  ];
  for (let r = 0; r < model.nMin; r++) {
    const rc = byClass[model.magneticClass[r] ?? 3] ?? 0;
    for (let k = 0; k < n; k++)
      into[r * n + k] = rc * fineRecovery(model.sieve.mid_um[k] ?? 0, p.d50_fines_um, 2);
  }

  return into;
}

type PartitionParams = Parameters<typeof solveMagnetic>[1];

/** Builds a magnetic-separator kind (LIMS, WHIMS) with its own defaults. */
export function magneticKind(
  kind: string,
  title: string,
  params: MagneticParams,
): UnitKind<MagneticParams> {
  return {
    kind,
    title,
    inlets: ['feed'],
    outlets: ['magnetics', 'non-magnetics'],
    params,
    reagents: [],
    stateSize: 0,
    prepare: (p, model) =>
      fillMagneticPartition(p, model, new Float64Array(model.nMin * model.nSize)),
    references: MAGNETIC_REFERENCES,
    results: {},
    design: throughputDesign(kind, { side: 'inlets', ports: ['feed'], names: ['feed'] }),
    solve: solveMagnetic,
  };
}
