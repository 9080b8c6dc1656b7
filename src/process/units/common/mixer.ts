import { NotImplementedError } from '../../../errors.js';
import { param } from '../../params.js';
import { sizedTotal } from '../../separate.js';
import { totalMass_kg_per_h, T_AMBIENT_K } from '../../stream.js';
import { NO_DESIGN } from '../../design/no-design.js';
import type { UnitKind } from '../../unit.js';

const params = {
  target_solids_wt_pct: param(
    0,
    'wt%',
    0,
    100,
    'pulp density to reach by adding water (sump); 0 = add no water. If the pulp is already more dilute, no water is added (see diagnostics)',
    'flowsheet choice',
  ),
  specific_energy_kWh_per_t: param(
    0,
    'kWh/t',
    0,
    20,
    'pumping energy per tonne of dry solids',
    'assumed: 0 unless set (pump power is usually booked with the unit it feeds)',
  ),
};

/**
 * Mixer / sump with optional dilution water. Outlet = Σ inlets + W, where
 * W = max(0, S·(100 − x)/x − W_in) brings the pulp to x wt% solids.
 * Inlets at different temperatures need enthalpies from the thermochemistry engine and are
 * rejected (NotImplementedError) until it is wired in.
 */
export const mixer: UnitKind<typeof params> = {
  kind: 'mixer',
  title: 'Mixer / sump',
  inlets: 'variadic',
  outlets: ['product'],
  params,
  reagents: [],
  stateSize: 0,
  references: ['Mass addition; pulp-density relation S/(S+W) = x/100.'],
  results: {},
  design: NO_DESIGN,
  solve(inlets, p, ctx, out) {
    const o = out.outlets[0];
    if (!o) return;
    let T = NaN;
    let P = Infinity;
    for (const s of inlets) {
      for (let i = 0; i < s.flow.length; i++) o.flow[i] = (o.flow[i] ?? 0) + (s.flow[i] ?? 0);
      for (let i = 0; i < s.sized.length; i++) o.sized[i] = (o.sized[i] ?? 0) + (s.sized[i] ?? 0);
      if (totalMass_kg_per_h(s) > 0) {
        if (Number.isNaN(T)) T = s.T_K;
        else if (Math.abs(s.T_K - T) > 1e-9)
          throw new NotImplementedError(
            `unit "${ctx.unitId}": mixing streams at different temperatures (${T} K and ${s.T_K} K)`,
            'needs stream enthalpies from the thermochemistry engine (issue 4 / thermo issue)',
          );
        P = Math.min(P, s.P_Pa);
      }
    }
    o.T_K = Number.isNaN(T) ? T_AMBIENT_K : T;
    if (Number.isFinite(P)) o.P_Pa = P;
    const solids = sizedTotal(ctx.model, o);
    let added = 0;
    if (p.target_solids_wt_pct > 0 && solids > 0) {
      const need = (solids * (100 - p.target_solids_wt_pct)) / p.target_solids_wt_pct;
      added = Math.max(0, need - (o.flow[ctx.model.water] ?? 0));
      o.flow[ctx.model.water] = (o.flow[ctx.model.water] ?? 0) + added;
    }
    out.duties.water_added_kg_per_h = added;
    out.duties.power_kW = (p.specific_energy_kWh_per_t * solids) / 1000;
  },
};
