import { rotaryKiln } from '../../pyro/pretreatment.js';
import type { UnitKind } from '../../unit.js';
import { designBasis } from '../../design/basis.js';
import { port, solids_t_per_h } from '../../design/measures.js';
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
  references: [
    'Premus pre-reduction at Glencore Lion (Mining Weekly 2014) https://republicofmining.com/2014/11/05/technology-slashes-power-use-at-glencores-huge-s-african-chrome-smelter-by-martin-creamer-miningweekly-com-november-5-2014/ ; Shabanov et al., Metals 14(2):202 (2024) https://doi.org/10.3390/met14020202 ; data/pyro/fecr.json',
  ],
  energy: true,
  demandPorts: ['fuel', 'air'],
  results: {
    fuel_kg_per_h: { unit: 'kg/h', description: 'coal fired (as received), from the heat balance' },
    fuel_LHV_kW: { unit: 'kW', description: 'lower heating value of the coal fired' },
  },
  design: {
    basis: designBasis('fecr-prereduction-kiln'),
    results: {
      pellets_t_per_h: { unit: 't/h', description: 'green pellets fed (dry)' },
      kiln_volume_m3: {
        unit: 'm3',
        description: 'inner volume for the design residence time and fill',
      },
      kiln_diameter_m: {
        unit: 'm',
        description: 'inner diameter at the design length/diameter ratio',
      },
      kiln_length_m: { unit: 'm', description: 'length at the design length/diameter ratio' },
    },
    size(u) {
      // V = Q·τ / (ρ_bulk·φ); V = π D² L / 4 with L = k·D  ⇒  D = (4V / (π k))^(1/3)
      const q = solids_t_per_h(u.model, [
        port(['green-pellets', 'fuel', 'air'], u.inlets, 'green-pellets'),
      ]);
      const b = u.basis;
      const V =
        (q * (b.residence_h ?? NaN)) /
        ((b.bulk_density_t_per_m3 ?? NaN) * (b.fill_fraction ?? NaN));
      const k = b.length_to_diameter ?? NaN;
      const D = Math.cbrt((4 * V) / (Math.PI * k));
      return { pellets_t_per_h: q, kiln_volume_m3: V, kiln_diameter_m: D, kiln_length_m: k * D };
    },
  },
  solve(inlets, p, ctx, out) {
    const green = inlets[0];
    const [prod, gas, ash] = out.outlets;
    if (!green || !prod || !gas || !ash) return;
    const r = rotaryKiln(toSpecies(ctx.model, green, 'green-pellets'), p);
    writeSpecies(ctx.model, r.product, prod);
    if (r.gas) writeSpecies(ctx.model, r.gas, gas);
    writeSpecies(ctx.model, r.ash, ash);
    const d = out.diagnostics;
    if (r.fuel) writeDemand(ctx.model, out, 'fuel', r.fuel);
    if (r.air) writeDemand(ctx.model, out, 'air', r.air);
    d.fuel_kg_per_h = r.fuel_kg_per_s * 3600;
    d.fuel_LHV_kW = r.fuel_LHV_W / 1000;
    writeEnergyTerms(out, r);
  },
};
