import { param } from '../../params.js';
import { areaDesign } from '../../design/throughput-design.js';
import type { UnitKind } from '../../unit.js';
import { solveDewater } from './dewater-model.js';

const params = {
  cake_moisture_wt_pct: param(
    9,
    'wt%',
    0.1,
    60,
    'filter-cake moisture (water / wet cake)',
    'assumed: chromite concentrate cakes 7–10 % moisture',
  ),
  solids_to_filtrate: param(
    0.001,
    '-',
    0,
    1,
    'fraction of solids passing to the filtrate',
    'assumed',
  ),
  specific_energy_kWh_per_t: param(
    3,
    'kWh/t',
    0,
    50,
    'filter drive, vacuum/air blow per tonne of dry feed',
    'assumed',
  ),
};

/** Filter: cake at a target moisture, filtrate water; equations in dewater-model.ts. */
export const filter: UnitKind<typeof params> = {
  kind: 'filter',
  title: 'Filter',
  inlets: ['feed'],
  outlets: ['cake', 'filtrate'],
  results: {
    solids_wt_pct_reached: { unit: 'wt%', description: 'solids content of the cake reached' },
  },
  design: areaDesign('filter', { side: 'inlets', ports: ['feed'], names: ['feed'] }),
  params,
  reagents: ['filter_aid_kg_per_h'],
  stateSize: 0,
  references: [
    "B. A. Wills, J. Finch, Wills' Mineral Processing Technology, 8th ed. (2016), ch. 15 (filtration; cake moisture).",
  ],
  solve(inlets, p, ctx, out) {
    solveDewater(
      inlets,
      p.solids_to_filtrate,
      100 - p.cake_moisture_wt_pct,
      p.specific_energy_kWh_per_t,
      0,
      ctx,
      out,
    );
  },
};
