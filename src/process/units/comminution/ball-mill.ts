import { ConvergenceError } from '../../../errors.js';
import { passingSize_um } from '../../sieve.js';
import {
  bondEnergy_kWh_per_t,
  operatingWorkIndex_kWh_per_t,
  workIndexMetric_kWh_per_t,
} from '../../bond.js';
import type { ComponentModel } from '../../components.js';
import { param } from '../../params.js';
import { rejectOtherSpecies, sizedTotal } from '../../separate.js';
import { poweredDesign } from '../../design/throughput-design.js';
import type { UnitKind } from '../../unit.js';

const params = {
  product_p80_um: param(
    300,
    'µm',
    0,
    100_000,
    'target product P80; the breakage rate κ is solved to reach it. 0 = use s_tau_at_1mm as given',
    'assumed: ~0.3 mm mill discharge in closed circuit for gravity (spiral) feed; not in stored sources',
  ),
  s_tau_at_1mm: param(
    1,
    '-',
    0,
    1000,
    'dimensionless breakage rate S·τ of 1 mm particles (used only when product_p80_um = 0)',
    'assumed',
  ),
  selection_exponent: param(
    1,
    '-',
    0.1,
    3,
    'exponent α of the selection function S_i·τ = κ (d_i / 1 mm)^α',
    'assumed: Austin, Klimpel & Luckie (1984) give α ≈ 0.5–1.5',
  ),
  bond_wi_kWh_per_short_t: param(
    9.6,
    'kWh/short t',
    1,
    50,
    "Bond ball-mill work index on Bond's SHORT-ton basis; converted ×1.1023 to kWh per metric t (10.58)",
    'F. C. Bond, “Crushing and grinding calculations”, Allis-Chalmers, rev. 2 Jan 1961: chrome ore 9.60 kWh/short t = 10.6 kWh/t (table not seen here; also in validation/comminution/bond_law_cases.json)',
    'assumed',
  ),
  discharge_solids_wt_pct: param(
    70,
    'wt%',
    10,
    90,
    'mill discharge pulp density; water is added to reach it',
    'assumed: usual ball-mill discharge 65–75 % solids',
  ),
};

/**
 * Perfectly mixed ball mill (population balance): P_i = (F_i + Σ_{j<i} b_ij s_j P_j)/(1 + s_i),
 * s_i = κ (d_i/1 mm)^α (pan: 0), the same operator for every mineral. κ is found so the product
 * P80 equals the target (Illinois regula falsi on ln κ, warm-started from the previous κ held in
 * the unit state). Power from Bond's law, W = 10 Wi (1/√P80 − 1/√F80), with Wi converted
 * from kWh/short t to kWh/t explicitly; P = W × dry t/h. The operating work index equals Wi by
 * construction and is reported as a check. Water is added to reach the discharge % solids.
 */
