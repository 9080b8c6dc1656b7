import { param } from '../../params.js';
import { sizedTotal } from '../../separate.js';
import { copyStream } from '../../stream.js';
import { throughputDesign } from '../../design/throughput-design.js';
import type { UnitKind } from '../../unit.js';

const params = {
  specific_energy_kWh_per_t: param(
    0.1,
    'kWh/t',
    0,
    10,
    'electrical energy per tonne of dry solids (apron/belt feeder, stockpile reclaim)',
    'assumed: order of magnitude of feeder/conveyor drives; no published figure found',
  ),
};

/**
 * Feeder / stockpile: at steady state a pass-through; draws power per tonne of solids.
 * Equation: outlet = inlet; P = e · Q_s.
 */
export const feeder: UnitKind<typeof params> = {
  kind: 'feeder',
  title: 'Feeder / stockpile (steady-state pass-through)',
  inlets: ['feed'],
  outlets: ['product'],
  params,
  reagents: [],
  stateSize: 0,
  references: ['Steady-state pass-through; no literature model needed.'],
  results: {},
  design: throughputDesign('feeder', { side: 'inlets', ports: ['feed'], names: ['feed'] }),
  solve(inlets, p, ctx, out) {
    const inlet = inlets[0];
    const o = out.outlets[0];
    if (!inlet || !o) return;
    copyStream(o, inlet);
    out.duties.power_kW = (p.specific_energy_kWh_per_t * sizedTotal(ctx.model, inlet)) / 1000;
  },
};
