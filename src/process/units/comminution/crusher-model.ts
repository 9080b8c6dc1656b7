import { InputError } from '../../../errors.js';
import { poweredDesign } from '../../design/throughput-design.js';
import type { UnitKind } from '../../unit.js';
import { workIndexMetric_kWh_per_t, bondEnergy_kWh_per_t } from '../../bond.js';
import { passingSizeAll_um } from '../../assays.js';
import { param } from '../../params.js';
import { rejectOtherSpecies, sizedTotal } from '../../separate.js';
import type { UnitContext, UnitOutput } from '../../unit.js';
import type { Stream } from '../../stream.js';

/** Parameters shared by the jaw and cone crusher kinds (defaults differ by kind). */
export function crusherParams(css_mm: number, k1: number, k2: number, cssSource: string) {
  return {
    css_mm: param(css_mm, 'mm', 1, 500, 'closed-side setting', cssSource),
    k1_ratio: param(
      k1,
      '-',
      0.1,
      5,
      'Whiten K1/CSS: particles smaller than K1 pass unbroken',
      'assumed: typical Whiten-model values, Napier-Munn et al. (1996) ch. 6',
    ),
    k2_ratio: param(
      k2,
      '-',
      0.2,
      10,
      'Whiten K2/CSS: particles larger than K2 are all broken (must exceed k1_ratio)',
      'assumed: typical Whiten-model values, Napier-Munn et al. (1996) ch. 6',
    ),
    k3: param(
      2.3,
      '-',
      0.5,
      10,
      'Whiten classification-function exponent',
      'Whiten (1972): 2.3, Napier-Munn et al. (1996) ch. 6',
      'assumed',
    ),
    bond_wi_kWh_per_short_t: param(
      9.6,
      'kWh/short t',
      1,
      50,
      "Bond work index on Bond's SHORT-ton basis (converted ×1.1023 to kWh/t)",
      'F. C. Bond, “Crushing and grinding calculations”, Allis-Chalmers 1961 (chrome ore 9.60 kWh/short t; validation/comminution/bond_law_cases.json); no published crushing work index for chromite was found, the ball-mill index is used',
      'assumed',
    ),
  };
}
export type CrusherParams = ReturnType<typeof crusherParams>;

export const CRUSHER_REFERENCES = [
  'W. J. Whiten, "The simulation of crushing plants with models developed using multiple spline regression", J. S. Afr. Inst. Min. Metall. 72 (1972) 257–264 (classification function, product P = (I − C)(I − BC)⁻¹F).',
  'S. R. Broadbent, T. G. Callcott, J. Inst. Fuel 29 (1956) 524 (breakage function).',
  'F. C. Bond, Brit. Chem. Eng. 6 (1961) 378 (power from F80/P80).',
  'T. J. Napier-Munn, S. Morrell, R. D. Morrison, T. Kojovic, Mineral Comminution Circuits, JKMRC (1996), ch. 6.',
];

/**
 * Whiten crusher model. Classification C(d) = 0 for d ≤ K1, 1 for d ≥ K2,
 * 1 − ((K2 − d)/(K2 − K1))^K3 between; broken mass is redistributed to finer classes with the
 * Broadbent–Callcott function and may break again (top-down sweep, equivalent to Whiten's
 * P = (I − C)(I − BC)⁻¹F for a lower-triangular B). Power = Bond energy × dry solids t/h.
 */
export function solveCrusher(
  inlets: readonly Stream[],
  p: {
    css_mm: number;
    k1_ratio: number;
    k2_ratio: number;
    k3: number;
    bond_wi_kWh_per_short_t: number;
  },
  ctx: UnitContext,
  out: UnitOutput,
): void {
  const inlet = inlets[0];
  const o = out.outlets[0];
  if (!inlet || !o) return;
  const { model, scratch } = ctx;
  rejectOtherSpecies(model, inlet, ctx.unitId);
  const n = model.nSize;
  const k1 = p.k1_ratio * p.css_mm * 1000;
  const k2 = p.k2_ratio * p.css_mm * 1000;
  const b = model.breakage;
  o.sized.set(inlet.sized);
  o.flow.set(inlet.flow);
  o.T_K = inlet.T_K;
  o.P_Pa = inlet.P_Pa;
  for (let r = 0; r < model.nMin; r++) {
    const base = r * n;
    for (let i = 0; i < n - 1; i++) {
      const d = model.sieve.mid_um[i] ?? 0;
      const c = d <= k1 ? 0 : d >= k2 ? 1 : 1 - Math.pow((k2 - d) / (k2 - k1), p.k3);
      if (c === 0) continue;
      const m = o.sized[base + i] ?? 0;
      const broken = c * m;
      o.sized[base + i] = m - broken;
      for (let j = i + 1; j < n; j++)
        o.sized[base + j] = (o.sized[base + j] ?? 0) + broken * (b[j * n + i] ?? 0);
    }
  }
  const f80 = passingSizeAll_um(model, inlet.sized, 0.8, scratch);
  const p80 = passingSizeAll_um(model, o.sized, 0.8, scratch);
  const q_t_per_h = sizedTotal(model, inlet) / 1000;
  const w = bondEnergy_kWh_per_t(workIndexMetric_kWh_per_t(p.bond_wi_kWh_per_short_t), f80, p80);
  out.duties.power_kW = w * q_t_per_h;
  out.diagnostics.f80_um = f80;
  out.diagnostics.p80_um = p80;
  out.diagnostics.specific_energy_kWh_per_t = w;
}

/** Builds a crusher kind (jaw, cone) with its own defaults; equations above. */
export function crusherKind(
  kind: string,
  title: string,
  params: CrusherParams,
): UnitKind<CrusherParams> {
  return {
    kind,
    title,
    inlets: ['feed'],
    outlets: ['product'],
    params,
    reagents: [],
    stateSize: 0,
    references: CRUSHER_REFERENCES,
    results: {
      f80_um: { unit: 'µm', description: '80 % passing size of the feed' },
      p80_um: { unit: 'µm', description: '80 % passing size of the product' },
      specific_energy_kWh_per_t: { unit: 'kWh/t', description: 'Bond energy per t of dry feed' },
    },
    design: poweredDesign(kind, { side: 'inlets', ports: ['feed'], names: ['feed'] }),
    validate(p, field) {
      if (p.k2_ratio <= p.k1_ratio)
        throw new InputError(
          `${field}.k2_ratio`,
          p.k2_ratio,
          `a value above k1_ratio (${p.k1_ratio})`,
        );
    },
    solve: solveCrusher,
  };
}
