import { sinterPellets } from '../../pyro/pretreatment.js';
import type { UnitKind } from '../../unit.js';
import { designBasis } from '../../design/basis.js';
import { port, solids_t_per_h } from '../../design/measures.js';
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
  references: [
    'Outokumpu Tornio (oxidatively sintered pellets) https://www.outokumpu.com/sv-se/locations/tornioferrochrome ; Bondarenko & Tastanov, Metallurgist 2019 https://doi.org/10.1007/s11015-019-00776-0 ; data/pyro/fecr.json',
  ],
  energy: true,
  demandPorts: ['fuel', 'air'],
  results: {
    fuel_kg_per_h: { unit: 'kg/h', description: 'coke breeze fired (dry), from the heat balance' },
    fuel_LHV_kW: { unit: 'kW', description: 'lower heating value of the fuel fired' },
  },
  design: {
    basis: designBasis('fecr-sinter-strand'),
    results: {
      sinter_t_per_h: { unit: 't/h', description: 'sintered pellets produced (dry)' },
      strand_area_m2: {
        unit: 'm2',
        description: 'sintering area of the steel belt at the design productivity',
      },
    },
    size(u) {
      const t = solids_t_per_h(u.model, [port(['sinter', 'gas'], u.outlets, 'sinter')]);
      return { sinter_t_per_h: t, strand_area_m2: t / (u.basis.productivity_t_per_m2_h ?? NaN) };
    },
  },
  solve(inlets, p, ctx, out) {
    const green = inlets[0];
    const [sinter, gas] = out.outlets;
    if (!green || !sinter || !gas) return;
    const r = sinterPellets(toSpecies(ctx.model, green, 'green-pellets'), p);
    writeSpecies(ctx.model, r.product, sinter);
    if (r.gas) writeSpecies(ctx.model, r.gas, gas);
    const d = out.diagnostics;
    if (r.fuel) writeDemand(ctx.model, out, 'fuel', r.fuel);
    if (r.air) writeDemand(ctx.model, out, 'air', r.air);
    d.fuel_kg_per_h = r.fuel_kg_per_s * 3600;
    d.fuel_LHV_kW = r.fuel_LHV_W / 1000;
    writeEnergyTerms(out, r);
  },
};
