import { rotaryKiln } from '../../pyro/pretreatment.js';
import type { UnitKind } from '../../unit.js';
import { toSpecies, writeDemand, writeEnergyTerms, writeSpecies } from './bridge.js';
import { PRE, schemaOf } from './params.js';

const params = schemaOf(PRE, [
  'kiln_cr_metallisation',
  'kiln_fe_metallisation',
  'kiln_product_T_K',
  'kiln_gas_out_T_K',
  'kiln_air_excess',
  'kiln_heat_loss_fraction',
]);

/**
 * Rotary-kiln pre-reduction of pellets carrying coke breeze, coal-fired; Cr and Fe metallisation
 * as parameters, coal from the heat balance (src/process/pyro/pretreatment.ts `rotaryKiln`).
 * Demands `fuel`, `air`; hot pellets leave at the kiln product temperature.
 */
export const fecrPrereductionKiln: UnitKind<typeof params> = {
  kind: 'fecr-prereduction-kiln',
  title: 'Rotary-kiln pre-reduction of chromite pellets',
  inlets: ['green-pellets', 'fuel', 'air'],
  outlets: ['prereduced-pellets', 'gas', 'ash'],
  params,
  reagents: [],
  stateSize: 0,
  reactive: true,
  references: ['shared/domain/facts.md §3.3 (pre-reduction, CODIR/Premus); data/pyro/fecr.json'],
  solve(inlets, p, ctx, out) {
    const green = inlets[0];
    const [prod, gas, ash] = out.outlets;
    if (!green || !prod || !gas || !ash) return;
    const r = rotaryKiln(toSpecies(ctx.model, green, 'green-pellets'), p);
    writeSpecies(ctx.model, r.product, prod);
    if (r.gas) writeSpecies(ctx.model, r.gas, gas);
    writeSpecies(ctx.model, r.ash, ash);
    const d = out.diagnostics;
    if (r.fuel) writeDemand(ctx.model, d, 'fuel', r.fuel);
    if (r.air) writeDemand(ctx.model, d, 'air', r.air);
    d.fuel_kg_per_h = r.fuel_kg_per_s * 3600;
    d.fuel_LHV_kW = r.fuel_LHV_W / 1000;
    writeEnergyTerms(d, r);
  },
};
