import data from '../../../../data/pyro/fecr.json' with { type: 'json' };
import { silicothermicRefining } from '../../pyro/silicothermic-refining.js';
import type { UnitKind } from '../../unit.js';
import { toSpecies, writeDemand, writeEnergyTerms, writeSpecies } from './bridge.js';
import { furnaceDesign } from './furnace-design.js';
import { schemaOf } from './params.js';

const params = schemaOf(data.refining, [
  'cr_reduction',
  'fe_reduction',
  'si_utilisation',
  'slag_basicity',
  'melt_T_K',
  'heat_loss_kWh_per_t',
  'electrical_efficiency',
]);

/**
 * Silicothermic (Perrin-type) MC/LC ferrochrome: chromite and lime melted in an electric furnace,
 * reduced by ferrosilicochrome (src/process/pyro/silicothermic-refining.ts). Demands `fesicr`
 * (from the Si demand) and `lime` (from the slag basicity target); the ore's water leaves as
 * vapour (`off-gas`).
 */
export const fecrSilicothermicRefining: UnitKind<typeof params> = {
  kind: 'fecr-silicothermic-refining',
  title: 'Silicothermic (Perrin) MC/LC ferrochrome',
  inlets: ['ore', 'fesicr', 'lime'],
  outlets: ['alloy', 'slag', 'off-gas'],
  params,
  reagents: [],
  stateSize: 0,
  reactive: true,
  references: [
    'LC/MC FeCr routes (Perrin ore–lime melt + FeSiCr): plnmw.com history text http://www.plnmw.com/PatentSearch/iyclsxldsv.html',
    'data/pyro/fecr.json refining (assumed parameters)',
  ],
  energy: true,
  demandPorts: ['fesicr', 'lime'],
  results: {
    alloy_kg_per_h: { unit: 'kg/h', description: 'refined alloy tapped' },
    fesicr_kg_per_h: { unit: 'kg/h', description: 'ferrosilicochrome reductant used' },
    lime_kg_per_h: { unit: 'kg/h', description: 'lime flux used' },
    thermal_loss_kW: { unit: 'kW', description: 'heat lost through the furnace shell and cooling' },
    electrical_loss_kW: {
      unit: 'kW',
      description: 'electrical losses (transformer, bus, electrodes)',
    },
  },
  design: furnaceDesign(
    'fecr-silicothermic-refining',
    ['ore', 'fesicr', 'lime'],
    ['alloy', 'slag', 'off-gas'],
  ),
  solve(inlets, p, ctx, out) {
    const ore = inlets[0];
    const [alloy, slag, gas] = out.outlets;
    if (!ore || !alloy || !slag || !gas) return;
    const r = silicothermicRefining(toSpecies(ctx.model, ore, 'ore'), p);
    writeSpecies(ctx.model, r.alloy, alloy);
    writeSpecies(ctx.model, r.slag, slag);
    writeSpecies(ctx.model, r.gas, gas);
    const d = out.diagnostics;
    const [, fesicr, lime] = r.inlets;
    if (fesicr) writeDemand(ctx.model, out, 'fesicr', fesicr);
    if (lime) writeDemand(ctx.model, out, 'lime', lime);
    d.alloy_kg_per_h = r.alloy_kg_per_s * 3600;
    d.fesicr_kg_per_h = r.fesicr_kg_per_s * 3600;
    d.lime_kg_per_h = r.lime_kg_per_s * 3600;
    d.thermal_loss_kW = r.heat_loss_W / 1000;
    d.electrical_loss_kW = r.electrical_loss_W / 1000;
    writeEnergyTerms(out, {
      H_in_W: r.H_in_W,
      H_out_W: r.H_out_W,
      electric_W: r.electric_W,
      heat_loss_W: r.heat_loss_W + r.electrical_loss_W,
    });
    out.duties.power_kW = r.electric_W / 1000;
  },
};
