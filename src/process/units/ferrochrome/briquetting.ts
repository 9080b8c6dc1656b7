import { briquette } from '../../pyro/pretreatment.js';
import type { UnitKind } from '../../unit.js';
import { machinesDesign } from '../../design/throughput-design.js';
import { toSpecies, writeDemand, writeEnergyTerms, writeSpecies } from './bridge.js';
import { PRE, schemaOf } from './params.js';

const params = schemaOf(PRE, ['briquette_binder_kg_per_t', 'briquette_power_kWh_per_t']);

/**
 * Briquetting of chromite fines (roller press): ore + binder → briquettes at 298.15 K; press
 * power as electricity (src/process/pyro/pretreatment.ts `briquette`). Demands `binder`.
 */
export const fecrBriquetting: UnitKind<typeof params> = {
  kind: 'fecr-briquetting',
  title: 'Briquetting of chromite fines (roller press)',
  inlets: ['ore', 'binder'],
  outlets: ['briquettes'],
  params,
  reagents: [],
  stateSize: 0,
  references: [
    'Tikhvin briquetting plant (briquetted charge for the SAF) http://ferro-alloys.com/en/News/Details/12587 ; data/pyro/fecr.json',
  ],
  energy: true,
  demandPorts: ['binder'],
  results: {},
  design: machinesDesign(
    'fecr-briquetting',
    { side: 'outlets', ports: ['briquettes'], names: ['briquettes'] },
    { name: 'presses', description: 'roller presses of the design capacity' },
  ),
  solve(inlets, p, ctx, out) {
    const ore = inlets[0];
    const prod = out.outlets[0];
    if (!ore || !prod) return;
    const r = briquette(toSpecies(ctx.model, ore, 'ore'), {
      binder_kg_per_t: p.briquette_binder_kg_per_t,
      power_kWh_per_t: p.briquette_power_kWh_per_t,
    });
    writeSpecies(ctx.model, r.product, prod);
    if (r.binder) writeDemand(ctx.model, out, 'binder', r.binder);
    writeEnergyTerms(out, r);
    out.duties.power_kW = r.electric_W / 1000;
  },
};
