import { sinterPellets } from '../../pyro/pretreatment.js';
import type { UnitKind } from '../../unit.js';
import { toSpecies, writeDemand, writeEnergyTerms, writeSpecies } from './bridge.js';
import { PRE, schemaOf } from './params.js';

const params = schemaOf(PRE, [
  'sinter_oxidation_fraction',
  'sinter_pellet_out_T_K',
  'sinter_gas_out_T_K',
  'sinter_air_excess',
  'sinter_heat_loss_fraction',
]);

/**
 * Oxidative sintering of green pellets (Outokumpu steel belt), fired with coke breeze; fuel solved
 * from the heat balance (src/process/pyro/pretreatment.ts `sinterPellets`). Demands `fuel`, `air`.
 */
export const fecrSinterStrand: UnitKind<typeof params> = {
  kind: 'fecr-sinter-strand',
  title: 'Oxidative pellet sintering (steel belt)',
  inlets: ['green-pellets', 'fuel', 'air'],
  outlets: ['sinter', 'gas'],
  params,
  reagents: [],
  stateSize: 0,
  reactive: true,
  references: ['shared/domain/facts.md §3.3 (Outokumpu sintered pellets); data/pyro/fecr.json'],
  solve(inlets, p, ctx, out) {
    const green = inlets[0];
    const [sinter, gas] = out.outlets;
    if (!green || !sinter || !gas) return;
    const r = sinterPellets(toSpecies(ctx.model, green, 'green-pellets'), p);
    writeSpecies(ctx.model, r.product, sinter);
    if (r.gas) writeSpecies(ctx.model, r.gas, gas);
    const d = out.diagnostics;
    if (r.fuel) writeDemand(ctx.model, d, 'fuel', r.fuel);
    if (r.air) writeDemand(ctx.model, d, 'air', r.air);
    d.fuel_kg_per_h = r.fuel_kg_per_s * 3600;
    d.fuel_LHV_kW = r.fuel_LHV_W / 1000;
    writeEnergyTerms(d, r);
  },
};
