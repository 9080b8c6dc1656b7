import { param } from '../../params.js';
import { areaDesign } from '../../design/throughput-design.js';
import type { UnitKind } from '../../unit.js';
import { solveDewater } from './dewater-model.js';

const params = {
  underflow_solids_wt_pct: param(
    60,
    'wt%',
    1,
    95,
    'underflow pulp density',
    'assumed: conventional/high-rate thickeners 55–65 % solids',
  ),
  solids_to_overflow: param(0.002, '-', 0, 1, 'fraction of solids lost to the overflow', 'assumed'),
  flocculant_g_per_t: param(
    20,
    'g/t',
    0,
    1000,
    'flocculant dose per tonne of dry feed (consumable)',
    'assumed: 10–50 g/t',
  ),
  specific_energy_kWh_per_t: param(
    0.2,
    'kWh/t',
    0,
    10,
    'rake drive and underflow pumping per tonne of dry feed',
    'assumed',
  ),
};

/** Thickener: underflow at a target % solids, overflow water; equations in dewater-model.ts. */
export const thickener: UnitKind<typeof params> = {
  kind: 'thickener',
  title: 'Thickener',
  inlets: ['feed'],
  outlets: ['underflow', 'overflow'],
  results: {
    solids_wt_pct_reached: { unit: 'wt%', description: 'solids content of the underflow reached' },
  },
  design: areaDesign('thickener', { side: 'inlets', ports: ['feed'], names: ['feed'] }),
  params,
  reagents: ['flocculant_kg_per_h'],
  stateSize: 0,
  references: [
    "B. A. Wills, J. Finch, Wills' Mineral Processing Technology, 8th ed. (2016), ch. 15 (dewatering: water balance by pulp density).",
  ],
  solve(inlets, p, ctx, out) {
    solveDewater(
      inlets,
      p.solids_to_overflow,
      p.underflow_solids_wt_pct,
      p.specific_energy_kWh_per_t,
      p.flocculant_g_per_t,
      ctx,
      out,
    );
  },
};