export const ballMill: UnitKind<typeof params> = {
  kind: 'ball-mill',
  title: 'Ball mill (population balance, Bond power)',
  inlets: ['feed'],
  outlets: ['product'],
  results: {
    f80_um: { unit: 'µm', description: '80 % passing size of the feed' },
    p80_um: { unit: 'µm', description: '80 % passing size of the product' },
    kappa: { unit: '1', description: 'breakage-rate scale factor solved for the P80 target' },
    kappa_iterations: { unit: '1', description: 'iterations of the P80 solve' },
    specific_energy_kWh_per_t: { unit: 'kWh/t', description: 'Bond energy per t of dry feed' },
    bond_wi_kWh_per_t_metric: {
      unit: 'kWh/t',
      description: 'Bond ball-mill work index, metric tonnes',
    },
    operating_wi_kWh_per_t: { unit: 'kWh/t', description: 'operating work index' },
  },
  design: poweredDesign('ball-mill', { side: 'inlets', ports: ['feed'], names: ['feed'] }),
  params,
  reagents: ['grinding_media_kg_per_h'],
  stateSize: 1,
  prepare: (p, model) => selectionShape(model, p.selection_exponent),
  references: [
    'L. G. Austin, R. R. Klimpel, P. T. Luckie, Process Engineering of Size Reduction: Ball Milling, SME (1984) (perfect-mixing population balance, selection function).',
    'W. J. Whiten, "A matrix theory of comminution machines", Chem. Eng. Sci. 29 (1974) 589.',
    'F. C. Bond, Brit. Chem. Eng. 6 (1961) 378; C. A. Rowland, SME-AIME 1976 (short-ton basis; ×1.1023 for metric).',
  ],
  solve(inlets, p, ctx, out) {
    const inlet = inlets[0];
    const o = out.outlets[0];
    if (!inlet || !o) return;
    const { model, scratch, state } = ctx;
    rejectOtherSpecies(model, inlet, ctx.unitId);
    const n = model.nSize;
    const agg = scratch.subarray(0, n);
    const prod = scratch.subarray(n, 2 * n);
    const sel = scratch.subarray(2 * n, 3 * n);
    const work = scratch.subarray(3 * n, 4 * n);
    agg.fill(0);
    for (let r = 0; r < model.nMin; r++)
      for (let k = 0; k < n; k++) agg[k] = (agg[k] ?? 0) + (inlet.sized[r * n + k] ?? 0);
    const f80 = passingSize_um(model.sieve, agg, 0.8);
    const solids = sizedTotal(model, inlet);
    let kappa = p.s_tau_at_1mm;
    let its = 0;
    if (p.product_p80_um > 0) {
      if (!(solids > 0) || f80 <= p.product_p80_um) kappa = 0;
      else {
        const r = solveKappa(
          model,
          agg,
          prod,
          sel,
          work,
          p.product_p80_um,
          p.selection_exponent,
          (state[0] ?? 0) > 0 ? (state[0] ?? 1) : 1,
          ctx.unitId,
          ctx.prepared,
        );
        kappa = r.kappa;
        its = r.iterations;
      }
      state[0] = kappa > 0 ? kappa : (state[0] ?? 0);
    }
    selection(model, kappa, p.selection_exponent, sel, ctx.prepared);
    for (let r = 0; r < model.nMin; r++) {
      millOperator(
        model,
        inlet.sized.subarray(r * n, (r + 1) * n),
        o.sized.subarray(r * n, (r + 1) * n),
        sel,
        work,
      );
    }
    o.flow.set(inlet.flow);
    o.T_K = inlet.T_K;
    o.P_Pa = inlet.P_Pa;
    const w = model.water;
    const need =
      solids > 0 ? (solids * (100 - p.discharge_solids_wt_pct)) / p.discharge_solids_wt_pct : 0;
    const added = Math.max(0, need - (inlet.flow[w] ?? 0));
    o.flow[w] = (inlet.flow[w] ?? 0) + added;
    for (let k = 0; k < n; k++) agg[k] = 0;
    for (let r = 0; r < model.nMin; r++)
      for (let k = 0; k < n; k++) agg[k] = (agg[k] ?? 0) + (o.sized[r * n + k] ?? 0);
    const p80 = passingSize_um(model.sieve, agg, 0.8);
    const wiMetric = workIndexMetric_kWh_per_t(p.bond_wi_kWh_per_short_t);
    const e = bondEnergy_kWh_per_t(wiMetric, f80, p80);
    out.duties.power_kW = e * (solids / 1000);
    out.duties.water_added_kg_per_h = added;
    out.duties.reagents_kg_per_h[0] = 0;
    const d = out.diagnostics;
    d.f80_um = f80;
    d.p80_um = p80;
    d.kappa = kappa;
    d.kappa_iterations = its;
    d.specific_energy_kWh_per_t = e;
    d.bond_wi_kWh_per_t_metric = wiMetric;
    d.operating_wi_kWh_per_t = e > 0 ? operatingWorkIndex_kWh_per_t(e, f80, p80) : 0;
  },
};

/** Selection function S_i·τ = κ (d_i / 1000 µm)^α, pan 0. */
function selection(
  model: ComponentModel,
  kappa: number,
  alpha: number,
  sel: Float64Array,
  pre: Float64Array,
): void {
  const n = model.nSize;
  if (pre.length === n) {
    for (let i = 0; i < n; i++) sel[i] = kappa * (pre[i] ?? 0);
    return;
  }
  for (let i = 0; i < n - 1; i++)
    sel[i] = kappa * Math.pow((model.sieve.mid_um[i] ?? 0) / 1000, alpha);
  sel[n - 1] = 0;
}

/** (d_i / 1 mm)^α for every size class (pan 0): the parameter-only part of the selection function. */
export function selectionShape(model: ComponentModel, alpha: number): Float64Array {
  const n = model.nSize;
  const pre = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) pre[i] = Math.pow((model.sieve.mid_um[i] ?? 0) / 1000, alpha);
  return pre;
}

/**
 * Applies the perfect-mixing mill operator to one size vector.
 * @param feed - Feed by size class [kg/h]
 * @param prod - Receives the product [kg/h]
 * @param acc - Work array (length nSize)
 */
export function millOperator(
  model: ComponentModel,
  feed: Float64Array,
  prod: Float64Array,
  sel: Float64Array,
  acc: Float64Array,
): void {
  const n = model.nSize;
  const b = model.breakage;
  acc.fill(0);
  for (let i = 0; i < n; i++) {
    const pi = ((feed[i] ?? 0) + (acc[i] ?? 0)) / (1 + (sel[i] ?? 0));
    prod[i] = pi;
    const broken = (sel[i] ?? 0) * pi;
    if (broken !== 0)
      for (let j = i + 1; j < n; j++) acc[j] = (acc[j] ?? 0) + broken * (b[j * n + i] ?? 0);
  }
}

function solveKappa(
  model: ComponentModel,
  agg: Float64Array,
  prod: Float64Array,
  sel: Float64Array,
  work: Float64Array,
  target: number,
  alpha: number,
  start: number,
  unitId: string,
  pre: Float64Array,
): { kappa: number; iterations: number } {
  const f = (lnk: number): number => {
    selection(model, Math.exp(lnk), alpha, sel, pre);
    millOperator(model, agg, prod, sel, work);
    return Math.log(passingSize_um(model.sieve, prod, 0.8) / target);
  };
  let a = Math.log(start);
  let fa = f(a);
  let its = 1;
  if (Math.abs(fa) < 1e-13) return { kappa: Math.exp(a), iterations: its };
  let step = fa > 0 ? 0.7 : -0.7;
  let b = a + step;
  let fb = f(b);
  its++;
  while (fa * fb > 0) {
    if (its > 80)
      throw new ConvergenceError(
        `unit "${unitId}": breakage rate for product P80 ${target} µm (not bracketed)`,
        its,
        Math.abs(fb),
      );
    a = b;
    fa = fb;
    step *= 2;
    b = a + step;
    fb = f(b);
    its++;
  }
  // Illinois regula falsi
  let side = 0;
  for (; its < 200; its++) {
    const c = (a * fb - b * fa) / (fb - fa);
    const fc = f(c);
    if (Math.abs(fc) < 1e-13 || Math.abs(b - a) < 1e-14)
      return { kappa: Math.exp(c), iterations: its };
    if (fc * fb > 0) {
      b = c;
      fb = fc;
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      a = c;
      fa = fc;
      if (side === 1) fb /= 2;
      side = 1;
    }
  }
  throw new ConvergenceError(
    `unit "${unitId}": breakage rate for product P80 ${target} µm`,
    its,
    Math.min(Math.abs(fa), Math.abs(fb)),
  );
}
